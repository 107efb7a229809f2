/**
 * Recommendations through TanStack Query: a project's under the project's key, so that the 360
 * view's one invalidation (a link confirmed, a record imported) refreshes them too; an
 * approval's under the approval's.
 */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../common/api-client';
import type { RecommendationsResponse } from './recommend.types';

/** What the recommendations are for: a project, or one approval (its item's cases and regulations). */
export type RecommendFor = { projectNo: string } | { approvalId: string };

export const recommendKeys = {
  of: (target: RecommendFor) => ('projectNo' in target
    ? ['projects', 'detail', target.projectNo, 'recommendations']
    : ['approvals', target.approvalId, 'recommendations']) as readonly string[],
};

export const recommendPath = (target: RecommendFor) => ('projectNo' in target
  ? `/api/projects/${encodeURIComponent(target.projectNo)}/recommendations`
  : `/api/approvals/${encodeURIComponent(target.approvalId)}/recommendations`);

export function useRecommendations(target: RecommendFor) {
  return useQuery({
    queryKey: recommendKeys.of(target),
    queryFn: ({ signal }) => apiGet<RecommendationsResponse>(recommendPath(target), undefined, signal),
    staleTime: 60_000,
  });
}
