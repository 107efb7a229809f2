/** A project with everything the hub knows about it. */
import type { Queryable } from '../db/db.ts';
import { notFound } from '../common/errors.ts';
import { parseProjectNo } from './project-no.ts';
import { approvalsOfProject, findProjectByNo, linkedResources } from './project.store.ts';
import { getSummary } from './project-summary.store.ts';

export async function getProject(db: Queryable, projectNoInput: string) {
  const parts = parseProjectNo(projectNoInput);
  const projectNo = parts ? projectNoInput.trim().toUpperCase() : projectNoInput.trim();
  const project = await findProjectByNo(db, projectNo);
  if (!project) throw notFound(`no project numbered "${projectNo}"`);
  const [approvals, resources, summary] = await Promise.all([
    approvalsOfProject(db, projectNo),
    linkedResources(db, projectNo),
    getSummary(db, projectNo),
  ]);
  return { project, summary, approvals, resources };
}
