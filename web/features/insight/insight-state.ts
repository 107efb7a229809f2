/**
 * 流程分析's choices in the URL (`/process?item=建设工程规划许可证&kind=skipped&page=2&cases=3`)
 * and as the API's queries. Pure.
 */
import { withQuery } from '../common/api-client';
import { DEVIATION_KINDS, type DeviationKind, type InsightSummary } from './insight.types';

export const INSIGHT_PAGE_SIZE = 20;

export interface InsightState {
  /** The business item; null: the one with the most cases. */
  item: string | null;
  /** 合规性: one kind of deviation, or all (null). */
  kind: DeviationKind | null;
  /** The page of deviations, and of the slowest cases. */
  page: number;
  cases: number;
}

export const DEFAULT_INSIGHT: InsightState = { item: null, kind: null, page: 1, cases: 1 };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string, max = 200): string | null {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s.slice(0, max) : null;
}

function pageOf(params: Params, key: string): number {
  const n = Number(read(params, key, 6));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export function parseInsightState(params: Params): InsightState {
  const kind = read(params, 'kind', 20);
  return {
    item: read(params, 'item'),
    kind: kind && (DEVIATION_KINDS as readonly string[]).includes(kind) ? (kind as DeviationKind) : null,
    page: pageOf(params, 'page'),
    cases: pageOf(params, 'cases'),
  };
}

export const insightHref = (s: InsightState): string =>
  withQuery('/process', { item: s.item, kind: s.kind, page: s.page > 1 ? s.page : null, cases: s.cases > 1 ? s.cases : null });

/** The item shown: the URL's, else the one with the most cases; null when nothing was analysed. */
export function chosenItem(state: InsightState, summary: InsightSummary | undefined): string | null {
  if (state.item) return state.item;
  const items = summary?.items ?? [];
  return items.reduce<InsightSummary['items'][number] | null>((best, i) => (best === null || i.cases > best.cases ? i : best), null)?.item ?? null;
}

export const itemPath = (item: string) => `/api/insight/items/${encodeURIComponent(item)}`;

export type DeviationParams = ReturnType<typeof deviationParams>;
export const deviationParams = (item: string, s: InsightState) => ({ item, kind: s.kind, page: s.page, size: INSIGHT_PAGE_SIZE });

export type CaseParams = ReturnType<typeof caseParams>;
export const caseParams = (item: string, s: InsightState) => ({ item, page: s.cases, size: INSIGHT_PAGE_SIZE });
