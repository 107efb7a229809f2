/**
 * The outbox promise under a crash: a BullMQ worker killed (SIGKILL) in the middle of a large
 * import, then started again, leaves every outbox row processed and every effect correct.
 * Real PostgreSQL server, real Redis, the real `planhub worker` process.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJsonl } from '../helpers/imports.ts';
import { createQueue } from '../../services/jobs/queue-runner.ts';
import { outboxStats } from '../../services/outbox/outbox.store.ts';
import { loadConfig } from '../../services/config/config.ts';
import { openRuntime } from '../../services/runtime/runtime.ts';
import { TEST_REDIS_URL, createTestDb, type TestDb } from '../helpers/databases.ts';
import { CLUSTER_SETUPS, clusterSettings, dropIndices, isCluster, newIndexPrefix, type SearchSetup } from '../helpers/engines.ts';
import { buildApproval, buildProject } from '../helpers/factories.ts';
import { startCli, waitFor, type Child } from '../helpers/processes.ts';
import { fromText, jsonl } from '../helpers/streams.ts';
import { actualSummaries, expectedSummaries } from '../helpers/summaries.ts';

const ENGINES: SearchSetup[] = ['postgres', ...CLUSTER_SETUPS];

describe.each(ENGINES)('BullMQ worker killed mid-import, indexing into %s', (engine) => {
  let t: TestDb;
  const prefix = `planhub-test-${randomBytes(4).toString('hex')}`;
  const indexPrefix = newIndexPrefix();
  const children: Child[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDb('postgres');
    env = {
      DATABASE_URL: t.url!, REDIS_URL: TEST_REDIS_URL, PLANHUB_QUEUE_PREFIX: prefix,
      ...(isCluster(engine) ? clusterSettings(engine, indexPrefix) : {}),
    };
  });
  afterAll(async () => {
    for (const c of children) c.proc.kill('SIGKILL');
    const queue = createQueue({ redisUrl: TEST_REDIS_URL, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
    await t.drop();
    if (isCluster(engine)) await dropIndices(indexPrefix, engine);
  });

  it('ends with every outbox row done exactly once in effect', { timeout: 300_000 }, async () => {
    const first = startCli(['worker'], env);
    children.push(first);
    await waitFor('the first worker to start', async () => first.output().includes('worker running'), 30_000);

    const projects = Array.from({ length: 2000 }, (_, i) => buildProject({ id: `crash-p${i}`, project_no: `JAAA2018${String(i + 1).padStart(4, '0')}` }));
    const approvals = projects.flatMap((p) => [buildApproval(p.project_no), buildApproval(p.project_no), buildApproval(p.project_no)]);
    const total = projects.length + approvals.length;

    await importJsonl(t.db, 'project', fromText(jsonl(projects)));
    // Kill the worker once it is well into the work, while approvals are still being imported.
    const importing = importJsonl(t.db, 'approval', fromText(jsonl(approvals), 16 * 1024), { batchSize: 100 });
    await waitFor('the worker to process some rows', async () => (await outboxStats(t.db)).done > 500, 60_000, 20);
    first.proc.kill('SIGKILL');
    await first.exited;
    const report = await importing;
    expect(report.accepted).toBe(approvals.length);

    const atCrash = await outboxStats(t.db);
    expect(atCrash.done).toBeGreaterThan(0);
    expect(atCrash.pending).toBeGreaterThan(0); // the crash really left work undone

    const second = startCli(['worker'], env);
    children.push(second);
    const final = await waitFor(`the second worker to finish (${JSON.stringify(await outboxStats(t.db))} at its start)`, async () => {
      const s = await outboxStats(t.db);
      return s.pending === 0 ? s : undefined;
    }, 120_000, 200);
    expect(final).toEqual({ pending: 0, done: total, dead: 0 });
    expect(await actualSummaries(t.db)).toEqual(await expectedSummaries(t.db));
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    // Nothing the killed worker was indexing is missing from the search engine.
    const rt = await openRuntime(loadConfig(env));
    try {
      expect(await rt.indexer.reconcile({ repair: false })).toMatchObject({ checked: total, missing: 0, stale: 0, extra: 0 });
    } finally {
      await rt.close();
    }
  });
});
