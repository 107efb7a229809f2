/** Search and type-ahead: checks the request, analyzes the query, asks the engine, cuts snippets. */
import type { SearchReader } from '../../indexers/engines/search-engine.ts';
import { analyzeQuery } from '../../indexers/query-analyzer.ts';
import type { Segmenter } from '../../indexers/segment/segmenter.ts';
import { badRequest } from '../common/errors.ts';
import { highlightTerms, snippet } from './highlight.ts';
import { MAX_RESULT_WINDOW, type SearchParams } from './search.schema.ts';
import { createSuggestService } from './suggest.service.ts';

export function createSearchService(deps: { engine: SearchReader; segmenter: Segmenter }) {
  async function search(params: SearchParams) {
    const started = performance.now();
    const page = params.page ?? 1;
    const size = params.size ?? 20;
    if (page * size > MAX_RESULT_WINDOW) {
      throw badRequest(`page: only the first ${MAX_RESULT_WINDOW} results can be paged through; narrow the search with filters`);
    }
    const raw = (params.q ?? '').trim();
    if (!raw && !params.project) throw badRequest('q: the query is empty; type a project name, number, 文号 or phrase');
    const query = analyzeQuery(raw, deps.segmenter);
    if (raw && query.words.length === 0 && query.phrases.length === 0 && query.keys.length === 0) {
      throw badRequest('q: the query has no letters or digits to search for');
    }
    const result = await deps.engine.search({
      query,
      filters: { type: params.type, district: params.district, item: params.item, status: params.status, from: params.from, to: params.to, project: params.project?.toUpperCase() },
      offset: (page - 1) * size,
      size,
      sort: params.sort ?? 'relevance',
      collapse: params.collapse ?? false,
    });
    const runs = query.normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
    const terms = highlightTerms(runs, query.words);
    return {
      total: result.total,
      total_is_estimate: result.totalIsEstimate,
      took_ms: Math.round((performance.now() - started) * 10) / 10,
      counts: result.counts,
      page,
      size,
      hits: result.hits.map((h) => ({
        id: h.id,
        type: h.type,
        title: h.title,
        snippet: snippet(h.body, terms),
        title_html: snippet(h.title, terms, 200),
        date: h.date,
        status: h.status,
        project_no: h.projectNos[0] ?? null,
        project_name: h.projectNames[0] ?? null,
        project_nos: h.projectNos,
        score: h.score,
        matched: h.matched,
      })),
    };
  }

  /** Type-ahead (./suggest.service.ts), here until the app takes the suggest service itself. */
  const { suggest } = createSuggestService(deps);

  return { search, suggest };
}

export type SearchService = ReturnType<typeof createSearchService>;
