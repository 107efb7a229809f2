/**
 * The outbox: follow-up work written in the same transaction as the change that causes it, and
 * marked done only after its job succeeded.
 */
import type { Queryable } from '../db/db.ts';
import type { OutboxEntry, OutboxRow } from '../jobs/job-types.ts';

export type { OutboxEntry, OutboxRow };

export interface DeadLetter extends OutboxRow {
  last_error: string | null;
  created_at: string;
  processed_at: string | null;
}

export async function appendOutbox(tx: Queryable, entries: OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO outbox (topic, resource_type, resource_id, version, payload)
     SELECT topic, resource_type, resource_id, version, payload
     FROM jsonb_to_recordset($1::jsonb) AS r(topic text, resource_type text, resource_id text, version integer, payload jsonb)`,
    [JSON.stringify(entries)],
  );
}

const ROW = 'id, topic, resource_type, resource_id, version, payload, attempts, generation';

/**
 * Claims pending rows whose next attempt is due, oldest first, for `leaseMs`: other runners
 * skip them until then, and if this one dies they come due again when the lease runs out.
 */
export async function claimDue(db: Queryable, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  const r = await db.query<OutboxRow>(
    `UPDATE outbox SET next_attempt_at = now() + $2 * interval '1 millisecond'
     WHERE id IN (
       SELECT id FROM outbox
       WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= now())
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING ${ROW}`,
    [limit, leaseMs],
  );
  return r.rows.sort((a, b) => a.id - b.id);
}

/**
 * Claims pending rows for the queue relay: never handed over, or handed over longer ago than
 * `staleMs` and still not done (the queue lost them, or their worker died).
 */
export async function claimForRelay(db: Queryable, limit: number, staleMs: number): Promise<OutboxRow[]> {
  const r = await db.query<OutboxRow>(
    `UPDATE outbox SET enqueued_at = now()
     WHERE id IN (
       SELECT id FROM outbox
       WHERE status = 'pending' AND (enqueued_at IS NULL OR enqueued_at < now() - $2 * interval '1 millisecond')
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING ${ROW}`,
    [limit, staleMs],
  );
  return r.rows.sort((a, b) => a.id - b.id);
}

export async function markDone(db: Queryable, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE outbox SET status = 'done', processed_at = now(), attempts = attempts + 1, last_error = NULL
     WHERE id = ANY($1::bigint[]) AND status <> 'done'`,
    [ids],
  );
}

/** Records a failed attempt: retried after `retryInMs`, or dead when `dead`. */
export async function markFailed(
  db: Queryable,
  id: number,
  error: string,
  opts: { dead: boolean; retryInMs: number },
): Promise<void> {
  await db.query(
    `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
       status = CASE WHEN $3 THEN 'dead' ELSE status END,
       next_attempt_at = now() + $4 * interval '1 millisecond'
     WHERE id = $1 AND status = 'pending'`,
    [id, error.slice(0, 2000), opts.dead, opts.retryInMs],
  );
}

/** The given rows that are still pending (a retried job skips the rows it already finished). */
export async function stillPending<T extends { id: number }>(db: Queryable, rows: T[]): Promise<T[]> {
  if (rows.length === 0) return [];
  const r = await db.query<{ id: number }>(`SELECT id FROM outbox WHERE id = ANY($1::bigint[]) AND status = 'pending'`, [rows.map((x) => x.id)]);
  const pending = new Set(r.rows.map((x) => x.id));
  return rows.filter((x) => pending.has(x.id));
}

/** Gives up on rows that are still pending: they wait in the dead-letter list for a replay. */
export async function markDead(db: Queryable, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(`UPDATE outbox SET status = 'dead' WHERE id = ANY($1::bigint[]) AND status = 'pending'`, [ids]);
}

export async function listDead(db: Queryable, limit = 100): Promise<DeadLetter[]> {
  const r = await db.query<DeadLetter>(
    `SELECT ${ROW}, last_error, created_at, processed_at FROM outbox WHERE status = 'dead' ORDER BY id LIMIT $1`,
    [limit],
  );
  return r.rows;
}

/** Puts dead rows back in line with a fresh set of attempts; all of them when `ids` is null. */
export async function replayDead(db: Queryable, ids: number[] | null): Promise<number> {
  const r = await db.query(
    `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL, enqueued_at = NULL,
       generation = generation + 1
     WHERE status = 'dead' AND ($1::bigint[] IS NULL OR id = ANY($1::bigint[]))`,
    [ids],
  );
  return r.rowCount;
}

/**
 * Deletes done rows processed more than `keepMs` ago, at most `limit` of them (the oldest first),
 * and says how many went. Pending and dead rows are never pruned.
 */
export async function pruneDone(db: Queryable, keepMs: number, limit: number): Promise<number> {
  const r = await db.query(
    `DELETE FROM outbox WHERE id IN (
       SELECT id FROM outbox WHERE status = 'done' AND processed_at < now() - $1 * interval '1 millisecond'
       ORDER BY processed_at LIMIT $2)`,
    [keepMs, limit],
  );
  return r.rowCount;
}

export interface OutboxStats {
  pending: number;
  done: number;
  dead: number;
}

export async function outboxStats(db: Queryable): Promise<OutboxStats> {
  const r = await db.query<{ status: keyof OutboxStats; n: number }>(
    'SELECT status, count(*)::int AS n FROM outbox GROUP BY status',
  );
  const stats: OutboxStats = { pending: 0, done: 0, dead: 0 };
  for (const row of r.rows) stats[row.status] = row.n;
  return stats;
}

export const outboxStore = {
  append: appendOutbox, claimDue, claimForRelay, markDone, markFailed, stillPending, markDead, listDead, replayDead, pruneDone,
  stats: outboxStats,
};
export type OutboxStore = typeof outboxStore;
