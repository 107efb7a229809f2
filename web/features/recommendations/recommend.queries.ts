/**
 * A project's recommendations through TanStack Query, under the project's key so that the
 * 360 view's one invalidation (a link confirmed, a record imported) refreshes them too.
 */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../common/api-client';
import type { RecommendationsResponse } from './recommend.types';

export const recommendKeys = {
  ofProject: (projectNo: string) => ['projects', 'detail', projectNo, 'recommendations'] as const,
};

export function useRecommendations(projectNo: string) {
  return useQuery({
    queryKey: recommendKeys.ofProject(projectNo),
    queryFn: ({ signal }) => apiGet<RecommendationsResponse>(`/api/projects/${encodeURIComponent(projectNo)}/recommendations`, undefined, signal),
    staleTime: 60_000,
  });
}
