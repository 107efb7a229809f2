/**
 * 统计's selectors in the URL (`/stats?year=2014&month=4&district=洪山&office=…&group=item&cfrom=…&cto=…`)
 * and the periods and API queries they stand for. Pure; "today" is passed in (the bureau's day).
 */
import { withQuery } from '../common/api-client';
import { HANDLING_GROUPS, type HandlingGroup } from './stats.types';

export interface StatsState {
  /** 年份; null: this year. */
  year: number | null;
  /** 月份 1–12; null: the whole year. */
  month: number | null;
  /** 区域 and 单位 (the approval's handling office as stored). */
  district: string | null;
  office: string | null;
  /** What 业务办理情况's rows are: 业务类型 (item) by default. */
  group: HandlingGroup;
  /** 证照情况统计's 开始时间 / 结束时间, YYYY-MM-DD; null: the selected year. */
  cfrom: string | null;
  cto: string | null;
}

export const DEFAULT_STATS: StatsState = { year: null, month: null, district: null, office: null, group: 'item', cfrom: null, cto: null };

export interface Period {
  from: string;
  to: string;
}

const BUREAU_OFFSET_MS = 8 * 3_600_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIRST_YEAR = 2000;

/** Today in Wuhan, `YYYY-MM-DD`: the API counts its days there. */
export const bureauToday = (now = Date.now()): string => new Date(now + BUREAU_OFFSET_MS).toISOString().slice(0, 10);

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string, max = 200): string | null {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s.slice(0, max) : null;
}

function int(params: Params, key: string, min: number, max: number): number | null {
  const s = read(params, key, 6);
  const n = s !== null && /^\d+$/.test(s) ? Number(s) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** A real calendar date `YYYY-MM-DD`, or null. */
export function validDate(s: string | null): string | null {
  if (!s || !DATE.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : null;
}

/** Values the API would refuse (a year that is not one, a month 13, a malformed date, an unknown grouping) are dropped. */
export function parseStatsState(params: Params): StatsState {
  const group = read(params, 'group', 20);
  let cfrom = validDate(read(params, 'cfrom', 10));
  let cto = validDate(read(params, 'cto', 10));
  if (cfrom && cto && cfrom > cto) [cfrom, cto] = [null, null];
  return {
    year: int(params, 'year', FIRST_YEAR, 2100),
    month: int(params, 'month', 1, 12),
    district: read(params, 'district', 40),
    office: read(params, 'office'),
    group: group && (HANDLING_GROUPS as readonly string[]).includes(group) ? (group as HandlingGroup) : 'item',
    cfrom,
    cto,
  };
}

export const statsHref = (s: StatsState): string =>
  withQuery('/stats', {
    year: s.year, month: s.month, district: s.district, office: s.office,
    group: s.group === 'item' ? null : s.group, cfrom: s.cfrom, cto: s.cto,
  });

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The selected year, this year when none is. */
export const yearOf = (s: StatsState, today: string): number => s.year ?? Number(today.slice(0, 4));

/** A span ending after today ends today: the API counts 在办 at the end, and the future has none yet. */
function clamp(from: string, to: string, today: string): Period {
  return { from, to: from <= today && to > today ? today : to };
}

/** The year (or month) the selectors name, as dates. */
export function handlingPeriod(s: StatsState, today: string): Period {
  const y = yearOf(s, today);
  if (s.month === null) return clamp(`${y}-01-01`, `${y}-12-31`, today);
  return clamp(`${y}-${pad(s.month)}-01`, `${y}-${pad(s.month)}-${pad(lastDay(y, s.month))}`, today);
}

/** The whole selected year, for the month-by-month chart. */
export function yearPeriod(s: StatsState, today: string): Period {
  const y = yearOf(s, today);
  return clamp(`${y}-01-01`, `${y}-12-31`, today);
}

/** 证照情况统计's 开始时间 / 结束时间: its own dates, else the selected year. */
export function certificatePeriod(s: StatsState, today: string): Period {
  const year = yearPeriod(s, today);
  const from = s.cfrom ?? year.from;
  const to = s.cto ?? (from <= year.to ? year.to : today);
  return from <= to ? { from, to } : year;
}

/** The seed's 上一年 / 本年 buttons: the whole previous year, or this year so far. */
export function certificateShortcuts(today: string): { lastYear: Period; thisYear: Period } {
  const y = Number(today.slice(0, 4));
  return { lastYear: { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` }, thisYear: { from: `${y}-01-01`, to: today } };
}

/** The years the selector offers: this year back to the first the bureau's records could hold, and the one in the URL. */
export function yearOptions(today: string, selected: number | null, since = 2010): number[] {
  const years: number[] = [];
  for (let y = Number(today.slice(0, 4)); y >= since; y -= 1) years.push(y);
  if (selected !== null && !years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a);
}

const filters = (s: StatsState) => ({ district: s.district, office: s.office });

export type HandlingParams = ReturnType<typeof handlingParams>;
export const handlingParams = (s: StatsState, today: string) => ({ ...handlingPeriod(s, today), ...filters(s), group: s.group });
export const monthlyParams = (s: StatsState, today: string): HandlingParams => ({ ...yearPeriod(s, today), ...filters(s), group: 'month' });

export type CertificateParams = ReturnType<typeof certificateParams>;
export const certificateParams = (s: StatsState, today: string) => ({ ...certificatePeriod(s, today) });

export type OverdueParams = ReturnType<typeof overdueParams>;
export const overdueParams = (s: StatsState, today: string) => ({ ...yearPeriod(s, today), office: s.office });

/** The same figures as CSV, straight from the API (same origin; the session cookie goes along). */
export const statsCsvHref = (path: 'handling' | 'certificates' | 'projects' | 'overdue', params: Record<string, string | number | null>): string =>
  withQuery(`/api/stats/${path}`, { ...params, format: 'csv' });
