import { describe, expect, it } from 'vitest';
import { projectIndexOf } from '../../services/search/hit-project.ts';

/** A query's word groups as the analyzer gives them: each group's alternatives, each its bigrams. */
const query = (...groups: string[][][]) => ({ wordGroups: [], gramGroups: groups });

describe('the project a hit is shown under', () => {
  const names = ['地铁集团某某大道站', '地铁集团将军路站', '将军路小学改扩建'];

  it('is the project whose name holds most of the query', () => {
    expect(projectIndexOf(names, query([['地铁']], [['将军', '军路']]))).toBe(1);
    expect(projectIndexOf(names, query([['小学']]))).toBe(2);
  });

  it('keeps the record order on a tie, and the first when no name holds any of it', () => {
    expect(projectIndexOf(names, query([['将军', '军路']]))).toBe(1);
    expect(projectIndexOf(names, query([['光谷']]))).toBe(0);
    expect(projectIndexOf(['某某一期'], query([['光谷']]))).toBe(0);
  });

  it('holds a bigram only where its two characters stand together in one name', () => {
    // 站将 would span the first two names, were they one text; 学地 the last two, the other way round.
    expect(projectIndexOf(['某某路小学', ...names], query([['站将']]))).toBe(0);
    expect(projectIndexOf(['将军路小学', '地铁集团'], query([['学地']]))).toBe(0);
    expect(projectIndexOf(['将军路小学', '地铁集团'], query([['集团']]))).toBe(1);
  });

  it('matches a run of letters or digits whole, in any case', () => {
    const plots = ['南湖片K23地块', '南湖片K2地块'];
    expect(projectIndexOf(plots, query([['k2']]))).toBe(1);
    expect(projectIndexOf(plots, query([['k23']]))).toBe(0);
  });

  it('reads names as normalized: traditional and full-width forms count', () => {
    expect(projectIndexOf(['某某路小学', '將軍路站（一期）'], query([['将军', '军路']]))).toBe(1);
    expect(projectIndexOf(['某某路小学', '南湖片Ｋ２地块'], query([['k2']]))).toBe(1);
  });

  it('finds the project among thousands of names on a page', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `某某置业第${i}号地块住宅项目`);
    many.push('光谷中心城将军路站');
    expect(projectIndexOf(many, query([['将军', '军路']], [['光谷']]))).toBe(5000);
  });
});
