/**
 * 公众查询's one request, `GET /public/api/progress?q=`, through TanStack Query. The page calls
 * no other endpoint (no session, no /api/...). It is fetched in the browser only: the API limits
 * this endpoint per client, and a server-side prefetch would come from the web server's own
 * address, putting every citizen in one bucket.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../common/api-client';
import type { PublicProgress } from './public.types';

export const publicKeys = {
  all: ['public'] as const,
  progress: (q: string) => [...publicKeys.all, 'progress', q] as const,
};

/** Nothing is asked for an empty `q`. */
export function usePublicProgress(q: string) {
  return useQuery({
    queryKey: publicKeys.progress(q),
    queryFn: ({ signal }) => apiGet<PublicProgress>('/public/api/progress', { q }, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}
