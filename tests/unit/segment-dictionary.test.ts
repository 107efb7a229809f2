import { describe, expect, it } from 'vitest';
import { STATIC_DOMAIN_WORDS, STATIC_PLACE_WORDS, lawShortNames, wordsFromNames } from '../../indexers/segment/dictionary.ts';
import { builderBrand } from '../../indexers/segment/name-parts.ts';

describe('lawShortNames', () => {
  it.each([
    ['中华人民共和国城乡规划法', ['城乡规划法']],
    ['中华人民共和国土地管理法（2019年修正）', ['中华人民共和国土地管理法', '土地管理法']],
    ['中华人民共和国城乡规划法(2019修正)', ['中华人民共和国城乡规划法', '城乡规划法']],
    ['武汉市城乡规划条例（2019年修订）', ['武汉市城乡规划条例']],
    ['武汉市城乡规划条例', []],
    ['中华人民共和国刑法修正案（七）', ['刑法修正案（七）']],
    ['中华人民共和国民法典 人格权编', ['民法典人格权编']],
  ])('%s → %j', (title, expected) => {
    expect(lawShortNames(title)).toEqual(expected);
  });
});

describe('builderBrand', () => {
  it.each([
    ['武汉福星惠誉房地产开发有限公司', '福星惠誉'],
    ['武汉福星惠誉置业有限公司', '福星惠誉'],
    ['武汉市万科房地产有限公司', '万科'],
    ['湖北联投置业有限公司', '联投'],
    ['中建三局集团有限公司', '中建三局'],
    ['华润置地(武汉)有限公司', '华润置地'],
    ['武汉地产开发投资集团有限公司', '武汉地产'],
  ])('%s → %s', (company, brand) => {
    expect(builderBrand(company)).toBe(brand);
  });

  it('is null when nothing specific is left', () => {
    expect(builderBrand('有限公司')).toBeNull();
  });
});

describe('wordsFromNames', () => {
  it('splits a project name into brand, estate and estate without 小区', () => {
    const words = wordsFromNames({ projects: ['福星惠誉东南岸小区二期'] });
    expect(words).toEqual(expect.arrayContaining(['福星惠誉东南岸小区二期', '福星惠誉', '东南岸小区', '东南岸']));
  });

  it('takes brands from builders and uses them on project names', () => {
    const words = wordsFromNames({
      builders: ['武汉楚天晴川置业有限公司'],
      projects: ['楚天晴川翡翠公园A地块', '洪山区青山体育公园项目'],
    });
    expect(words).toEqual(expect.arrayContaining(['楚天晴川', '翡翠公园', '青山体育公园', '体育公园']));
    expect(words).not.toContain('A地块');
  });

  it('adds law short names, and is unique', () => {
    const words = wordsFromNames({ regulations: ['中华人民共和国城乡规划法', '中华人民共和国城乡规划法（2019年修正）'] });
    expect(words.filter((w) => w === '城乡规划法')).toHaveLength(1);
  });
});

describe('STATIC_DOMAIN_WORDS', () => {
  it("holds Wuhan's districts and streets, business items, offices and planning terms", () => {
    for (const w of ['江岸区', '江岸', '东西湖区', '大智街道', '花楼街', '选址意见书', '建设工程规划许可证', '规划条件核实',
      '方案会', '海绵城市', '市政处协审', '行政审批处', '容积率', '建筑密度', '绿地率', '用地红线', '控制性详细规划',
      '国土空间规划']) {
      expect(STATIC_DOMAIN_WORDS, w).toContain(w);
    }
    expect(new Set(STATIC_DOMAIN_WORDS).size).toBe(STATIC_DOMAIN_WORDS.length);
  });

  it('places are Wuhan only', () => {
    expect(STATIC_PLACE_WORDS).toContain('洪山区');
    expect(STATIC_PLACE_WORDS).not.toContain('朝阳区');
  });
});
