/** 统计's tables and charts, and a drill-down's first page, fetched on the server (see common/server-prefetch.ts). */
import { prefetched, serverGet } from '../common/server-prefetch';
import { drillApiParams, type DrillState } from './drill-down';
import { certificateParams, handlingParams, monthlyParams, overdueParams, type StatsState } from './stats-state';
import { statsKeys, statsPath } from './stats.queries';

export function prefetchStats(state: StatsState, today: string) {
  const handling = handlingParams(state, today);
  const monthly = monthlyParams(state, today);
  const certificates = certificateParams(state, today);
  const overdue = overdueParams(state, today);
  return prefetched(async (client) => {
    await Promise.all([
      client.prefetchQuery({ queryKey: statsKeys.handling(handling), queryFn: () => serverGet(statsPath('handling'), handling) }),
      client.prefetchQuery({ queryKey: statsKeys.handling(monthly), queryFn: () => serverGet(statsPath('handling'), monthly) }),
      client.prefetchQuery({ queryKey: statsKeys.certificates(certificates), queryFn: () => serverGet(statsPath('certificates'), certificates) }),
      client.prefetchQuery({ queryKey: statsKeys.projects('district'), queryFn: () => serverGet(statsPath('projects'), { by: 'district' }) }),
      client.prefetchQuery({ queryKey: statsKeys.projects('office'), queryFn: () => serverGet(statsPath('projects'), { by: 'office' }) }),
      client.prefetchQuery({ queryKey: statsKeys.overdue(overdue), queryFn: () => serverGet(statsPath('overdue'), overdue) }),
    ]);
  });
}

export function prefetchDrill(state: DrillState | null) {
  return prefetched(async (client) => {
    if (!state) return;
    const params = drillApiParams(state);
    await client.prefetchQuery({ queryKey: statsKeys.approvals(params), queryFn: () => serverGet(statsPath('approvals'), params) });
  });
}
