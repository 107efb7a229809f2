import { describe, expect, it } from 'vitest';
import { SYNONYM_GROUPS, synonymPieces, synonymVariants } from '../../indexers/segment/synonyms.ts';

describe('synonym table', () => {
  it('gives every group a source and at least two distinct terms', () => {
    for (const g of SYNONYM_GROUPS) {
      expect(g.source.length, g.terms.join('/')).toBeGreaterThan(4);
      expect(new Set(g.terms).size, g.terms.join('/')).toBe(g.terms.length);
      expect(g.terms.length).toBeGreaterThanOrEqual(2);
    }
  });

  it.each([
    ['光谷公租房二期', '光谷公共租赁住房二期'],
    ['光谷公租房二期', '光谷公租房2期'],
    ['沌口污水厂', '沌口污水处理厂'],
    ['某某变电站', '某某输变电工程'],
    ['江夏妇幼', '江夏妇幼保健院'],
    ['东湖高新某某小学', '东湖新技术开发区某某小学'],
    ['还建房三期', '还建安置房三期'],
    ['三号线徐家棚站', '3号线徐家棚站'],
    ['11号线', '十一号线'],
    ['二十一号线', '21号线'],
  ])('expands %s to %s', (q, variant) => {
    expect(synonymVariants(q, 10)).toContain(variant);
  });

  it('takes the longest term: 妇幼保健院 is not read as 妇幼 + 保健院', () => {
    expect(synonymVariants('江夏区妇幼保健院', 10)).toEqual(['江夏区妇幼']);
  });

  it('reads 11号线 and 十一号线 whole, never as 1号线 or 一号线 inside them', () => {
    expect(synonymVariants('11号线', 10)).not.toContain('1一号线');
    expect(synonymVariants('十一号线', 10)).not.toContain('十1号线');
  });

  it('leaves a query without synonyms alone, and bounds the variants', () => {
    expect(synonymVariants('青山体育公园')).toEqual([]);
    expect(synonymVariants('光谷公租房二期一标段还建房').length).toBeLessThanOrEqual(4);
  });
});

describe('synonym pieces', () => {
  it('cuts a query into plain runs and spots with their alternatives', () => {
    expect(synonymPieces('沌口污水厂扩建')).toEqual([['沌口'], ['污水厂', '污水处理厂'], ['扩建']]);
    expect(synonymPieces('青山体育公园')).toEqual([['青山体育公园']]);
  });
});

describe('school, transit and voltage abbreviations', () => {
  it.each([
    ['中法生态城初中', '中法生态城初级中学'],
    ['轨交16号线汉南大道站', '轨道交通16号线汉南大道站'],
    ['纸坊110kV变电站', '纸坊110千伏变电站'],
  ])('expands %s to %s', (q, variant) => {
    expect(synonymVariants(q, 10)).toContain(variant);
  });
});
