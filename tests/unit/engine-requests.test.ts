/**
 * The requests the OpenSearch and Elasticsearch engines send, built without a cluster. The main
 * check is the type checker: each body below is assigned to the Elasticsearch client's own
 * request type. The rest checks what the bodies say, and that mappings/*.json are the built ones.
 */
import type { estypes } from '@elastic/elasticsearch';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEARCH_TYPES, type SearchRequest } from '../../indexers/engines/search-engine.ts';
import { docsIndexDefinition, suggestIndexDefinition } from '../../indexers/engines/cluster/index-definitions.ts';
import {
  ANY_VERSION, containsBody, type HitSource, deleteAction, indexActions, searchBody, suggestBody, supersededBody, toEngineDoc, toSuggestDoc, versionsBody,
} from '../../indexers/engines/cluster/search-bodies.ts';
import { groupCountsBody, partialBody } from '../../indexers/engines/cluster/partial-search.ts';
import { candidateBody, candidatesRankBody, countBody, docCountsBody, readCounts } from '../../indexers/engines/cluster/candidate-search.ts';
import { SATURATION, tierQueries } from '../../indexers/engines/cluster/search-bodies.ts';
import { readSearch, readVersions } from '../../indexers/engines/cluster/search-results.ts';
import { similarBody } from '../../indexers/engines/cluster/similar-body.ts';
import { partialGroups } from '../../indexers/engines/partial-match.ts';
import { MAPPINGS_DIR, mappingFiles } from '../../indexers/engines/cluster/write-mappings.ts';
import { analyzeQuery } from '../../indexers/query-analyzer.ts';
import { toSearchDocs } from '../../indexers/search-docs.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { pinyinForms } from '../../indexers/suggestions.ts';

const seg = createSegmenter([]);
const request = (q: string, over: Partial<SearchRequest> = {}): SearchRequest => ({
  query: analyzeQuery(q, seg), filters: {}, offset: 0, size: 20, sort: 'relevance', collapse: false, ...over,
});
/** As the Elasticsearch client's `search` takes it: the compiler checks the body against estypes. */
const asEsSearch = (body: ReturnType<typeof searchBody>): estypes.SearchRequest => ({ index: 'planhub-approval,planhub-project', ...body });
const json = (x: unknown) => JSON.stringify(x);

describe('mappings/', () => {
  it('holds exactly the definitions the code builds', () => {
    const files = mappingFiles();
    const onDisk = fs.readdirSync(MAPPINGS_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(onDisk).toEqual(Object.keys(files).sort());
    for (const [file, text] of Object.entries(files)) {
      expect(fs.readFileSync(path.join(MAPPINGS_DIR, file), 'utf8'), `${file}: run node indexers/engines/cluster/write-mappings.ts`).toBe(text);
    }
  });

  it('gives every type the token, gram, key and filter fields', () => {
    for (const type of SEARCH_TYPES) {
      const def: estypes.IndicesCreateRequest = { index: `planhub-${type}-v1`, ...docsIndexDefinition(type) };
      const p = def.mappings!.properties!;
      for (const f of ['name_words', 'body_words', 'title_grams', 'body_grams']) expect(p[f], f).toMatchObject({ type: 'text', analyzer: 'planhub_ws' });
      for (const f of ['title_grams', 'body_grams']) expect(p[f]).toMatchObject({ index_options: 'positions' });
      for (const f of ['keys', 'districts', 'project_nos', 'builders', 'status', 'item', 'resource_key', 'project_key', 'resource_id', 'type']) expect(p[f], f).toMatchObject({ type: 'keyword' });
      expect(p.body).toMatchObject({ type: 'text', index: false });
      expect(p.date).toMatchObject({ type: 'date' });
      expect(def.settings).toMatchObject({ number_of_shards: 1, number_of_replicas: 0 });
    }
    const s = suggestIndexDefinition().mappings.properties!;
    expect(s.complete_text).toMatchObject({ type: 'completion' });
    expect(s.complete_latin).toMatchObject({ type: 'completion' });
  });
});

describe('search bodies', () => {
  it('ask for each tier by name, with the type as a post_filter so the tab counts cover every type', () => {
    const body = asEsSearch(searchBody(request('青山体育公园 规划许可', { filters: { type: 'approval', district: '青山', from: '2015-01-01' } })));
    const text = json(body.query);
    for (const tier of ['"key"', '"title"', '"phrase"', '"words"', '"chars"']) expect(text).toContain(`"_name":${tier}`);
    expect(body.post_filter).toEqual({ term: { type: 'approval' } });
    expect(text).not.toContain('"approval"');
    // The district in every form documents hold it under.
    expect(text).toContain('{"terms":{"districts":["青山","青山区"]}}');
    expect(text).toContain('{"range":{"date":{"gte":"2015-01-01"}}}');
    expect(body.aggs?.types).toMatchObject({ terms: { field: 'type' }, aggs: { records: { cardinality: { field: 'resource_key' } } } });
    expect(body.collapse).toEqual({ field: 'resource_key' });
    // Each run of the query is one phrase of bigrams.
    expect(text).toContain('{"match_phrase":{"title_grams":{"query":"青山 山体 体育 育公 公园"}}}');
  });

  it('collapse per project, sort by date, and page', () => {
    const body = asEsSearch(searchBody(request('规划', { collapse: true, sort: 'date', offset: 40, size: 20 })));
    expect(body.collapse).toEqual({ field: 'project_key' });
    expect(body.sort).toEqual([{ date: { order: 'desc', missing: '_last' } }, { _score: { order: 'desc' } }, { prior: { order: 'desc' } }]);
    expect([body.from, body.size, body.track_scores]).toEqual([40, 20, true]);
  });

  it("show a project's 360 view without terms, and nothing for no terms at all", () => {
    const body = asEsSearch(searchBody(request('', { filters: { project: 'JAAA20160001' } })));
    expect(json(body.query)).toContain('{"term":{"project_nos":"JAAA20160001"}}');
    expect(json(body.query)).toContain('"match_all":{}');
    expect(searchBody(request(''))).toBeNull();
  });

  it('list what filters select without terms: first passages, newest first, whatever the sort asked', () => {
    const body = asEsSearch(searchBody(request('', { filters: { status: '在办' }, sort: 'relevance' })));
    expect(json(body.query)).toContain('{"term":{"passage":0}}');
    expect(body.sort).toEqual([{ date: { order: 'desc', missing: '_last' } }, { _score: { order: 'desc' } }, { prior: { order: 'desc' } }]);
    expect(json(asEsSearch(searchBody(request('规划', { filters: { status: '在办' } }))).query)).not.toContain('"passage"');
  });

  it('keep query syntax as plain text', () => {
    const body = asEsSearch(searchBody(request('规划:* | "许可" AND (x OR y)~2')));
    expect(json(body.query)).not.toMatch(/query_string|simple_query_string/);
  });

  it('read counts and the best matched tier back', () => {
    const res = {
      took: 1, timed_out: false, _shards: { total: 1, successful: 1, failed: 0 },
      hits: { hits: [{ _index: 'x', _id: 'project:p1', _score: 112.5, matched_queries: ['chars', 'key', 'words'], _source: { type: 'project' as const, resource_id: 'p1', passage: 0, title: 't', body: 'b', date: null, status: null, project_nos: ['A'], project_names: ['n'] } }] },
      aggregations: { types: { buckets: [{ key: 'project', doc_count: 3, records: { value: 2 } }, { key: 'approval', doc_count: 12000, records: { value: 10_400 } }] } },
    } as estypes.SearchResponse<HitSource>;
    const r = readSearch(res);
    expect(r).toMatchObject({ total: 10_402, totalIsEstimate: true, counts: { project: 2, approval: 10_400 } });
    expect(r.hits[0]).toMatchObject({ id: 'p1', matched: 'key', score: 112.5 });
  });
});

/** Every key of a body, however deep (objects and arrays), with its path. */
function* keysOf(x: unknown, at = ''): Generator<string> {
  if (Array.isArray(x)) for (const [i, v] of x.entries()) yield* keysOf(v, `${at}[${i}]`);
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      yield `${at}.${k}`;
      yield* keysOf(v, `${at}.${k}`);
    }
  }
}

describe('no scripts', () => {
  // Elasticsearch here has no Painless (lang-painless is not on Maven Central): any script fails there.
  const requests: [string, SearchRequest][] = [
    ['terms', request('青山体育公园 规划许可')],
    ['a key and a phrase', request('JAAA20160001 "建设用地规划许可证"')],
    ['synonyms and filters', request('光谷公租房', { filters: { type: 'approval', district: '洪山', status: '在办', from: '2015-01-01', to: '2020-12-31' } })],
    ['per project, by date', request('规划', { collapse: true, sort: 'date', offset: 40 })],
    ['a listing', request('', { filters: { status: '在办' } })],
    ["a project's 360 view", request('', { filters: { project: 'JAAA20160001' } })],
    ['a pasted passage', request('关于青山区体育公园建设工程规划许可证的批复意见经研究同意你单位按照审定的方案实施请严格执行')],
  ];
  const bodies: [string, unknown][] = [];
  for (const [what, req] of requests) {
    bodies.push([`search: ${what}`, searchBody(req)]);
    const tiers = tierQueries(req);
    if (tiers.length) {
      bodies.push([`count: ${what}`, countBody(req, tiers)], [`ranking candidates: ${what}`, candidatesRankBody(req, ['approval:a1:0'])]);
      for (const t of tiers) bodies.push([`${t.tier} candidates: ${what}`, candidateBody(req, t.query)]);
    }
    const groups = partialGroups(req);
    if (!groups) continue;
    bodies.push([`group counts: ${what}`, groupCountsBody(req, groups)]);
    bodies.push([`partial: ${what}`, partialBody(req, groups, groups.map((_, i) => 1 + i), 0, 20)]);
  }
  bodies.push(['suggest', suggestBody('qs', 10)], ['suggest in Chinese', suggestBody('青山', 10)], ['contains', containsBody('体育*公园', 10)]);
  bodies.push(['versions', versionsBody('approval', 'a1', 500)], ['superseded', supersededBody([{ type: 'approval', resourceId: 'a1', version: 3 }], new Map([['approval:a1', ['approval:a1:0']]]), 100, 'x')]);
  bodies.push(['documents per type', docCountsBody]);
  bodies.push(['similar', similarBody({ words: ['青山', '体育', '公园'], types: ['approval'], exclude: [{ type: 'project', id: 'p1' }], size: 5 })]);
  bodies.push(['mappings', [...SEARCH_TYPES.map((t) => docsIndexDefinition(t)), suggestIndexDefinition()]]);

  it('walks every kind of body, the partial tier included', () => {
    expect(bodies.filter(([what]) => what.startsWith('partial')).length).toBeGreaterThan(2);
    expect(bodies.filter(([what]) => what.startsWith('chars candidates')).length).toBeGreaterThan(2);
    expect(bodies.every(([, body]) => body !== null)).toBe(true);
  });

  it.each(bodies)('%s has no script', (_, body) => {
    const scripted = [...keysOf(body)].filter((k) => /script|runtime_mappings/i.test(k.slice(k.lastIndexOf('.') + 1)));
    expect(scripted).toEqual([]);
  });

  it('saturates text relevance below the gap between two bands, growing with it', () => {
    const saturated = (s: number) => SATURATION.reduce((a, p) => a + p.slope * Math.min(s, p.cap), 0);
    const values = [0, 1, 5, 10, 20, 40, 60, 1e6].map(saturated);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(saturated(1e6)).toBeLessThan(10);
    for (const s of [5, 20, 60]) expect(saturated(s)).toBeCloseTo((10 * s) / (s + 10), 6);
  });
});

describe('counts from the first COUNT_CAP matches of each type', () => {
  const res = (buckets: object[]) => ({ took: 1, timed_out: false, _shards: { total: 1, successful: 1, failed: 0 }, hits: { hits: [] }, aggregations: { types: { buckets } } }) as unknown as estypes.SearchResponse;
  it('are exact below the cap and scaled by how far into the index the cap was reached beyond it', () => {
    const r = readCounts(res([
      { key: 'document', doc_count: 10_000, records: { value: 9_000 }, last: { hits: { hits: [{ sort: [24_999] }] } } },
      { key: 'project', doc_count: 120, records: { value: 118 }, last: { hits: { hits: [{ sort: [5_000] }] } } },
      { key: 'credit', doc_count: 0, records: { value: 0 } },
    ]), { document: 100_000, project: 10_000 });
    expect(r).toEqual({ total: 36_118, totalIsEstimate: true, counts: { document: 36_000, project: 118 } });
  });

  it('stop at the cap (never below it) when the index count is stale', () => {
    const r = readCounts(res([{ key: 'document', doc_count: 10_000, records: { value: 10_000 }, last: { hits: { hits: [{ sort: [50_000] }] } } }]), { document: 20_000 });
    expect(r).toEqual({ total: 10_000, totalIsEstimate: true, counts: { document: 10_000 } });
  });
});

describe('write and upkeep bodies', () => {
  const docs = toSearchDocs(
    { type: 'approval', id: 'a-1', version: 7, title: '青山体育公园建设工程规划许可', body: '正文', date: '2020-01-02', status: '办结', item: '规划许可', open: false, keys: [], projects: [{ no: 'QSAA20200001', name: '青山体育公园', district: '青山区', builder: null }] },
    seg,
  );

  it('index with the record version as an external version, keyed by project', () => {
    const doc = toEngineDoc(docs[0]!);
    expect(doc).toMatchObject({ resource_key: 'approval:a-1', project_key: 'QSAA20200001', version: 7 });
    const [action] = indexActions('planhub-approval', doc);
    const bulk: estypes.BulkRequest = { operations: indexActions('planhub-approval', doc), require_alias: true };
    expect(bulk.operations).toHaveLength(2);
    expect(action).toEqual({ index: { _index: 'planhub-approval', _id: 'approval:a-1', version: 7, version_type: 'external_gte' } });
    expect(deleteAction('a', 'x', 3)).toEqual({ delete: { _index: 'a', _id: 'x', version: 3, version_type: 'external_gte' } });
    expect(deleteAction('a', 'x', ANY_VERSION)).toEqual({ delete: { _index: 'a', _id: 'x' } });
  });

  it('find superseded passages by record, version and the ids just written', () => {
    const body: estypes.SearchRequest = supersededBody([{ type: 'approval', resourceId: 'a-1', version: 7 }], new Map([['approval:a-1', ['approval:a-1']]]), 100, 'approval:a-0');
    expect(json(body.query)).toBe(json({ bool: { minimum_should_match: 1, should: [{ bool: { filter: [{ term: { resource_key: 'approval:a-1' } }, { range: { version: { lte: 7 } } }], must_not: [{ ids: { values: ['approval:a-1'] } }] } }] } }));
    expect(body.search_after).toEqual(['approval:a-0']);
  });

  it('page versions with a composite aggregation', () => {
    const body: estypes.SearchRequest = versionsBody('approval', 'a-1', 500);
    expect(body.aggs?.ids?.composite).toMatchObject({ size: 500, after: { id: 'a-1' } });
    const res = { aggregations: { ids: { buckets: [{ key: { id: 'a-2' }, doc_count: 2, version: { value: 4 } }] } } } as unknown as estypes.SearchResponse;
    expect(readVersions('approval', res)).toEqual([{ type: 'approval', resourceId: 'a-2', version: 4 }]);
  });

  it('suggest by the text and by its pinyin forms', () => {
    const doc = toSuggestDoc({ text: '青山体育公园', kind: 'project', ref: 'QSAA20200001', detail: '青山 · QSAA20200001', weight: 1.5, ...pinyinForms('青山体育公园') });
    expect(doc.complete_latin.input).toEqual(['qingshantiyugongyuan', 'qstygy']);
    expect(doc.complete_text).toEqual({ input: ['青山体育公园'], weight: 1500 });
    expect(doc).toMatchObject({ ref: 'QSAA20200001', detail: '青山 · QSAA20200001' });
    const body: estypes.SearchRequest = suggestBody('Qing Shan', 10);
    expect(body.suggest).toMatchObject({ by_text: { prefix: 'Qing Shan' }, by_latin: { prefix: 'qingshan', completion: { field: 'complete_latin' } } });
    // Skipping duplicates would keep one of several same-named projects.
    expect(json(body.suggest)).not.toContain('skip_duplicates');
    const contains: estypes.SearchRequest = containsBody('体*育', 5);
    expect(json(contains.query)).toContain('"value":"*体\\\\*育*"');
  });
});
