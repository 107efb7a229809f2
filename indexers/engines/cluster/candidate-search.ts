/**
 * The complete tiers without ranking huge match lists, as the PostgreSQL engine does
 * (../postgres/postgres-search.ts): each tier offers its best matches by prior (by date when the
 * page is sorted by date), at most perTier of them, and only the union of these candidates is
 * scored (searchBody restricted to their ids). Scoring, collapsing and counting every match of a
 * common term was what made the cluster slow: at 100k records 规划 matched 72k passages, and
 * the one request that ranked, collapsed and counted them all took 290 ms, where the candidates'
 * requests take a few milliseconds (the indices are sorted by prior, so a tier's best by prior are
 * its first matches).
 *
 * Counts, like PostgreSQL's, are exact for small matches and estimates beyond: every type counts
 * the distinct records of its first COUNT_CAP matching passages (terminate_after); a type that
 * reaches the cap has its count scaled by how far into its index the cap was reached.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { SearchRequest, SearchResult, SearchType } from '../search-engine.ts';
import { SEARCH_TYPES } from '../search-engine.ts';
import { COUNT_CAP, filterClauses, rankedBody, type Query, type SearchBody, type Tier } from './search-bodies.ts';

/** Candidates per tier, as PostgreSQL's perTier: enough for the page and some to spare for collapsing. */
export const perTier = (req: SearchRequest) => Math.min(1000, Math.max(100, (req.offset + req.size) * 3));

const typeFilter = (req: SearchRequest): Query[] => (req.filters.type ? [{ term: { type: req.filters.type } }] : []);

/** A tier's best matches by prior (by date, then prior, when sorting by date): ids only. */
export function candidateBody(req: SearchRequest, tier: Query): SearchBody {
  return {
    query: { bool: { filter: [tier, ...filterClauses(req), ...typeFilter(req)] } },
    sort: req.sort === 'date' ? [{ date: { order: 'desc', missing: '_last' } }, { prior: { order: 'desc' } }] : [{ prior: { order: 'desc' } }],
    size: perTier(req),
    _source: false,
    track_total_hits: false,
  };
}

/** The tiers a count covers: the broad ones (the title and phrase tiers match within the characters tier). */
const COUNTED: Tier[] = ['key', 'words', 'chars'];

/**
 * Each type's distinct records among its first COUNT_CAP matching passages, and where in its
 * index the last of them lies (the highest Lucene doc number collected), for the estimate.
 */
export function countBody(req: SearchRequest, tiers: { tier: Tier; query: Query }[]): SearchBody {
  const broad = tiers.filter((t) => COUNTED.includes(t.tier));
  const should = (broad.length ? broad : tiers).map((t) => t.query);
  return {
    size: 0,
    track_total_hits: false,
    terminate_after: COUNT_CAP,
    query: { bool: { filter: [...filterClauses(req), { bool: { should, minimum_should_match: 1 } }] } },
    aggs: {
      types: {
        terms: { field: 'type', size: SEARCH_TYPES.length },
        aggs: {
          records: { cardinality: { field: 'resource_key', precision_threshold: COUNT_CAP } },
          last: { top_hits: { size: 1, sort: [{ _doc: { order: 'desc' } }], _source: false } },
        },
      },
    },
  };
}

interface CountBucket {
  key: string;
  doc_count: number;
  records?: { value: number };
  last?: { hits?: { hits?: { sort?: unknown[] }[] } };
}

/**
 * Tab counts from countBody's answer. `docs`: each type's documents per shard. A type whose
 * count stopped at the cap is estimated as if its matches were spread evenly through its index.
 */
export function readCounts(res: estypes.SearchResponse, docs: Partial<Record<SearchType, number>>): Omit<SearchResult, 'hits'> {
  const buckets = (res.aggregations?.types as { buckets?: CountBucket[] } | undefined)?.buckets ?? [];
  const counts: Partial<Record<SearchType, number>> = {};
  let totalIsEstimate = false;
  for (const b of buckets) {
    const type = b.key as SearchType;
    const records = b.records?.value ?? 0;
    if (!SEARCH_TYPES.includes(type) || records === 0) continue;
    if (b.doc_count < COUNT_CAP) {
      counts[type] = records;
      continue;
    }
    const last = Number(b.last?.hits?.hits?.[0]?.sort?.[0] ?? 0);
    const scanned = Math.min(1, (last + 1) / Math.max(docs[type] ?? 0, last + 1));
    counts[type] = Math.round(records / scanned);
    totalIsEstimate = true;
  }
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  return { total, totalIsEstimate, counts };
}

/** Each type's documents: one request, counted by Lucene without collecting (a match_all). */
export const docCountsBody: SearchBody = { size: 0, track_total_hits: true, aggs: { types: { terms: { field: 'type', size: SEARCH_TYPES.length } } } };

export function readDocCounts(res: estypes.SearchResponse, shards: number): Partial<Record<SearchType, number>> {
  const buckets = (res.aggregations?.types as { buckets?: { key: string; doc_count: number }[] } | undefined)?.buckets ?? [];
  return Object.fromEntries(buckets.map((b) => [b.key, b.doc_count / Math.max(shards, 1)]));
}

/** The candidates' ids, every tier's, once each. */
export function candidateIds(responses: estypes.SearchResponse[]): string[] {
  return [...new Set(responses.flatMap((r) => r.hits.hits.map((h) => h._id).filter((id): id is string => Boolean(id))))];
}

/** The page: the usual scoring, collapse and sort, over the candidates only. */
export function candidatesRankBody(req: SearchRequest, ids: string[]): SearchBody | null {
  return rankedBody(req, [{ ids: { values: ids } }]);
}
