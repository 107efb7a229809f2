import { describe, expect, it } from 'vitest';
import { publicHref, publicQuery, tooManyWording } from './public-state';

describe('the public query as the URL has it', () => {
  it('trims it and caps its length', () => {
    expect(publicQuery('  HSAA20120001 ')).toBe('HSAA20120001');
    expect(publicQuery(null)).toBe('');
    expect(publicQuery('体'.repeat(300))).toHaveLength(100);
  });

  it('puts it in the page address', () => {
    expect(publicHref('/public', ' 青山 体育 ')).toBe('/public?q=%E9%9D%92%E5%B1%B1%20%E4%BD%93%E8%82%B2');
    expect(publicHref('/public', '  ')).toBe('/public');
  });
});

describe('asked too often', () => {
  it('says so, with the wait when the API gave one', () => {
    expect(tooManyWording(30)).toBe('查询过于频繁，请 30 秒后再试。');
    expect(tooManyWording(null)).toBe('查询过于频繁，请稍后再试。');
  });
});
