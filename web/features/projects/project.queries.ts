/**
 * A project's data through TanStack Query. `projectKeys.detail(no)` covers the project and
 * everything under it (its resources searched within it), so one invalidation refreshes the 360 view.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../common/api-client';
import type { SearchApiParams } from '../search/search-state';
import type { ProjectBrief, SearchResponse } from '../search/search.types';
import type { ProjectDetail } from './project.types';

export const projectKeys = {
  all: ['projects'] as const,
  details: () => [...projectKeys.all, 'detail'] as const,
  detail: (projectNo: string) => [...projectKeys.details(), projectNo] as const,
  /** The project's records found through search (`project=`), by type and query. */
  resources: (projectNo: string, params: SearchApiParams) => [...projectKeys.detail(projectNo), 'resources', params] as const,
  /** Brief facts (builder, address) of several projects, keyed by the sorted, distinct numbers. */
  briefs: (projectNos: readonly string[]) => [...projectKeys.all, 'briefs', [...new Set(projectNos)].sort()] as const,
};

export function useProject(projectNo: string) {
  return useQuery({
    queryKey: projectKeys.detail(projectNo),
    queryFn: ({ signal }) => apiGet<ProjectDetail>(`/api/projects/${encodeURIComponent(projectNo)}`, undefined, signal),
  });
}

export function useProjectResources(projectNo: string, params: SearchApiParams) {
  return useQuery({
    queryKey: projectKeys.resources(projectNo, params),
    queryFn: ({ signal }) => apiGet<SearchResponse>('/api/search', { ...params, project: projectNo }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProjectBriefs(projectNos: readonly string[]) {
  const key = projectKeys.briefs(projectNos);
  const nos = key[2];
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiGet<{ items: ProjectBrief[] }>('/api/projects', { no: nos }, signal),
    enabled: nos.length > 0,
    staleTime: 5 * 60_000,
    select: (data) => new Map(data.items.map((b) => [b.project_no, b])),
  });
}
