/** 审计日志 through TanStack Query: one page of `GET /api/audit` per filter. `auditKeys.all` covers every page. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../common/api-client';
import type { AuditApiParams } from './audit-state';
import type { AuditPage } from './audit.types';

export const auditKeys = {
  all: ['audit'] as const,
  page: (params: AuditApiParams) => [...auditKeys.all, params] as const,
};

export function useAuditPage(params: AuditApiParams) {
  return useQuery({
    queryKey: auditKeys.page(params),
    queryFn: ({ signal }) => apiGet<AuditPage>('/api/audit', params, signal),
    placeholderData: keepPreviousData,
  });
}
