/**
 * The filters of a search request as the engines take them: written the way people write them
 * (洪山区, 东湖高新, a lower-case project number), checked, and made canonical. The response
 * echoes them, so the caller sees what was applied; what cannot be applied is a 400 that says
 * why, never an empty page.
 */
import { DISTRICTS, canonicalDistrict } from '../../indexers/districts.ts';
import { SEARCH_TYPES, type SearchFilters, type SearchType } from '../../indexers/engines/search-engine.ts';
import { normalizeText } from '../../indexers/segment/normalize.ts';
import { badRequest } from '../common/errors.ts';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day PostgreSQL can hold: the schema's `format: date` lets 0000-01-01 through, which it cannot. */
function isCalendarDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return year >= 1 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A text filter as written, trimmed; absent when blank. Items and statuses are matched as stored (全角 brackets and all). */
const text = (v: string | undefined) => {
  const t = v?.trim() ?? '';
  return t === '' ? undefined : t;
};

function day(name: 'from' | 'to', v: string | undefined): string | undefined {
  const t = v?.trim();
  if (!t) return undefined;
  if (!isCalendarDay(t)) throw badRequest(`${name}: "${t}" is not a date; write it as YYYY-MM-DD`);
  return t;
}

/**
 * A NUL in any parameter: PostgreSQL cannot hold one in text and would answer with an error.
 * The HTTP layer refuses control characters before this; other callers (the CLI) meet it here.
 */
export function refuseNul(params: object): void {
  for (const [name, v] of Object.entries(params)) {
    if (typeof v === 'string' && v.includes('\u0000')) throw badRequest(`${name}: contains a NUL character`);
  }
}

/** The request's filters, canonical, with only those given. */
export function canonicalFilters(params: SearchFilters): SearchFilters {
  refuseNul(params);
  const out: SearchFilters = {};
  if (params.type !== undefined && (params.type as string) !== '') {
    if (!SEARCH_TYPES.includes(params.type)) throw badRequest(`type: "${params.type}" is not a type; use one of ${SEARCH_TYPES.join(', ')}`);
    out.type = params.type as SearchType;
  }
  const district = text(params.district);
  if (district !== undefined) {
    const short = canonicalDistrict(district);
    if (!short) {
      throw badRequest(`district: "${district}" is not a district of Wuhan; use one of ${DISTRICTS.join('、')} (洪山区, 东湖高新 and the like are understood too)`);
    }
    out.district = short;
  }
  const item = text(params.item);
  if (item !== undefined) out.item = item;
  const status = text(params.status);
  if (status !== undefined) out.status = status;
  const from = day('from', params.from);
  const to = day('to', params.to);
  if (from && to && from > to) throw badRequest(`from: ${from} is later than to: ${to}; the range would hold no day`);
  if (from) out.from = from;
  if (to) out.to = to;
  const project = text(params.project);
  if (project !== undefined) out.project = normalizeText(project).toUpperCase();
  return out;
}
