/** What each project has collected, recomputed from the records (never incremented, so reruns are harmless). */
import type { Queryable } from '../db/db.ts';
import { CLOSED_APPROVAL_STATUS } from '../resources/resource.schema.ts';

export interface ProjectSummary {
  project_no: string;
  approvals: number;
  approvals_open: number;
  documents: number;
  meetings: number;
  petitions: number;
  last_activity: string | null;
}

const linked = (type: string) =>
  `(SELECT count(*) FROM resource_links l WHERE l.project_no = p.no AND l.resource_type = '${type}' AND l.status IN ('confirmed', 'auto'))`;

/** Recomputes the summaries of the given projects; projects that no longer exist lose theirs. */
async function refresh(db: Queryable, projectNos: string[]): Promise<void> {
  if (projectNos.length === 0) return;
  await db.query(
    `INSERT INTO project_summaries (project_no, approvals, approvals_open, documents, meetings, petitions, last_activity, refreshed_at)
     SELECT p.no,
       (SELECT count(*) FROM approvals a WHERE a.project_no = p.no),
       (SELECT count(*) FROM approvals a WHERE a.project_no = p.no AND a.status <> $2),
       ${linked('document')}, ${linked('meeting')}, ${linked('petition')},
       (SELECT max(greatest(a.received_at, a.closed_at)) FROM approvals a WHERE a.project_no = p.no),
       now()
     FROM unnest($1::text[]) AS p(no)
     WHERE EXISTS (SELECT 1 FROM projects WHERE project_no = p.no)
     ON CONFLICT (project_no) DO UPDATE SET
       approvals = excluded.approvals, approvals_open = excluded.approvals_open, documents = excluded.documents,
       meetings = excluded.meetings, petitions = excluded.petitions, last_activity = excluded.last_activity,
       refreshed_at = excluded.refreshed_at`,
    [projectNos, CLOSED_APPROVAL_STATUS],
  );
  await db.query(
    `DELETE FROM project_summaries s WHERE s.project_no = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM projects WHERE project_no = s.project_no)`,
    [projectNos],
  );
}

async function get(db: Queryable, projectNo: string): Promise<ProjectSummary | null> {
  const r = await db.query<ProjectSummary>(
    `SELECT project_no, approvals, approvals_open, documents, meetings, petitions, last_activity
     FROM project_summaries WHERE project_no = $1`,
    [projectNo],
  );
  return r.rows[0] ?? null;
}

export const projectSummaryStore = { refresh, get };
export type ProjectSummaryStore = typeof projectSummaryStore;
