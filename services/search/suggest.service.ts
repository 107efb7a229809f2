/**
 * Type-ahead, the same on every engine: names that start with the text (or whose pinyin does,
 * from the start or from an inner word), then names that contain it, each entry once, each with
 * an API path that opens what it names.
 */
import type { SearchReader, Suggestion } from '../../indexers/engines/search-engine.ts';
import { suggestionKey } from '../../indexers/suggestions.ts';

/** The longest text looked up; the route's schema bounds `q` to the same. */
export const SUGGEST_MAX_CHARS = 50;
/** A single character is inside too many names for "contains" to help (青 is in hundreds). */
const CONTAINS_MIN_CHARS = 2;

export interface SuggestItem extends Suggestion {
  /** A GET path on this API: the project's page, or a search for the builder, place or regulation. */
  href: string;
}

const searchHref = (q: string, type?: 'project' | 'regulation') =>
  `/api/search?q=${encodeURIComponent(q)}${type ? `&type=${type}` : ''}`;

/** Where a suggestion leads: only projects have a page of their own; the rest are searches. */
export function suggestionHref(s: Suggestion): string {
  switch (s.kind) {
    case 'project':
      return `/api/projects/${encodeURIComponent(s.ref)}`;
    case 'builder':
      return searchHref(s.ref, 'project');
    case 'place':
      return searchHref(s.ref);
    case 'regulation':
      return searchHref(s.text, 'regulation');
  }
}

export function createSuggestService(deps: { engine: Pick<SearchReader, 'suggestPrefix' | 'suggestContaining'> }) {
  async function suggest(q: string, size = 10): Promise<{ items: SuggestItem[] }> {
    const text = q.slice(0, SUGGEST_MAX_CHARS).trim();
    if (!text || size <= 0) return { items: [] };
    const found = await deps.engine.suggestPrefix(text, size);
    const more = found.length < size && [...text].length >= CONTAINS_MIN_CHARS ? await deps.engine.suggestContaining(text, size) : [];
    // An entry may match both ways (its pinyin starts with the text, its text holds it further on).
    const unique = new Map<string, Suggestion>();
    for (const s of [...found, ...more]) if (!unique.has(suggestionKey(s))) unique.set(suggestionKey(s), s);
    return { items: [...unique.values()].slice(0, size).map((s) => ({ ...s, href: suggestionHref(s) })) };
  }

  return { suggest };
}

export type SuggestService = ReturnType<typeof createSuggestService>;
