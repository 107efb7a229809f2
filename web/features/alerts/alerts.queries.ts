/**
 * 预警 through TanStack Query. `alertKeys.all` covers every list and every approval's rule
 * results, so a decision, an acknowledgement, a resume or a move refreshes them all at once.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../common/api-client';
import { projectKeys } from '../projects/project.queries';
import { readingKeys } from '../reading/reading.queries';
import type { AlertsApiParams } from './alerts-state';
import type { AdvanceAnswer, AlertsPage, Decision } from './alerts.types';
import { readApprovalRules } from './approval-rules';
import { postKeepingBody } from './post-keeping-body';

export const alertKeys = {
  all: ['alerts'] as const,
  lists: () => [...alertKeys.all, 'list'] as const,
  list: (params: Partial<AlertsApiParams>) => [...alertKeys.lists(), params] as const,
  /** An approval's latest rule results per step. */
  approval: (approvalId: string) => [...alertKeys.all, 'approval', approvalId] as const,
};

const enc = encodeURIComponent;

export function useAlerts(params: Partial<AlertsApiParams>, enabled = true) {
  return useQuery({
    queryKey: alertKeys.list(params),
    queryFn: ({ signal }) => apiGet<AlertsPage>('/api/alerts', params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const approvalRulesPath = (approvalId: string) => `/api/approvals/${enc(approvalId)}/rules`;

export function useApprovalRules(approvalId: string, enabled = true) {
  return useQuery({
    queryKey: alertKeys.approval(approvalId),
    queryFn: ({ signal }) => apiGet<unknown>(approvalRulesPath(approvalId), undefined, signal),
    select: readApprovalRules,
    enabled,
  });
}

/** After any write: the alerts and rule results, the approval's page (its steps, 暂停) and the 360 views. */
function useRefresh() {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: alertKeys.all }),
    client.invalidateQueries({ queryKey: readingKeys.type('approval') }),
    client.invalidateQueries({ queryKey: projectKeys.details() }),
  ]);
}

export function useAcknowledge() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (alertId: number) => apiPost<unknown>(`/api/alerts/${alertId}/acknowledge`, {}),
    onSuccess: refresh,
  });
}

export function useDecide() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ alertId, decision, note }: { alertId: number; decision: Decision; note?: string }) =>
      apiPost<unknown>(`/api/alerts/${alertId}/decide`, note ? { decision, note } : { decision }),
    onSuccess: refresh,
  });
}

/** 恢复办理: lifts a 暂停. */
export function useResume(approvalId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => apiPost<unknown>(`/api/approvals/${enc(approvalId)}/resume`, {}),
    onSuccess: refresh,
  });
}

/** 开始 / 完成 a step: a blocked move comes back as a RefusalError whose body lists the outcomes. */
export function useAdvance(approvalId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (move: { step: string; action: 'start' | 'finish' }) => postKeepingBody<AdvanceAnswer>(`/api/approvals/${enc(approvalId)}/advance`, move),
    onSettled: refresh,
  });
}
