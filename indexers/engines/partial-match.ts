/**
 * The fallback tier both engines share ("never an empty page when something is close"): when
 * the tiers that need every term found fewer records than the page needs, records holding part
 * of the query's word groups fill it. A group is worth what it tells apart (an idf-like weight
 * from how many rows hold it), a record's coverage is the weight of the groups it holds over the
 * weight of all, and only records covering at least half of it are shown, below every complete
 * match, each with the groups it lacks. Pure: the engines supply the shares and the matches.
 */
import type { SearchRequest } from './search-engine.ts';

/** Records covering less than this share of the query's weight are not shown. */
export const MIN_COVERAGE = 0.5;
/**
 * A partial hit scores TIER_BASE.partial (−40) + COVERAGE_SPAN × coverage + up to 10 for text rank
 * + 5 × prior: at most −5, below the lowest complete tier (chars, from 0).
 */
export const COVERAGE_SPAN = 20;
/** At most this many of the rarest groups select the candidates (see candidateGroups). */
export const MAX_CANDIDATE_GROUPS = 3;
/** A share below this is as telling as this: one row in ten thousand. */
const MIN_SHARE = 1e-4;

/** What a group is worth: rarer is worth more (a missing rare group costs more coverage). */
export const weightOf = (share: number) => Math.log(1 / Math.max(Math.min(share, 1), MIN_SHARE));

/** How a group is named to the user: its first alternative, as typed (`研发`, `公租房`). */
export const groupLabel = (group: readonly (readonly string[])[]) => (group[0] ?? []).join('');

/**
 * The most word groups a query may have for the partial tier: names as officers type them have a
 * handful; a pasted passage of thirty cost the tier 3–5 s on a small unanalyzed table (each
 * candidate row is tested for every group), and its source is found by the phrase tiers anyway.
 */
export const MAX_PARTIAL_GROUPS = 16;

/**
 * The request's groups when the partial tier applies to it: asked for (the default), ranked by
 * relevance (a date order would mix partial and complete matches), and with two groups at least
 * (with one, holding half of it is holding it) and MAX_PARTIAL_GROUPS at most.
 */
export function partialGroups(req: SearchRequest): string[][][] | null {
  if (req.partial === false || req.sort === 'date') return null;
  const groups = (req.query.wordGroups ?? []).filter((g) => g.some((alt) => alt.length > 0));
  return groups.length >= 2 && groups.length <= MAX_PARTIAL_GROUPS ? groups : null;
}

/**
 * The groups that select the candidates, rarest first: as many as it takes for their weight to
 * pass half of the total (then a record holding none of them cannot reach MIN_COVERAGE, so the
 * candidates miss nothing the tier could show), and at most MAX_CANDIDATE_GROUPS (bounded work;
 * a long query may then miss a few partial matches). Indexes into `weights`.
 */
export function candidateGroups(weights: readonly number[], shares: readonly number[] = weights.map((w) => Math.exp(-w))): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const order = weights.map((_, i) => i).sort((a, b) => shares[a]! - shares[b]! || weights[b]! - weights[a]!);
  const chosen: number[] = [];
  let sum = 0;
  for (const i of order) {
    if (chosen.length >= MAX_CANDIDATE_GROUPS || sum > total * (1 - MIN_COVERAGE)) break;
    // A group worth nothing (held by every record, or by none: withoutUnheld) selects nothing worth checking.
    if (weights[i]! <= 0) continue;
    chosen.push(i);
    sum += weights[i]!;
  }
  return chosen;
}

/**
 * The groups no record holds, when at least two groups records do hold (and that weigh something)
 * are left; else none. Every candidate lacks such a group alike (an officer adds 充电桩 to
 * `江夏妇幼保健院`, and no record says it), so it tells none apart, and weighed as the rarest of
 * words it sank the name the rest makes below the minimum coverage. With fewer left
 * (`火星基地`: only 基地 is held) they count: what records hold is a lesser part of the query.
 */
export function unheldGroups(weights: readonly number[], held: readonly boolean[]): number[] {
  const left = weights.filter((w, i) => held[i] && w > 0).length;
  return left >= 2 ? weights.flatMap((_, i) => (held[i] ? [] : [i])) : [];
}

/** The weights with the unheld groups (unheldGroups) counting for nothing; still shown as missing. */
export function withoutUnheld(weights: readonly number[], held: readonly boolean[]): number[] {
  const drop = new Set(unheldGroups(weights, held));
  return weights.map((w, i) => (drop.has(i) ? 0 : w));
}

/** The share of the query's weight the matched groups hold. */
export function coverageOf(matched: readonly boolean[], weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return 0;
  return matched.reduce((sum, m, i) => sum + (m ? weights[i]! : 0), 0) / total;
}

/** The labels of the groups not matched. */
export function missingOf(matched: readonly boolean[], groups: readonly (readonly (readonly string[])[])[]): string[] {
  return groups.flatMap((g, i) => (matched[i] ? [] : [groupLabel(g)]));
}
