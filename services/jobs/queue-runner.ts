/**
 * Outbox jobs through BullMQ, for deployments with Redis and separate worker processes.
 * The relay hands pending outbox rows to the queue in jobs of up to JOB_ROWS consecutive rows of
 * one topic, under deterministic job ids (so handing the same rows over twice makes one job);
 * the worker runs the handlers and only then marks the rows done. Batches are what make
 * indexing through a queue fast; a row that fails is retried alone, so it never holds back the
 * rest of its batch.
 * Rows handed over long ago and still not done are handed over again, which covers a Redis that
 * lost its data (it keeps nothing on disk here) and a worker killed mid-job.
 */
import { Queue, Worker, type Job } from 'bullmq';
import type { Db } from '../db/db.ts';
import { claimForRelay, markDead, markDone, markFailed, stillPending, type OutboxRow } from '../outbox/outbox.store.ts';
import { runHandlers, type JobRegistry } from './job-registry.ts';

export const QUEUE_NAME = 'outbox';

/** Rows per queue job. */
export const JOB_ROWS = 100;

export interface OutboxJob {
  rows: OutboxRow[];
}

/** Deterministic: the same rows, at the same replay generation, give the same id. */
export const jobIdFor = (rows: Pick<OutboxRow, 'id' | 'generation'>[]) =>
  `outbox-${rows[0]!.id}-${rows[rows.length - 1]!.id}-g${Math.max(...rows.map((r) => r.generation))}`;

/** Consecutive rows of one topic, at most JOB_ROWS to a job. */
export function toJobs(rows: OutboxRow[]): OutboxRow[][] {
  const jobs: OutboxRow[][] = [];
  for (const row of rows) {
    const last = jobs[jobs.length - 1];
    if (last && last.length < JOB_ROWS && last[0]!.topic === row.topic) last.push(row);
    else jobs.push([row]);
  }
  return jobs;
}

export interface QueueRunnerOptions {
  redisUrl: string;
  prefix: string;
  concurrency?: number;
  attempts?: number;
  backoffMs?: number;
  relayIntervalMs?: number;
  /** How long a handed-over row may stay undone before it is handed over again. */
  staleMs?: number;
  onError?: (row: OutboxRow, err: Error) => void;
}

export interface QueueRunner {
  stop(): Promise<void>;
}

function connectionOptions(redisUrl: string) {
  // BullMQ needs maxRetriesPerRequest null on blocking connections.
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

export function createQueue(opts: Pick<QueueRunnerOptions, 'redisUrl' | 'prefix'>): Queue {
  return new Queue(QUEUE_NAME, { connection: connectionOptions(opts.redisUrl), prefix: opts.prefix });
}

/**
 * Hands pending rows to the queue. The claim commits only once the queue has the jobs: a relay
 * killed in between leaves the rows unclaimed for the next one, not waiting out `staleMs`.
 * Job ids are deterministic, so jobs that did reach the queue before such a kill are not added
 * twice.
 */
export async function relayPending(
  db: Db,
  queue: Pick<Queue, 'addBulk'>,
  opts: { attempts: number; backoffMs?: number; staleMs?: number; limit?: number },
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await claimForRelay(tx, opts.limit ?? 1000, opts.staleMs ?? 5 * 60_000);
    if (rows.length === 0) return 0;
    await queue.addBulk(
      toJobs(rows).map((batch) => ({
        name: batch[0]!.topic,
        data: { rows: batch },
        opts: {
          jobId: jobIdFor(batch),
          attempts: opts.attempts,
          backoff: { type: 'exponential', delay: opts.backoffMs ?? 1000 },
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 10_000 },
        },
      })),
    );
    return rows.length;
  });
}

/** Starts the relay and the worker in this process. */
export function startQueueRunner(db: Db, registry: JobRegistry, opts: QueueRunnerOptions): QueueRunner {
  const attempts = opts.attempts ?? 5;
  const queue = createQueue(opts);
  /** Runs a job's rows still pending: as one batch, or row by row when the batch fails. */
  async function processJob(job: Job<OutboxJob>): Promise<void> {
    const rows = await stillPending(db, job.data.rows);
    if (rows.length === 0) return;
    try {
      await runHandlers(registry, rows[0]!.topic, rows);
      await markDone(db, rows.map((r) => r.id));
      return;
    } catch {
      // Find the rows that fail; the others are done now.
    }
    const failed: string[] = [];
    for (const row of rows) {
      try {
        await runHandlers(registry, row.topic, [row]);
        await markDone(db, [row.id]);
      } catch (err) {
        opts.onError?.(row, err as Error);
        await markFailed(db, row.id, (err as Error).message, { dead: false, retryInMs: 0 });
        failed.push(`row ${row.id}: ${(err as Error).message}`);
      }
    }
    if (failed.length > 0) throw new Error(failed.join('; '));
  }

  const worker = new Worker<OutboxJob>(
    QUEUE_NAME,
    processJob,
    {
      connection: connectionOptions(opts.redisUrl),
      prefix: opts.prefix,
      concurrency: opts.concurrency ?? 8,
      // A killed worker's jobs come back within seconds rather than the default half minute.
      lockDuration: 10_000,
      stalledInterval: 5_000,
      maxStalledCount: 10,
    },
  );
  worker.on('failed', (job) => {
    // Out of attempts: the rows that still fail become dead letters, to be replayed by hand.
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    void markDead(db, job.data.rows.map((r) => r.id)).catch(() => {});
  });
  worker.on('error', () => {}); // connection blips are retried by BullMQ itself

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const relayOnce = () => relayPending(db, queue, { attempts, backoffMs: opts.backoffMs, staleMs: opts.staleMs });
  const relayLoop = async () => {
    if (stopped) return;
    let n = 0;
    try {
      n = await relayOnce();
    } catch {
      // The database or Redis is away; the rows stay pending and the next round tries again.
    }
    if (!stopped) timer = setTimeout(relayLoop, n > 0 ? 0 : (opts.relayIntervalMs ?? 250));
  };
  void relayLoop();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await worker.close();
      await queue.close();
    },
  };
}
