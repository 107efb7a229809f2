/** The project summaries as they should be, computed straight from the records. */
import type { Queryable } from '../../services/db/db.ts';

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
