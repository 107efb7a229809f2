/**
 * Which of a hit's projects it is shown under. A record linked to one project is shown under it;
 * one linked to many (a builder's credit record lists every project of the builder, a meeting
 * decides several) is shown under the project whose name holds most of the query, so that a
 * search for 地铁集团将军路 shows the credit record under 将军路站, not under the builder's first
 * project. Ties keep the record's own order.
 */
import type { AnalyzedQuery } from '../../indexers/engines/search-engine.ts';
import { gramAlternatives } from '../../indexers/engines/word-grams.ts';
import { gramsOf } from '../../indexers/segment/grams.ts';
import { normalizeText } from '../../indexers/segment/normalize.ts';

const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;

/**
 * Names as normalized before, kept for the next page: a page of credit records carries thousands
 * of names, the same builders' from one search to the next, and normalizing 9,000 of them took
 * 6–10 ms. At most NAMES_KEPT, the oldest dropped first.
 */
const NAMES_KEPT = 50_000;
const normalizedCache = new Map<string, string>();

function normalizedName(name: string): string {
  let n = normalizedCache.get(name);
  if (n === undefined) {
    n = normalizeText(name);
    if (normalizedCache.size >= NAMES_KEPT) {
      for (const key of [...normalizedCache.keys()].slice(0, NAMES_KEPT / 10)) normalizedCache.delete(key);
    }
    normalizedCache.set(name, n);
  }
  return n;
}

/**
 * For each gram, the names holding it: found in the names joined (a bigram of Han characters is
 * held where its two characters stand side by side, and a line break joins no two), then, for a
 * run of letters or digits, checked against the name's own grams (`k2` is not a gram of `k23`).
 */
function holdersOf(names: readonly string[], grams: Iterable<string>): Map<string, Set<number>> {
  const text = names.join('\n').toLowerCase();
  const starts: number[] = [];
  let at = 0;
  for (const n of names) {
    starts.push(at);
    at += n.length + 1;
  }
  const nameAt = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const out = new Map<string, Set<number>>();
  for (const gram of grams) {
    const held = new Set<number>();
    for (let pos = text.indexOf(gram); pos >= 0; pos = text.indexOf(gram, pos + 1)) held.add(nameAt(pos));
    if (!HAN_BIGRAM.test(gram)) for (const i of held) if (!gramsOf(names[i]!).includes(gram)) held.delete(i);
    out.set(gram, held);
  }
  return out;
}

/** The index of the project to show the hit under (0 when it has one project or none). */
export function projectIndexOf(names: readonly string[], query: Pick<AnalyzedQuery, 'wordGroups' | 'gramGroups'>): number {
  if (names.length <= 1) return 0;
  const groups = query.gramGroups ?? query.wordGroups.map(gramAlternatives);
  const holders = holdersOf(names.map(normalizedName), new Set(groups.flat(2)));
  // How many groups each name holds (by any of a group's alternatives, all of its grams).
  const held = new Array<number>(names.length).fill(0);
  for (const alts of groups) {
    const holding = new Set<number>();
    for (const alt of alts) {
      const sets = alt.map((g) => holders.get(g)!).sort((a, b) => a.size - b.size);
      for (const i of sets[0] ?? []) if (sets.every((s) => s.has(i))) holding.add(i);
    }
    for (const i of holding) held[i]! += 1;
  }
  let best = 0;
  for (let i = 1; i < held.length; i++) if (held[i]! > held[best]!) best = i;
  return best;
}
