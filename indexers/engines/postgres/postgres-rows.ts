/**
 * Search documents as the rows PostgreSQL stores: token arrays turned into weighted tsvector
 * literals, and each type's rows as one JSON text for `jsonb_to_recordset`. Pure and free of I/O,
 * so a reindex runs it on worker threads beside the segmentation (it costs about as much as the
 * segmentation itself); this module is the PostgreSQL engine's `encoder`.
 */
import type { SearchDoc, SearchType } from '../search-engine.ts';
import { toStoredFields } from '../stored-fields.ts';
import { TsvectorBuilder } from './tsvector.ts';

/** Gap between the title's grams and the text's, so no phrase spans the two. */
const TITLE_GAP = 8;

/** The row a document becomes. */
export function toRow(d: SearchDoc): Record<string, unknown> {
  return {
    ...toStoredFields(d),
    title_tsv: new TsvectorBuilder().add(d.titleGrams, 'A').toString(),
    body_tsv: new TsvectorBuilder().add(d.nameWords, 'A').add(d.bodyWords, 'C', TITLE_GAP).toString(),
    gram_tsv: new TsvectorBuilder().add(d.titleGrams, 'A').add(d.bodyGrams, 'D', TITLE_GAP).toString(),
  };
}

/** One type's rows, as the JSON array `jsonb_to_recordset` reads. */
export interface TypeRows {
  type: SearchType;
  json: string;
}

export function encode(docs: SearchDoc[]): TypeRows[] {
  return [...Map.groupBy(docs, (d) => d.type)].map(([type, ofType]) => ({ type, json: JSON.stringify(ofType.map(toRow)) }));
}
