import { describe, expect, it } from 'vitest';
import { fromCredits, fromLinks, fromSimilar, merge, scaleCloseness, sharedPhrases, type Recommendation } from '../../services/recommend/recommend-rank.ts';
import type { LinkedRow } from '../../services/recommend/recommend.store.ts';

const IGNORE = new Set(['洪山区', '洪山', '武汉市', '项目', '地块']);
const hit = (title: string, body = '') => ({ title, body });

describe('sharedPhrases', () => {
  it('gives the longest runs both texts hold, not the words they were cut into', () => {
    expect(sharedPhrases(['洪山区青菱湖K2地块住宅项目', '洪山区青菱街道青菱湖路18号'], hit('湖畔府工地', '青菱湖路上的工地'), IGNORE)).toEqual(['青菱湖路']);
  });
  it('leaves out what is only a district, the city or a generic word, with or without a number', () => {
    expect(sharedPhrases(['洪山区青菱湖K2地块住宅项目'], hit('武汉市洪山区某中学', '洪山区18号地块项目'), IGNORE)).toEqual([]);
  });
  it('keeps a sales name written with a middle dot, split at the dot', () => {
    expect(sharedPhrases(['青菱·湖畔府'], hit('湖畔府业主来信'), IGNORE)).toEqual(['湖畔府']);
  });
});

describe('scaleCloseness', () => {
  it('is 1 for equal scales, falls with the ratio, and is 0 at four times or for an unknown scale', () => {
    expect(scaleCloseness(50_000, 50_000)).toBe(1);
    expect(scaleCloseness(45_000, 50_000)).toBeGreaterThan(0.9);
    expect(scaleCloseness(200_000, 50_000)).toBe(0);
    expect(scaleCloseness(null, 50_000)).toBe(0);
  });
});

const link = (over: Partial<LinkedRow>): LinkedRow => ({
  resource_type: 'petition', resource_id: 'p1', status: 'auto', method: 'linkage', score: 0.99, doubt: 0.01,
  reasons: [], passage: null, title: '来信', date: '2020-01-01', ...over,
});

describe('fromLinks', () => {
  it('ranks a declared link first and says the record names the project', () => {
    const [r] = fromLinks([link({ method: 'declared', status: 'confirmed', resource_type: 'document' })]);
    expect(r).toMatchObject({ score: 1, group: 'about' });
    expect(r!.reasons[0]!.text).toBe('公文登记时写明本项目');
  });
  it("shares a suggestion's worth among the projects the mention could be (1 − doubt)", () => {
    const [alone, shared] = fromLinks([link({ status: 'suggested', score: 0.99, doubt: 0.01 }), link({ resource_id: 'p2', status: 'suggested', score: 0.99, doubt: 0.67 })]);
    expect(alone!.score).toBeGreaterThan(2 * shared!.score);
  });
  it('shows the strongest positive evidence and the passage it came from', () => {
    const [r] = fromLinks([link({
      reasons: [{ feature: 'district', text: '区不同', weight: -3 }, { feature: 'name', text: '提到「湖畔府」', weight: 9 }, { feature: 'road', text: '同在青菱湖路', weight: 4 }],
      passage: '第三项',
    })]);
    expect(r!.reasons.map((x) => x.text)).toEqual(['自动关联到本项目', '提到「湖畔府」', '同在青菱湖路', '出自：第三项']);
  });
});

describe('fromCredits', () => {
  it('puts a 失信 record above the latest plain one, and older records lower', () => {
    const [alert, plain, older] = fromCredits([
      { id: 'c1', builder: '甲公司', status: '失信', reason: '欠薪', date: '2021-01-01' },
      { id: 'c2', builder: '甲公司', status: '守信', reason: null, date: '2020-01-01' },
      { id: 'c3', builder: '甲公司', status: '守信', reason: null, date: '2019-01-01' },
    ]);
    expect(alert!.score).toBeGreaterThan(plain!.score);
    expect(plain!.score).toBeGreaterThan(older!.score);
    expect(alert!.reasons[0]!.text).toBe('建设单位「甲公司」的信用记录：失信（欠薪）');
  });
});

describe('fromSimilar', () => {
  const opts = { group: 'nearby' as const, weight: 0.3, sources: ['青菱湖路18号'], ignore: IGNORE, projectNo: 'A', names: new Map([['B', '白沙洲项目']]) };
  it('drops a hit with nothing a person could check, and discounts one about another project', () => {
    const out = fromSimilar([
      { type: 'petition', id: 'x', title: '青菱湖路积水', body: '', date: null, projectNos: [], score: 10 },
      { type: 'petition', id: 'y', title: '洪山区噪音', body: '', date: null, projectNos: [], score: 9 },
      { type: 'document', id: 'z', title: '青菱湖路改造', body: '', date: null, projectNos: ['B'], score: 10 },
    ], opts);
    expect(out.map((r) => r.id)).toEqual(['x', 'z']);
    expect(out[1]!.score).toBeLessThan(out[0]!.score);
    expect(out[1]!.reasons.map((r) => r.text)).toContain('关于邻近项目「白沙洲项目」');
  });
});

describe('merge', () => {
  const r = (id: string, score: number, text: string): Recommendation =>
    ({ type: 'petition', id, title: id, date: null, group: 'about', score, project_no: null, reasons: [{ kind: 'link', text }] });
  it('keeps one entry per record, its best score, and both reasons, best first', () => {
    const out = merge([[r('a', 0.5, '甲'), r('b', 0.9, '乙')], [r('a', 0.7, '丙')]], 10);
    expect(out.map((x) => [x.id, x.score])).toEqual([['b', 0.9], ['a', 0.7]]);
    expect(out[1]!.reasons.map((x) => x.text)).toEqual(['丙', '甲']);
  });
});
