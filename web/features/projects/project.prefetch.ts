/** The 360 view's data fetched on the server (see common/server-prefetch.ts). */
import { prefetched, serverGet } from '../common/server-prefetch';
import { EMPTY_SEARCH, searchApiParams } from '../search/search-state';
import type { SearchResponse } from '../search/search.types';
import type { ProjectViewState } from './project-view-state';
import { projectKeys } from './project.queries';
import type { ProjectDetail } from './project.types';

export function prefetchProject(projectNo: string, view: ProjectViewState) {
  return prefetched(async (client) => {
    const detail = client.fetchQuery({
      queryKey: projectKeys.detail(projectNo),
      queryFn: () => serverGet<ProjectDetail>(`/api/projects/${encodeURIComponent(projectNo)}`),
    });
    const resources = view.view === 'resources'
      ? (() => {
        const params = searchApiParams({ ...EMPTY_SEARCH, q: view.rq, type: view.rtype, page: view.rpage });
        return client.prefetchQuery({
          queryKey: projectKeys.resources(projectNo, params),
          queryFn: () => serverGet<SearchResponse>('/api/search', { ...params, project: projectNo }),
        });
      })()
      : Promise.resolve();
    await Promise.all([detail, resources]);
  });
}
