/** 预警's first page and the rules' names fetched on the server (see common/server-prefetch.ts). */
import { prefetched, serverGet } from '../common/server-prefetch';
import { ruleKeys, rulesPath } from '../rules/rules.queries';
import { alertsApiParams, type AlertsState } from './alerts-state';
import { alertKeys } from './alerts.queries';
import type { AlertsPage } from './alerts.types';

export function prefetchAlerts(state: AlertsState) {
  const params = alertsApiParams(state);
  return prefetched(async (client) => {
    await Promise.all([
      client.prefetchQuery({ queryKey: alertKeys.list(params), queryFn: () => serverGet<AlertsPage>('/api/alerts', params) }),
      client.prefetchQuery({ queryKey: ruleKeys.list(), queryFn: () => serverGet<unknown>(rulesPath) }),
    ]);
  });
}
