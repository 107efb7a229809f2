/** Reads the engine's responses back into PlanHub's types (the other half of search-bodies.ts). */
import type { estypes } from '@elastic/elasticsearch';
import { SEARCH_TYPES, type IndexedVersion, type SearchHit, type SearchResult, type SearchType, type Suggestion } from '../search-engine.ts';
import { COUNT_CAP, TIERS, type HitSource, type Tier } from './search-bodies.ts';

const isSearchType = (t: unknown): t is SearchType => (SEARCH_TYPES as readonly unknown[]).includes(t);

interface TypeBucket {
  key: string;
  records?: { value: number };
}

/** Tab counts (distinct records per type), the total, and the hits of the page. */
export function readSearch(res: estypes.SearchResponse<HitSource>): SearchResult {
  const agg = res.aggregations?.types as { buckets?: TypeBucket[] } | undefined;
  const counts: Partial<Record<SearchType, number>> = {};
  let totalIsEstimate = false;
  for (const b of agg?.buckets ?? []) {
    const n = b.records?.value ?? 0;
    if (!isSearchType(b.key) || n === 0) continue;
    counts[b.key] = n;
    if (n >= COUNT_CAP) totalIsEstimate = true;
  }
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const hits = res.hits.hits.flatMap((h): SearchHit[] => {
    const hit = toHit(h, bestTier(h.matched_queries));
    return hit ? [hit] : [];
  });
  return { total, totalIsEstimate, counts, hits };
}

/** A hit as PlanHub reads it, matched as given; null without its source. */
export function toHit(h: estypes.SearchHit<HitSource>, matched: Tier): SearchHit | null {
  const s = h._source;
  if (!s) return null;
  return {
    type: s.type,
    id: s.resource_id,
    passage: s.passage,
    title: s.title,
    body: s.body,
    date: s.date,
    status: s.status,
    projectNos: s.project_nos,
    projectNames: s.project_names,
    score: Math.round((h._score ?? 0) * 1000) / 1000,
    matched,
  };
}

function bestTier(matched: estypes.SearchHit['matched_queries']): Tier {
  const names = Array.isArray(matched) ? matched : Object.keys(matched ?? {});
  return TIERS.find((t) => names.includes(t)) ?? 'chars';
}

/** As stored; indices written before entries had refs and details hold builders and places with a null ref. */
export type SuggestSource = Pick<Suggestion, 'text' | 'kind'> & { ref: string | null; detail?: string | null };

// A builder's or a place's ref is its own name (as the PostgreSQL migration 20261201060000 sets it).
const toSuggestion = (s: SuggestSource): Suggestion => ({ text: s.text, kind: s.kind, ref: s.ref ?? s.text, detail: s.detail ?? null });

/**
 * Completion options, the text's own prefix matches first, then its pinyin forms'; then the hits
 * (matches at an inner word). A document found more than once, at its first place.
 */
export function readSuggest(res: estypes.SearchResponse<SuggestSource>, limit: number): Suggestion[] {
  const out = new Map<string, Suggestion>();
  const add = (index: string | undefined, id: string | null | undefined, source: SuggestSource | undefined) => {
    const key = `${index}/${id}`;
    if (source && out.size < limit && !out.has(key)) out.set(key, toSuggestion(source));
  };
  for (const name of ['by_text', 'by_latin']) {
    for (const entry of res.suggest?.[name] ?? []) {
      const options = Array.isArray(entry.options) ? entry.options : [entry.options];
      for (const option of options) {
        const o = option as estypes.SearchCompletionSuggestOption<SuggestSource>;
        add(o._index, o._id, o._source);
      }
    }
  }
  for (const h of res.hits?.hits ?? []) add(h._index, h._id, h._source);
  return [...out.values()];
}

export function readSuggestHits(res: estypes.SearchResponse<SuggestSource>): Suggestion[] {
  return res.hits.hits.flatMap((h) => (h._source ? [toSuggestion(h._source)] : []));
}

interface VersionBucket {
  key: { id?: unknown };
  version?: { value: number | null };
}

export function readVersions(type: SearchType, res: estypes.SearchResponse): IndexedVersion[] {
  const agg = res.aggregations?.ids as { buckets?: VersionBucket[] } | undefined;
  return (agg?.buckets ?? []).map((b) => ({ type, resourceId: String(b.key.id), version: Math.round(b.version?.value ?? 0) }));
}
