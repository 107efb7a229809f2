/**
 * 预警's filter in the URL (`/alerts?status=open&office=规划处&project=HSAA20120001&rule=petition-check&before=…`)
 * and as the API's query (`GET /api/alerts`). Pure.
 */
import { withQuery } from '../common/api-client';
import type { AlertStatus } from './alerts.types';

export const ALERTS_PAGE_SIZE = 30;
export const ALERT_STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'decided'];

export interface AlertsState {
  /** null: every status. */
  status: AlertStatus | null;
  office: string | null;
  project: string | null;
  rule: string | null;
  /** The page: alerts with ids below this (the API's `next_before`), null for the newest. */
  before: number | null;
}

/** The page opens on what is waiting: open alerts. */
export const DEFAULT_ALERTS: AlertsState = { status: 'open', office: null, project: null, rule: null, before: null };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string, max = 200): string | null {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s.slice(0, max) : null;
}

/** `status=all` asks for every status; no status at all is the default (open); an unknown one is dropped. */
export function parseAlertsState(params: Params): AlertsState {
  const status = read(params, 'status', 20);
  const before = Number(read(params, 'before', 20));
  return {
    status: status === null ? DEFAULT_ALERTS.status : (ALERT_STATUSES as readonly string[]).includes(status) ? (status as AlertStatus) : null,
    office: read(params, 'office'),
    project: read(params, 'project', 40),
    rule: read(params, 'rule', 100),
    before: Number.isInteger(before) && before >= 1 ? before : null,
  };
}

function filterQuery(state: AlertsState) {
  return { status: state.status ?? 'all', office: state.office, project: state.project, rule: state.rule };
}

export const alertsHref = (state: AlertsState): string => withQuery('/alerts', { ...filterQuery(state), before: state.before });

export type AlertsApiParams = ReturnType<typeof alertsApiParams>;

export const alertsApiParams = (state: AlertsState) => ({
  status: state.status,
  office: state.office,
  project: state.project,
  rule: state.rule,
  before: state.before,
  limit: ALERTS_PAGE_SIZE,
});
