/**
 * 流程分析's run and its chosen item's graph and lists, fetched on the server (see
 * common/server-prefetch.ts): the summary first, since it names the run and the default item.
 */
import { prefetched, serverGet } from '../common/server-prefetch';
import { caseParams, chosenItem, deviationParams, itemPath, type InsightState } from './insight-state';
import { INSIGHT_PATHS, insightKeys } from './insight.queries';
import type { InsightSummary } from './insight.types';

export function prefetchInsight(state: InsightState) {
  return prefetched(async (client) => {
    const summary = await client.fetchQuery({ queryKey: insightKeys.summary(), queryFn: () => serverGet<InsightSummary>(INSIGHT_PATHS.summary) });
    const item = chosenItem(state, summary);
    if (!item) return;
    const run = summary.computed_at;
    const deviations = deviationParams(item, state);
    const cases = caseParams(item, state);
    await Promise.all([
      client.prefetchQuery({ queryKey: insightKeys.item(run, item), queryFn: () => serverGet(itemPath(item)) }),
      client.prefetchQuery({ queryKey: insightKeys.bottlenecks(run, item), queryFn: () => serverGet(INSIGHT_PATHS.bottlenecks, { item }) }),
      client.prefetchQuery({ queryKey: insightKeys.pairs(run, 'mutual', item), queryFn: () => serverGet(INSIGHT_PATHS.pairs, { kind: 'mutual', item }) }),
      client.prefetchQuery({ queryKey: insightKeys.pairs(run, 'parallel', item), queryFn: () => serverGet(INSIGHT_PATHS.pairs, { kind: 'parallel', item }) }),
      client.prefetchQuery({ queryKey: insightKeys.deviations(run, deviations), queryFn: () => serverGet(INSIGHT_PATHS.deviations, deviations) }),
      client.prefetchQuery({ queryKey: insightKeys.cases(run, cases), queryFn: () => serverGet(INSIGHT_PATHS.cases, cases) }),
    ]);
  });
}
