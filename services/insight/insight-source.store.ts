/**
 * The step logs the analysis reads: approvals a page at a time in id order (keyset, so a page
 * costs the same at the start and the end of two million steps, on PGlite and the server), with
 * their steps by a range scan of the steps' primary key. Times come as epoch milliseconds
 * (numbers, not Dates: millions of them).
 */
import type { Queryable } from '../db/db.ts';
import type { RawCase, RawStep } from './insight-types.ts';

/**
 * A page comes back as two texts (its approvals, and all their steps), not as a row per step:
 * PGlite builds each result row at a cost of 20–100 µs (two million steps: minutes) and the
 * server's driver parses every field, while one string per page is split in JavaScript in a few
 * milliseconds. Records are joined by RS (U+001E) and their fields by US (U+001F): control
 * characters no form lets anyone type, so no name holds them. Every field is coalesced, since
 * concat_ws leaves NULLs out. The aggregates are not ordered (ordering them sorted each page's
 * texts, on disk beyond work_mem): the cases are put in id order here, and a case's steps are
 * ordered by the analysis anyway.
 */
const RS = '\u001e';
const US = '\u001f';
const epoch = (col: string) => `coalesce((extract(epoch FROM ${col}) * 1000)::bigint::text, '')`;
const num = (v: string | undefined): number | null => (v === undefined || v === '' ? null : Number(v));

/** Approvals after `afterId` (all from the start when null), `limit` at most, with their steps. */
async function casesAfter(db: Queryable, afterId: string | null, limit: number): Promise<RawCase[]> {
  const r = await db.query<{ approvals: string | null; steps: string | null }>(
    `WITH page AS (SELECT id, project_no, item, status, office, received_at, closed_at FROM approvals
                   WHERE ($1::text IS NULL OR id > $1) ORDER BY id LIMIT $2)
     SELECT (SELECT string_agg(concat_ws(chr(31), id, project_no, item, status, coalesce(office, ''), ${epoch('received_at')}, ${epoch('closed_at')}),
                               chr(30)) FROM page) AS approvals,
            (SELECT string_agg(concat_ws(chr(31), s.approval_id, s.seq, s.name, coalesce(s.office, ''), ${epoch('s.started_at')}, ${epoch('s.finished_at')}),
                               chr(30))
             FROM approval_steps s WHERE s.approval_id >= (SELECT min(id) FROM page) AND s.approval_id <= (SELECT max(id) FROM page)) AS steps`,
    [afterId, limit],
  );
  const { approvals, steps } = r.rows[0] ?? { approvals: null, steps: null };
  if (!approvals) return [];
  const byId = new Map<string, RawCase & { steps: RawStep[] }>();
  const cases = approvals.split(RS).map((text) => {
    const [id, projectNo, item, status, office, received, closed] = text.split(US) as string[];
    const c = { id: id!, projectNo: projectNo!, item: item!, status: status!, office: office || null, receivedMs: num(received), closedMs: num(closed), steps: [] as RawStep[] };
    byId.set(c.id, c);
    return c;
  });
  for (const text of steps ? steps.split(RS) : []) {
    const [approvalId, seq, name, office, started, finished] = text.split(US) as string[];
    byId.get(approvalId!)?.steps.push({ seq: Number(seq), name: name!, office: office || null, startedMs: num(started), finishedMs: num(finished) });
  }
  return cases.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

async function countApprovals(db: Queryable): Promise<number> {
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM approvals');
  return r.rows[0]!.n;
}

/** Whether any approval was imported or changed after `since` (ISO); with null, whether there is any. */
async function approvalsChangedSince(db: Queryable, since: string | null): Promise<boolean> {
  const r = await db.query<{ changed: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM approvals WHERE $1::timestamptz IS NULL OR updated_at > $1) AS changed', [since],
  );
  return r.rows[0]!.changed;
}

export const insightSourceStore = { casesAfter, countApprovals, approvalsChangedSince };
export type InsightSourceStore = typeof insightSourceStore;
