/**
 * 阻滞节点: a step at an office where, for months running, cases waited far longer than that step
 * usually waits there. Detected per step × office (the queue is the office's, whatever the item)
 * by month of arrival against the step's own baseline (its median waiting over all months), and
 * reported per item with what the stuck period cost: the excess waiting over the baseline summed
 * over the item's cases, the share of the step's time spent waiting, and how fast the queue grew.
 */
import type { WorkingClock } from '../../rules/index.ts';
import { monthText } from './case-events.ts';
import type { CaseStore } from './case-store.ts';
import { bottleneckReason } from './insight-texts.ts';
import type { Bottleneck } from './insight-types.ts';
import { Column, days1, median, quantile, slope } from './numbers.ts';

export const BOTTLENECK_RULES = {
  /** A step × office needs this many waits to have a baseline worth comparing against. */
  minCases: 30,
  /** A month is judged only with this many arrivals; thinner months neither count nor break a run. */
  minMonthCases: 5,
  /** A stuck month's median waiting exceeds the baseline by this many working days … */
  minExcessDays: 1,
  /** … and is this many times the baseline. */
  minRatio: 3,
  /** Stuck months in a row before it is a bottleneck and not a bad month. */
  minMonths: 2,
  examples: 5,
} as const;

const BEIJING_MS = 8 * 3_600_000;
const key = (name: string, office: string) => `${name}\u0000${office}`;

interface Period { step: string; office: string; from: number; to: number; baseline: number }

/** Runs of stuck months per step × office. */
function findPeriods(store: CaseStore): Period[] {
  const byKey = new Map<string, { step: string; office: string; all: Column; months: Map<number, Column> }>();
  store.forEach((c) => {
    for (const s of c.steps) {
      const k = key(s.name, s.office);
      let acc = byKey.get(k);
      if (!acc) byKey.set(k, (acc = { step: s.name, office: s.office, all: new Column(), months: new Map() }));
      acc.all.push(s.waiting);
      let m = acc.months.get(s.arrivalMonth);
      if (!m) acc.months.set(s.arrivalMonth, (m = new Column()));
      m.push(s.waiting);
    }
  });
  const periods: Period[] = [];
  const R = BOTTLENECK_RULES;
  for (const acc of byKey.values()) {
    if (acc.all.length < R.minCases) continue;
    const baseline = quantile(acc.all.sorted(), 0.5)!;
    const months = [...acc.months.keys()].sort((a, b) => a - b);
    let run: number[] = [];
    const close = () => {
      if (run.length >= R.minMonths) periods.push({ step: acc.step, office: acc.office, from: run[0]!, to: run.at(-1)!, baseline });
      run = [];
    };
    for (const m of months) {
      const col = acc.months.get(m)!;
      if (col.length < R.minMonthCases) continue;
      const w = median(col.values())!;
      const stuck = w - baseline >= R.minExcessDays && w >= R.minRatio * baseline;
      if (!stuck) close();
      else if (run.length > 0 && m - run.at(-1)! > 2) {
        close();
        run.push(m);
      } else run.push(m);
    }
    close();
  }
  return periods;
}

/** The first instant of the month after `m`, on the working-day clock. */
const monthEnd = (m: number, clock: WorkingClock) => clock.at(Date.UTC(Math.floor((m + 1) / 12), (m + 1) % 12, 1) - BEIJING_MS);

export function findBottlenecks(store: CaseStore, clock: WorkingClock): Bottleneck[] {
  const periods = findPeriods(store);
  if (periods.length === 0) return [];
  const byKey = new Map(periods.map((p) => [key(p.step, p.office), p]));
  type ItemAcc = { waits: Column; service: number; excess: number; examples: { id: string; w: number }[] };
  const perPeriod = new Map<Period, { items: Map<string, ItemAcc>; spans: { arrival: number; start: number }[] }>();
  store.forEach((c) => {
    for (const s of c.steps) {
      const p = byKey.get(key(s.name, s.office));
      if (!p || s.arrivalMonth < p.from - 1 || s.arrivalMonth > p.to) continue;
      let acc = perPeriod.get(p);
      if (!acc) perPeriod.set(p, (acc = { items: new Map(), spans: [] }));
      acc.spans.push({ arrival: s.arrival, start: s.start });
      if (s.arrivalMonth < p.from) continue;
      let it = acc.items.get(c.item);
      if (!it) acc.items.set(c.item, (it = { waits: new Column(), service: 0, excess: 0, examples: [] }));
      it.waits.push(s.waiting);
      it.service += s.service;
      it.excess += Math.max(0, s.waiting - p.baseline);
      it.examples.push({ id: c.id, w: s.waiting });
    }
  });

  const out: Bottleneck[] = [];
  for (const [p, acc] of perPeriod) {
    // The queue: cases that had reached the office and not yet been taken up, at each month's end.
    const queue: number[] = [];
    for (let m = p.from - 1; m <= p.to; m++) {
      const end = monthEnd(m, clock);
      queue.push(acc.spans.filter((x) => x.arrival <= end && x.start > end).length);
    }
    const growth = Math.round(slope(queue) * 10) / 10;
    for (const [item, it] of acc.items) {
      const waited = it.waits.values().reduce((a, b) => a + b, 0);
      const cost = days1(it.excess)!;
      if (cost <= 0) continue;
      const w = days1(quantile(it.waits.sorted(), 0.5));
      const base = days1(p.baseline);
      const [from, to] = [monthText(p.from), monthText(p.to)];
      out.push({
        item, step: p.step, office: p.office, from, to,
        cases: it.waits.length,
        waiting_p50: w,
        baseline_waiting_p50: base,
        cost_days: cost,
        wait_share: Math.round((waited / Math.max(1e-9, waited + it.service)) * 1000) / 1000,
        queue_growth: growth,
        reason: bottleneckReason({ item, step: p.step, office: p.office, from, to, cases: it.waits.length, waiting: w, baseline: base, growth, cost }),
        example_cases: it.examples.sort((a, b) => b.w - a.w || a.id.localeCompare(b.id)).slice(0, BOTTLENECK_RULES.examples).map((e) => e.id),
      });
    }
  }
  return out.sort((a, b) => b.cost_days - a.cost_days || a.item.localeCompare(b.item));
}
