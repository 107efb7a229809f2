/** A query searched again without the words no record holds: what is cut, and how hits come back. */
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchRequest, SearchResult } from '../../indexers/engines/search-engine.ts';
import { analyzeQuery } from '../../indexers/query-analyzer.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { searchWithoutUnheld, textWithout } from '../../services/search/unheld-search.ts';

const segmenter = createSegmenter([]);
const hit = (id: string, matched: SearchHit['matched'], score: number): SearchHit => ({
  type: 'project', id, passage: 0, title: id, body: '', date: null, status: null, projectNos: [id], projectNames: [id], score, matched,
});

describe('searching again without the words no record holds', () => {
  it('cuts each word once, in order, wherever jieba put it', () => {
    expect(textWithout('江夏妇幼保健院 充电桩', ['充电', '桩'])).toBe('江夏妇幼保健院');
    expect(textWithout('江夏妇幼保健院充电桩', ['充电', '桩'])).toBe('江夏妇幼保健院');
    // The 桩 of 桩基 comes before the one cut: the cursor moves on from the cut before it.
    expect(textWithout('桩基工程 充电桩', ['充电', '桩'])).toBe('桩基工程');
  });

  it('asks the engine for the rest and returns its hits as partial, lacking the words, below every complete hit', async () => {
    const query = analyzeQuery('江夏妇幼保健院 充电桩', segmenter);
    const req: SearchRequest = { query, filters: {}, offset: 0, size: 20, sort: 'relevance', collapse: false, unheld: 'report' };
    const unheld = query.wordGroups.filter((g) => ['充电', '桩'].includes(g[0]!.join('')));
    const first: SearchResult = { total: 1, totalIsEstimate: false, counts: { project: 1 }, hits: [hit('by-key', 'key', 105)], unheld };
    const asked: SearchRequest[] = [];
    const engine = {
      async search(r: SearchRequest): Promise<SearchResult> {
        asked.push(r);
        return { total: 2, totalIsEstimate: false, counts: { project: 2 }, hits: [hit('hospital', 'words', 35), hit('by-key', 'words', 30), hit('near', 'partial', -10)] };
      },
    };
    const r = await searchWithoutUnheld({ engine, segmenter }, req, first);
    expect(asked[0]!.query.normalized).toBe('江夏妇幼保健院');
    // Complete matches of the rest: the partial tier is not asked for.
    expect(asked[0]).toMatchObject({ unheld: 'weigh', partial: false, counts: false, offset: 0, size: 19 });
    expect(r.unheld).toBeUndefined();
    // The complete hit first; the one already shown not twice; counts are the complete ones'.
    expect(r.hits.map((h) => [h.id, h.matched])).toEqual([['by-key', 'key'], ['hospital', 'partial'], ['near', 'partial']]);
    expect(r.hits.slice(1).map((h) => h.missing)).toEqual([['充电', '桩'], ['充电', '桩']]);
    expect(Math.max(...r.hits.slice(1).map((h) => h.score))).toBeLessThan(-5);
    expect(r.total).toBe(1);
  });

  it('falls back to the partial tier over the whole query when nothing holds all of the rest', async () => {
    const query = analyzeQuery('江夏妇幼保健院 充电桩', segmenter);
    const req: SearchRequest = { query, filters: {}, offset: 0, size: 20, sort: 'relevance', collapse: false, unheld: 'report' };
    const unheld = query.wordGroups.filter((g) => ['充电', '桩'].includes(g[0]!.join('')));
    const asked: SearchRequest[] = [];
    const near = hit('near', 'partial', -12);
    const engine = {
      async search(r: SearchRequest): Promise<SearchResult> {
        asked.push(r);
        return { total: 0, totalIsEstimate: false, counts: {}, hits: r.partial === false ? [] : [near] };
      },
    };
    const r = await searchWithoutUnheld({ engine, segmenter }, req, { total: 0, totalIsEstimate: false, counts: {}, hits: [], unheld });
    expect(asked.map((a) => [a.query.normalized, a.partial, a.unheld])).toEqual([['江夏妇幼保健院', false, 'weigh'], ['江夏妇幼保健院 充电桩', undefined, 'weigh']]);
    expect(r.hits).toEqual([near]);
    // The first search found nothing complete: the engine is told so, and which groups no record holds.
    expect(asked[1]!.known).toEqual({ unheld });
  });

  it('does not tell the engine nothing is complete when the first search found complete hits', async () => {
    const query = analyzeQuery('江夏妇幼保健院 充电桩', segmenter);
    const req: SearchRequest = { query, filters: {}, offset: 0, size: 20, sort: 'relevance', collapse: false, unheld: 'report' };
    const unheld = query.wordGroups.filter((g) => ['充电', '桩'].includes(g[0]!.join('')));
    const asked: SearchRequest[] = [];
    const engine = {
      async search(r: SearchRequest): Promise<SearchResult> {
        asked.push(r);
        return { total: 0, totalIsEstimate: false, counts: {}, hits: [] };
      },
    };
    await searchWithoutUnheld({ engine, segmenter }, req, { total: 1, totalIsEstimate: false, counts: { project: 1 }, hits: [hit('by-key', 'key', 105)], unheld });
    expect(asked).toHaveLength(2);
    expect(asked[1]!.known).toBeUndefined();
  });
});
