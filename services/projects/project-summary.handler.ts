/** Keeps project summaries current as resources change (wired to `resource.changed` by the runtime). */
import type { Queryable } from '../db/db.ts';
import type { JobPayloads } from '../jobs/job-types.ts';
import type { ProjectSummaryStore } from './project-summary.store.ts';

export function projectSummaryHandler(deps: {
  db: Queryable;
  summaries: Pick<ProjectSummaryStore, 'refresh'>;
}): (changes: { payload: JobPayloads['resource.changed'] }[]) => Promise<void> {
  return async (changes) => {
    const nos = new Set(changes.flatMap((c) => c.payload.project_nos));
    await deps.summaries.refresh(deps.db, [...nos]);
  };
}
