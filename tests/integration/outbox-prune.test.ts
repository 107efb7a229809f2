/** Done outbox rows are kept for PLANHUB_OUTBOX_KEEP_DAYS, then pruned; nothing else is ever pruned. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../services/config/config.ts';
import { createInProcessRunner } from '../../services/jobs/in-process-runner.ts';
import { startOutboxPruner } from '../../services/outbox/outbox-pruner.ts';
import { markFailed, outboxStats } from '../../services/outbox/outbox.store.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../helpers/databases.ts';
import { buildProject } from '../helpers/factories.ts';
import { importJsonl } from '../helpers/imports.ts';
import { fromText, jsonl } from '../helpers/streams.ts';
import { summaryJobs } from '../helpers/summaries.ts';

describe.each(DB_KINDS)('outbox pruning on %s', (kind) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb(kind);
  });
  afterEach(() => t.drop());

  /** Ages the given rows as if they had been processed `days` ago. */
  const age = (ids: number[], days: number) =>
    t.db.query(`UPDATE outbox SET processed_at = now() - $2 * interval '1 day', created_at = now() - $2 * interval '1 day'
                WHERE id = ANY($1::bigint[])`, [ids, days]);

  it('deletes done rows older than the retention, and keeps recent, pending and dead rows', async () => {
    await importJsonl(t.db, 'project', fromText(jsonl(Array.from({ length: 12 }, () => buildProject()))));
    const runner = createInProcessRunner(t.db, summaryJobs(t.db), { idleMs: 60_000 });
    await runner.drain();
    await runner.stop();
    const ids = (await t.db.query<{ id: number }>('SELECT id FROM outbox ORDER BY id')).rows.map((r) => r.id);
    expect(ids).toHaveLength(12);
    // 1–6 old and done; 7 old and dead; 8 old but pending again; 9–12 recent and done.
    await age(ids.slice(0, 8), 8);
    await t.db.query(`UPDATE outbox SET status = 'pending' WHERE id = ANY($1::bigint[])`, [[ids[6], ids[7]]]);
    await markFailed(t.db, ids[6]!, 'gave up', { dead: true, retryInMs: 0 });

    const pruner = startOutboxPruner(t.db, { keepDays: 7 });
    try {
      expect(await pruner.pruneNow()).toBe(6);
      expect(await outboxStats(t.db)).toEqual({ pending: 1, done: 4, dead: 1 });
      // A second round finds nothing more to do.
      expect(await pruner.pruneNow()).toBe(0);
    } finally {
      await pruner.stop();
    }
    const left = (await t.db.query<{ id: number }>('SELECT id FROM outbox ORDER BY id')).rows.map((r) => r.id);
    expect(left).toEqual(ids.slice(6));
  });

  it('keeps everything younger than a longer retention', async () => {
    await importJsonl(t.db, 'project', fromText(jsonl([buildProject(), buildProject()])));
    const runner = createInProcessRunner(t.db, summaryJobs(t.db), { idleMs: 60_000 });
    await runner.drain();
    await runner.stop();
    const ids = (await t.db.query<{ id: number }>('SELECT id FROM outbox ORDER BY id')).rows.map((r) => r.id);
    await age(ids, 8);
    const pruner = startOutboxPruner(t.db, { keepDays: 30 });
    expect(await pruner.pruneNow()).toBe(0);
    await pruner.stop();
    expect((await outboxStats(t.db)).done).toBe(2);
  });
});

describe('PLANHUB_OUTBOX_KEEP_DAYS', () => {
  it('defaults to 7 days and reads a number of days', () => {
    expect(loadConfig({}).outboxKeepDays).toBe(7);
    expect(loadConfig({ PLANHUB_OUTBOX_KEEP_DAYS: '0.5' }).outboxKeepDays).toBe(0.5);
  });

  it.each([['-1', /must not be negative/], ['a week', /must be a number of days/]])('refuses %s', (value, message) => {
    expect(() => loadConfig({ PLANHUB_OUTBOX_KEEP_DAYS: value })).toThrow(message);
  });
});
