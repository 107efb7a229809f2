import { describe, expect, it } from 'vitest';
import { EMPTY_REVIEW, parseReviewState, reviewApiParams, reviewHref } from './review-state';

describe('the review queue’s filters in the URL', () => {
  it('reads and writes type, district, band and page, and round-trips', () => {
    const state = parseReviewState(new URLSearchParams('type=petition&district=洪山&band=high&page=3'));
    expect(state).toEqual({ type: 'petition', district: '洪山', band: 'high', page: 3 });
    expect(parseReviewState(new URLSearchParams(reviewHref(state).split('?')[1]))).toEqual(state);
    expect(reviewHref(EMPTY_REVIEW)).toBe('/links/review');
  });

  it('drops values the API would refuse', () => {
    expect(parseReviewState({ type: 'approval', band: 'best', page: '0' })).toEqual(EMPTY_REVIEW);
    expect(parseReviewState({ page: '2.5' }).page).toBe(1);
  });

  it('asks the API for suggestions, a band as score bounds that do not overlap', () => {
    expect(reviewApiParams(EMPTY_REVIEW)).toEqual({ status: 'suggested', page: 1 });
    expect(reviewApiParams({ ...EMPTY_REVIEW, type: 'meeting', district: '江岸', band: 'high' }))
      .toEqual({ status: 'suggested', type: 'meeting', district: '江岸', min_score: 0.9, page: 1 });
    const mid = reviewApiParams({ ...EMPTY_REVIEW, band: 'mid' });
    const low = reviewApiParams({ ...EMPTY_REVIEW, band: 'low' });
    expect(mid.min_score).toBe(0.6);
    expect(mid.max_score!).toBeLessThan(0.9);
    expect(low.max_score!).toBeLessThan(0.6);
    expect(low.min_score).toBeUndefined();
  });
});
