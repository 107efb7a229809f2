/**
 * Reading the audit log (admins): filtered lists, newest first, a page at a time by id (keyset,
 * so a page stays right while entries are appended), and the same filter as a CSV download.
 */
import { badRequest } from '../common/errors.ts';
import type { Queryable } from '../db/db.ts';
import { AUDIT_CSV_HEADER, CSV_BOM, auditCsvRow, csvRow } from './audit-csv.ts';
import type { AuditFilter, AuditRow, AuditStore } from './audit.store.ts';

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1000;

/** The query as the route hands it over: strings as sent, numbers checked by the route's schema. */
export interface AuditQuery {
  actor?: string;
  action?: string;
  resource_type?: string;
  resource_id?: string;
  from?: string;
  to?: string;
  before?: number;
  limit?: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO date or date-time as an instant; null when `text` is not one. A time without a zone is
 * UTC, as the log's `at` is shown. A date alone is its first instant, or with `endOfDay` the
 * first instant of the next day, so `to=2026-12-02` includes all of that day.
 */
export function parseIsoInstant(text: string, endOfDay = false): Date | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  // Date.UTC rolls 02-30 over into March; a date that does not exist is refused.
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  if (h === undefined) {
    if (endOfDay) date.setUTCDate(date.getUTCDate() + 1);
    return date;
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(m[6] ?? 0) > 59) return null;
  const at = new Date(m[7] ? text.trim() : `${text.trim()}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The store's filter for `q`; a bad `from` or `to` is a 400 that names it. */
export function auditFilterOf(q: AuditQuery): AuditFilter {
  const instant = (name: 'from' | 'to', endOfDay: boolean) => {
    const text = q[name];
    if (text === undefined) return undefined;
    const at = parseIsoInstant(text, endOfDay);
    if (!at) throw badRequest(`${name} must be an ISO date (2026-12-02) or date-time (2026-12-02T08:30:00Z), got "${text}"`);
    return at;
  };
  const from = instant('from', false);
  const until = instant('to', true);
  if (from && until && from >= until) throw badRequest('from must be before to');
  const blankToNone = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  return {
    actor: blankToNone(q.actor),
    action: blankToNone(q.action),
    resource_type: blankToNone(q.resource_type),
    resource_id: blankToNone(q.resource_id),
    from,
    until,
    before: q.before,
  };
}

export function createAuditService(deps: { db: Queryable; store: Pick<AuditStore, 'list'> }) {
  const { db, store } = deps;

  /** A page of entries, newest first; `next_before` asks for the page after it, null on the last. */
  async function list(q: AuditQuery): Promise<{ entries: AuditRow[]; next_before: number | null }> {
    const limit = q.limit ?? DEFAULT_AUDIT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_LIMIT) throw badRequest(`limit must be 1–${MAX_AUDIT_LIMIT}`);
    // One more than asked tells whether a next page exists without a count.
    const rows = await store.list(db, auditFilterOf(q), limit + 1);
    const entries = rows.slice(0, limit);
    return { entries, next_before: rows.length > limit ? entries[entries.length - 1]!.id : null };
  }

  /**
   * Every entry the filter matches (up to `limit` when one is given) as CSV text in pieces, read a
   * page at a time so that a long log is never held whole. Bad filters throw before the first piece.
   */
  function exportCsv(q: AuditQuery): AsyncIterable<string> {
    const filter = auditFilterOf(q);
    if (q.limit !== undefined && (!Number.isInteger(q.limit) || q.limit < 1)) throw badRequest('limit must be a positive integer');
    return (async function* () {
      yield CSV_BOM + csvRow(AUDIT_CSV_HEADER);
      let left = q.limit ?? Infinity;
      let before = filter.before;
      while (left > 0) {
        const rows = await store.list(db, { ...filter, before }, Math.min(MAX_AUDIT_LIMIT, left));
        if (rows.length === 0) return;
        yield rows.map(auditCsvRow).join('');
        left -= rows.length;
        before = rows[rows.length - 1]!.id;
        if (rows.length < MAX_AUDIT_LIMIT) return;
      }
    })();
  }

  return { list, exportCsv };
}

export type AuditService = ReturnType<typeof createAuditService>;
