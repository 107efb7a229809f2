/**
 * Prunes done outbox rows once they are older than the configured time, in the background of
 * whichever process runs the jobs. Bounded batches, so one round never holds a long lock; several
 * processes pruning at once only share the work (a row is deleted once).
 */
import type { Queryable } from '../db/db.ts';
import { pruneDone } from './outbox.store.ts';

export interface OutboxPruner {
  /** One round: deletes every due row, a batch at a time; resolves with how many went. */
  pruneNow(): Promise<number>;
  stop(): Promise<void>;
}

const BATCH = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function startOutboxPruner(
  db: Queryable,
  opts: { keepDays: number; intervalMs?: number; onError?: (err: Error) => void },
): OutboxPruner {
  const keepMs = opts.keepDays * DAY_MS;
  async function pruneNow(): Promise<number> {
    let total = 0;
    for (let n = BATCH; n === BATCH; total += n) n = await pruneDone(db, keepMs, BATCH);
    return total;
  }
  let round: Promise<unknown> = Promise.resolve();
  const tick = () => {
    round = pruneNow().catch((err: Error) => opts.onError?.(err));
  };
  // The first round soon after start, then hourly: pruning is housekeeping, never urgent.
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, opts.intervalMs ?? 60 * 60 * 1000);
  first.unref();
  timer.unref();
  return {
    pruneNow,
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await round;
    },
  };
}
