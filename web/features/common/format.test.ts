import { describe, expect, it } from 'vitest';
import { formatArea, formatDate, formatDateTime, formatNumber } from './format';

describe('formatting for the pages', () => {
  it('writes timestamps as the day and time in Wuhan, dates as they are', () => {
    expect(formatDate('2023-03-15T16:30:00Z')).toBe('2023-03-16');
    expect(formatDate('2023-03-15T15:59:00.000Z')).toBe('2023-03-15');
    expect(formatDate('2023-03-15T09:36:26+00:00')).toBe('2023-03-15');
    expect(formatDate('2016-05-10')).toBe('2016-05-10');
    expect(formatDateTime('2023-03-15T09:36:26+00:00')).toBe('2023-03-15 17:36');
    expect(formatDateTime('2016-05-10')).toBe('2016-05-10');
  });

  it('says — for what is absent or unreadable', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
    expect(formatDateTime(undefined, '未开始')).toBe('未开始');
    expect(formatArea(null)).toBe('—');
  });

  it('groups thousands and keeps two decimals at most', () => {
    expect(formatNumber(67656.82)).toBe('67,656.82');
    expect(formatNumber(1234567.8912)).toBe('1,234,567.89');
    expect(formatNumber(999)).toBe('999');
    expect(formatArea(52000)).toBe('52,000 平方米');
  });
});
