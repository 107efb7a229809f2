/** 流程分析 (/process?item=…&kind=…&page=…&cases=…): supervisors and admins; the cached analysis rendered on the server. */
import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { ProcessPage } from '../../features/insight/process-page';
import { prefetchInsight } from '../../features/insight/insight.prefetch';
import { parseInsightState } from '../../features/insight/insight-state';
import '../audit.css';
import '../stats/stats.css';

export const metadata: Metadata = { title: '流程分析' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Process({ searchParams }: Props) {
  const state = parseInsightState(await searchParams);
  return (
    <HydrationBoundary state={await prefetchInsight(state)}>
      <ProcessPage />
    </HydrationBoundary>
  );
}
