/**
 * Reads behind the public inquiry page (公众查询): projects by number (names are found by the
 * search engine, which hands over only numbers), and their approvals as a citizen may see them.
 * Only the columns the page may show are read, so nothing internal (handlers, offices, notes)
 * leaves the database for this route.
 */
import type { Queryable } from '../db/db.ts';

export interface PublicProjectRow {
  project_no: string;
  name: string;
  district: string | null;
}

export interface PublicApprovalRow {
  project_no: string;
  item: string;
  status: string;
  /** YYYY-MM-DD (the UTC day, as the import stores timestamps), or null. */
  received_at: string | null;
  closed_at: string | null;
  /** Each step's stage in step order, as stored (null where a step has none). */
  stages: (string | null)[];
}

/** The projects numbered `projectNos` (as stored) that exist, in no particular order. */
async function findByNumbers(db: Queryable, projectNos: string[]): Promise<PublicProjectRow[]> {
  if (projectNos.length === 0) return [];
  const r = await db.query<PublicProjectRow>('SELECT project_no, name, district FROM projects WHERE project_no = ANY($1::text[])', [projectNos]);
  return r.rows;
}

/** The approvals of these projects, each project's in the order they were received. */
async function approvalsOf(db: Queryable, projectNos: string[]): Promise<PublicApprovalRow[]> {
  if (projectNos.length === 0) return [];
  const day = (c: string) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  const r = await db.query<PublicApprovalRow>(
    `SELECT a.project_no, a.item, a.status, ${day('a.received_at')} AS received_at, ${day('a.closed_at')} AS closed_at,
       coalesce((SELECT json_agg(s.stage ORDER BY s.seq) FROM approval_steps s WHERE s.approval_id = a.id), '[]') AS stages
     FROM approvals a WHERE a.project_no = ANY($1::text[])
     ORDER BY a.project_no, a.received_at NULLS LAST, a.id`,
    [projectNos],
  );
  return r.rows;
}

export const publicStore = { findByNumbers, approvalsOf };
export type PublicStore = typeof publicStore;
