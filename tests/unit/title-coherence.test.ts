import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../indexers/engines/search-engine.ts';
import { analyzeQuery } from '../../indexers/query-analyzer.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { byTitleCoherence, titleCoherence } from '../../services/search/title-coherence.ts';

const seg = createSegmenter([]);
type Hit = Pick<SearchHit, 'title' | 'matched'>;
const hit = (title: string, matched: SearchHit['matched'] = 'words'): Hit => ({ title, matched });
const titles = (hits: Hit[]) => hits.map((h) => h.title);

describe('title coherence', () => {
  it('counts how much of the query a title holds, by the bigrams of the groups it holds', () => {
    const q = analyzeQuery('青山污水处理厂', seg);
    const own = titleCoherence('青山污水处理厂新建工程', q.gramGroups!);
    const credit = titleCoherence('武汉市水务集团有限公司信用记录', q.gramGroups!);
    expect(own.held).toBeGreaterThan(credit.held);
    expect(credit.first).toBe(Infinity);
  });

  it('rewards groups that follow each other as typed', () => {
    const q = analyzeQuery('青山 污水处理厂', seg);
    const together = titleCoherence('青山污水处理厂扩建工程', q.gramGroups!);
    const apart = titleCoherence('青山江滩污水处理厂扩建工程', q.gramGroups!);
    expect(together.held).toBe(apart.held);
    expect(together.adjacent).toBeGreaterThan(apart.adjacent);
  });
});

describe('reordering a page by title coherence', () => {
  it('puts the record named by the query above one that holds its words elsewhere, within a tier', () => {
    const q = analyzeQuery('水务集团青山污水处理厂', seg);
    const page = [hit('武汉市水务集团有限公司2023年度信用记录'), hit('青山污水处理厂新建工程'), hit('青山区某某小区改造')];
    expect(titles(byTitleCoherence(page, q))[0]).toBe('青山污水处理厂新建工程');
  });

  it('prefers the title that names the first group earliest', () => {
    const q = analyzeQuery('东吴大道 常青花园段', seg);
    const page = [hit('金银湖路(东吴大道至常青花园段)'), hit('东吴大道(三店路至常青花园段)')];
    expect(titles(byTitleCoherence(page, q))).toEqual(['东吴大道(三店路至常青花园段)', '金银湖路(东吴大道至常青花园段)']);
  });

  it('never moves a hit across tiers, and leaves the key tier and ties in the engine’s order', () => {
    const q = analyzeQuery('水务集团青山污水处理厂', seg);
    const page = [
      hit('武汉市水务集团有限公司信用记录', 'key'),
      hit('青山区某某工程', 'words'),
      hit('武汉市水务集团有限公司', 'words'),
      hit('青山污水处理厂新建工程', 'partial'),
    ];
    const out = byTitleCoherence(page, q);
    expect(out.map((h) => h.matched)).toEqual(['key', 'words', 'words', 'partial']);
    expect(out[0]!.title).toBe('武汉市水务集团有限公司信用记录');
    expect(out[3]!.title).toBe('青山污水处理厂新建工程');
    const ties = [hit('甲工程'), hit('乙工程'), hit('丙工程')];
    expect(titles(byTitleCoherence(ties, q))).toEqual(['甲工程', '乙工程', '丙工程']);
  });

  it('leaves a one-word query as the engine ranked it', () => {
    const q = analyzeQuery('污水处理厂', seg);
    const page = [hit('某某工程'), hit('污水处理厂')];
    expect(titles(byTitleCoherence(page, q))).toEqual(['某某工程', '污水处理厂']);
  });
});
