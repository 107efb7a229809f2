/**
 * 审计日志's filter in the URL (`/audit?actor=supervisor&action=petitioner.read&from=2026-12-01&to=2026-12-02&before=120`)
 * and as the API's query (`GET /api/audit`). Pure.
 */
import { withQuery } from '../common/api-client';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditState {
  actor: string | null;
  action: string | null;
  resource_type: string | null;
  /** Dates, YYYY-MM-DD (the browser's date field). */
  from: string | null;
  to: string | null;
  /** The page: entries older than this id (keyset), null for the newest. */
  before: number | null;
}

export const EMPTY_AUDIT: AuditState = { actor: null, action: null, resource_type: null, from: null, to: null, before: null };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string, max = 200): string | null {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s.slice(0, max) : null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Values the API would refuse (a date that is not one, a page that is not a number) are dropped. */
export function parseAuditState(params: Params): AuditState {
  const date = (key: string) => {
    const v = read(params, key, 10);
    return v && DATE.test(v) ? v : null;
  };
  const before = Number(read(params, 'before'));
  return {
    actor: read(params, 'actor'),
    action: read(params, 'action'),
    resource_type: read(params, 'resource_type'),
    from: date('from'),
    to: date('to'),
    before: Number.isInteger(before) && before >= 1 ? before : null,
  };
}

/** The filter's query, in a fixed order, without empty values. */
function filterQuery(state: AuditState) {
  return { actor: state.actor, action: state.action, resource_type: state.resource_type, from: state.from, to: state.to };
}

export const auditHref = (state: AuditState): string => withQuery('/audit', { ...filterQuery(state), before: state.before });

export type AuditApiParams = ReturnType<typeof auditApiParams>;

export const auditApiParams = (state: AuditState) => ({ ...filterQuery(state), before: state.before, limit: AUDIT_PAGE_SIZE });

/** The CSV of everything the filter finds (not only the page shown). */
export const auditCsvHref = (state: AuditState): string => withQuery('/api/audit', { ...filterQuery(state), format: 'csv' });
