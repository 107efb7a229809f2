/** Keeps project summaries current as resources change. */
import type { Queryable } from '../db/db.ts';
import type { JobHandler } from '../jobs/job-registry.ts';
import { TOPICS } from '../outbox/topics.ts';
import { refreshSummaries } from './project-summary.store.ts';

export function projectSummaryJob(db: Queryable): JobHandler {
  return {
    name: 'project-summary',
    topic: TOPICS.resourceChanged,
    async handle(rows) {
      const nos = new Set<string>();
      for (const row of rows) for (const no of (row.payload.project_nos as string[] | undefined) ?? []) nos.add(no);
      await refreshSummaries(db, [...nos]);
    },
  };
}
