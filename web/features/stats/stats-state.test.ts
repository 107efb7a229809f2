import { describe, expect, it } from 'vitest';
import {
  bureauToday, certificateParams, certificatePeriod, certificateShortcuts, DEFAULT_STATS, handlingParams, handlingPeriod,
  monthlyParams, overdueParams, parseStatsState, statsCsvHref, statsHref, yearOptions,
} from './stats-state';

const TODAY = '2026-12-02';

describe('统计 in the URL', () => {
  it('reads the selectors and goes back to the same URL', () => {
    const url = '/stats?year=2014&month=4&district=洪山&office=行政审批处&group=office&cfrom=2014-01-01&cto=2014-04-22';
    const state = parseStatsState(new URL(url, 'http://x').searchParams);
    expect(state).toEqual({ year: 2014, month: 4, district: '洪山', office: '行政审批处', group: 'office', cfrom: '2014-01-01', cto: '2014-04-22' });
    expect(statsHref(state)).toBe(url.replace('洪山', encodeURIComponent('洪山')).replace('行政审批处', encodeURIComponent('行政审批处')));
    expect(statsHref(DEFAULT_STATS)).toBe('/stats');
  });

  it('drops what the API would refuse', () => {
    expect(parseStatsState({ year: '14', month: '13', group: 'week', cfrom: '2014-02-30', cto: 'today' })).toEqual(DEFAULT_STATS);
    expect(parseStatsState({ cfrom: '2014-05-01', cto: '2014-04-01' })).toMatchObject({ cfrom: null, cto: null });
    expect(parseStatsState({ year: ['2015', '2016'], district: '  ' })).toMatchObject({ year: 2015, district: null });
  });
});

describe('the periods the selectors stand for', () => {
  it('is the whole year, a month, and never past today', () => {
    expect(handlingPeriod({ ...DEFAULT_STATS, year: 2014 }, TODAY)).toEqual({ from: '2014-01-01', to: '2014-12-31' });
    expect(handlingPeriod({ ...DEFAULT_STATS, year: 2024, month: 2 }, TODAY)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(handlingPeriod({ ...DEFAULT_STATS, year: 2023, month: 2 }, TODAY)).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    // This year (no year chosen) ends today; this month too.
    expect(handlingPeriod(DEFAULT_STATS, TODAY)).toEqual({ from: '2026-01-01', to: TODAY });
    expect(handlingPeriod({ ...DEFAULT_STATS, month: 12 }, TODAY)).toEqual({ from: '2026-12-01', to: TODAY });
  });

  it('gives 证照情况统计 its own dates, else the selected year, with the seed’s 上一年 and 本年', () => {
    expect(certificatePeriod({ ...DEFAULT_STATS, year: 2014 }, TODAY)).toEqual({ from: '2014-01-01', to: '2014-12-31' });
    expect(certificatePeriod({ ...DEFAULT_STATS, year: 2014, cfrom: '2014-01-01', cto: '2014-04-22' }, TODAY)).toEqual({ from: '2014-01-01', to: '2014-04-22' });
    expect(certificatePeriod({ ...DEFAULT_STATS, year: 2014, cfrom: '2015-03-01' }, TODAY)).toEqual({ from: '2015-03-01', to: TODAY });
    expect(certificateShortcuts(TODAY)).toEqual({ lastYear: { from: '2025-01-01', to: '2025-12-31' }, thisYear: { from: '2026-01-01', to: TODAY } });
  });

  it('asks the API with the filters each table takes', () => {
    const s = { ...DEFAULT_STATS, year: 2014, month: 4, district: '洪山', office: '洪山分局规划科' };
    expect(handlingParams(s, TODAY)).toEqual({ from: '2014-04-01', to: '2014-04-30', district: '洪山', office: '洪山分局规划科', group: 'item' });
    expect(monthlyParams(s, TODAY)).toEqual({ from: '2014-01-01', to: '2014-12-31', district: '洪山', office: '洪山分局规划科', group: 'month' });
    expect(overdueParams(s, TODAY)).toEqual({ from: '2014-01-01', to: '2014-12-31', office: '洪山分局规划科' });
    expect(certificateParams(s, TODAY)).toEqual({ from: '2014-01-01', to: '2014-12-31' });
    expect(statsCsvHref('handling', { from: '2014-01-01', to: '2014-12-31', district: null })).toBe('/api/stats/handling?from=2014-01-01&to=2014-12-31&format=csv');
  });

  it('knows today in Wuhan and offers the years up to it', () => {
    expect(bureauToday(Date.parse('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(bureauToday(Date.parse('2026-12-31T15:59:00Z'))).toBe('2026-12-31');
    expect(yearOptions(TODAY, null, 2024)).toEqual([2026, 2025, 2024]);
    expect(yearOptions(TODAY, 2003, 2025)).toEqual([2026, 2025, 2003]);
  });
});
