/** A project with everything the hub knows about it. */
import type { Queryable } from '../db/db.ts';
import { notFound } from '../common/errors.ts';
import { canonicalProjectNo } from './project-no.ts';
import { isDishonest } from '../resources/resource.schema.ts';
import { stepDeadline } from '../reading/step-deadline.ts';
import type { ApprovalRow, ProjectRow, ProjectStore } from './project.store.ts';
import type { ProjectSummaryStore } from './project-summary.store.ts';
import { maskNullable } from '../privacy/pii-text.ts';

export function createProjectService(deps: {
  db: Queryable;
  projects: Pick<ProjectStore, 'findByNo' | 'approvalsOf' | 'linkedResources' | 'creditOfBuilder' | 'projectsOfBuilder' | 'briefsOf'>;
  summaries: Pick<ProjectSummaryStore, 'get'>;
  /** The clock open steps are judged by. */
  now?: () => Date;
}) {
  const { db, projects, summaries } = deps;
  const now = deps.now ?? (() => new Date());


  /** Each step with its due day and whether it ran over, by the same rule as the approval's reading page. */
  function withDeadlines(approvals: ApprovalRow[]) {
    const clock = now();
    return approvals.map((a) => ({ ...a, steps: a.steps.map((step) => ({ ...step, ...stepDeadline(step, clock) })) }));
  }

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
    const projectNo = canonicalProjectNo(projectNoInput);
    const project = await projects.findByNo(db, projectNo);
    if (!project) throw notFound(`no project numbered "${projectNo}"`);
    const [approvals, resources, summary, builder] = await Promise.all([
      projects.approvalsOf(db, projectNo),
      projects.linkedResources(db, projectNo),
      summaries.get(db, projectNo),
      builderOf(project),
    ]);
    // A petition's subject may hold personal data (a phone, a name): masked here as everywhere but its supervisor's reading page.
    const titled = resources.map((r) => (r.resource_type === 'petition' ? { ...r, title: maskNullable(r.title) } : r));
    return { project, summary, approvals: withDeadlines(approvals), resources: titled, builder };
  }

  /** Name, builder and address of each project numbered, for result cards; unknown numbers are left out. */
  async function getBriefs(projectNos: string[]) {
    const items = await projects.briefsOf(db, [...new Set(projectNos.map(canonicalProjectNo))]);
    return { items };
  }

  return { getProject, getBriefs };
}

export type ProjectService = ReturnType<typeof createProjectService>;
