/** 审计日志's first page fetched on the server (see common/server-prefetch.ts). */
import { prefetched, serverGet } from '../common/server-prefetch';
import { auditApiParams, type AuditState } from './audit-state';
import { auditKeys } from './audit.queries';
import type { AuditPage } from './audit.types';

export function prefetchAudit(state: AuditState) {
  const params = auditApiParams(state);
  return prefetched(async (client) => {
    await client.prefetchQuery({ queryKey: auditKeys.page(params), queryFn: () => serverGet<AuditPage>('/api/audit', params) });
  });
}
