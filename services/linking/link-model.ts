/**
 * The Fellegi–Sunter model: for each resource type and feature level, m = P(level | the pair is
 * a match), u = P(level | a random pair), and the weight log2(m/u) in bits. m comes from labelled
 * pairs (records' own project numbers, and pairs a person confirmed), u from random pairs; both
 * smoothed. A pair's score is the prior log-odds plus the weights of its levels, less a
 * term-frequency penalty when the matched value is carried by many projects (Splink's term
 * frequency adjustment). Pure; the model is stored as JSON with a version (linker_models).
 */
import { FEATURES, FEATURE_NAMES, type Comparison, type Feature, type Levels } from './features.ts';

export const LINK_TYPES = ['petition', 'document', 'meeting'] as const;
export type LinkType = (typeof LINK_TYPES)[number];
export const isLinkType = (t: string): t is LinkType => (LINK_TYPES as readonly string[]).includes(t);

/** Bumped when features or levels change meaning: a stored model of another set is re-estimated. */
export const FEATURE_SET = 8;

export interface LevelWeight {
  m: number;
  u: number;
  /** log2(m/u), in bits. */
  w: number;
}

export interface TypeModel {
  /** log2 of the prior odds that a random (resource, project) pair is a match. */
  prior: number;
  levels: { [F in Feature]: Record<string, LevelWeight> };
  /** How many labelled and random pairs the estimate saw. */
  matches: number;
  randoms: number;
}

export interface Thresholds {
  /** Linked by itself at or above this match probability… */
  auto: number;
  /** …and at least this many bits above the next project the same mention could be. */
  margin: number;
  /** Suggested for review at or above this probability. */
  suggest: number;
  /** At most this many suggestions per resource. */
  maxSuggestions: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { auto: 0.95, margin: 3, suggest: 0.05, maxSuggestions: 3 };

export interface LinkerModel {
  featureSet: number;
  types: Record<LinkType, TypeModel>;
  /** Per type: calibrated on labelled resources where they allow it (see `calibrate`), else the defaults. */
  thresholds: Record<LinkType, Thresholds>;
}

export interface TrainingSample {
  /** Feature levels of labelled matches. */
  matches: Levels[];
  /** Feature levels of random pairs. */
  randoms: Levels[];
  /**
   * Feature levels of pairs the blocking compares (a sampled resource and its candidates, less the
   * labelled matches): u of plot and phase comes from here, since a random pair hardly ever names
   * a plot or phase at all, while a candidate that disagrees on one is exactly what to weigh.
   */
  blocked: Levels[];
  /** How many projects a random pair's project is drawn from. */
  projects: number;
  /** Mean number of projects a resource of the type belongs to (from the labelled resources). */
  linksPerResource: number;
}

/** Pseudo-count pulling a type's m toward the estimate pooled over all types. */
const POOL_STRENGTH = 20;
/** Pseudo-count pulling a type's u toward the pooled u: felt only where a type saw a level (almost) never. */
const U_POOL_STRENGTH = 500;
/** Features whose u is estimated on blocked pairs (see TrainingSample.blocked). */
const BLOCKED_U: ReadonlySet<Feature> = new Set(['plot', 'phase', 'kind']);

/**
 * Levels in order of evidence, best first: a closer match never weighs less than a looser one
 * (pool-adjacent-violators merges levels that the data would otherwise invert).
 */
const ORDER: Partial<Record<Feature, readonly string[][]>> = {
  key: [['project_no', 'certificate', 'doc_no', 'none']],
  name: [['unique', 'whole', 'near', 'most', 'some', 'none'], ['common', 'none']],
  alias: [['also', 'none']],
  role: [['heading', 'body', 'none']],
  brand: [['whole', 'short', 'none']],
  road: [['two', 'one', 'none']],
  street: [['agree', 'none']],
  plot: [['agree', 'not_stated', 'disagree']],
  phase: [['agree', 'not_stated', 'disagree']],
  district: [['agree', 'not_stated', 'differs']],
  kind: [['agree', 'not_stated', 'differs']],
};

/**
 * Bounds on weights that the bureau's experience sets and a sample cannot: a writer may name the
 * wrong district (江夏区 for a site just across the line), so a differing district is a mild
 * penalty however rarely the labelled records show one.
 */
const BOUNDS: Partial<Record<`${Feature}:${string}`, readonly [number, number]>> = {
  'district:differs': [-3, 0],
  // What a text leaves unsaid (no brand, no street, no district) is weak evidence: people and minutes
  // name a project by what they know of it, however regularly the labelled records say more.
  'key:none': [-1.5, 0],
  'brand:none': [-1.5, 0],
  'road:none': [-1.5, 0],
  'street:none': [-1.5, 0],
  'district:not_stated': [-1.5, 0],
  'kind:not_stated': [-1.5, 0],
  'plot:not_stated': [-1.5, 0],
  'phase:not_stated': [-1.5, 0],
  'name:none': [-4, 0],
  // A date outside the project's time is a hint, not a veto: records are late, plans are talked about early.
  'when:before': [-3, 0],
  'when:after': [-2, 0],
  // Letters are sent on to the wrong branch now and then.
  'office:differs': [-2, 0],
  // A second name of the project adds to the first, but two names are not a number: no more than a road or a street.
  'alias:also': [0, 6],
  // That a project has no brand, road or street on file says little either way.
  'brand:absent': [-1, 1],
  'road:absent': [-1, 1],
  'street:absent': [-1, 1],
};

/** Merges adjacent levels of a chain until weights fall along it (pooled m and u, so the merged weight is the pooled evidence). */
function monotone(levels: Record<string, LevelWeight>, chain: readonly string[]): void {
  const blocks = chain.map((l) => ({ names: [l], m: levels[l]!.m, u: levels[l]!.u }));
  const w = (b: { m: number; u: number }) => Math.log2(b.m / b.u);
  for (let k = 0; k + 1 < blocks.length; ) {
    if (w(blocks[k]!) < w(blocks[k + 1]!)) {
      const a = blocks[k]!;
      const b = blocks.splice(k + 1, 1)[0]!;
      a.names.push(...b.names);
      a.m += b.m;
      a.u += b.u;
      if (k > 0) k--;
    } else k++;
  }
  for (const b of blocks) for (const name of b.names) levels[name] = { ...levels[name]!, w: w(b) };
}

function counts(rows: readonly Levels[], f: Feature): Map<string, number> {
  const c = new Map<string, number>();
  for (const r of rows) c.set(r[f], (c.get(r[f]) ?? 0) + 1);
  return c;
}

/** Estimates m, u and weights per type; a type without labelled pairs borrows the pooled m. */
/** A reference m and u per type, feature and level, that a small sample updates rather than replaces. */
export type ModelPrior = Partial<Record<LinkType, Partial<Record<Feature, Record<string, { m: number; u: number }>>>>>;

/** How many labelled pairs the prior's m counts as, and how many random pairs its u. */
const PRIOR_M = 50;
const PRIOR_U = 5000;

/** The prior's m and u from a stored model: what `estimateModel` takes as `prior`. */
export function priorOf(model: LinkerModel): ModelPrior {
  const out: ModelPrior = {};
  for (const type of LINK_TYPES) {
    const levels = model.types[type]?.levels;
    if (!levels) continue;
    out[type] = Object.fromEntries(FEATURE_NAMES.filter((f) => levels[f]).map((f) => [f,
      Object.fromEntries(Object.entries(levels[f]).map(([level, x]) => [level, { m: x.m, u: x.u }]))]));
  }
  return out;
}

export function estimateModel(
  samples: Record<LinkType, TrainingSample>, thresholds: Thresholds = DEFAULT_THRESHOLDS, prior: ModelPrior | null = null,
): LinkerModel {
  const allMatches = LINK_TYPES.flatMap((t) => samples[t].matches);
  const nonMatches = (t: LinkType, f: Feature) => (BLOCKED_U.has(f) ? samples[t].blocked : samples[t].randoms);
  const types = {} as Record<LinkType, TypeModel>;
  for (const type of LINK_TYPES) {
    const s = samples[type];
    const levels = {} as TypeModel['levels'];
    for (const f of FEATURE_NAMES) {
      const names: readonly string[] = FEATURES[f];
      const pooled = counts(allMatches, f);
      const own = counts(s.matches, f);
      const allNon = LINK_TYPES.flatMap((t) => nonMatches(t, f));
      const pooledNon = counts(allNon, f);
      const non = nonMatches(type, f);
      const ownNon = counts(non, f);
      const out: Record<string, LevelWeight> = {};
      // A random pair is a match with probability λ: what random pairs show is λ·m + (1 − λ)·u, so
      // u is that less the matches' share. It matters where u is as small as λ·m (a project's own
      // name in a text: most random pairs that show it are the project's own resources).
      const lambda = BLOCKED_U.has(f) ? 0 : Math.min(0.5, s.linksPerResource / Math.max(1, s.projects));
      for (const level of names) {
        // Laplace over the pooled pairs, then the type's own pairs pulled toward it.
        // With a reference estimate (a prior), the type's own pairs update it, as pseudo-counts; without
        // one, Laplace over the pooled pairs, then the type's own pairs pulled toward that.
        const ref = prior?.[type]?.[f]?.[level];
        const q = ((pooled.get(level) ?? 0) + 1) / (allMatches.length + names.length);
        const m = ref
          ? ((own.get(level) ?? 0) + PRIOR_M * ref.m) / (s.matches.length + PRIOR_M)
          : ((own.get(level) ?? 0) + POOL_STRENGTH * q) / (s.matches.length + POOL_STRENGTH);
        const v = ((pooledNon.get(level) ?? 0) + 0.5) / (allNon.length + 0.5 * names.length);
        const seenU = ((ownNon.get(level) ?? 0) + U_POOL_STRENGTH * v) / (non.length + U_POOL_STRENGTH);
        // (The prior's u is already a non-match rate: only the pairs seen here are corrected.)
        const u = ref
          ? Math.max(1e-9, (Math.max(0, (ownNon.get(level) ?? 0) - lambda * m * non.length) / (1 - lambda) + PRIOR_U * ref.u) / (non.length + PRIOR_U))
          : Math.max(seenU / 10, (seenU - lambda * m) / (1 - lambda));
        // A level never seen, among matches or others, carries no evidence either way.
        const seen = ref !== undefined || (pooled.get(level) ?? 0) + (pooledNon.get(level) ?? 0) > 0;
        out[level] = { m, u, w: seen ? Math.log2(m / u) : 0 };
      }
      for (const chain of ORDER[f] ?? []) monotone(out, chain);
      for (const level of names) {
        const bound = BOUNDS[`${f}:${level}`];
        if (bound) out[level]!.w = Math.min(bound[1], Math.max(bound[0], out[level]!.w));
      }
      levels[f] = out as TypeModel['levels'][typeof f];
    }
    const lambda = Math.min(0.5, Math.max(1e-9, s.linksPerResource / Math.max(1, s.projects)));
    types[type] = { prior: Math.log2(lambda / (1 - lambda)), levels, matches: s.matches.length, randoms: s.randoms.length };
  }
  return { featureSet: FEATURE_SET, types, thresholds: { petition: { ...thresholds }, document: { ...thresholds }, meeting: { ...thresholds } } };
}

/**
 * The share of auto links that must be right on the labelled resources, above the goal (0.98): the
 * records that declare their project are cleaner than the rest (a lower 95% bound at 0.98 instead
 * let petitions at 10,000 projects fall to 94%).
 */
export const TARGET_PRECISION = 0.99;
/** The lowest auto threshold calibration may set. */
const MIN_AUTO = 0.5;
/** Fewer auto decisions than this on labelled resources say too little to move a threshold. */
const MIN_CALIBRATION_POINTS = 30;
/** Suggestions reach down to where this share of the labelled matches the linker proposes lies above. */
const SUGGEST_RECALL = 0.99;

/**
 * Thresholds from labelled resources (their own project numbers, people's confirmations): the
 * lowest auto probability at which the auto decisions made on them are right at least
 * TARGET_PRECISION of the time, and the suggestion band that keeps SUGGEST_RECALL of the labelled
 * matches. `autoPoints` are the slot winners (with their margin) scored on those resources;
 * `matchBits` the scores of every proposal that was a labelled match. Keeps `base` where the data
 * are too few or never reach the target (resources whose labels are incomplete, like minutes
 * whose index misses a project, make it unreachable).
 */
export function calibrate(base: Thresholds, autoPoints: readonly { bits: number; match: boolean }[], matchBits: readonly number[]): Thresholds {
  const sorted = [...autoPoints].sort((a, b) => b.bits - a.bits);
  let right = 0;
  let auto: number | null = null;
  sorted.forEach((p, k) => {
    if (p.match) right++;
    const last = k + 1 === sorted.length || sorted[k + 1]!.bits < p.bits;
    if (last && k + 1 >= MIN_CALIBRATION_POINTS && right / (k + 1) >= TARGET_PRECISION) auto = probabilityOf(p.bits);
  });
  const bits = [...matchBits].sort((a, b) => a - b);
  const q = bits.length >= MIN_CALIBRATION_POINTS ? bits[Math.floor((1 - SUGGEST_RECALL) * bits.length)]! : null;
  return {
    ...base,
    // Never below even odds, however well the labelled winners fare: auto means more likely than not.
    auto: Math.max(MIN_AUTO, auto ?? base.auto),
    suggest: q === null ? base.suggest : Math.min(base.suggest, probabilityOf(q)),
  };
}

export interface ScorePart {
  feature: Feature;
  level: string;
  /** The level's weight in bits, after the term-frequency penalty. */
  weight: number;
}

export interface Score {
  /** Prior plus the parts, in bits. */
  total: number;
  probability: number;
  parts: ScorePart[];
}

/** A rare value adds at most log2(1/MIN_TF) = 2 bits to its level's weight. */
const MIN_TF = 0.25;

export const probabilityOf = (bits: number): number => 1 / (1 + 2 ** -bits);

export function scoreComparison(model: LinkerModel, type: LinkType, c: Comparison): Score {
  const tm = model.types[type];
  const parts: ScorePart[] = [];
  let total = tm.prior;
  for (const f of FEATURE_NAMES) {
    const level = c.levels[f];
    let w = tm.levels[f][level]?.w ?? 0;
    const tf = c.tf[f];
    // Term-frequency adjustment: a value many projects carry says less than the level's average, a rare one a little more.
    if (w > 0 && tf !== undefined) w = Math.max(0, w - Math.log2(Math.max(MIN_TF, tf)));
    total += w;
    parts.push({ feature: f, level, weight: w });
  }
  return { total, probability: probabilityOf(total), parts };
}
