/** Finds the resources whose text holds a phrase, through the search index (any engine). */
import type { SearchService } from '../search/search.service.ts';
import type { LinkType } from './link-model.ts';

/** At most this many resources per phrase: a phrase in more texts than this names no one project. */
const MAX_HITS = 200;

export function mentionFinder(search: Pick<SearchService, 'search'>): (phrase: string, type: LinkType) => Promise<string[]> {
  return async (phrase, type) => {
    const r = await search.search({ q: phrase, type, size: MAX_HITS, page: 1 });
    // Partial matches lack some of the phrase; everything else holds it (as a key, phrase, words or characters).
    return [...new Set(r.hits.filter((h) => h.matched !== 'partial').map((h) => h.id))];
  };
}
