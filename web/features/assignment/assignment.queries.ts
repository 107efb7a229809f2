/** 分件推荐 through TanStack Query; its keys sit under the approval's so a move refreshes them too. */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../common/api-client';
import type { Assignees } from './assignment.types';

export const assignmentKeys = {
  all: ['assignees'] as const,
  approval: (approvalId: string) => [...assignmentKeys.all, approvalId] as const,
};

export function useAssignees(approvalId: string, enabled: boolean) {
  return useQuery({
    queryKey: assignmentKeys.approval(approvalId),
    queryFn: ({ signal }) => apiGet<Assignees>(`/api/approvals/${encodeURIComponent(approvalId)}/assignees`, undefined, signal),
    enabled,
    retry: false,
  });
}
