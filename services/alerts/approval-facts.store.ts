/**
 * The rows an approval's facts are built from (approval-facts.ts builds them): the approval,
 * its project, its steps, the open petitions linked to the project and the builder's credit
 * records. SQL only.
 */
import type { Queryable } from '../db/db.ts';
import { CLOSED_APPROVAL_STATUS } from '../resources/resource.schema.ts';

export interface ApprovalRow {
  id: string;
  project_no: string;
  item: string;
  status: string;
  office: string | null;
  received_at: string | null;
  suspended_at: string | null;
  suspended_by: number | null;
  extra: Record<string, unknown>;
}

export interface ProjectRow {
  project_no: string;
  name: string;
  builder: string | null;
  builder_credit_code: string | null;
  district: string | null;
  project_type: string | null;
  land_use: string | null;
  extra: Record<string, unknown>;
}

export interface StepRow {
  seq: number;
  name: string;
  office: string | null;
  limit_days: number | null;
  started_at: string | null;
  finished_at: string | null;
}

export interface LinkedPetitionRow {
  id: string;
  subject: string;
  status: string | null;
  link: string;
}

export interface CreditRow {
  id: string;
  status: string;
  reason: string | null;
  date: string | null;
}

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

async function approval(db: Queryable, id: string, forUpdate = false): Promise<ApprovalRow | null> {
  const r = await db.query<ApprovalRow>(
    `SELECT id, project_no, item, status, office, ${ISO('received_at')} AS received_at,
            ${ISO('suspended_at')} AS suspended_at, suspended_by, extra
     FROM approvals WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return r.rows[0] ?? null;
}

async function project(db: Queryable, projectNo: string): Promise<ProjectRow | null> {
  const r = await db.query<ProjectRow>(
    `SELECT project_no, name, builder, builder_credit_code, district, project_type, land_use, extra
     FROM projects WHERE project_no = $1`,
    [projectNo],
  );
  return r.rows[0] ?? null;
}

async function steps(db: Queryable, approvalId: string): Promise<StepRow[]> {
  const r = await db.query<StepRow>(
    `SELECT seq, name, office, limit_days, ${ISO('started_at')} AS started_at, ${ISO('finished_at')} AS finished_at
     FROM approval_steps WHERE approval_id = $1 ORDER BY seq`,
    [approvalId],
  );
  return r.rows;
}

/** Petitions linked to the project by a link that counts (declared, confirmed or auto; not suggested or rejected) whose status is one of `openStatuses`. */
async function openPetitions(db: Queryable, projectNo: string, openStatuses: string[], limit = 100): Promise<LinkedPetitionRow[]> {
  const r = await db.query<LinkedPetitionRow>(
    `SELECT p.id, p.subject, p.status, CASE WHEN l.method = 'declared' THEN 'declared' ELSE l.status END AS link
     FROM resource_links l JOIN petitions p ON p.id = l.resource_id
     WHERE l.resource_type = 'petition' AND l.project_no = $1 AND l.status IN ('confirmed', 'auto')
       AND p.status = ANY($2::text[])
     ORDER BY p.received_at NULLS LAST, p.id LIMIT $3`,
    [projectNo, openStatuses, limit],
  );
  return r.rows;
}

/** The builder's credit records, by name or by credit code, newest first. */
async function credits(db: Queryable, builder: string | null, creditCode: string | null): Promise<CreditRow[]> {
  if (!builder && !creditCode) return [];
  const r = await db.query<CreditRow>(
    `SELECT id, status, reason, date::text AS date FROM credit_records
     WHERE ($1::text IS NOT NULL AND builder = $1) OR ($2::text IS NOT NULL AND credit_code = $2)
     ORDER BY date DESC NULLS LAST, id LIMIT 50`,
    [builder, creditCode],
  );
  return r.rows;
}

/** Projects whose builder a credit record names (by name or credit code). */
async function projectsOfCredits(db: Queryable, creditIds: string[]): Promise<string[]> {
  if (creditIds.length === 0) return [];
  const r = await db.query<{ project_no: string }>(
    // Two joins, not one with OR: each can use its own plan (the builder index for names).
    `SELECT p.project_no FROM credit_records c JOIN projects p ON p.builder = c.builder WHERE c.id = ANY($1::text[])
     UNION
     SELECT p.project_no FROM credit_records c JOIN projects p ON p.builder_credit_code = c.credit_code WHERE c.id = ANY($1::text[])`,
    [creditIds],
  );
  return r.rows.map((x) => x.project_no);
}

/** Open, unsuspended approvals of the projects, with their first unfinished step (the step being worked). */
async function openApprovalsAt(db: Queryable, projectNos: string[] | null, limit: number): Promise<{ id: string; step: string }[]> {
  const r = await db.query<{ id: string; step: string }>(
    `SELECT a.id, s.name AS step FROM approvals a
     JOIN LATERAL (SELECT name FROM approval_steps WHERE approval_id = a.id AND finished_at IS NULL ORDER BY seq LIMIT 1) s ON true
     WHERE a.status <> $3 AND a.suspended_at IS NULL AND ($1::text[] IS NULL OR a.project_no = ANY($1::text[]))
     ORDER BY a.id LIMIT $2`,
    [projectNos, limit, CLOSED_APPROVAL_STATUS],
  );
  return r.rows;
}

export const approvalFactsStore = { approval, project, steps, openPetitions, credits, projectsOfCredits, openApprovalsAt };
export type ApprovalFactsStore = typeof approvalFactsStore;
