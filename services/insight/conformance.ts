/**
 * Conformance: closed cases whose steps differ from their item's standard sequence on the day
 * they were received (rules/process), listed with the deviation — a step skipped, a step
 * outside the standard or done twice, or steps done in an order the standard does not allow
 * (a sign-off before the review it signs breaks 三传件). Steps of one group (the co-reviews) have
 * no order among themselves, and a reordering that the analysis found as a pair (互为前置,
 * 潜在可并行) is the pair's finding, not a deviation of each of its cases.
 */
import { SIGN_OFF_STEPS, standardStepsOn } from '../../rules/index.ts';
import type { CaseStore } from './case-store.ts';
import { extraDetail, inversionDetail, skippedDetail } from './insight-texts.ts';
import type { CaseEvents, Deviation, PairFinding } from './insight-types.ts';

export function caseDeviations(c: CaseEvents, settledPairs: ReadonlySet<string> = new Set()): Deviation[] {
  const standard = standardStepsOn(c.item, c.receivedDay);
  if (!c.complete || !standard) return [];
  const done = c.steps.map((s) => s.name);
  const base = { approval_id: c.id, item: c.item, steps: done };
  const out: Deviation[] = [];
  const names = standard.map((s) => s.name);
  const skipped = names.filter((n) => !done.includes(n));
  if (skipped.length) out.push({ ...base, kind: 'skipped', detail: skippedDetail(skipped) });
  const extra = [...new Set(done.filter((n, i) => !names.includes(n) || done.indexOf(n) !== i))];
  if (extra.length) out.push({ ...base, kind: 'extra', detail: extraDetail(extra) });

  const layer = new Map<string, number>();
  for (const s of c.steps) if (!layer.has(s.name)) layer.set(s.name, s.layer);
  const inversions: string[] = [];
  for (let i = 0; i < standard.length; i++) {
    for (let j = i + 1; j < standard.length; j++) {
      const [x, y] = [standard[i]!, standard[j]!];
      if (x.group !== undefined && x.group === y.group) continue;
      const [lx, ly] = [layer.get(x.name), layer.get(y.name)];
      if (lx === undefined || ly === undefined || ly >= lx) continue;
      if (settledPairs.has(`${c.item}\u0000${x.name}\u0000${y.name}`)) continue;
      inversions.push(inversionDetail(y.name, x.name, SIGN_OFF_STEPS.has(y.name)));
    }
  }
  if (inversions.length) out.push({ ...base, kind: 'out_of_order', detail: inversions.join('；') });
  return out;
}

/** Every deviation of the store's closed cases, the found pairs' reorderings left to the pairs. */
export function findDeviations(store: CaseStore, pairs: readonly PairFinding[]): Deviation[] {
  const settled = new Set(pairs.flatMap((p) => [`${p.item}\u0000${p.a}\u0000${p.b}`, `${p.item}\u0000${p.b}\u0000${p.a}`]));
  const out: Deviation[] = [];
  store.forEach((c) => {
    out.push(...caseDeviations(c, settled));
  });
  return out;
}
