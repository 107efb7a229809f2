import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../indexers/query-analyzer.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';

const seg = createSegmenter([]);

describe('query analysis for names as officers type them', () => {
  it('reads project numbers and 文号 typed loosely as keys', () => {
    expect(analyzeQuery('JXAA 2019 0012', seg).keys).toContain('JXAA20190012');
    expect(analyzeQuery('jxaa-2019-0012', seg).identifiers).toContain('JXAA20190012');
    expect(analyzeQuery('武规2016 12', seg).keys).toContain('武规〔2016〕12号');
  });

  it('adds the whole query with a synonym swapped as a key', () => {
    expect(analyzeQuery('沌口污水厂', seg).keys).toEqual(expect.arrayContaining(['沌口污水厂', '沌口污水处理厂']));
  });

  it('makes each synonym one word group of its alternatives, and every other word a group of its own', () => {
    const q = analyzeQuery('光谷公租房', seg);
    const gongzu = q.wordGroups.find((g) => g.some((alt) => alt.join('') === '公租房'))!;
    expect(gongzu.map((alt) => alt.join(''))).toEqual(expect.arrayContaining(['公租房', '公共租赁住房']));
    expect(q.wordGroups.some((g) => g.some((alt) => alt.join('') === '东湖新技术开发区'))).toBe(true);
    expect(analyzeQuery('青山体育公园', seg).wordGroups.every((g) => g.length === 1 && g[0]!.length === 1)).toBe(true);
  });

  it('does none of it with naming off (the comparison baseline)', () => {
    const q = analyzeQuery('沌口污水厂 JXAA 2019 0012', seg, { naming: false });
    expect(q.keys).not.toContain('JXAA20190012');
    expect(q.keys).not.toContain('沌口污水处理厂');
    expect(q.wordGroups.every((g) => g.length === 1)).toBe(true);
  });

  it('drops a lone character that the edge of the query cut from a word, and keeps one inside', () => {
    // 塔子湖片K6地块 cut as 子湖片K6地: 地 alone is no bigram of the text, which holds 地块.
    expect(analyzeQuery('子湖片K6地', seg).phrases.flat()).not.toContain('地');
    expect(analyzeQuery('K6地K7', seg).phrases.flat()).toContain('地');
  });

  it('requires no connective as a word (与, 至), but keeps lone characters that narrow (段)', () => {
    // 冶金大道与工业一路互通立交工程 is indexed as its words and sub-words, never 与 alone.
    const words = (q: string) => analyzeQuery(q, seg).wordGroups.map((g) => g[0]!.join(''));
    expect(words('冶金大道与工业一路互通立交')).not.toContain('与');
    expect(words('金台大道至邾城段')).not.toContain('至');
    expect(words('金台大道至邾城段')).toContain('段');
    // The phrase still reads it in place, and with naming off nothing changes.
    expect(analyzeQuery('冶金大道与工业一路', seg).phrases.flat()).toContain('道与');
    expect(analyzeQuery('冶金大道与工业一路', seg, { naming: false }).wordGroups.map((g) => g[0]!.join(''))).toContain('与');
  });
});
