/** 统计明细 (/stats/approvals?measure=…&from=…&to=…&…&page=…): the approvals behind a figure of 统计; its first page rendered on the server. */
import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { DrillDownPage } from '../../../features/stats/drill-down-page';
import { parseDrill } from '../../../features/stats/drill-down';
import { prefetchDrill } from '../../../features/stats/stats.prefetch';
import '../../audit.css';
import '../stats.css';

export const metadata: Metadata = { title: '统计明细' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StatsApprovals({ searchParams }: Props) {
  const state = parseDrill(await searchParams);
  return (
    <HydrationBoundary state={await prefetchDrill(state)}>
      <DrillDownPage />
    </HydrationBoundary>
  );
}
