import { describe, expect, it } from 'vitest';
import { caseParams, chosenItem, DEFAULT_INSIGHT, deviationParams, insightHref, itemPath, parseInsightState } from './insight-state';
import type { InsightSummary } from './insight.types';

const SUMMARY: InsightSummary = {
  status: 'ready', computed_at: '2026-12-02T09:00:00Z', duration_ms: 1200, cases: 30, steps: 200,
  items: [
    { item: '规划条件核实', cases: 4, cycle: { p50: 10, p90: 20 } },
    { item: '建设工程规划许可证', cases: 9, cycle: { p50: 30, p90: 55 } },
  ],
};

describe('流程分析 in the URL', () => {
  it('reads the item, the deviation kind and the pages, and goes back to the same URL', () => {
    const url = `/process?item=${encodeURIComponent('建设工程规划许可证（市政）')}&kind=out_of_order&page=2&cases=3`;
    const state = parseInsightState(new URL(url, 'http://x').searchParams);
    expect(state).toEqual({ item: '建设工程规划许可证（市政）', kind: 'out_of_order', page: 2, cases: 3 });
    expect(insightHref(state)).toBe(url);
    expect(insightHref(DEFAULT_INSIGHT)).toBe('/process');
  });

  it('drops an unknown kind and pages that are not pages', () => {
    expect(parseInsightState({ kind: 'late', page: '-1', cases: 'x' })).toEqual(DEFAULT_INSIGHT);
  });

  it('shows the item with the most cases unless one is chosen', () => {
    expect(chosenItem(DEFAULT_INSIGHT, SUMMARY)).toBe('建设工程规划许可证');
    expect(chosenItem({ ...DEFAULT_INSIGHT, item: '规划条件核实' }, SUMMARY)).toBe('规划条件核实');
    expect(chosenItem(DEFAULT_INSIGHT, { ...SUMMARY, items: [] })).toBe(null);
    expect(chosenItem(DEFAULT_INSIGHT, undefined)).toBe(null);
  });

  it('asks the API for the item by its name in the path, and for its pages', () => {
    expect(itemPath('建设用地规划许可（市政）')).toBe(`/api/insight/items/${encodeURIComponent('建设用地规划许可（市政）')}`);
    expect(deviationParams('X', { ...DEFAULT_INSIGHT, kind: 'skipped', page: 2 })).toEqual({ item: 'X', kind: 'skipped', page: 2, size: 20 });
    expect(caseParams('X', { ...DEFAULT_INSIGHT, cases: 4 })).toEqual({ item: 'X', page: 4, size: 20 });
  });
});
