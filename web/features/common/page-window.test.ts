import { describe, expect, it } from 'vitest';
import { pageWindow } from './page-window';

describe('the pages a pager offers', () => {
  it('shows every page when there are few', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the first and last, two either side of the current, and marks the gaps', () => {
    expect(pageWindow(10, 50)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 50]);
    expect(pageWindow(1, 50)).toEqual([1, 2, 3, 'gap', 50]);
    expect(pageWindow(50, 50)).toEqual([1, 'gap', 48, 49, 50]);
  });

  it('fills a gap of one page with the page itself', () => {
    expect(pageWindow(4, 50)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 50]);
  });
});
