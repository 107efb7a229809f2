import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importJsonl } from '../helpers/imports.ts';
import { createInProcessRunner } from '../../services/jobs/in-process-runner.ts';
import { createJobRegistry } from '../../services/jobs/job-registry.ts';
import type { JobHandler, JobHandlers } from '../../services/jobs/job-types.ts';
import { listDead, outboxStats, replayDead } from '../../services/outbox/outbox.store.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../helpers/databases.ts';
import { buildApproval, buildPetition, buildProject } from '../helpers/factories.ts';
import { fromText, jsonl } from '../helpers/streams.ts';
import { actualSummaries, expectedSummaries, summaryJobs } from '../helpers/summaries.ts';

describe.each(DB_KINDS)('in-process job runner on %s', (kind) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb(kind);
  });
  afterEach(() => t.drop());

  it('processes every outbox row and keeps summaries equal to the records', async () => {
    const projects = Array.from({ length: 30 }, () => buildProject());
    await importJsonl(t.db, 'project', fromText(jsonl(projects)));
    await importJsonl(t.db, 'approval', fromText(jsonl(projects.flatMap((p) => [buildApproval(p.project_no), buildApproval(p.project_no)]))));
    await importJsonl(t.db, 'petition', fromText(jsonl(projects.slice(0, 5).map((p) => buildPetition({ project_nos: [p.project_no] })))));
    const runner = createInProcessRunner(t.db, summaryJobs(t.db), { batchSize: 7, idleMs: 60_000 });
    await runner.drain();
    await runner.stop();
    expect(await outboxStats(t.db)).toEqual({ pending: 0, done: 30 + 60 + 5, dead: 0 });
    const actual = await actualSummaries(t.db);
    expect(actual).toEqual(await expectedSummaries(t.db));
    expect(actual.filter((s) => s.petitions === 1)).toHaveLength(5);
  });

  it('retries a failing job with backoff, then dead-letters it, and a replay runs it again', async () => {
    await importJsonl(t.db, 'project', fromText(jsonl([buildProject({ id: 'prj-good' }), buildProject({ id: 'prj-poison' })])));
    let broken = true;
    const calls: string[] = [];
    const flaky: JobHandler<'resource.changed'> = {
      name: 'flaky',
      async handle(rows) {
        for (const r of rows) calls.push(r.resource_id);
        if (broken && rows.some((r) => r.resource_id === 'prj-poison')) throw new Error('poison pill');
      },
    };
    const runner = createInProcessRunner(t.db, createJobRegistry({ 'resource.changed': [flaky], 'links.changed': [{ name: 'none', handle: async () => {} }] }), { maxAttempts: 3, backoffMs: 1, idleMs: 60_000 });
    for (let i = 0; i < 20 && (await outboxStats(t.db)).pending > 0; i += 1) {
      await runner.drain();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await outboxStats(t.db)).toEqual({ pending: 0, done: 1, dead: 1 });
    const [dead] = await listDead(t.db);
    expect(dead).toMatchObject({ resource_id: 'prj-poison', attempts: 3, last_error: 'poison pill' });
    // The good row ran in the first batch; after that, only the poison pill was tried, three times.
    expect(calls.filter((c) => c === 'prj-poison')).toHaveLength(4);

    broken = false;
    expect(await replayDead(t.db, [dead!.id])).toBe(1);
    await runner.drain();
    await runner.stop();
    expect(await outboxStats(t.db)).toEqual({ pending: 0, done: 2, dead: 0 });
  });

  it('refuses a registry that leaves a topic without a handler', () => {
    expect(() => createJobRegistry({ 'resource.changed': [], 'links.changed': [{ name: 'x', handle: async () => {} }] })).toThrow(/no job handler for topic resource\.changed/);
    // A topic left out of the map altogether (tsc refuses it; a registry built from data could still do it).
    expect(() => createJobRegistry({} as JobHandlers)).toThrow(/no job handler for topic resource\.changed/);
  });
});
