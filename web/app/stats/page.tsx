/** 统计 (/stats?year=…&month=…&district=…&office=…&group=…&cfrom=…&cto=…): every signed-in role; its tables rendered on the server. */
import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { StatsPage } from '../../features/stats/stats-page';
import { prefetchStats } from '../../features/stats/stats.prefetch';
import { bureauToday, parseStatsState } from '../../features/stats/stats-state';
import '../audit.css';
import './stats.css';

export const metadata: Metadata = { title: '统计' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Stats({ searchParams }: Props) {
  const state = parseStatsState(await searchParams);
  // One "today" for the server's queries and the browser's, so their keys agree.
  const today = bureauToday();
  return (
    <HydrationBoundary state={await prefetchStats(state, today)}>
      <StatsPage today={today} />
    </HydrationBoundary>
  );
}
