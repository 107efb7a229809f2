/** A project with everything the hub knows about it. */
import type { Queryable } from '../db/db.ts';
import { notFound } from '../common/errors.ts';
import { parseProjectNo } from './project-no.ts';
import type { ProjectStore } from './project.store.ts';
import type { ProjectSummaryStore } from './project-summary.store.ts';

export function createProjectService(deps: {
  db: Queryable;
  projects: Pick<ProjectStore, 'findByNo' | 'approvalsOf' | 'linkedResources'>;
  summaries: Pick<ProjectSummaryStore, 'get'>;
}) {
  const { db, projects, summaries } = deps;

  /** The project, its summary, its approvals with their steps, and the resources linked to it. */
  async function getProject(projectNoInput: string) {
    const projectNo = parseProjectNo(projectNoInput) ? projectNoInput.trim().toUpperCase() : projectNoInput.trim();
    const project = await projects.findByNo(db, projectNo);
    if (!project) throw notFound(`no project numbered "${projectNo}"`);
    const [approvals, resources, summary] = await Promise.all([
      projects.approvalsOf(db, projectNo),
      projects.linkedResources(db, projectNo),
      summaries.get(db, projectNo),
    ]);
    return { project, summary, approvals, resources };
  }

  return { getProject };
}

export type ProjectService = ReturnType<typeof createProjectService>;
