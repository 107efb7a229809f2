/**
 * The approvals behind a figure: `/stats/approvals?measure=received&from=…&to=…&item=…` in the
 * URL, `GET /api/stats/approvals` with the same parameters. Every figure on 统计 builds its link
 * here, with the same parameters the figure was counted with, so the list's total is the figure.
 * Pure.
 */
import { withQuery } from '../common/api-client';
import { validDate, type Period } from './stats-state';
import { MEASURES, type HandlingGroup, type Measure } from './stats.types';

export const DRILL_PAGE_SIZE = 20;
export const DRILL_PATH = '/stats/approvals';

export interface DrillState {
  measure: Measure;
  from: string | null;
  to: string | null;
  district: string | null;
  office: string | null;
  item: string | null;
  /** 证照: the 办理部门 (中心城区分局, 市局, 洪山分局 …), the certificate type, uploaded or not. */
  unit: string | null;
  type: string | null;
  uploaded: boolean | null;
  /** `YYYY-MM`: a month row's or a heatmap cell's month. */
  month: string | null;
  page: number;
}

const NONE: Omit<DrillState, 'measure'> = {
  from: null, to: null, district: null, office: null, item: null, unit: null, type: null, uploaded: null, month: null, page: 1,
};

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string, max = 200): string | null {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s.slice(0, max) : null;
}

/** null when the URL names no figure (no or an unknown `measure`). */
export function parseDrill(params: Params): DrillState | null {
  const measure = read(params, 'measure', 20);
  if (!measure || !(MEASURES as readonly string[]).includes(measure)) return null;
  const uploaded = read(params, 'uploaded', 5);
  const month = read(params, 'month', 7);
  const page = Number(read(params, 'page', 6));
  return {
    measure: measure as Measure,
    from: validDate(read(params, 'from', 10)),
    to: validDate(read(params, 'to', 10)),
    district: read(params, 'district', 40),
    office: read(params, 'office'),
    item: read(params, 'item'),
    unit: read(params, 'unit', 40),
    type: read(params, 'type', 40),
    uploaded: uploaded === 'true' ? true : uploaded === 'false' ? false : null,
    month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : null,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The figure's parameters in one fixed order, without empty ones. */
function query(d: DrillState) {
  return {
    measure: d.measure, from: d.from, to: d.to, district: d.district, office: d.office, item: d.item,
    unit: d.unit, type: d.type, uploaded: d.uploaded === null ? null : String(d.uploaded), month: d.month,
  };
}

export const drillHref = (d: DrillState): string => withQuery(DRILL_PATH, { ...query(d), page: d.page > 1 ? d.page : null });

export type DrillApiParams = ReturnType<typeof drillApiParams>;
export const drillApiParams = (d: DrillState) => ({ ...query(d), page: d.page, size: DRILL_PAGE_SIZE });

/** Every approval behind the figure, as CSV. */
export const drillCsvHref = (d: DrillState): string => withQuery('/api/stats/approvals', { ...query(d), format: 'csv' });

export const pageCount = (total: number, size = DRILL_PAGE_SIZE): number => Math.max(1, Math.ceil(total / size));

/** Which parameter a row of 业务办理情况 narrows by, for each grouping. */
const GROUP_PARAM: Record<HandlingGroup, 'item' | 'month' | 'district' | 'office'> = { item: 'item', month: 'month', district: 'district', office: 'office' };

/**
 * A figure of 业务办理情况: `key` is the row's (null for 合计), `filters` the selectors' district
 * and office; a row's own key takes the place of the filter it groups by.
 */
export function handlingDrill(
  period: Period,
  filters: { district: string | null; office: string | null },
  group: HandlingGroup,
  key: string | null,
  measure: 'received' | 'open' | 'closed',
): DrillState {
  const d: DrillState = { ...NONE, measure, ...period, district: filters.district, office: filters.office };
  return key === null ? d : { ...d, [GROUP_PARAM[group]]: key };
}

/** A figure of 证照情况统计: the unit's row (null for 总计), a type's group (null for 发证数), 已传 / 未传 (null for all). */
export function certificateDrill(period: Period, unit: string | null, type: string | null, uploaded: boolean | null): DrillState {
  return { ...NONE, measure: 'issued', ...period, unit, type, uploaded };
}

/** A cell of 超期环节 (an office's month), or its total when both are null. */
export function overdueDrill(period: Period, office: string | null, month: string | null): DrillState {
  return { ...NONE, measure: 'overdue', ...period, office, month };
}
