import { describe, expect, it } from 'vitest';
import {
  EMPTY_SEARCH, MAX_PAGE, canSearch, changeSearch, hasFilters, parseSearchState, searchApiParams, searchHref, searchQueryString,
} from './search-state';

describe('search state in the URL', () => {
  it('reads every part of a shared URL', () => {
    const s = parseSearchState(new URLSearchParams('q=青山体育公园&type=approval&district=洪山&item=建设工程规划许可证&status=在办&from=2016-01-01&to=2016-12-31&sort=date&page=3'));
    expect(s).toEqual({
      q: '青山体育公园', type: 'approval', district: '洪山', item: '建设工程规划许可证', status: '在办',
      from: '2016-01-01', to: '2016-12-31', sort: 'date', page: 3,
    });
  });

  it('writes it back in one order, leaving defaults out, so the same search has one URL', () => {
    const s = parseSearchState(new URLSearchParams('page=3&status=在办&q=青山&type=approval'));
    expect(searchQueryString(s)).toBe(new URLSearchParams('q=青山&type=approval&status=在办&page=3').toString());
    expect(parseSearchState(new URLSearchParams(searchQueryString(s)))).toEqual(s);
    expect(searchHref({ q: '青山' })).toBe('/search?q=%E9%9D%92%E5%B1%B1');
    expect(searchHref({})).toBe('/search');
    expect(searchQueryString({ ...EMPTY_SEARCH, q: '  ' })).toBe('');
  });

  it('drops what the page cannot use instead of keeping it broken', () => {
    const s = parseSearchState({ q: ' 青山 ', type: 'spaceship', from: '2016-13', page: '-2', sort: 'random' });
    expect(s).toEqual({ ...EMPTY_SEARCH, q: '青山' });
    expect(parseSearchState({ page: '1.5' }).page).toBe(1);
    expect(parseSearchState({ page: '9999' }).page).toBe(MAX_PAGE);
    expect(parseSearchState({ q: ['a', 'b'] }).q).toBe('a');
  });

  it('goes back to the first page on any change but paging', () => {
    const s = { ...EMPTY_SEARCH, q: '青山', page: 4 };
    expect(changeSearch(s, { type: 'document' }).page).toBe(1);
    expect(changeSearch(s, { page: 5 }).page).toBe(5);
    expect(changeSearch(s, { district: '洪山' })).toMatchObject({ q: '青山', district: '洪山', page: 1 });
  });

  it('asks the API only when there is a query, a tab or a filter', () => {
    expect(canSearch(EMPTY_SEARCH)).toBe(false);
    expect(canSearch({ ...EMPTY_SEARCH, type: 'petition' })).toBe(true);
    expect(canSearch({ ...EMPTY_SEARCH, status: '在办' })).toBe(true);
    expect(hasFilters({ ...EMPTY_SEARCH, q: 'x', type: 'project' })).toBe(false);
  });

  it('turns the state into the API parameters', () => {
    expect(searchApiParams({ ...EMPTY_SEARCH, q: ' 青山 ', type: 'approval', district: '洪山', page: 2, sort: 'date' })).toEqual({
      q: '青山', type: 'approval', district: '洪山', page: 2, sort: 'date', size: 20,
    });
    // A listing without a query is by date anyway: no sort parameter.
    expect(searchApiParams({ ...EMPTY_SEARCH, status: '在办', sort: 'date' })).toEqual({ status: '在办', size: 20 });
    expect(searchApiParams({ ...EMPTY_SEARCH, q: '方案' }, { project: 'HSAA20160001', size: 10 })).toEqual({ q: '方案', project: 'HSAA20160001', size: 10 });
  });
});
