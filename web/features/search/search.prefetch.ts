/** The search page's first results, fetched on the server (see common/server-prefetch.ts). */
import { prefetched, serverGet } from '../common/server-prefetch';
import { projectKeys } from '../projects/project.queries';
import { projectNosForBriefs } from './result-fields';
import { canSearch, searchApiParams, type SearchState } from './search-state';
import { searchKeys } from './search.queries';
import type { ProjectBrief, SearchResponse } from './search.types';

export function prefetchSearch(state: SearchState) {
  return prefetched(async (client) => {
    if (!canSearch(state)) return;
    const params = searchApiParams(state);
    const data = await client.fetchQuery({
      queryKey: searchKeys.results(params),
      queryFn: () => serverGet<SearchResponse>('/api/search', { ...params }),
    });
    const key = projectKeys.briefs(projectNosForBriefs(data.hits));
    if (key[2].length > 0) {
      await client.prefetchQuery({ queryKey: key, queryFn: () => serverGet<{ items: ProjectBrief[] }>('/api/projects', { no: key[2] }) });
    }
  });
}
