/**
 * What every command needs: the configuration, the store (migrated), and the job registry.
 * Built once per process; `close` releases them in reverse order.
 */
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { lockDataDir } from '../db/data-dir-lock.ts';
import { openPglite, openPostgres, type Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { createJobRegistry, type JobRegistry } from '../jobs/job-registry.ts';
import { createInProcessRunner, type InProcessRunner } from '../jobs/in-process-runner.ts';
import { startQueueRunner, type QueueRunner } from '../jobs/queue-runner.ts';
import { projectSummaryJob } from '../projects/project-summary.job.ts';

export interface Runtime {
  config: Config;
  db: Db;
  registry: JobRegistry;
  close(): Promise<void>;
}

export async function openRuntime(config: Config): Promise<Runtime> {
  let release = () => {};
  let db: Db;
  if (config.databaseUrl) {
    db = openPostgres(config.databaseUrl);
  } else {
    release = lockDataDir(config.dataDir);
    try {
      db = await openPglite(path.join(config.dataDir, 'pg'));
    } catch (err) {
      release();
      throw err;
    }
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    release();
    throw err;
  }
  const registry = createJobRegistry([projectSummaryJob(db)]);
  return {
    config,
    db,
    registry,
    async close() {
      await db.close();
      release();
    },
  };
}

export type JobRunner = InProcessRunner | QueueRunner;

/** Starts the job runner the configuration calls for: BullMQ with Redis, else in-process. */
export function startJobs(rt: Runtime, log: (msg: string) => void): JobRunner {
  const onError = (row: { id: number; topic: string }, err: Error) =>
    log(`job for outbox row ${row.id} (${row.topic}) failed: ${err.message}`);
  if (rt.config.redisUrl) {
    return startQueueRunner(rt.db, rt.registry, { redisUrl: rt.config.redisUrl, prefix: rt.config.queuePrefix, onError });
  }
  return createInProcessRunner(rt.db, rt.registry, { onError });
}
