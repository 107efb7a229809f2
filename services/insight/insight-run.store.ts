/**
 * Analysis runs: claimed one at a time (the partial unique index refuses a second computing
 * run, whichever process asks), their progress and heartbeat, and how they end. SQL only.
 */
import type { Queryable } from '../db/db.ts';

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface RunRow {
  id: number;
  status: 'computing' | 'ready' | 'failed';
  requested_by: string;
  started_at: string;
  phase: string;
  progress_done: number;
  progress_total: number;
  computed_at: string | null;
  duration_ms: number | null;
  cases: number | null;
  steps: number | null;
  summary: unknown;
  error: string | null;
}

const COLUMNS = `id, status, requested_by, ${iso('started_at')} AS started_at, phase, progress_done, progress_total,
  ${iso('computed_at')} AS computed_at, duration_ms, cases, steps, summary, error`;

/** Marks computing runs whose heartbeat is older than `staleSeconds` failed: their process is gone. */
async function failStale(db: Queryable, staleSeconds: number, error: string): Promise<void> {
  await db.query(
    `UPDATE insight_runs SET status = 'failed', error = $2
     WHERE status = 'computing' AND heartbeat_at < now() - make_interval(secs => $1)`,
    [staleSeconds, error],
  );
}

/** A new computing run, or null when one is computing already. */
async function claim(db: Queryable, requestedBy: string): Promise<RunRow | null> {
  const r = await db.query<RunRow>(
    `INSERT INTO insight_runs (status, requested_by) VALUES ('computing', $1)
     ON CONFLICT (status) WHERE status = 'computing' DO NOTHING RETURNING ${COLUMNS}`,
    [requestedBy],
  );
  return r.rows[0] ?? null;
}

async function computing(db: Queryable): Promise<RunRow | null> {
  const r = await db.query<RunRow>(`SELECT ${COLUMNS} FROM insight_runs WHERE status = 'computing'`);
  return r.rows[0] ?? null;
}

async function latestReady(db: Queryable): Promise<RunRow | null> {
  const r = await db.query<RunRow>(`SELECT ${COLUMNS} FROM insight_runs WHERE status = 'ready' ORDER BY id DESC LIMIT 1`);
  return r.rows[0] ?? null;
}

async function latest(db: Queryable): Promise<RunRow | null> {
  const r = await db.query<RunRow>(`SELECT ${COLUMNS} FROM insight_runs ORDER BY id DESC LIMIT 1`);
  return r.rows[0] ?? null;
}

/** Progress, which is also the heartbeat. */
async function progress(db: Queryable, id: number, phase: string, done: number, total: number): Promise<void> {
  await db.query(
    `UPDATE insight_runs SET phase = $2, progress_done = $3, progress_total = $4, heartbeat_at = now() WHERE id = $1 AND status = 'computing'`,
    [id, phase, done, total],
  );
}

/** The run is ready; false when it is no longer computing (declared stale meanwhile). */
async function finish(db: Queryable, id: number, r: { durationMs: number; cases: number; steps: number; summary: unknown }): Promise<boolean> {
  const u = await db.query(
    `UPDATE insight_runs SET status = 'ready', computed_at = now(), heartbeat_at = now(), duration_ms = $2, cases = $3, steps = $4, summary = $5::jsonb
     WHERE id = $1 AND status = 'computing'`,
    [id, r.durationMs, r.cases, r.steps, JSON.stringify(r.summary)],
  );
  return u.rowCount === 1;
}

async function fail(db: Queryable, id: number, error: string): Promise<void> {
  await db.query(`UPDATE insight_runs SET status = 'failed', error = $2 WHERE id = $1 AND status = 'computing'`, [id, error]);
}

/** Drops every run before `keepId` but a computing one (their results cascade). */
async function pruneBefore(db: Queryable, keepId: number): Promise<void> {
  await db.query(`DELETE FROM insight_runs WHERE id < $1 AND status <> 'computing'`, [keepId]);
}

export const insightRunStore = { failStale, claim, computing, latestReady, latest, progress, finish, fail, pruneBefore };
export type InsightRunStore = typeof insightRunStore;
