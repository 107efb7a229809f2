/**
 * A search on the cluster, with the partial tier (../partial-match.ts) after the complete ones.
 * The partial tier is a second request, sent only when the first (every complete tier, its
 * counts and its page) left the page short: a tier clause in the first request would need each
 * group's weight before anything is known of the groups, and would run for every search, where
 * the PostgreSQL engine starts the tier only when the ones before it found too few (inTurn).
 * When it runs, one size-0 request counts the rows holding each group (the weights, and the
 * groups no document holds, returned as `unheld` instead when the caller asks; Lucene counts a
 * filter without collecting its documents) and one takes the page: documents holding one of the
 * rarest groups, scored by the share of the weight they hold (below MIN_COVERAGE dropped), text
 * relevance and prior, in the same bands as PostgreSQL's (TIER_BASE.partial + COVERAGE_SPAN ×
 * coverage + up to 10 + 5 × prior, shifted up by 40 while the engine scores, as scores there
 * cannot be negative).
 */
import type { estypes } from '@elastic/elasticsearch';
import { isListing } from '../listing.ts';
import { candidateGroups, COVERAGE_SPAN, MIN_COVERAGE, missingOf, partialGroups, unheldGroups, weightOf, withoutUnheld } from '../partial-match.ts';
import type { SearchHit, SearchRequest, SearchResult, SearchType } from '../search-engine.ts';
import { candidateBody, candidateIds, candidatesRankBody, countBody, readCounts } from './candidate-search.ts';
import {
  bandedQuery, filterClauses, heldClause, HIT_FIELDS, relevance, searchBody, tierQueries, TIER_BASE,
  type HitSource, type Query, type SearchBody,
} from './search-bodies.ts';
import { readSearch, toHit } from './search-results.ts';

type Search = (body: SearchBody) => Promise<estypes.SearchResponse<HitSource>>;
/** What a search reads: one body, several in one round trip, and each type's documents per shard (for count estimates; may be a little stale). */
export interface Reads {
  search: Search;
  msearch: (bodies: SearchBody[]) => Promise<estypes.SearchResponse<HitSource>[]>;
  docCounts: () => Promise<Partial<Record<SearchType, number>>>;
}

const typeFilter = (req: SearchRequest): Query[] => (req.filters.type ? [{ term: { type: req.filters.type } }] : []);

/** How many documents of the types searched hold each group (the weights' shares), and how many there are. */
export function groupCountsBody(req: SearchRequest, groups: string[][][]): SearchBody {
  return {
    size: 0,
    track_total_hits: true,
    query: { bool: { filter: typeFilter(req) } },
    aggs: { groups: { filters: { filters: Object.fromEntries(groups.map((g, i) => [`g${i}`, heldClause(g, Boolean(req.query.gramGroups))])) } } },
  };
}

/** How many documents hold each group, from groupCountsBody's answer, and how many there are. */
export function groupCounts(res: estypes.SearchResponse<unknown>, groups: string[][][]): { total: number; counts: number[] } {
  const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
  const buckets = (res.aggregations?.groups as { buckets?: Record<string, { doc_count: number }> } | undefined)?.buckets ?? {};
  return { total, counts: groups.map((_, i) => buckets[`g${i}`]?.doc_count ?? 0) };
}

/**
 * The partial page: documents that match no complete tier and hold at least one of the rarest
 * groups (then only the rare groups' postings lead the search), each group a named clause worth
 * COVERAGE_SPAN × its share of the weight, so that their sum is COVERAGE_SPAN × coverage; a
 * function_score's min_score drops the document when coverage is below MIN_COVERAGE (no script:
 * Elasticsearch here has no Painless).
 */
export function partialBody(req: SearchRequest, groups: string[][][], weights: number[], from: number, size: number): SearchBody {
  const total = weights.reduce((a, b) => a + b, 0);
  const byGrams = Boolean(req.query.gramGroups);
  const rare = candidateGroups(weights).map((i) => heldClause(groups[i]!, byGrams));
  // Each group worth its share of COVERAGE_SPAN: the sum of the named clauses is span × coverage.
  const named = groups.map((g, i): Query => ({ constant_score: { filter: heldClause(g, byGrams), boost: (COVERAGE_SPAN * weights[i]!) / total, _name: `g${i}` } }));
  const coverage: Query = {
    function_score: {
      query: { bool: { should: named, minimum_should_match: 1 } },
      // The boosts are floats: a coverage of exactly one half sums to a hair below it.
      min_score: COVERAGE_SPAN * (MIN_COVERAGE - 1e-6),
    },
  };
  return {
    query: {
      function_score: {
        query: {
          bool: {
            filter: [...filterClauses(req), ...typeFilter(req), { bool: { should: rare, minimum_should_match: 1 } }],
            must_not: [bandedQuery(tierQueries(req))],
            must: [coverage],
            should: relevance(req),
          },
        },
        functions: [{ field_value_factor: { field: 'prior', factor: 5, missing: 0 } }],
        score_mode: 'sum',
        boost_mode: 'sum',
      },
    },
    collapse: { field: req.collapse ? 'project_key' : 'resource_key' },
    sort: [{ _score: { order: 'desc' } }, { prior: { order: 'desc' } }],
    track_scores: true,
    track_total_hits: false,
    from,
    size,
    _source: HIT_FIELDS,
  };
}

/** The partial hits, scored in PostgreSQL's band and with the groups each lacks. */
export function readPartial(res: estypes.SearchResponse<HitSource>, groups: string[][][]): SearchHit[] {
  return res.hits.hits.flatMap((h): SearchHit[] => {
    const hit = toHit(h, 'partial');
    if (!hit) return [];
    const names = Array.isArray(h.matched_queries) ? h.matched_queries : Object.keys(h.matched_queries ?? {});
    const matched = groups.map((_, i) => names.includes(`g${i}`));
    return [{ ...hit, score: Math.round((hit.score + TIER_BASE.partial) * 1000) / 1000, missing: missingOf(matched, groups) }];
  });
}

/** A listing ranks and counts every record it selects in one request; a search ranks candidates (./candidate-search.ts). */
async function completeTiers(req: SearchRequest, { search, msearch, docCounts }: Reads): Promise<SearchResult> {
  const empty: SearchResult = { total: 0, totalIsEstimate: false, counts: {}, hits: [] };
  if (isListing(req)) {
    const body = searchBody(req);
    return body ? readSearch(await search(body)) : empty;
  }
  const tiers = tierQueries(req);
  if (tiers.length === 0) return empty;
  // One round trip for every tier's candidates and the counts, then one for the page.
  const [answers, docs] = await Promise.all([msearch([...tiers.map((t) => candidateBody(req, t.query)), countBody(req, tiers)]), docCounts()]);
  const counted = readCounts(answers[tiers.length]!, docs);
  const ids = candidateIds(answers.slice(0, tiers.length));
  const body = ids.length ? candidatesRankBody(req, ids) : null;
  return { ...counted, hits: body ? readSearch(await search(body)).hits : [] };
}

export async function searchInTiers(req: SearchRequest, reads: Reads): Promise<SearchResult> {
  const { search } = reads;
  const first = await completeTiers(req, reads);
  const groups = partialGroups(req);
  if (!groups || isListing(req) || first.hits.length >= req.size) return first;
  // Where the complete matches end: within this page, or (none on it) at their count, at most the offset.
  const complete = req.filters.type ? (first.counts[req.filters.type] ?? 0) : first.total;
  const from = first.hits.length > 0 ? 0 : req.offset - Math.min(complete, req.offset);
  const { total, counts } = groupCounts(await search(groupCountsBody(req, groups)), groups);
  // A group no document holds counts as half a document, as PostgreSQL's statistics floor does.
  const raw = counts.map((n) => weightOf(Math.max(n, 0.5) / Math.max(total, 1)));
  const held = counts.map((n) => n > 0);
  const unheld = unheldGroups(raw, held);
  if (unheld.length > 0 && req.unheld === 'report') return { ...first, unheld: unheld.map((i) => groups[i]!) };
  const weights = withoutUnheld(raw, held);
  // Groups every document holds weigh nothing: with no weight at all, there is nothing to cover.
  if (!weights.some((w) => w > 0)) return first;
  const partial = readPartial(await search(partialBody(req, groups, weights, from, req.size - first.hits.length)), groups);
  // A record with a complete passage and a partial one is on the page once (a project, when collapsing).
  const keyOf = (h: SearchHit) => (req.collapse && h.projectNos[0]) || `${h.type}:${h.id}`;
  const shown = new Set(first.hits.map(keyOf));
  return { ...first, hits: [...first.hits, ...partial.filter((h) => !shown.has(keyOf(h)))] };
}
