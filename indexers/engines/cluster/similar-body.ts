/**
 * `more_like_this` on OpenSearch and Elasticsearch, the same request for both. The source's
 * words arrive segmented, joined by spaces, so the fields' whitespace analyzer reads them as the
 * index holds them; the engine keeps the most telling (max_query_terms, by tf·idf, which is how
 * the PostgreSQL engine picks them too: ../postgres/postgres-similar.ts). One hit per record:
 * the best passage, by collapse.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { SimilarHit, SimilarRequest } from '../search-engine.ts';
import { HIT_FIELDS, resourceKey, type HitSource, type SearchBody } from './search-bodies.ts';

const DEFAULT_MAX_TERMS = 20;
export function similarBody(req: SimilarRequest): SearchBody {
  const like = req.words.filter((w) => [...w.trim()].length >= 2).join(' ');
  return {
    size: req.size,
    track_total_hits: false,
    _source: HIT_FIELDS,
    query: {
      bool: {
        must: [{
          more_like_this: {
            fields: ['name_words', 'body_words'],
            like,
            min_term_freq: 1,
            min_doc_freq: 1,
            max_query_terms: req.maxTerms ?? DEFAULT_MAX_TERMS,
            minimum_should_match: '1',
          },
        }],
        filter: [{ terms: { type: [...req.types] } }],
        must_not: req.exclude.length ? [{ terms: { resource_key: req.exclude.map((e) => resourceKey(e.type, e.id)) } }] : [],
      },
    },
    collapse: { field: 'resource_key' },
  };
}

export function readSimilar(res: estypes.SearchResponse<HitSource>): SimilarHit[] {
  return res.hits.hits.flatMap((h) => {
    const s = h._source;
    if (!s) return [];
    return [{ type: s.type, id: s.resource_id, title: s.title, body: s.body, date: s.date, projectNos: s.project_nos, score: h._score ?? 0 }];
  });
}
