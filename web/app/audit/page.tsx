/** 审计日志 (/audit?actor=…&action=…&from=…&to=…), admins only; its first page rendered on the server. */
import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { AuditPage } from '../../features/audit/audit-page';
import { prefetchAudit } from '../../features/audit/audit.prefetch';
import { parseAuditState } from '../../features/audit/audit-state';
import '../audit.css';

export const metadata: Metadata = { title: '审计日志' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Audit({ searchParams }: Props) {
  const state = parseAuditState(await searchParams);
  return (
    <HydrationBoundary state={await prefetchAudit(state)}>
      <AuditPage />
    </HydrationBoundary>
  );
}
