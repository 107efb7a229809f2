/**
 * The search page's whole state lives in its URL (`/search?q=…&type=…&district=…&page=…`), so a
 * search can be shared, bookmarked and gone back to. These pure functions read it from the URL,
 * write it back in one canonical order, and turn it into the API's parameters.
 */

export const SEARCH_TYPES = ['project', 'approval', 'document', 'meeting', 'petition', 'regulation', 'credit'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const PAGE_SIZE = 20;
/** The API pages through the first 1,000 results only (search.schema.ts MAX_RESULT_WINDOW). */
export const MAX_RESULTS = 1000;
export const MAX_PAGE = MAX_RESULTS / PAGE_SIZE;

export interface SearchState {
  q: string;
  /** The tab; null is 全部. */
  type: SearchType | null;
  district: string | null;
  item: string | null;
  status: string | null;
  /** YYYY-MM-DD, inclusive. */
  from: string | null;
  to: string | null;
  sort: 'relevance' | 'date';
  page: number;
}

export const EMPTY_SEARCH: SearchState = {
  q: '', type: null, district: null, item: null, status: null, from: null, to: null, sort: 'relevance', page: 1,
};

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | null {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = Array.isArray(v) ? v[0] : v;
  const t = s?.trim();
  return t ? t : null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The state a URL's query describes; values the page cannot use are dropped, not kept broken. */
export function parseSearchState(params: Params): SearchState {
  const type = read(params, 'type');
  const page = Number(read(params, 'page') ?? '1');
  const from = read(params, 'from');
  const to = read(params, 'to');
  return {
    q: read(params, 'q') ?? '',
    type: type && (SEARCH_TYPES as readonly string[]).includes(type) ? (type as SearchType) : null,
    district: read(params, 'district'),
    item: read(params, 'item'),
    status: read(params, 'status'),
    from: from && DAY.test(from) ? from : null,
    to: to && DAY.test(to) ? to : null,
    sort: read(params, 'sort') === 'date' ? 'date' : 'relevance',
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The URL query for a state, keys in one order and defaults left out (`q=…&type=approval&page=2`). */
export function searchQueryString(state: SearchState): string {
  const qs = new URLSearchParams();
  if (state.q.trim()) qs.set('q', state.q.trim());
  if (state.type) qs.set('type', state.type);
  for (const key of ['district', 'item', 'status', 'from', 'to'] as const) {
    const v = state[key];
    if (v) qs.set(key, v);
  }
  if (state.sort === 'date') qs.set('sort', 'date');
  if (state.page > 1) qs.set('page', String(state.page));
  return qs.toString();
}

/** The search page's URL for a state. */
export function searchHref(state: Partial<SearchState>): string {
  const qs = searchQueryString({ ...EMPTY_SEARCH, ...state });
  return qs ? `/search?${qs}` : '/search';
}

/** The state after a change: any change but paging goes back to the first page. */
export function changeSearch(state: SearchState, patch: Partial<SearchState>): SearchState {
  return { ...state, ...patch, page: patch.page ?? 1 };
}

/** Whether the filters (not the query or the tab) narrow anything. */
export function hasFilters(state: SearchState): boolean {
  return Boolean(state.district || state.item || state.status || state.from || state.to);
}

/** Whether there is something to ask the API: a query, a tab or a filter (the API refuses neither). */
export function canSearch(state: SearchState): boolean {
  return Boolean(state.q.trim() || state.type || hasFilters(state));
}

/** The parameters of GET /api/search for a state. */
export interface SearchApiParams {
  q?: string;
  type?: SearchType;
  district?: string;
  item?: string;
  status?: string;
  from?: string;
  to?: string;
  project?: string;
  sort?: 'date';
  page?: number;
  size: number;
}

export function searchApiParams(state: SearchState, extra: { project?: string; size?: number } = {}): SearchApiParams {
  const p: SearchApiParams = { size: extra.size ?? PAGE_SIZE };
  if (state.q.trim()) p.q = state.q.trim();
  if (state.type) p.type = state.type;
  for (const key of ['district', 'item', 'status', 'from', 'to'] as const) {
    const v = state[key];
    if (v) p[key] = v;
  }
  if (extra.project) p.project = extra.project;
  // Without a query the API lists newest first anyway.
  if (state.sort === 'date' && p.q) p.sort = 'date';
  if (state.page > 1) p.page = state.page;
  return p;
}
