/**
 * The statistics requests' parameters, read once: the period (defaults: `to` today in Wuhan,
 * `from` the first of January of `to`'s year), districts as search reads them (洪山, 洪山区),
 * months, and the few formats the figures are written in. Pure; a bad value is a 400 naming it.
 */
import { badRequest } from '../common/errors.ts';
import { canonicalFilters } from '../search/search-filters.ts';
import { CERT_TYPES, UNSTATED, type CertType } from './stats-rows.ts';

export const GROUPS = ['item', 'month', 'district', 'office'] as const;
export type Group = (typeof GROUPS)[number];
export const PROJECT_BYS = ['district', 'office'] as const;
export type ProjectBy = (typeof PROJECT_BYS)[number];
export const MEASURES = ['received', 'open', 'closed', 'issued', 'overdue'] as const;
export type Measure = (typeof MEASURES)[number];

const DAY_MS = 86_400_000;
const BUREAU_OFFSET_MS = 8 * 3_600_000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Today in Wuhan (UTC+8 all year), as YYYY-MM-DD. */
export const bureauDay = (now: Date): string => new Date(now.getTime() + BUREAU_OFFSET_MS).toISOString().slice(0, 10);

const shiftDay = (day: string, by: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);
export const dayBefore = (day: string): string => shiftDay(day, -1);

/** The period asked for, checked: from <= to, real days. */
export function resolvePeriod(q: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const to = canonicalFilters({ to: q.to }).to ?? today;
  const from = canonicalFilters({ from: q.from }).from ?? `${to.slice(0, 4)}-01-01`;
  canonicalFilters({ from, to });
  return { from, to };
}

function oneOf<T extends string>(name: string, allowed: readonly T[], value: string | undefined, fallback: T): T {
  const v = value?.trim();
  if (v === undefined || v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw badRequest(`${name}: "${v}" is not one of ${allowed.join(', ')}`);
  return v as T;
}

export const parseGroup = (v: string | undefined): Group => oneOf('group', GROUPS, v, 'item');
export const parseProjectBy = (v: string | undefined): ProjectBy => oneOf('by', PROJECT_BYS, v, 'district');

export function parseMeasure(v: string | undefined): Measure {
  if (v === undefined || v.trim() === '') throw badRequest(`measure: name the figure, one of ${MEASURES.join(', ')}`);
  return oneOf('measure', MEASURES, v, 'received');
}

export function parseCertType(v: string | undefined): CertType | undefined {
  const t = v?.trim();
  if (!t) return undefined;
  if (!(CERT_TYPES as readonly string[]).includes(t)) throw badRequest(`type: "${t}" is not one of ${CERT_TYPES.join(', ')}`);
  return t as CertType;
}

export function parseUploaded(v: string | boolean | undefined): boolean | undefined {
  if (v === undefined || v === '') return undefined;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw badRequest(`uploaded: "${String(v)}" is not true or false`);
}

/** A district written any way search accepts, as its short name (洪山区 → 洪山). */
export const parseDistrict = (v: string | undefined): string | undefined => canonicalFilters({ district: v }).district;

/** A text filter as written, trimmed; absent when blank. 未载明 asks for the records that name none. */
export function parseText(v: string | undefined): string | undefined {
  const t = v?.trim();
  if (!t) return undefined;
  if (t.includes('\u0000')) throw badRequest('a filter contains a NUL character');
  return t === UNSTATED ? '' : t;
}

export function parseMonth(v: string | undefined): string | undefined {
  const t = v?.trim();
  if (!t) return undefined;
  if (!MONTH.test(t)) throw badRequest(`month: "${t}" is not a month; write it as YYYY-MM`);
  return t;
}

export function parsePage(page: number | undefined, size: number | undefined): { page: number; size: number } {
  const p = page ?? 1;
  const s = size ?? 20;
  if (!Number.isInteger(p) || p < 1) throw badRequest('page: must be a whole number from 1');
  if (!Number.isInteger(s) || s < 1 || s > 100) throw badRequest('size: must be a whole number from 1 to 100');
  return { page: p, size: s };
}

/** The month's last day. */
export function monthEnd(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Every month the period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (month > last) return months;
    months.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

/** The part of the period in the month (as a month row counts it); null when they do not meet. */
export function monthWithin(month: string, period: { from: string; to: string }): { from: string; to: string } | null {
  const from = `${month}-01` > period.from ? `${month}-01` : period.from;
  const end = monthEnd(month);
  const to = end < period.to ? end : period.to;
  return from <= to ? { from, to } : null;
}

/** An upload rate as the seed prints it: one decimal and a percent sign, 0.0% when nothing was issued. */
export function uploadRate(uploaded: number, issued: number): string {
  if (issued === 0) return '0.0%';
  return `${(Math.round((uploaded * 1000) / issued) / 10).toFixed(1)}%`;
}
