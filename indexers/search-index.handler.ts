/**
 * Indexes records as they change. A changed project also re-indexes the records linked to it,
 * since their documents carry its name and keys. The runtime wires this to the outbox topic
 * `resource.changed`; the indexer knows nothing of topics or runners, only of changed records.
 */
import { isSearchType, type Indexer, type RecordRef } from './indexer.service.ts';

/** A record that changed, and the projects it belonged to before and belongs to now. */
export interface ChangedRecord {
  resource_type: string;
  resource_id: string;
  payload: { project_nos: string[] };
}

export function searchIndexHandler(deps: {
  indexer: Pick<Indexer, 'indexRecords' | 'affectedByProjects'>;
  beforeBatch?: () => Promise<void>;
}): (changes: ChangedRecord[]) => Promise<void> {
  return async (changes) => {
    await deps.beforeBatch?.();
    const refs: RecordRef[] = [];
    const projects: string[] = [];
    for (const c of changes) {
      if (!isSearchType(c.resource_type)) continue;
      refs.push({ type: c.resource_type, id: c.resource_id });
      if (c.resource_type === 'project') projects.push(...c.payload.project_nos);
    }
    if (projects.length) refs.push(...(await deps.indexer.affectedByProjects(projects)));
    await deps.indexer.indexRecords(refs);
  };
}
