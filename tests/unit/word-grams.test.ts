import { describe, expect, it } from 'vitest';
import { gramAlternatives, MAX_GRAM_GROUPS } from '../../indexers/engines/word-grams.ts';
import { analyzeQuery } from '../../indexers/query-analyzer.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { projectIndexOf } from '../../services/search/hit-project.ts';

const seg = createSegmenter([]);

describe('word groups as bigrams', () => {
  it('writes each alternative as its own words’ bigrams, never the bigram across two words', () => {
    expect(gramAlternatives([['武丰村']])).toEqual([['武丰', '丰村']]);
    expect(gramAlternatives([['还建房'], ['还建', '安置房']])).toEqual([['还建', '建房'], ['还建', '安置', '置房']]);
    const q = analyzeQuery('武丰村还建房', seg);
    expect(q.gramGroups!.flat(2)).not.toContain('村还');
  });

  it('leaves out lone characters, and a group of them has no bigram form', () => {
    expect(gramAlternatives([['段']])).toEqual([]);
    expect(gramAlternatives([['k4']])).toEqual([['k4']]);
  });

  it('is part of the analysis with naming on, for queries of a few words only', () => {
    expect(analyzeQuery('将军路K4', seg).gramGroups).toBeDefined();
    expect(analyzeQuery('将军路K4', seg, { naming: false }).gramGroups).toBeUndefined();
    const pasted = '武汉市自然资源和规划局关于江夏区大花岭片K3地块规划设计条件的批复经研究同意该地块按照二类居住用地进行建设容积率不大于二点五建筑密度不大于百分之二十五绿地率不小于百分之三十';
    expect(analyzeQuery(pasted, seg).wordGroups.length).toBeGreaterThan(MAX_GRAM_GROUPS);
    expect(analyzeQuery(pasted, seg).gramGroups).toBeUndefined();
  });
});

describe('the project a hit is shown under', () => {
  const names = ['武汉市轨道交通3号线民族大道站', '武汉市轨道交通1号线将军路站', '武汉市轨道交通2号线将军路站'];

  it('is the one whose name holds most of the query, the first of equals', () => {
    expect(projectIndexOf(names, analyzeQuery('地铁集团将军路', seg))).toBe(1);
    expect(projectIndexOf(names, analyzeQuery('1号线将军路站', seg))).toBe(1);
    expect(projectIndexOf(names, analyzeQuery('2号线将军路', seg))).toBe(2);
  });

  it('is the record’s first project when none is named or there is one', () => {
    expect(projectIndexOf(names, analyzeQuery('武汉地铁集团', seg))).toBe(0);
    expect(projectIndexOf(['洪山区某某小区'], analyzeQuery('将军路', seg))).toBe(0);
    expect(projectIndexOf([], analyzeQuery('将军路', seg))).toBe(0);
  });
});
