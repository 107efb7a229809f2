/**
 * The query set of "search as officers name projects" (issue #10): queries drawn from the
 * corpus's projects the way officers type them (officer-query-classes.ts), each with every
 * project it legitimately denotes. A query denotes a project when each of its parts is found in
 * the right field of that project (the name part in its name, estate name or aliases, the
 * builder part in its builder, a district in its district…); queries that denote more than
 * MAX_EXPECTED projects are left out rather than guessed at.
 *
 * Two passes over the projects, both streaming: the first samples source projects per class
 * (seeded reservoirs) and counts two-character pieces of every 16th project's fields; the second
 * finds every project each drafted query denotes, through an index of the drafts by the rarest
 * two characters of their most telling part.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { createRng } from './rng.ts';
import { openJsonl } from './jsonl-writer.ts';
import { CLASS_SPECS, QUERY_CLASSES, aliasesOf, estateOf } from './officer-query-classes.ts';
import type { Draft, OfficerProject, QueryClass, Unit } from './officer-query-classes.ts';
import { builderBrand } from './officer-speech.ts';
import type { Field } from './officer-speech.ts';

export { QUERY_CLASSES };
export type { OfficerProject, QueryClass };

export interface OfficerQuery {
  q: string;
  class: QueryClass;
  /** Numbers of every project the query denotes (the source among them), in corpus order. */
  expected: string[];
  /** The project the query was drawn from, and its registered name. */
  source: string;
  source_name: string;
}

/** A query denoting more projects than this says too little to be scored; it is left out. */
export const MAX_EXPECTED = 3;
/**
 * Source projects sampled per query wanted: drafts fail, and ambiguous ones are left out; a
 * brand with a road is ambiguous most often (a big brand builds several estates along one road).
 */
const POOL_FACTOR: Readonly<Partial<Record<QueryClass, number>>> = { brand_and_place: 20 };
const DEFAULT_POOL_FACTOR = 6;

interface Planned extends Draft {
  cls: QueryClass;
  source: OfficerProject;
}

function slim(p: OfficerProject): OfficerProject {
  const { project_no, name, builder, address, district, estate_name, aliases } = p;
  return { project_no, name, builder, address, district, estate_name, aliases };
}

/** How common each two-character piece is in the projects' fields, from a sample. */
type Frequencies = Map<string, number>;
const SAMPLE_EVERY = 16;

function bigrams(v: string): string[] {
  const out: string[] = [];
  for (let k = 0; k + 2 <= v.length; k++) out.push(v.slice(k, k + 2));
  return out;
}

/** First pass: offer every project in corpus order; then `drafts()`. */
export function planOfficerQueries(seed: number, count: number) {
  const perClass = Math.ceil(count / QUERY_CLASSES.length);
  const rng = createRng(seed, 'officer-queries');
  const pools = QUERY_CLASSES.map((cls) => ({ seen: 0, size: perClass * (POOL_FACTOR[cls] ?? DEFAULT_POOL_FACTOR), kept: [] as OfficerProject[] }));
  const frequencies: Frequencies = new Map();
  let offered = 0;
  return {
    perClass,
    frequencies,
    offer(p: OfficerProject): void {
      if (!p.project_no || !p.name) return;
      if (offered++ % SAMPLE_EVERY === 0) {
        const f = fieldsOf(p);
        for (const v of [...f.name, ...f.builder, ...f.address]) for (const b of bigrams(v)) frequencies.set(b, (frequencies.get(b) ?? 0) + 1);
      }
      QUERY_CLASSES.forEach((cls, i) => {
        if (!CLASS_SPECS[cls].eligible(p)) return;
        const pool = pools[i]!;
        pool.seen += 1;
        if (pool.kept.length < pool.size) pool.kept.push(slim(p));
        else {
          const j = Math.floor(rng.next() * pool.seen);
          if (j < pool.size) pool.kept[j] = slim(p);
        }
      });
    },
    drafts(): Planned[] {
      const out: Planned[] = [];
      const seen = new Set<string>();
      QUERY_CLASSES.forEach((cls, i) => {
        for (const p of pools[i]!.kept) {
          // One stream per class and project, so a draft does not depend on the others.
          const d = CLASS_SPECS[cls].draft(p, createRng(seed, 'officer-query', cls, p.project_no!));
          if (!d || seen.has(d.q)) continue;
          seen.add(d.q);
          out.push({ ...d, units: d.units.map(normalizeUnit), cls, source: p });
        }
      });
      return out;
    },
  };
}

const nfkc = (s: string) => s.normalize('NFKC');
const normalizeUnit = (u: Unit): Unit => ({ any: [...new Set(u.any.map(nfkc).filter(Boolean))], in: u.in });

type Fields = Record<Field, string[]>;

/** A corpus has a few thousand builders at most: their brands are worked out once each. */
const brandCache = new Map<string, string[]>();

function brandsOf(p: OfficerProject, estate: string | null): string[] {
  let brands = p.builder ? brandCache.get(p.builder) : [];
  if (!brands) {
    brands = builderBrand(p.builder!).brands.map((b) => b.say);
    if (brandCache.size < 100_000) brandCache.set(p.builder!, brands);
  }
  const sold = estate?.includes('·') ? estate.slice(0, estate.indexOf('·')) : null;
  return sold ? [...brands, sold] : brands;
}

function fieldsOf(p: OfficerProject): Fields {
  const estate = estateOf(p);
  return {
    name: [p.name, ...(estate ? [estate] : []), ...aliasesOf(p)].map(nfkc),
    builder: p.builder ? [nfkc(p.builder)] : [],
    brand: brandsOf(p, estate),
    address: p.address ? [nfkc(p.address)] : [],
    district: p.district ? [p.district] : [],
    no: p.project_no ? [p.project_no] : [],
  };
}

/** District, brand and number are whole values; the rest are searched for parts. */
const EXACT = new Set<Field>(['district', 'brand', 'no']);

function unitHolds(u: Unit, f: Fields): boolean {
  return u.in.some((field) => f[field].some((v) => u.any.some((a) => (EXACT.has(field) ? v === a : v.includes(a)))));
}

/** Of a part's form, the two characters fewest projects hold. */
function rarestKey(a: string, freq: Frequencies): string {
  return bigrams(a).sort((x, y) => (freq.get(x) ?? 0) - (freq.get(y) ?? 0))[0]!;
}

/** The part to look drafts up by: a number, else the part whose forms are rarest (a district, 14 values, only as a last resort). */
function trigger(units: readonly Unit[], freq: Frequencies): Unit | null {
  const usable = units.filter((u) => u.any.length > 0 && (u.in.every((f) => EXACT.has(f)) || u.any.every((a) => a.length >= 2)));
  const cost = (u: Unit) => {
    if (u.in.includes('no')) return -1;
    // Few values, each held by thousands of projects.
    if (u.in.includes('district') || u.in.includes('brand')) return Number.MAX_SAFE_INTEGER;
    return u.any.reduce((n, a) => n + (freq.get(rarestKey(a, freq)) ?? 0), 0) * u.in.length;
  };
  return usable.sort((a, b) => cost(a) - cost(b))[0] ?? null;
}

/**
 * Second pass: `add` every project; `finish` keeps per class the first `perClass` drafts that
 * denote 1…MAX_EXPECTED projects. `frequencies` (from the first pass) only make it faster.
 */
export function matchOfficerQueries(drafts: readonly Planned[], frequencies: Frequencies = new Map()) {
  const index = new Map<Field, Map<string, number[]>>();
  const always: number[] = [];
  drafts.forEach((d, i) => {
    const t = trigger(d.units, frequencies);
    if (!t) {
      always.push(i);
      return;
    }
    for (const field of t.in) {
      const byKey = index.get(field) ?? new Map<string, number[]>();
      index.set(field, byKey);
      for (const a of t.any) {
        const key = EXACT.has(field) ? a : rarestKey(a, frequencies);
        const list = byKey.get(key) ?? [];
        if (list.at(-1) !== i) list.push(i);
        byKey.set(key, list);
      }
    }
  });
  const expected = drafts.map(() => [] as string[]);
  const stamp = new Int32Array(drafts.length).fill(-1);
  let n = 0;

  return {
    add(p: OfficerProject): void {
      if (!p.project_no) return;
      const f = fieldsOf(p);
      const check = (i: number) => {
        if (stamp[i] === n) return;
        stamp[i] = n;
        if (drafts[i]!.units.every((u) => unitHolds(u, f))) expected[i]!.push(p.project_no!);
      };
      for (const [field, byKey] of index) {
        for (const v of f[field]) {
            if (EXACT.has(field)) byKey.get(v)?.forEach(check);
          else for (let k = 0; k + 2 <= v.length; k++) byKey.get(v.slice(k, k + 2))?.forEach(check);
        }
      }
      always.forEach(check);
      n += 1;
    },
    finish(perClass: number): { queries: OfficerQuery[]; ambiguous: number; missed: number } {
      let ambiguous = 0;
      let missed = 0;
      const byClass = new Map<QueryClass, OfficerQuery[]>(QUERY_CLASSES.map((c) => [c, []]));
      drafts.forEach((d, i) => {
        const list = byClass.get(d.cls)!;
        if (list.length >= perClass) return;
        const exp = expected[i]!;
        // The source always denotes itself; a draft that says otherwise is a bug, counted for the tests.
        if (!exp.includes(d.source.project_no!)) missed += 1;
        else if (exp.length > MAX_EXPECTED) ambiguous += 1;
        else list.push({ q: d.q, class: d.cls, expected: exp, source: d.source.project_no!, source_name: d.source.name });
      });
      // Interleaved by class, so any prefix of the set is balanced.
      const queries: OfficerQuery[] = [];
      for (let k = 0; k < perClass; k++) for (const c of QUERY_CLASSES) if (byClass.get(c)![k]) queries.push(byClass.get(c)![k]!);
      return { queries, ambiguous, missed };
    },
  };
}

/** The query set for projects held in memory (tests, small corpora): `count` queries at most, spread over the classes. */
export function officerQueries(projects: readonly OfficerProject[], seed: number, count: number): OfficerQuery[] {
  const plan = planOfficerQueries(seed, count);
  for (const p of projects) plan.offer(p);
  const match = matchOfficerQueries(plan.drafts(), plan.frequencies);
  for (const p of projects) match.add(p);
  return match.finish(plan.perClass).queries;
}

/** The second pass over a written projects.jsonl, then officer-queries.jsonl; returns how many were written. */
export async function writeOfficerQueries(plan: ReturnType<typeof planOfficerQueries>, projectsFile: string, outFile: string): Promise<number> {
  const match = matchOfficerQueries(plan.drafts(), plan.frequencies);
  const lines = readline.createInterface({ input: fs.createReadStream(projectsFile, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of lines) if (line) match.add(JSON.parse(line) as OfficerProject);
  const { queries } = match.finish(plan.perClass);
  const out = openJsonl(outFile);
  try {
    for (const q of queries) await out.write(q);
    await out.close();
  } catch (err) {
    out.abort();
    throw err;
  }
  return queries.length;
}
