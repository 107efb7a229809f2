/**
 * The request bodies PlanHub sends to OpenSearch and Elasticsearch, built once for both: pure
 * functions, typed against the Elasticsearch client's `estypes` so the compiler checks every
 * request the Elasticsearch client would send. The query mirrors the PostgreSQL engine's tiers
 * (exact key, phrase in a title, phrase in the text, all word groups, all characters): the best tier a
 * document matches sets its score band, text relevance (saturated) and the prior order it within.
 * The partial tier, a request of its own when these leave the page short, is ./partial-search.ts's.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { SearchDoc, SearchHit, SearchRequest, SearchType, Suggestion, SuggestionTerm } from '../search-engine.ts';
import { districtForms } from '../../districts.ts';
import { isListing } from '../listing.ts';
import { toStoredFields, type StoredFields } from '../stored-fields.ts';
import { gramAlternatives } from '../word-grams.ts';

/** Counts are exact up to here (the cardinality aggregation's precision threshold), estimates beyond. */
export const COUNT_CAP = 10_000;

export type Tier = SearchHit['matched'];
/** Best first: a hit's `matched` is the first of these among its matched queries. */
export const TIERS: readonly Tier[] = ['key', 'title', 'phrase', 'words', 'chars', 'partial'];
/** The PostgreSQL engine's bands: a hit scores its best tier's base + up to 10 for text rank + 5 × prior. */
export const TIER_BASE: Record<Tier, number> = { key: 100, title: 60, phrase: 40, words: 20, chars: 0, partial: -40 };

/** The fields of a search document as the engine stores them. */
export interface EngineDoc extends StoredFields {
  resource_key: string;
  project_key: string;
  name_words: string;
  body_words: string;
  title_grams: string;
  body_grams: string;
}

/** What a hit carries back (the token fields stay out of _source). */
export type HitSource = Pick<EngineDoc, 'type' | 'resource_id' | 'passage' | 'title' | 'body' | 'date' | 'status' | 'project_nos' | 'project_names'>;
export const HIT_FIELDS: (keyof HitSource)[] = ['type', 'resource_id', 'passage', 'title', 'body', 'date', 'status', 'project_nos', 'project_names'];

export const resourceKey = (type: SearchType, resourceId: string) => `${type}:${resourceId}`;

export function toEngineDoc(d: SearchDoc): EngineDoc {
  const key = resourceKey(d.type, d.resourceId);
  return {
    ...toStoredFields(d),
    resource_key: key,
    project_key: d.projectNos[0] ?? key,
    name_words: d.nameWords.join(' '),
    body_words: d.bodyWords.join(' '),
    title_grams: d.titleGrams.join(' '),
    body_grams: d.bodyGrams.join(' '),
  };
}

export type BulkLine = estypes.BulkOperationContainer | EngineDoc | SuggestDoc;

/**
 * Index actions with external versioning: the record's PostgreSQL version. `external_gte` lets
 * the same version be written again (a linked project was renamed: the record's version stays,
 * its documents change) while an older version gets a 409 and leaves the newer document alone.
 */
export function indexActions(target: string, doc: EngineDoc): [estypes.BulkOperationContainer, EngineDoc] {
  return [{ index: { _index: target, _id: doc.doc_id, version: doc.version, version_type: 'external_gte' } }, doc];
}

type RecordRef = { type: SearchType; resourceId: string; version: number };

/** Passages of these records at the given version or older, except the ones just written. */
export function supersededQuery(records: RecordRef[], keep: Map<string, string[]>): estypes.QueryDslQueryContainer {
  return {
    bool: {
      minimum_should_match: 1,
      should: records.map((r) => {
        const key = resourceKey(r.type, r.resourceId);
        const ids = keep.get(key) ?? [];
        return {
          bool: {
            filter: [{ term: { resource_key: key } }, { range: { version: { lte: r.version } } }],
            ...(ids.length ? { must_not: [{ ids: { values: ids } }] } : {}),
          },
        };
      }),
    },
  };
}

/**
 * A page of the passages to delete (ids and their record's key), in doc_id order from `after`.
 * Deletes then go by id with the record's version (see deleteAction): no delete-by-query, which
 * needs the reindex module, and a delete never removes a newer version written meanwhile.
 */
export function supersededBody(records: RecordRef[], keep: Map<string, string[]>, size: number, after: string | null): SearchBody {
  return {
    query: supersededQuery(records, keep),
    _source: ['resource_key'],
    sort: [{ doc_id: { order: 'asc' } }],
    size,
    track_total_hits: false,
    ...(after !== null ? { search_after: [after] } : {}),
  };
}

/** Versions at or above this mean "whatever the index holds" (the indexer's ANY_VERSION). */
export const ANY_VERSION = 2_147_483_647;

/**
 * Deletes the passage unless the index holds a newer version (`external_gte`); "any version"
 * deletes plainly, so its tombstone cannot block the record if it comes back.
 */
export function deleteAction(target: string, id: string, version: number): estypes.BulkOperationContainer {
  return version >= ANY_VERSION
    ? { delete: { _index: target, _id: id } }
    : { delete: { _index: target, _id: id, version, version_type: 'external_gte' } };
}

export type Query = estypes.QueryDslQueryContainer;
export type SearchBody = Pick<
  estypes.SearchRequest,
  | 'query' | 'post_filter' | 'aggs' | 'collapse' | 'sort' | 'from' | 'size' | '_source' | 'track_scores' | 'track_total_hits' | 'suggest'
  | 'search_after' | 'terminate_after'
>;

export function filterClauses(req: SearchRequest): Query[] {
  const f = req.filters;
  const out: Query[] = [];
  if (f.district) out.push({ terms: { districts: districtForms(f.district) } });
  if (f.item) out.push({ term: { item: f.item } });
  if (f.status) out.push({ term: { status: f.status } });
  if (f.from || f.to) out.push({ range: { date: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } });
  if (f.project) out.push({ term: { project_nos: f.project } });
  return out;
}

const phrase = (field: string, grams: string[]): Query => ({ match_phrase: { [field]: { query: grams.join(' ') } } });
const allOf = (field: string | string[], tokens: string[]): Query => {
  const query = [...new Set(tokens)].join(' ');
  return typeof field === 'string'
    ? { match: { [field]: { query, operator: 'and' } } }
    : { multi_match: { query, fields: field, type: 'cross_fields', operator: 'and' } };
};

const WORD_FIELDS = ['name_words', 'body_words'];

/** One word group (see AnalyzedQuery.wordGroups): any of its alternatives, each all its words, in the name or the text. */
export function groupClause(group: string[][]): Query {
  const alts = group.filter((alt) => alt.length > 0).map((alt) => allOf(WORD_FIELDS, alt));
  return alts.length === 1 ? alts[0]! : { bool: { should: alts, minimum_should_match: 1 } };
}

const usableGroups = (groups: string[][][]) => groups.filter((g) => g.some((alt) => alt.length > 0));

const GRAM_FIELDS = ['title_grams', 'body_grams'];

/** One word group by its words' bigrams (../word-grams.ts): any alternative, each all its bigrams, in the title or the text. */
function gramGroupClause(alternatives: string[][]): Query {
  const alts = alternatives.map((alt) => allOf(GRAM_FIELDS, alt));
  return alts.length === 1 ? alts[0]! : { bool: { should: alts, minimum_should_match: 1 } };
}

/** A word group held by a document: by its words, or by their bigrams where the text was cut differently (the partial tier's test). */
export function heldClause(group: string[][], byGrams: boolean): Query {
  const grams = byGrams ? gramAlternatives(group) : [];
  return grams.length ? { bool: { should: [groupClause(group), gramGroupClause(grams)], minimum_should_match: 1 } } : groupClause(group);
}

/** The characters tier: every word group by its bigrams when the analysis has them, else every bigram of the query. */
function charsQuery(q: SearchRequest['query']): Query | null {
  const gramGroups = (q.gramGroups ?? []).filter((g) => g.length > 0);
  if (gramGroups.length) return { bool: { filter: gramGroups.map(gramGroupClause) } };
  const grams = q.phrases.flat();
  return grams.length ? allOf(GRAM_FIELDS, grams) : null;
}

/** Each tier's matching condition, like the PostgreSQL engine's; empty when the query has no terms. */
export function tierQueries(req: SearchRequest): { tier: Tier; query: Query }[] {
  const q = req.query;
  const grams = q.phrases.flat();
  const out: { tier: Tier; query: Query }[] = [];
  if (q.keys.length) out.push({ tier: 'key', query: { terms: { keys: q.keys } } });
  if (grams.length) {
    out.push({ tier: 'title', query: { bool: { filter: q.phrases.map((p) => phrase('title_grams', p)) } } });
    if (q.phrases.some((p) => p.length > 1)) {
      // Every phrase, each in the title or in the text.
      const each = q.phrases.map((p): Query => ({ bool: { should: [phrase('title_grams', p), phrase('body_grams', p)], minimum_should_match: 1 } }));
      out.push({ tier: 'phrase', query: { bool: { filter: each } } });
    }
  }
  const groups = usableGroups(q.wordGroups);
  if (groups.length) out.push({ tier: 'words', query: { bool: { filter: groups.map(groupClause) } } });
  const chars = charsQuery(q);
  if (chars) out.push({ tier: 'chars', query: chars });
  // No terms but filters (a project's 360 view, a tab, 在办 in 洪山): everything they select, newest first.
  if (out.length === 0 && isListing(req)) out.push({ tier: 'words', query: { match_all: {} } });
  return out;
}

/** The clauses per field text relevance may cost, all its pieces together (see relevance). */
export const RELEVANCE_TERMS = 48;

/**
 * Text relevance's saturation, s ↦ 10·s/(s + 10), as a sum of capped lines Σ slope·min(s, cap):
 * concave and piecewise linear, equal to the curve at s = 5, 20 and 60 and flat at 8.57 beyond.
 * It keeps relevance below 10 so it never lifts a hit into the next band (bands are 20 apart,
 * prior adds up to 5), while a better text match still ranks higher within one, as PostgreSQL's
 * `10 × min(1, rank)` does. Built from `function_score` with `boost_mode: min` and a `weight`,
 * not a script: Elasticsearch here has no Painless (lang-painless is not on Maven Central).
 */
export const SATURATION: readonly { cap: number; slope: number }[] = saturationPieces([5, 20, 60], (s) => (10 * s) / (s + 10));

/** The slopes of Σ slope·min(s, cap) that meet `f` at every cap (f(0) = 0, concave). */
export function saturationPieces(caps: number[], f: (s: number) => number): { cap: number; slope: number }[] {
  const points = [0, ...caps];
  const grade = caps.map((c, i) => (f(c) - f(points[i]!)) / (c - points[i]!));
  return caps.map((cap, i) => ({ cap, slope: grade[i]! - (grade[i + 1] ?? 0) }));
}

/** Text relevance within a band, saturated to [0, 10) (see SATURATION). */
export function relevance(req: SearchRequest): Query[] {
  const q = req.query;
  // Scoring needs no more than the first RELEVANCE_TERMS of each, shared by the saturation's
  // pieces (each repeats the terms): a pasted passage's hundreds of bigrams would cost a clause
  // each, and with the tiers' own would pass the engines' 1,024-clause limit.
  const most = Math.floor(RELEVANCE_TERMS / SATURATION.length);
  const grams = [...new Set(q.phrases.flat())].slice(0, most).join(' ');
  // Every word of every alternative: a synonym the text holds counts as the word typed.
  const words = [...new Set(usableGroups(q.wordGroups).flat(2))].slice(0, most).join(' ');
  const should: Query[] = [];
  if (words) should.push({ match: { name_words: { query: words, boost: 2 } } }, { match: { body_words: { query: words } } });
  if (grams) should.push({ match: { title_grams: { query: grams, boost: 2 } } }, { match: { body_grams: { query: grams } } });
  if (should.length === 0) return [];
  return SATURATION.map(({ cap, slope }) => ({
    function_score: { query: { bool: { should } }, functions: [{ weight: cap }], boost_mode: 'min', boost: slope },
  }));
}

/** The tiers as one query: a document scores its best tier's band (TIER_BASE + 1, all positive), named by its tier. */
export function bandedQuery(tiers: { tier: Tier; query: Query }[]): Query {
  return {
    dis_max: {
      queries: tiers.map(({ tier, query }) => ({ constant_score: { filter: query, boost: TIER_BASE[tier] + 1, _name: tier } })),
    },
  };
}

/**
 * A results page: the tiers' bands, text relevance and prior, hits collapsed per record (one
 * passage each), or per project when asked for. `extra` narrows what is ranked (the candidates).
 */
export function rankedBody(req: SearchRequest, extra: Query[] = []): SearchBody | null {
  const tiers = tierQueries(req);
  if (tiers.length === 0) return null;
  const listing = isListing(req);
  // A listing shows each record by its first passage (the start of its text), as on PostgreSQL.
  const filter = [...(listing ? [...filterClauses(req), { term: { passage: 0 } }] : filterClauses(req)), ...extra];
  const banded = bandedQuery(tiers);
  const query: Query = {
    function_score: {
      query: { bool: { filter, must: [banded], should: relevance(req) } },
      functions: [{ field_value_factor: { field: 'prior', factor: 5, missing: 0 } }],
      score_mode: 'sum',
      boost_mode: 'sum',
    },
  };
  const sort: estypes.Sort =
    req.sort === 'date' || listing
      ? [{ date: { order: 'desc', missing: '_last' } }, { _score: { order: 'desc' } }, { prior: { order: 'desc' } }]
      : [{ _score: { order: 'desc' } }, { prior: { order: 'desc' } }];
  return {
    query,
    ...(req.filters.type ? { post_filter: { term: { type: req.filters.type } } } : {}),
    collapse: { field: req.collapse ? 'project_key' : 'resource_key' },
    sort,
    track_scores: true,
    track_total_hits: false,
    from: req.offset,
    size: req.size,
    _source: HIT_FIELDS,
  };
}

/**
 * One request for a results page and its tab counts, over every match (a listing's; a search
 * with terms ranks candidates, ./candidate-search.ts): the type filter is a post_filter, so the
 * per-type counts (distinct records, not passages) cover every tab whichever is shown.
 */
export function searchBody(req: SearchRequest): SearchBody | null {
  const body = rankedBody(req);
  if (!body) return null;
  return {
    ...body,
    aggs: {
      types: {
        terms: { field: 'type', size: 10 },
        aggs: { records: { cardinality: { field: 'resource_key', precision_threshold: COUNT_CAP } } },
      },
    },
  };
}

/** The suggestion terms as stored: the completion inputs carry the text and its pinyin forms. */
export interface SuggestDoc {
  text: string;
  kind: Suggestion['kind'];
  ref: string;
  detail: string | null;
  pinyin: string;
  initials: string;
  /** The pinyin forms from each inner word on: a prefix query's field, after the completions. */
  word_keys: string[];
  weight: number;
  length: number;
  complete_text: { input: string[]; weight: number };
  complete_latin: { input: string[]; weight: number };
}

export function toSuggestDoc(t: SuggestionTerm): SuggestDoc {
  // Completion weights are integers; ours are small reals.
  const weight = Math.max(0, Math.round(t.weight * 1000));
  return {
    text: t.text,
    kind: t.kind,
    ref: t.ref,
    detail: t.detail,
    pinyin: t.pinyin,
    initials: t.initials,
    word_keys: t.wordKeys ?? [],
    weight: t.weight,
    length: [...t.text].length,
    complete_text: { input: [t.text], weight },
    complete_latin: { input: [...new Set([t.pinyin, t.initials].filter(Boolean))], weight },
  };
}

export const SUGGEST_FIELDS: (keyof SuggestDoc)[] = ['text', 'kind', 'ref', 'detail'];

/**
 * Names that start with the prefix, then names whose pinyin or initials do (completion
 * suggesters), then names whose pinyin forms from an inner word do (the hits of a prefix query
 * on `word_keys`: on an index built before that field, it matches nothing rather than failing as
 * a completion on a missing field would). No `skip_duplicates`: it drops entries by their text,
 * and same-named projects are separate entries.
 */
export function suggestBody(prefix: string, limit: number): SearchBody {
  const latin = prefix.toLowerCase().replace(/\s+/g, '');
  const suggest: estypes.SearchSuggester = { by_text: { prefix, completion: { field: 'complete_text', size: limit } } };
  if (!latin) return { size: 0, _source: SUGGEST_FIELDS, suggest };
  suggest.by_latin = { prefix: latin, completion: { field: 'complete_latin', size: limit } };
  return {
    size: limit,
    _source: SUGGEST_FIELDS,
    query: { prefix: { word_keys: { value: latin } } },
    sort: [{ weight: { order: 'desc' } }, { length: { order: 'asc' } }, { text: { order: 'asc' } }, { ref: { order: 'asc' } }],
    suggest,
  };
}

/** Names that contain the text anywhere but do not start with it (a small index: a scan is cheap). */
export function containsBody(text: string, limit: number): SearchBody {
  const escaped = text.replace(/[\\*?]/g, (c) => `\\${c}`);
  return {
    size: limit,
    _source: SUGGEST_FIELDS,
    query: {
      bool: {
        filter: [{ wildcard: { text: { value: `*${escaped}*` } } }],
        must_not: [{ prefix: { text: { value: text } } }],
      },
    },
    sort: [{ weight: { order: 'desc' } }, { length: { order: 'asc' } }, { text: { order: 'asc' } }, { ref: { order: 'asc' } }],
  };
}

/**
 * The highest indexed version of each record of a type, in id order from `afterId`: a composite
 * aggregation, whose keyword order is UTF-8 byte order like PostgreSQL's `COLLATE "C"`.
 */
export function versionsBody(type: SearchType, afterId: string | null, limit: number): SearchBody {
  return {
    size: 0,
    query: { term: { type } },
    aggs: {
      ids: {
        composite: {
          size: limit,
          sources: [{ id: { terms: { field: 'resource_id', order: 'asc' } } }],
          ...(afterId !== null ? { after: { id: afterId } } : {}),
        },
        aggs: { version: { max: { field: 'version' } } },
      },
    },
  };
}
