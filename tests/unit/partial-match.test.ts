/** The partial tier's arithmetic, the same on every engine, and the word groups as tsquery. */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../indexers/query-analyzer.ts';
import { candidateGroups, coverageOf, MAX_PARTIAL_GROUPS, MIN_COVERAGE, missingOf, partialGroups, weightOf, withoutUnheld } from '../../indexers/engines/partial-match.ts';
import type { SearchRequest } from '../../indexers/engines/search-engine.ts';
import { groupsQuery } from '../../indexers/engines/postgres/tsvector.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';

const seg = createSegmenter([]);
const request = (q: string, over: Partial<SearchRequest> = {}): SearchRequest =>
  ({ query: analyzeQuery(q, seg), filters: {}, offset: 0, size: 20, sort: 'relevance', collapse: false, ...over });

describe('partial matches', () => {
  it('weighs a rare group above a common one, and a group nobody holds most', () => {
    expect(weightOf(0.001)).toBeGreaterThan(weightOf(0.1));
    expect(weightOf(0)).toBe(weightOf(1e-4));
    expect(weightOf(1)).toBe(0);
  });

  it('takes the rarest groups until a record holding none of them could not reach the minimum coverage', () => {
    const weights = [1, 5, 2, 0.5];
    const chosen = candidateGroups(weights);
    expect(chosen[0]).toBe(1);
    const held = chosen.reduce((s, i) => s + weights[i]!, 0);
    // A record lacking every chosen group covers less than the minimum.
    expect(1 - held / weights.reduce((a, b) => a + b, 0)).toBeLessThan(MIN_COVERAGE);
    expect(candidateGroups([1, 1, 1, 1, 1, 1, 1, 1]).length).toBe(3);
  });

  it('weighs a group no record holds as nothing when the rest is a name of two groups or more', () => {
    // 光谷 公租房 + 充电桩: every candidate lacks 充电桩 alike.
    expect(withoutUnheld([3, 5, 9.2], [true, true, false])).toEqual([3, 5, 0]);
    // 火星基地: only 基地 is held, a lesser part of the query; the weights stand.
    expect(withoutUnheld([9.2, 2], [false, true])).toEqual([9.2, 2]);
    // A group every record holds (weight 0) is no name.
    expect(withoutUnheld([9.2, 0, 4], [false, true, true])).toEqual([9.2, 0, 4]);
    // Such groups select no candidates.
    expect(candidateGroups([3, 5, 0], [0.01, 0.001, 0])).toEqual([1]);
  });

  it('computes coverage and names the missing groups by their first alternative', () => {
    expect(coverageOf([true, false], [3, 1])).toBe(0.75);
    const groups = analyzeQuery('光谷公租房二期', seg).wordGroups;
    expect(missingOf(groups.map((_, i) => i !== 1), groups)).toEqual(['公租房']);
  });

  it('applies to relevance searches of two groups or more, unless switched off', () => {
    expect(partialGroups(request('南湖K2住宅'))).not.toBeNull();
    expect(partialGroups(request('南湖'))).toBeNull();
    expect(partialGroups(request('南湖K2住宅', { sort: 'date' }))).toBeNull();
    expect(partialGroups(request('南湖K2住宅', { partial: false }))).toBeNull();
  });

  it('leaves out a pasted passage of more groups than a name has', () => {
    const passage = '武汉市自然资源和规划局关于江夏区大花岭片K3地块规划设计条件的批复经研究同意该地块按照二类居住用地进行建设容积率不大于二点五';
    expect(analyzeQuery(passage, seg).wordGroups.length).toBeGreaterThan(MAX_PARTIAL_GROUPS);
    expect(partialGroups(request(passage))).toBeNull();
    expect(partialGroups(request('武汉市江夏区大花岭片K3地块规划设计条件'))).not.toBeNull();
  });

  it('writes the groups as one tsquery: all groups, any alternative, all its words', () => {
    expect(groupsQuery([[['光谷']], [['公', '租房'], ['公共', '租赁', '住房']]])).toBe("('光谷') & (('公' & '租房') | ('公共' & '租赁' & '住房'))");
    expect(groupsQuery([])).toBe('');
  });
});
