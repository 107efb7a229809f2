/**
 * The comparisons a model is estimated from: labelled pairs (a resource and a project it
 * belongs to) and random pairs (a resource and projects drawn at random, the same draw for the
 * same resource). Pure.
 */
import type { CandidateIndex } from './candidate-index.ts';
import { compare, scopeOf, type Levels, type Scope } from './features.ts';
import { itemAt } from './link-text.ts';
import type { Analysis } from './text-analysis.ts';

/** The levels of (resource, project `i`), in the item where the project is first named, else the whole text. */
export function pairLevels(index: CandidateIndex, a: Analysis, i: number): Levels {
  const mentions = a.candidates.get(i) ?? [];
  const item = a.perItem && mentions.length > 0 ? itemAt(a.text, mentions[0]!.start) : null;
  const all = a.evidence;
  // One scope per stretch of text, however many projects are compared with it.
  let scopes = SCOPES.get(a);
  if (!scopes) SCOPES.set(a, (scopes = new Map()));
  const from = item ? item.start : 0;
  let scope = scopes.get(from);
  if (!scope) scopes.set(from, (scope = item ? scopeOf(all, item.start, item.end) : scopeOf(all, 0, all.length)));
  return compare(index, i, all, scope, mentions, a.keys, a.names, a.at, a.officeDistrict).levels;
}

const SCOPES = new WeakMap<Analysis, Map<number, Scope>>();

/** `count` project indexes below `n`, drawn by a generator seeded from `seed`: the same for the same resource. */
export function randomProjects(seed: string, n: number, count: number): number[] {
  let h = 2166136261;
  for (let k = 0; k < seed.length; k++) h = Math.imul(h ^ seed.charCodeAt(k), 16777619);
  let state = h >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: number[] = [];
  for (let k = 0; k < count && n > 0; k++) out.push(Math.floor(next() * n));
  return out;
}
