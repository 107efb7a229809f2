/**
 * The rule center through TanStack Query. `ruleKeys.all` covers the list and every table; a
 * publish refreshes them and the alerts (a new version re-evaluates the open approvals).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet } from '../common/api-client';
import { alertKeys } from '../alerts/alerts.queries';
import { postKeepingBody } from '../alerts/post-keeping-body';
import { ruleList } from './rules-answers';
import type { RuleDetail } from './rules.types';

export const ruleKeys = {
  all: ['rules'] as const,
  list: () => [...ruleKeys.all, 'list'] as const,
  detail: (id: string) => [...ruleKeys.all, 'detail', id] as const,
};

export const rulesPath = '/api/rules';
export const rulePath = (id: string) => `/api/rules/${encodeURIComponent(id)}`;

export function useRules() {
  return useQuery({
    queryKey: ruleKeys.list(),
    queryFn: ({ signal }) => apiGet<unknown>(rulesPath, undefined, signal),
    select: ruleList,
    staleTime: 5 * 60_000,
  });
}

export function useRule(id: string, enabled = true) {
  return useQuery({
    queryKey: ruleKeys.detail(id),
    queryFn: ({ signal }) => apiGet<RuleDetail>(rulePath(id), undefined, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** 试运行: which alerts the edited table would open and close; changes nothing. */
export function useDryRun(id: string) {
  return useMutation({ mutationFn: (content: unknown) => postKeepingBody<unknown>(`${rulePath(id)}/dry-run`, { content }) });
}

/** 发布: the API runs the cases and refuses (422, the failing cases listed) a version whose cases fail. */
export function usePublish(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (content: unknown) => postKeepingBody<unknown>(`${rulePath(id)}/versions`, { content }),
    onSuccess: () => Promise.all([
      client.invalidateQueries({ queryKey: ruleKeys.all }),
      client.invalidateQueries({ queryKey: alertKeys.all }),
    ]),
  });
}
