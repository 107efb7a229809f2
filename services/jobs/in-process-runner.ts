/**
 * Runs outbox jobs inside the serving process: the embedded default, where PGlite belongs to one
 * process and Redis is not required. Rows are taken in batches, retried with exponential
 * backoff, and declared dead after `maxAttempts`.
 */
import type { Db } from '../db/db.ts';
import { claimDue, markDone, markFailed, type OutboxRow } from '../outbox/outbox.store.ts';
import { runHandlers, type JobRegistry } from './job-registry.ts';

export interface RunnerOptions {
  batchSize?: number;
  idleMs?: number;
  maxAttempts?: number;
  backoffMs?: number;
  /** How long claimed rows stay hidden from other runners (covers a runner that dies mid-batch). */
  leaseMs?: number;
  onError?: (row: OutboxRow, err: Error) => void;
}

export interface InProcessRunner {
  /** Processes until no row is due; resolves with the number of rows handled. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export function backoffDelay(attempt: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}

export function createInProcessRunner(db: Db, registry: JobRegistry, opts: RunnerOptions = {}): InProcessRunner {
  const batchSize = opts.batchSize ?? 500;
  const maxAttempts = opts.maxAttempts ?? 5;
  const backoffMs = opts.backoffMs ?? 1000;
  const leaseMs = opts.leaseMs ?? 60_000;

  async function handleOne(row: OutboxRow): Promise<void> {
    try {
      await runHandlers(registry, row.topic, [row]);
      await markDone(db, [row.id]);
    } catch (err) {
      const attempt = row.attempts + 1;
      opts.onError?.(row, err as Error);
      await markFailed(db, row.id, (err as Error).message, {
        dead: attempt >= maxAttempts,
        retryInMs: backoffDelay(attempt, backoffMs),
      });
    }
  }

  /** One pass: a batch per topic, falling back to row by row so one bad row fails alone. */
  async function passUnlocked(): Promise<number> {
    const rows = await claimDue(db, batchSize, leaseMs);
    const byTopic = Map.groupBy(rows, (r) => r.topic);
    for (const [topic, group] of byTopic) {
      if (group.length === 1) {
        await handleOne(group[0]!);
        continue;
      }
      try {
        await runHandlers(registry, topic, group);
        await markDone(db, group.map((r) => r.id));
      } catch {
        for (const row of group) await handleOne(row);
      }
    }
    return rows.length;
  }

  // The background loop and drain() never run a pass at the same time.
  let running: Promise<unknown> = Promise.resolve();
  function pass(): Promise<number> {
    const next = running.then(passUnlocked);
    running = next.catch(() => {});
    return next;
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (let n = await pass(); n > 0; n = await pass()) total += n;
    return total;
  }

  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      const n = await pass().catch(() => 0);
      if (n === 0 && !stopped) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, opts.idleMs ?? 250);
        });
      }
    }
  })();

  return {
    drain,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
