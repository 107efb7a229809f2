/**
 * Outbox jobs through BullMQ, for deployments with Redis and separate worker processes.
 * The relay hands pending outbox rows to the queue under deterministic job ids (so handing a
 * row over twice makes one job); the worker runs the handlers and only then marks the row done.
 * Rows handed over long ago and still not done are handed over again, which covers a Redis that
 * lost its data (it keeps nothing on disk here) and a worker killed mid-job.
 */
import { Queue, Worker, type Job } from 'bullmq';
import type { Db } from '../db/db.ts';
import { claimForRelay, markDone, markFailed, type OutboxRow } from '../outbox/outbox.store.ts';
import { runHandlers, type JobRegistry } from './job-registry.ts';

export const QUEUE_NAME = 'outbox';

export const jobIdFor = (row: Pick<OutboxRow, 'id' | 'generation'>) => `outbox-${row.id}-g${row.generation}`;

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

/** Starts the relay and the worker in this process. */
export function startQueueRunner(db: Db, registry: JobRegistry, opts: QueueRunnerOptions): QueueRunner {
  const attempts = opts.attempts ?? 5;
  const queue = createQueue(opts);
  const worker = new Worker<OutboxRow>(
    QUEUE_NAME,
    async (job: Job<OutboxRow>) => {
      await runHandlers(registry, job.data.topic, [job.data]);
      await markDone(db, [job.data.id]);
    },
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
  worker.on('failed', (job, err) => {
    if (!job) return;
    opts.onError?.(job.data, err);
    const dead = job.attemptsMade >= (job.opts.attempts ?? 1);
    void markFailed(db, job.data.id, err.message, { dead, retryInMs: 0 }).catch(() => {});
  });
  worker.on('error', () => {}); // connection blips are retried by BullMQ itself

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const relayOnce = async (): Promise<number> => {
    const rows = await claimForRelay(db, 1000, opts.staleMs ?? 5 * 60_000);
    if (rows.length === 0) return 0;
    await queue.addBulk(
      rows.map((row) => ({
        name: row.topic,
        data: row,
        opts: {
          jobId: jobIdFor(row),
          attempts,
          backoff: { type: 'exponential', delay: opts.backoffMs ?? 1000 },
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 10_000 },
        },
      })),
    );
    return rows.length;
  };
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
