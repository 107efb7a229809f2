/** Reads for 分件: the approval being assigned, its office's handlers with their open cases, and who handled which approvals. SQL only. */
import type { Queryable } from '../db/db.ts';
import { CLOSED_APPROVAL_STATUS } from '../resources/resource.schema.ts';

export interface AssignedApproval {
  id: string;
  project_no: string;
  item: string;
  office: string | null;
  handler: string | null;
}

async function approval(db: Queryable, id: string): Promise<AssignedApproval | null> {
  const r = await db.query<AssignedApproval>('SELECT id, project_no, item, office, handler FROM approvals WHERE id = $1', [id]);
  return r.rows[0] ?? null;
}

/** Everyone who has handled an approval of the office, with how many of the office's approvals they hold open now. */
async function officeHandlers(db: Queryable, office: string): Promise<{ handler: string; open_cases: number }[]> {
  const r = await db.query<{ handler: string; open_cases: number }>(
    `SELECT handler, count(*) FILTER (WHERE status <> $2)::int AS open_cases
     FROM approvals WHERE office = $1 AND handler IS NOT NULL AND handler <> ''
     GROUP BY handler ORDER BY handler`,
    [office, CLOSED_APPROVAL_STATUS],
  );
  return r.rows;
}

/** Who handled each of these approvals. */
async function handlersOf(db: Queryable, approvalIds: string[]): Promise<{ id: string; handler: string }[]> {
  if (approvalIds.length === 0) return [];
  const r = await db.query<{ id: string; handler: string }>(
    `SELECT id, handler FROM approvals WHERE id = ANY($1::text[]) AND handler IS NOT NULL AND handler <> ''`,
    [approvalIds],
  );
  return r.rows;
}

export const assignmentStore = { approval, officeHandlers, handlersOf };
export type AssignmentStore = typeof assignmentStore;
