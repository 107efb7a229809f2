/**
 * An item's steps as the page's table shows them: the API gives each step once per office that
 * did it (a district's window, say), so one row per step holds its cases at every office and the
 * spread of the offices' median times (medians of different offices cannot be merged into one).
 * Pure.
 */
import type { ItemStep } from './insight.types';

export interface StepSummary {
  name: string;
  offices: number;
  count: number;
  /** The lowest and highest of the offices' median service and waiting times; null when none has one. */
  service: [number, number] | null;
  waiting: [number, number] | null;
  /** The offices' own rows, busiest first. */
  rows: ItemStep[];
}

function span(values: (number | null)[]): [number, number] | null {
  const v = values.filter((x): x is number => x !== null);
  return v.length === 0 ? null : [Math.min(...v), Math.max(...v)];
}

/** In the order the API gives the steps (first appearance). */
export function summariseSteps(steps: ItemStep[]): StepSummary[] {
  const byName = new Map<string, ItemStep[]>();
  for (const s of steps) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  return [...byName].map(([name, rows]) => ({
    name,
    offices: rows.length,
    count: rows.reduce((n, r) => n + r.count, 0),
    service: span(rows.map((r) => r.service.p50)),
    waiting: span(rows.map((r) => r.waiting.p50)),
    rows: [...rows].sort((a, b) => b.count - a.count),
  }));
}

/** `0.7` or `0.7–1.3` working days; `—` when unknown. */
export const spanText = (s: [number, number] | null): string => (s === null ? '—' : s[0] === s[1] ? String(s[0]) : `${s[0]}–${s[1]}`);
