/** Search: checks the request, analyzes the query, asks the engine, cuts snippets. */
import type { AnalyzedQuery, SearchHit, SearchReader, SearchRequest } from '../../indexers/engines/search-engine.ts';
import { analyzeQuery } from '../../indexers/query-analyzer.ts';
import type { Segmenter } from '../../indexers/segment/segmenter.ts';
import { badRequest } from '../common/errors.ts';
import { maskPersonalText } from '../privacy/pii-text.ts';
import { highlightTerms, snippet, type HighlightTerm } from './highlight.ts';
import { projectIndexOf } from './hit-project.ts';
import { byTitleCoherence } from './title-coherence.ts';
import { canonicalFilters } from './search-filters.ts';
import { MAX_RESULT_WINDOW, type SearchParams } from './search.schema.ts';
import { searchWithoutUnheld } from './unheld-search.ts';

/**
 * `naming` (on by default): synonyms, abbreviations and loose keys in the query, and the partial
 * tier when nothing matches every term (issue #10); off, the search as it was, for comparisons.
 */
/** A hit as the API sends it: its snippet, and (with `naming`) the project it is about for this query (./hit-project.ts). */
function hitView(h: SearchHit, query: AnalyzedQuery, terms: HighlightTerm[], naming: boolean) {
  const shown = naming ? projectIndexOf(h.projectNames, query) : 0;
  return {
    id: h.id,
    type: h.type,
    title: h.title,
    snippet: snippet(h.body, terms),
    title_html: snippet(h.title, terms, 200, false),
    date: h.date,
    status: h.status,
    project_no: h.projectNos[shown] ?? null,
    project_name: h.projectNames[shown] ?? null,
    project_nos: h.projectNos,
    score: h.score,
    matched: h.matched,
    // What a hit lacks is the query's own words: a phone number typed into the box is not sent back whole.
    ...(h.matched === 'partial' ? { missing: (h.missing ?? []).map((m) => maskPersonalText(m)) } : {}),
  };
}

export function createSearchService(deps: { engine: SearchReader; segmenter: Segmenter; naming?: boolean }) {
  const naming = deps.naming ?? true;
  async function search(params: SearchParams) {
    const started = performance.now();
    const page = params.page ?? 1;
    const size = params.size ?? 20;
    if (page * size > MAX_RESULT_WINDOW) {
      throw badRequest(`page: only the first ${MAX_RESULT_WINDOW} results can be paged through; narrow the search with filters`);
    }
    const filters = canonicalFilters(params);
    const raw = (params.q ?? '').trim();
    // Without a query, the filters (or a tab) make a listing, newest first; with neither, there is nothing to ask.
    if (!raw && Object.keys(filters).length === 0) {
      throw badRequest('q: the query is empty; type a project name, number, 文号 or phrase, or choose a filter (type, district, item, status, from, to, project)');
    }
    const query = analyzeQuery(raw, deps.segmenter, { naming });
    if (raw && query.words.length === 0 && query.phrases.length === 0 && query.keys.length === 0) {
      throw badRequest('q: the query has no letters or digits to search for');
    }
    const sort = raw ? (params.sort ?? 'relevance') : 'date';
    const request: SearchRequest = {
      query, filters, offset: (page - 1) * size, size, sort, collapse: params.collapse ?? false, partial: naming,
      // Words no record holds are reported, and the query searched again without them (./unheld-search.ts).
      ...(naming ? { unheld: 'report' as const } : {}),
    };
    const result = await searchWithoutUnheld(deps, request, await deps.engine.search(request));
    const terms = highlightTerms(query);
    return {
      total: result.total,
      total_is_estimate: result.totalIsEstimate,
      // Records, also when hits are collapsed to one per project.
      total_counts: 'records' as const,
      took_ms: Math.round((performance.now() - started) * 10) / 10,
      counts: result.counts,
      filters,
      sort,
      page,
      size,
      // Nothing on this page matches every term: the UI says so (没有完全匹配的结果) and shows what each hit lacks.
      partial: result.hits.length > 0 && result.hits.every((h) => h.matched === 'partial'),
      hits: (naming && sort === 'relevance' ? byTitleCoherence(result.hits, query) : result.hits).map((h) => hitView(h, query, terms, naming)),
    };
  }

  return { search };
}

export type SearchService = ReturnType<typeof createSearchService>;
