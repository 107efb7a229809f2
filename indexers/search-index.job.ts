/**
 * Indexes records as they change (outbox topic `resource.changed`). A changed project also
 * re-indexes the records linked to it, since their documents carry its name and keys.
 */
import type { JobHandler } from '../services/jobs/job-registry.ts';
import { TOPICS } from '../services/outbox/topics.ts';
import { isSearchType, type Indexer, type RecordRef } from './indexer.service.ts';

export function searchIndexJob(deps: { indexer: Indexer; beforeBatch?: () => Promise<void> }): JobHandler {
  return {
    name: 'search-index',
    topic: TOPICS.resourceChanged,
    async handle(rows) {
      await deps.beforeBatch?.();
      const refs: RecordRef[] = [];
      const projects: string[] = [];
      for (const row of rows) {
        if (!isSearchType(row.resource_type)) continue;
        refs.push({ type: row.resource_type, id: row.resource_id });
        if (row.resource_type === 'project') projects.push(...((row.payload.project_nos as string[] | undefined) ?? []));
      }
      if (projects.length) refs.push(...(await deps.indexer.affectedByProjects(projects)));
      await deps.indexer.indexRecords(refs);
    },
  };
}
