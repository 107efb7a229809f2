/**
 * The BullMQ path with real Redis: rows travel in batches, a failing row is retried alone and
 * ends as a dead letter while its batch-mates are done, and a replay runs it again.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJsonl } from '../helpers/imports.ts';
import { createJobRegistry } from '../../services/jobs/job-registry.ts';
import type { JobHandler, Topic } from '../../services/jobs/job-types.ts';
import { JOB_ROWS, createQueue, jobIdFor, relayPending, startQueueRunner, toJobs } from '../../services/jobs/queue-runner.ts';
import { claimForRelay, listDead, outboxStats, replayDead, type OutboxRow } from '../../services/outbox/outbox.store.ts';
import { TEST_REDIS_URL, createTestDb, type TestDb } from '../helpers/databases.ts';
import { buildProject } from '../helpers/factories.ts';
import { waitFor } from '../helpers/processes.ts';
import { fromText, jsonl } from '../helpers/streams.ts';

// Rows of a second topic, as a later topic would be (only one exists today).
const row = (id: number, topic = 'resource.changed', generation = 0): OutboxRow =>
  ({ id, topic: topic as Topic, generation, attempts: 0, resource_type: 'project', resource_id: `p${id}`, version: 1, payload: { project_nos: [] } });

describe('queue jobs', () => {
  it('group consecutive rows of one topic, and their ids depend only on the rows', () => {
    const rows = [...Array.from({ length: JOB_ROWS + 5 }, (_, i) => row(i + 1)), row(500, 'other.topic')];
    const jobs = toJobs(rows);
    expect(jobs.map((j) => j.length)).toEqual([JOB_ROWS, 5, 1]);
    expect(jobIdFor(jobs[0]!)).toBe(`outbox-1-${JOB_ROWS}-g0`);
    expect(jobIdFor([row(7, 'x', 2)])).toBe('outbox-7-7-g2');
  });
});

describe('BullMQ runner with real Redis', () => {
  let t: TestDb;
  const prefix = `planhub-test-${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    t = await createTestDb('postgres');
  });
  afterAll(async () => {
    const queue = createQueue({ redisUrl: TEST_REDIS_URL, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
    await t.drop();
  });

  it('dead-letters only the failing row of a batch, and a replay runs it again', { timeout: 60_000 }, async () => {
    const projects = Array.from({ length: 30 }, (_, i) => buildProject({ id: `q-${i}` }));
    await importJsonl(t.db, 'project', fromText(jsonl(projects)));
    let broken = true;
    const handled = new Map<string, number>();
    const handler: JobHandler<'resource.changed'> = {
      name: 'test',
      async handle(rows) {
        if (broken && rows.some((r) => r.resource_id === 'q-7')) throw new Error('poison pill');
        for (const r of rows) handled.set(r.resource_id, (handled.get(r.resource_id) ?? 0) + 1);
      },
    };
    const runner = startQueueRunner(t.db, createJobRegistry({ 'resource.changed': [handler], 'links.changed': [{ name: 'none', handle: async () => {} }] }), { redisUrl: TEST_REDIS_URL, prefix, attempts: 3, backoffMs: 10 });
    try {
      await waitFor('the poison pill to die', async () => (await outboxStats(t.db)).dead === 1, 30_000);
      expect(await outboxStats(t.db)).toEqual({ pending: 0, done: 29, dead: 1 });
      const [dead] = await listDead(t.db);
      expect(dead).toMatchObject({ resource_id: 'q-7', attempts: 3, last_error: 'poison pill' });
      expect([...handled.values()].every((n) => n === 1)).toBe(true); // batch-mates ran once

      broken = false;
      await replayDead(t.db, [dead!.id]);
      await waitFor('the replay', async () => (await outboxStats(t.db)).done === 30, 30_000);
      expect(handled.get('q-7')).toBe(1);
    } finally {
      await runner.stop();
    }
  });

  it('a hand-over that does not reach Redis leaves its rows unclaimed for the next relay', { timeout: 30_000 }, async () => {
    const other = await createTestDb('postgres');
    try {
      await importJsonl(other.db, 'project', fromText(jsonl(Array.from({ length: 5 }, (_, i) => buildProject({ id: `h-${i}` })))));
      const closed = createQueue({ redisUrl: TEST_REDIS_URL, prefix });
      await closed.close();
      await expect(relayPending(other.db, closed, { attempts: 1 })).rejects.toThrow(/closed/i);
      // Still claimable at once, without waiting out the stale-hand-over delay.
      expect(await claimForRelay(other.db, 100, 60 * 60_000)).toHaveLength(5);
    } finally {
      await other.drop();
    }
  });

  it('a hand-over that reached Redis is not added twice when handed over again', { timeout: 30_000 }, async () => {
    const other = await createTestDb('postgres');
    const queue = createQueue({ redisUrl: TEST_REDIS_URL, prefix: `${prefix}-twice` });
    try {
      await importJsonl(other.db, 'project', fromText(jsonl(Array.from({ length: 5 }, (_, i) => buildProject({ id: `t-${i}` })))));
      expect(await relayPending(other.db, queue, { attempts: 1 })).toBe(5);
      expect(await relayPending(other.db, queue, { attempts: 1, staleMs: 0 })).toBe(5);
      expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
      await other.drop();
    }
  });
});
