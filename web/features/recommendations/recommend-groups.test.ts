import { describe, expect, it } from 'vitest';
import { FIRST_SHOWN, isAlert, shownRecommendations } from './recommend-groups';
import type { Recommendation } from './recommend.types';

const item = (i: number, over: Partial<Recommendation> = {}): Recommendation =>
  ({ type: 'document', id: `d${i}`, title: `公文${i}`, date: null, group: 'about', score: 1 - i / 100, project_no: null, reasons: [], ...over });

describe('shownRecommendations', () => {
  it('shows the first few in rank order until opened, then all', () => {
    const items = Array.from({ length: 12 }, (_, i) => item(i));
    expect(shownRecommendations(items, false).map((r) => r.id)).toEqual(items.slice(0, FIRST_SHOWN).map((r) => r.id));
    expect(shownRecommendations(items, true)).toHaveLength(12);
  });
});

describe('isAlert', () => {
  it("is a builder's 失信 record only", () => {
    expect(isAlert(item(1, { group: 'builder', type: 'credit', reasons: [{ kind: 'builder', text: '建设单位「甲」的信用记录：失信（欠薪）' }] }))).toBe(true);
    expect(isAlert(item(2, { group: 'builder', type: 'credit', reasons: [{ kind: 'builder', text: '建设单位「甲」的信用记录：守信' }] }))).toBe(false);
    expect(isAlert(item(3, { reasons: [{ kind: 'link', text: '失信' }] }))).toBe(false);
  });
});
