/**
 * The plain fields of a search document as every engine stores them (snake_case, as in
 * PostgreSQL and in the OpenSearch mappings); each engine adds its own token fields.
 */
import type { SearchDoc } from './search-engine.ts';

export function toStoredFields(d: SearchDoc) {
  return {
    doc_id: d.docId,
    type: d.type,
    resource_id: d.resourceId,
    passage: d.passage,
    version: d.version,
    title: d.title,
    body: d.body,
    date: d.date,
    status: d.status,
    item: d.item,
    open: d.open,
    districts: d.districts,
    project_nos: d.projectNos,
    project_names: d.projectNames,
    builders: d.builders,
    keys: d.keys,
    prior: d.prior,
  };
}

export type StoredFields = ReturnType<typeof toStoredFields>;
