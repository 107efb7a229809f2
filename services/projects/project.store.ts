/** Reads of projects and what hangs off them. */
import type { Queryable } from '../db/db.ts';

export interface ProjectRow {
  id: string;
  project_no: string;
  name: string;
  builder: string | null;
  builder_credit_code: string | null;
  address: string | null;
  district: string | null;
  project_type: string | null;
  land_use: string | null;
  scale_m2: number | null;
  created_at: string | null;
  version: number;
}

export interface ApprovalRow {
  id: string;
  item: string;
  status: string;
  received_at: string | null;
  closed_at: string | null;
  office: string | null;
  handler: string | null;
  certificate_no: string | null;
  steps: { name: string; stage: string | null; office: string | null; handler: string | null; limit_days: number | null; started_at: string | null; finished_at: string | null }[];
}

async function findByNo(db: Queryable, projectNo: string): Promise<ProjectRow | null> {
  const r = await db.query<ProjectRow>(
    `SELECT id, project_no, name, builder, builder_credit_code, address, district, project_type, land_use,
            scale_m2, created_at, version
     FROM projects WHERE project_no = $1`,
    [projectNo],
  );
  return r.rows[0] ?? null;
}

async function approvalsOf(db: Queryable, projectNo: string): Promise<ApprovalRow[]> {
  const r = await db.query<ApprovalRow>(
    `SELECT a.id, a.item, a.status, a.received_at, a.closed_at, a.office, a.handler, a.certificate_no,
       coalesce((SELECT json_agg(json_build_object('name', s.name, 'stage', s.stage, 'office', s.office,
                  'handler', s.handler, 'limit_days', s.limit_days, 'started_at', s.started_at,
                  'finished_at', s.finished_at) ORDER BY s.seq)
                 FROM approval_steps s WHERE s.approval_id = a.id), '[]') AS steps
     FROM approvals a WHERE a.project_no = $1 ORDER BY a.received_at NULLS LAST, a.id`,
    [projectNo],
  );
  return r.rows;
}

/** A resource linked to the project, with the link's standing (as the links API words it) and confidence. */
export interface LinkedResourceRow {
  resource_type: string;
  resource_id: string;
  /** The record's subject or title, so a suggestion the search does not count yet can still be named. */
  title: string | null;
  /** declared 记录自带, auto 自动关联, confirmed 人工确认, suggested 待审核. */
  status: 'declared' | 'auto' | 'confirmed' | 'suggested';
  method: string;
  score: number;
  doubt: number | null;
}

/**
 * The resources linked to the project: the counted links (declared, auto, confirmed) by type and
 * id, then the suggestions awaiting review, best first; 1000 at most in all.
 */
async function linkedResources(db: Queryable, projectNo: string): Promise<LinkedResourceRow[]> {
  const r = await db.query<LinkedResourceRow>(
    `SELECT l.resource_type, l.resource_id,
       CASE l.resource_type
         WHEN 'petition' THEN (SELECT subject FROM petitions WHERE id = l.resource_id)
         WHEN 'document' THEN (SELECT coalesce(title, doc_no) FROM documents WHERE id = l.resource_id)
         WHEN 'meeting' THEN (SELECT title FROM meetings WHERE id = l.resource_id)
       END AS title,
       CASE WHEN l.method = 'declared' AND l.decided_at IS NULL THEN 'declared' ELSE l.status END AS status,
       l.method, l.score, l.doubt
     FROM resource_links l
     WHERE l.project_no = $1 AND l.status IN ('confirmed', 'auto', 'suggested') AND l.resource_type <> 'approval'
     ORDER BY l.status = 'suggested', CASE WHEN l.status = 'suggested' THEN -l.score END, l.resource_type, l.resource_id
     LIMIT 1000`,
    [projectNo],
  );
  return r.rows;
}

export interface CreditRow {
  id: string;
  builder: string;
  credit_code: string | null;
  status: string;
  reason: string | null;
  date: string | null;
}

/** A builder's credit records, newest first, by its name or its credit code. */
async function creditOfBuilder(db: Queryable, builder: string, creditCode: string | null): Promise<CreditRow[]> {
  const r = await db.query<CreditRow>(
    `SELECT id, builder, credit_code, status, reason, date::text AS date FROM credit_records
     WHERE builder = $1 OR ($2::text IS NOT NULL AND credit_code = $2)
     ORDER BY date DESC NULLS LAST, id LIMIT 100`,
    [builder, creditCode],
  );
  return r.rows;
}

/** The other projects of a builder, newest first. */
async function projectsOfBuilder(db: Queryable, builder: string, exceptNo: string): Promise<{ project_no: string; name: string; district: string | null }[]> {
  const r = await db.query<{ project_no: string; name: string; district: string | null }>(
    `SELECT project_no, name, district FROM projects WHERE builder = $1 AND project_no <> $2
     ORDER BY created_at DESC NULLS LAST, project_no LIMIT 100`,
    [builder, exceptNo],
  );
  return r.rows;
}

export interface ProjectBrief {
  project_no: string;
  name: string;
  builder: string | null;
  address: string | null;
  district: string | null;
}

/** What a result card shows of each project (builder, address), for a page of numbers at once. */
async function briefsOf(db: Queryable, projectNos: string[]): Promise<ProjectBrief[]> {
  if (projectNos.length === 0) return [];
  const r = await db.query<ProjectBrief>(
    `SELECT project_no, name, builder, address, district FROM projects
     WHERE project_no = ANY($1::text[]) ORDER BY project_no`,
    [projectNos],
  );
  return r.rows;
}

async function count(db: Queryable): Promise<number> {
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM projects');
  return r.rows[0]!.n;
}

export const projectStore = { findByNo, approvalsOf, linkedResources, creditOfBuilder, projectsOfBuilder, briefsOf, count };
export type ProjectStore = typeof projectStore;
