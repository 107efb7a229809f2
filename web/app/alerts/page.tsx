/** 预警 (/alerts?status=…&office=…&project=…&rule=…): handlers, supervisors, admins; its first page rendered on the server. */
import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { AlertsPage } from '../../features/alerts/alerts-page';
import { prefetchAlerts } from '../../features/alerts/alerts.prefetch';
import { parseAlertsState } from '../../features/alerts/alerts-state';
import '../audit.css';

export const metadata: Metadata = { title: '预警' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Alerts({ searchParams }: Props) {
  const state = parseAlertsState(await searchParams);
  return (
    <HydrationBoundary state={await prefetchAlerts(state)}>
      <AlertsPage />
    </HydrationBoundary>
  );
}
