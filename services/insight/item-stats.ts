/**
 * Per business item: each step's service and waiting time per office (p50, p90), the
 * directly-follows graph with its frequencies and hand-over times, the critical path over the
 * item's standard sequence, and the cycle time of its cases.
 */
import { standardSequence, type StandardStep } from '../../rules/index.ts';
import { Column, days1, p50p90, quantile } from './numbers.ts';
import type { CaseEvents, ItemInsight } from './insight-types.ts';

export const START = '开始';
export const END = '结束';

/** The standard's steps as layers: steps of one group side by side, the others one by one. */
export function standardLayers(steps: readonly StandardStep[]): string[][] {
  const layers: string[][] = [];
  steps.forEach((s, i) => {
    if (s.group !== undefined && i > 0 && steps[i - 1]!.group === s.group) layers.at(-1)!.push(s.name);
    else layers.push([s.name]);
  });
  return layers;
}

/** The longest path through layers run one after another: in each layer the step that takes longest. */
export function criticalPath(layers: readonly (readonly string[])[], duration: (name: string) => number | null): { steps: string[]; days: number } {
  const steps: string[] = [];
  let days = 0;
  for (const layer of layers) {
    let best: string | null = null;
    let bestDays = -1;
    for (const name of layer) {
      const d = duration(name);
      if (d !== null && d > bestDays) [best, bestDays] = [name, d];
    }
    if (best !== null) {
      steps.push(best);
      days += bestDays;
    }
  }
  return { steps, days: days1(days)! };
}

interface StepAcc { name: string; office: string; service: Column; waiting: Column }

export interface ItemStats {
  add(c: CaseEvents): void;
  result(): ItemInsight;
}

export function createItemStats(item: string): ItemStats {
  const steps = new Map<string, StepAcc>();
  const total = new Map<string, Column>();
  const edges = new Map<string, { from: string; to: string; waits: Column }>();
  const variants = new Map<string, number>();
  const cycles = new Column();

  const edge = (from: string, to: string, wait: number) => {
    const key = `${from}\u0000${to}`;
    let e = edges.get(key);
    if (!e) edges.set(key, (e = { from, to, waits: new Column() }));
    e.waits.push(Math.max(0, wait));
  };

  return {
    add(c) {
      if (!c.complete) return;
      cycles.push(c.cycle!);
      const variant = c.steps.map((s) => s.name).join('\u0000');
      variants.set(variant, (variants.get(variant) ?? 0) + 1);
      const last = c.steps.reduce((m, s) => Math.max(m, s.finish), -Infinity);
      const layers: (typeof c.steps)[] = [];
      for (const s of c.steps) (layers[s.layer] ??= []).push(s);
      for (const s of c.steps) {
        const key = `${s.name}\u0000${s.office}`;
        let acc = steps.get(key);
        if (!acc) steps.set(key, (acc = { name: s.name, office: s.office, service: new Column(), waiting: new Column() }));
        acc.service.push(s.service);
        acc.waiting.push(s.waiting);
        let t = total.get(s.name);
        if (!t) total.set(s.name, (t = new Column()));
        t.push(s.waiting + s.service);
        if (s.layer === 0) edge(START, s.name, s.waiting);
        else for (const b of layers[s.layer - 1]!) edge(b.name, s.name, s.start - b.finish);
        if (s.layer === layers.length - 1) edge(s.name, END, last - s.finish);
      }
    },

    result() {
      const rule = standardSequence(item);
      const current = rule ? rule.steps : null;
      // An item the rules do not know is drawn along its most frequent sequence.
      const common = [...variants.entries()].sort((x, y) => y[1] - x[1])[0]?.[0].split('\u0000') ?? [];
      const layers = current ? standardLayers(current) : common.map((n) => [n]);
      const order = layers.flat();
      const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
      const p50Of = new Map([...total.entries()].map(([name, col]) => [name, quantile(col.sorted(), 0.5)]));
      return {
        item,
        cases: cycles.length,
        standard: order,
        steps: [...steps.values()]
          .sort((x, y) => rank(x.name) - rank(y.name) || y.service.length - x.service.length || x.office.localeCompare(y.office))
          .map((s) => ({ name: s.name, office: s.office, count: s.service.length, service: p50p90(s.service.sorted()), waiting: p50p90(s.waiting.sorted()) })),
        edges: [...edges.values()]
          .sort((x, y) => y.waits.length - x.waits.length || x.from.localeCompare(y.from) || x.to.localeCompare(y.to))
          .map((e) => ({ from: e.from, to: e.to, count: e.waits.length, waiting_p50: days1(quantile(e.waits.sorted(), 0.5)) })),
        critical_path: criticalPath(layers, (name) => p50Of.get(name) ?? null),
        cycle: p50p90(cycles.sorted()),
      };
    },
  };
}
