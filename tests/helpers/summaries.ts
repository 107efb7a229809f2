/** The project summaries as they should be, computed straight from the records. */
import type { Queryable } from '../../services/db/db.ts';
import { createJobRegistry, type JobRegistry } from '../../services/jobs/job-registry.ts';
import { projectSummaryHandler } from '../../services/projects/project-summary.handler.ts';
import { projectSummaryStore } from '../../services/projects/project-summary.store.ts';

export async function expectedSummaries(db: Queryable) {
  const r = await db.query(
    `SELECT p.project_no,
       (SELECT count(*)::int FROM approvals a WHERE a.project_no = p.project_no) AS approvals,
       (SELECT count(*)::int FROM resource_links l WHERE l.project_no = p.project_no AND l.resource_type = 'petition') AS petitions
     FROM projects p ORDER BY p.project_no`,
  );
  return r.rows;
}

export async function actualSummaries(db: Queryable) {
  const r = await db.query(
    `SELECT p.project_no, coalesce(s.approvals, 0) AS approvals, coalesce(s.petitions, 0) AS petitions
     FROM projects p LEFT JOIN project_summaries s USING (project_no) ORDER BY p.project_no`,
  );
  return r.rows;
}

/** A job registry with only the project-summary handler (as the runtime wires it). */
export function summaryJobs(db: Queryable): JobRegistry {
  const summaries = { name: 'project-summary', handle: projectSummaryHandler({ db, summaries: projectSummaryStore }) };
  return createJobRegistry({ 'resource.changed': [summaries], 'links.changed': [summaries] });
}
