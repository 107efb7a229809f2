/**
 * The review queue's filters in the URL (`/links/review?type=petition&district=洪山&band=high&page=2`)
 * and as the API's query. Pure.
 */
import type { LinkType } from './link-review.types';

export const LINK_TYPES: readonly LinkType[] = ['petition', 'document', 'meeting'];
export const SCORE_BANDS = ['high', 'mid', 'low'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** Each band's probabilities; the API's bounds are inclusive, so a band stops just short of the next. */
const BAND_SCORES: Record<ScoreBand, { min_score?: number; max_score?: number }> = {
  high: { min_score: 0.9 },
  mid: { min_score: 0.6, max_score: 0.9 - 1e-9 },
  low: { max_score: 0.6 - 1e-9 },
};

export interface ReviewState {
  type: LinkType | null;
  district: string | null;
  band: ScoreBand | null;
  page: number;
}

export const EMPTY_REVIEW: ReviewState = { type: null, district: null, band: null, page: 1 };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | null {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() || null;
}

/** Unknown values are dropped rather than sent to the API (a bad link should still open the queue). */
export function parseReviewState(params: Params): ReviewState {
  const type = read(params, 'type');
  const band = read(params, 'band');
  const page = Number(read(params, 'page') ?? 1);
  return {
    type: (LINK_TYPES as readonly string[]).includes(type ?? '') ? (type as LinkType) : null,
    district: read(params, 'district')?.slice(0, 40) ?? null,
    band: (SCORE_BANDS as readonly string[]).includes(band ?? '') ? (band as ScoreBand) : null,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function reviewHref(state: ReviewState): string {
  const qs = new URLSearchParams();
  if (state.type) qs.set('type', state.type);
  if (state.district) qs.set('district', state.district);
  if (state.band) qs.set('band', state.band);
  if (state.page > 1) qs.set('page', String(state.page));
  const s = qs.toString();
  return s ? `/links/review?${s}` : '/links/review';
}

export interface ReviewApiParams {
  status: 'suggested';
  type?: LinkType;
  district?: string;
  min_score?: number;
  max_score?: number;
  page: number;
}

export function reviewApiParams(state: ReviewState): ReviewApiParams {
  return {
    status: 'suggested',
    ...(state.type ? { type: state.type } : {}),
    ...(state.district ? { district: state.district } : {}),
    ...(state.band ? BAND_SCORES[state.band] : {}),
    page: state.page,
  };
}
