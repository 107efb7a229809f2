/**
 * The whole analysis over cases fed one at a time (as the store reads them, a page at a time):
 * each is turned into events and kept in columns; `result()` then runs the item statistics, the
 * bottlenecks, the pairs and conformance. Pure: no database, no clock but the working-day one.
 */
import { createWorkingClock, type WorkingClock } from '../../rules/index.ts';
import { toCaseEvents } from './case-events.ts';
import { createCaseStore } from './case-store.ts';
import { findBottlenecks } from './bottlenecks.ts';
import { findDeviations } from './conformance.ts';
import type { InsightResult, RawCase } from './insight-types.ts';
import { createItemStats, type ItemStats } from './item-stats.ts';
import { days1 } from './numbers.ts';
import { findPairs } from './pairs.ts';

export interface Analysis {
  add(raw: RawCase): void;
  /** Cases added so far. */
  readonly size: number;
  result(): InsightResult;
}

export function createAnalysis(clock: WorkingClock = createWorkingClock()): Analysis {
  const store = createCaseStore();
  const items = new Map<string, ItemStats>();
  return {
    add(raw) {
      const c = toCaseEvents(raw, clock);
      store.add(c);
      let stats = items.get(c.item);
      if (!stats) items.set(c.item, (stats = createItemStats(c.item)));
      stats.add(c);
    },
    get size() {
      return store.size;
    },
    result() {
      const pairs = findPairs(store);
      const caseCycles: InsightResult['caseCycles'] = [];
      store.forEach((c) => {
        if (c.complete) caseCycles.push({ approval_id: c.id, item: c.item, cycle_days: days1(c.cycle)! });
      });
      return {
        cases: caseCycles.length,
        steps: store.stepCount,
        items: [...items.values()].map((s) => s.result()).filter((i) => i.cases > 0).sort((a, b) => b.cases - a.cases || a.item.localeCompare(b.item)),
        bottlenecks: findBottlenecks(store, clock),
        pairs,
        deviations: findDeviations(store, pairs),
        caseCycles,
      };
    },
  };
}
