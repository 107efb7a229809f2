/** A project with everything the hub knows about it. */
import type { Queryable } from '../db/db.ts';
import { notFound } from '../common/errors.ts';
import { parseProjectNo } from './project-no.ts';
import { isDishonest } from '../resources/resource.schema.ts';
import type { ProjectRow, ProjectStore } from './project.store.ts';
import type { ProjectSummaryStore } from './project-summary.store.ts';

export function createProjectService(deps: {
  db: Queryable;
  projects: Pick<ProjectStore, 'findByNo' | 'approvalsOf' | 'linkedResources' | 'creditOfBuilder' | 'projectsOfBuilder'>;
  summaries: Pick<ProjectSummaryStore, 'get'>;
}) {
  const { db, projects, summaries } = deps;

  /** The builder's credit standing (its latest record decides) and its other projects. */
  async function builderOf(project: ProjectRow) {
    if (!project.builder) return null;
    const [credit, others] = await Promise.all([
      projects.creditOfBuilder(db, project.builder, project.builder_credit_code),
      projects.projectsOfBuilder(db, project.builder, project.project_no),
    ]);
    const latest = credit[0] ?? null;
    return {
      name: project.builder,
      credit_code: project.builder_credit_code ?? latest?.credit_code ?? null,
      standing: latest?.status ?? null,
      dishonest: isDishonest(latest?.status),
      credit_records: credit,
      projects: others,
    };
  }

  /** The project, its summary, its approvals with their steps, the resources linked to it, and its builder's standing. */
  async function getProject(projectNoInput: string) {
    const projectNo = parseProjectNo(projectNoInput) ? projectNoInput.trim().toUpperCase() : projectNoInput.trim();
    const project = await projects.findByNo(db, projectNo);
    if (!project) throw notFound(`no project numbered "${projectNo}"`);
    const [approvals, resources, summary, builder] = await Promise.all([
      projects.approvalsOf(db, projectNo),
      projects.linkedResources(db, projectNo),
      summaries.get(db, projectNo),
      builderOf(project),
    ]);
    return { project, summary, approvals, resources, builder };
  }

  return { getProject };
}

export type ProjectService = ReturnType<typeof createProjectService>;
