/**
 * Pairs of steps done in both orders in cases of one item, and what the order does:
 * - 互为前置 (mutual): the order changes how long the two steps take together — a prerequisite
 *   nobody has settled (a rank-sum test on their combined time, and a difference of at least a
 *   working day between the orders' medians);
 * - 潜在可并行 (parallel): the order changes nothing and different offices do them, so they could
 *   run side by side; what that saves is each case's critical path recomputed with the two in one
 *   layer (the second's hand-over and the shorter one's time).
 * Steps of one standard group (the co-reviews) run side by side already and are not pairs. An
 * order seen in a few cases only is a deviation of those cases (conformance), not a pair.
 */
import { standardSequence } from '../../rules/index.ts';
import type { CaseStore } from './case-store.ts';
import { mutualReason, parallelReason } from './insight-texts.ts';
import type { CaseEvents, PairFinding, StepEvent } from './insight-types.ts';
import { days1, median, rankSumZ } from './numbers.ts';

export const PAIR_RULES = {
  /** Cases in the rarer order, at least … */
  minCases: 5,
  /** … and at least this share of the cases that hold both steps. */
  minShare: 0.05,
  /** A material effect: this many working days between the orders' medians … */
  minEffectDays: 1,
  /** … and a rank-sum z this far from zero. */
  minZ: 3,
  /** Share of cases in which different offices did the two steps, for "different offices". */
  differentOffices: 0.9,
  examples: 5,
} as const;

interface Reference { rank(name: string): number; group(name: string): string | undefined }

function referenceOf(item: string): Reference {
  const std = standardSequence(item);
  const order = std ? std.steps.map((s) => s.name) : [];
  const groups = new Map((std?.steps ?? []).map((s) => [s.name, s.group]));
  // Steps the rules do not list are ranked after the standard ones, by name.
  return { rank: (n) => (order.includes(n) ? order.indexOf(n) : order.length), group: (n) => groups.get(n) };
}

const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

/** Steps done once in the case, by name. */
function once(c: CaseEvents): Map<string, StepEvent> {
  const seen = new Map<string, StepEvent | null>();
  for (const s of c.steps) seen.set(s.name, seen.has(s.name) ? null : s);
  return new Map([...seen].filter((e): e is [string, StepEvent] => e[1] !== null));
}

/** (a, b) in the reference's order; the same rank falls back on the name. */
function canonical(ref: Reference, x: string, y: string): [string, string] {
  const d = ref.rank(x) - ref.rank(y) || x.localeCompare(y);
  return d < 0 ? [x, y] : [y, x];
}

interface Observation { id: string; bFirst: boolean; span: number; saving: number; offices: [string, string] }

export function findPairs(store: CaseStore): PairFinding[] {
  const refs = new Map<string, Reference>();
  const ref = (item: string) => refs.get(item) ?? refs.set(item, referenceOf(item)).get(item)!;
  // Pass 1: orders against the reference, counted cheaply (most cases have none).
  const reversed = new Map<string, Map<string, number>>();
  store.forEach((c) => {
    if (!c.complete) return;
    const r = ref(c.item);
    const steps = [...once(c).values()];
    for (let i = 0; i < steps.length; i++) {
      for (let j = i + 1; j < steps.length; j++) {
        const [x, y] = [steps[i]!, steps[j]!];
        if (x.layer === y.layer || (r.group(x.name) !== undefined && r.group(x.name) === r.group(y.name))) continue;
        const [a, b] = canonical(r, x.name, y.name);
        const first = x.layer < y.layer ? x.name : y.name;
        if (first !== b) continue;
        const m = reversed.get(c.item) ?? reversed.set(c.item, new Map()).get(c.item)!;
        m.set(pairKey(a, b), (m.get(pairKey(a, b)) ?? 0) + 1);
      }
    }
  });
  const candidates = new Map<string, [string, string][]>();
  for (const [item, m] of reversed) {
    const list = [...m].filter(([, n]) => n >= PAIR_RULES.minCases).map(([k]) => k.split('\u0000') as [string, string]);
    if (list.length) candidates.set(item, list);
  }
  if (candidates.size === 0) return [];

  // Pass 2: every case holding a candidate pair, in either order.
  const seen = new Map<string, Observation[]>();
  store.forEach((c) => {
    const pairs = c.complete ? candidates.get(c.item) : undefined;
    if (!pairs) return;
    const steps = once(c);
    for (const [a, b] of pairs) {
      const [sa, sb] = [steps.get(a), steps.get(b)];
      if (!sa || !sb || sa.layer === sb.layer) continue;
      const span = Math.max(sa.finish, sb.finish) - Math.min(sa.start, sb.start);
      const k = `${c.item}\u0000${a}\u0000${b}`;
      (seen.get(k) ?? seen.set(k, []).get(k)!).push({
        id: c.id, bFirst: sb.layer < sa.layer, span, saving: Math.max(0, span - Math.max(sa.service, sb.service)), offices: [sa.office, sb.office],
      });
    }
  });

  const out: PairFinding[] = [];
  for (const [k, obs] of seen) {
    const [item, a, b] = k.split('\u0000') as [string, string, string];
    const ab = obs.filter((o) => !o.bFirst);
    const ba = obs.filter((o) => o.bFirst);
    const rarer = Math.min(ab.length, ba.length);
    if (rarer < PAIR_RULES.minCases || rarer / obs.length < PAIR_RULES.minShare) continue;
    const [mAb, mBa] = [median(ab.map((o) => o.span))!, median(ba.map((o) => o.span))!];
    const effect = mBa - mAb;
    const z = rankSumZ(ab.map((o) => o.span), ba.map((o) => o.span));
    const material = Math.abs(effect) >= PAIR_RULES.minEffectDays && Math.abs(z) >= PAIR_RULES.minZ;
    const offices: [string, string] = [modal(obs.map((o) => o.offices[0])), modal(obs.map((o) => o.offices[1]))];
    const base = { item, a, b, a_first: ab.length, b_first: ba.length, offices, effect: days1(effect)! };
    if (material) {
      const [worse, better] = effect > 0 ? [ba, mAb] : [ab, mBa];
      const excess = worse.map((o) => ({ id: o.id, d: Math.max(0, o.span - better) }));
      out.push({
        kind: 'mutual', ...base,
        saved_days_p50: days1(median(excess.map((e) => e.d)))!,
        saved_days_total: days1(excess.reduce((s, e) => s + e.d, 0))!,
        reason: mutualReason({ item, a, b, aFirst: ab.length, bFirst: ba.length, effect, worse: effect > 0 ? 'b' : 'a' }),
        example_cases: top(excess.map((e) => ({ id: e.id, v: e.d }))),
      });
      continue;
    }
    const apart = obs.filter((o) => o.offices[0] !== o.offices[1]).length / obs.length;
    if (apart < PAIR_RULES.differentOffices) continue;
    const saved = median(obs.map((o) => o.saving))!;
    out.push({
      kind: 'parallel', ...base,
      saved_days_p50: days1(saved)!,
      saved_days_total: days1(obs.reduce((s, o) => s + o.saving, 0))!,
      reason: parallelReason({ item, a, b, aFirst: ab.length, bFirst: ba.length, offices, saved }),
      example_cases: top(obs.map((o) => ({ id: o.id, v: o.saving }))),
    });
  }
  return out.sort((x, y) => y.saved_days_total - x.saved_days_total || x.item.localeCompare(y.item));
}

function modal(values: readonly string[]): string {
  const n = new Map<string, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]![0];
}

const top = (xs: { id: string; v: number }[]) =>
  xs.sort((x, y) => y.v - x.v || x.id.localeCompare(y.id)).slice(0, PAIR_RULES.examples).map((x) => x.id);
