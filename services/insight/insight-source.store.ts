/**
 * The step logs the analysis reads: approvals a page at a time in id order (keyset, so a page
 * costs the same at the start and the end of two million steps, on PGlite and the server), with
 * their steps by a range scan of the steps' primary key. Times come as epoch milliseconds
 * (numbers, not Dates: millions of them).
 */
import type { Queryable } from '../db/db.ts';
import type { RawCase } from './insight-types.ts';

const ms = (col: string) => `(extract(epoch FROM ${col}) * 1000)::float8`;

interface ApprovalRow { id: string; project_no: string; item: string; status: string; office: string | null; received_ms: number | null; closed_ms: number | null }
interface StepRow { approval_id: string; seq: number; name: string; office: string | null; started_ms: number | null; finished_ms: number | null }

/** Approvals after `afterId` (all from the start when null), `limit` at most, with their steps. */
async function casesAfter(db: Queryable, afterId: string | null, limit: number): Promise<RawCase[]> {
  const a = await db.query<ApprovalRow>(
    `SELECT id, project_no, item, status, office, ${ms('received_at')} AS received_ms, ${ms('closed_at')} AS closed_ms
     FROM approvals WHERE ($1::text IS NULL OR id > $1) ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
  if (a.rows.length === 0) return [];
  const s = await db.query<StepRow>(
    `SELECT approval_id, seq, name, office, ${ms('started_at')} AS started_ms, ${ms('finished_at')} AS finished_ms
     FROM approval_steps WHERE approval_id >= $1 AND approval_id <= $2 ORDER BY approval_id, seq`,
    [a.rows[0]!.id, a.rows.at(-1)!.id],
  );
  const byId = new Map<string, RawCase>();
  const cases = a.rows.map((r) => {
    const c: RawCase & { steps: RawCase['steps'][number][] } = {
      id: r.id, projectNo: r.project_no, item: r.item, status: r.status, office: r.office,
      receivedMs: r.received_ms, closedMs: r.closed_ms, steps: [],
    };
    byId.set(r.id, c);
    return c;
  });
  for (const r of s.rows) {
    (byId.get(r.approval_id)?.steps as RawCase['steps'][number][] | undefined)?.push({
      seq: r.seq, name: r.name, office: r.office, startedMs: r.started_ms, finishedMs: r.finished_ms,
    });
  }
  return cases;
}

async function countApprovals(db: Queryable): Promise<number> {
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM approvals');
  return r.rows[0]!.n;
}

export const insightSourceStore = { casesAfter, countApprovals };
export type InsightSourceStore = typeof insightSourceStore;
