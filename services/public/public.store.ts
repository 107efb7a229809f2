/**
 * Reads behind the public inquiry page (公众查询): projects by number or by a name people use,
 * and their approvals as a citizen may see them. Only the columns the page may show are read,
 * so nothing internal (handlers, offices, notes) leaves the database for this route.
 */
import type { Queryable } from '../db/db.ts';
import { projectAliasesSql } from '../db/project-aliases-sql.ts';

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

/** `text` for a LIKE pattern, its wildcards (and the escape character) taken literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The project numbered `projectNo` (as stored), if any. */
async function findByNumber(db: Queryable, projectNo: string): Promise<PublicProjectRow[]> {
  const r = await db.query<PublicProjectRow>('SELECT project_no, name, district FROM projects WHERE project_no = $1', [projectNo]);
  return r.rows;
}

/**
 * Projects whose name, estate name or an alias contains `text` (case-insensitive, wildcards taken
 * literally): names that start with it first, then by number. A scan of every project, so the
 * alias list (the shared fragment, costly per row) is built only for projects that have aliases.
 */
async function findByName(db: Queryable, text: string, limit: number): Promise<PublicProjectRow[]> {
  const r = await db.query<PublicProjectRow>(
    `SELECT p.project_no, p.name, p.district FROM projects p
     WHERE p.name ILIKE $1
        OR p.extra->>'estate_name' ILIKE $1
        OR ((p.extra ? 'aliases' OR p.project_no IN (SELECT pa.project_no FROM project_aliases pa))
            AND EXISTS (SELECT 1 FROM unnest(${projectAliasesSql('p')}) AS alias WHERE alias ILIKE $1))
     ORDER BY p.name ILIKE $2 DESC, p.project_no
     LIMIT $3`,
    [`%${literal(text)}%`, `${literal(text)}%`, limit],
  );
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

export const publicStore = { findByNumber, findByName, approvalsOf };
export type PublicStore = typeof publicStore;
