/**
 * When a request is a listing rather than a search, for every engine alike: it has no terms
 * but filters, or names a tab ("all 在办 approvals in 洪山 this month", a project's 360 view).
 * A listing shows what the filters select newest first, each record once by its first passage
 * (the start of its text), with the same counts per tab as a search.
 */
import type { SearchRequest } from './search-engine.ts';

export function isListing(req: SearchRequest): boolean {
  const q = req.query;
  const terms = q.keys.length + q.words.length + q.phrases.length;
  return terms === 0 && Object.values(req.filters).some((v) => v !== undefined && v !== '');
}
