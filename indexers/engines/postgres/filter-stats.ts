/**
 * What ANALYZE knows about the filter columns of each partition (status, item, districts,
 * project numbers, date), read from pg_stats and kept in memory beside ./table-stats.ts: the
 * share of a partition's rows a set of filters keeps, as the planner would estimate it
 * (independent columns). A count beyond the exact-count cap is the term's estimate times this
 * share, so a filter shows in it; a listing estimates its counts from it, and counts exactly
 * only where the estimate is small.
 */
import type { Queryable } from '../../../services/db/db.ts';
import { districtForms } from '../../districts.ts';
import { SEARCH_TYPES, type SearchFilters, type SearchType } from '../search-engine.ts';
import { partitionOf } from './postgres-schema.ts';

/** A scalar column: its common values' shares, and how the rest of the rows spread. */
interface ValueStats {
  nullFrac: number;
  distinct: number;
  common: Map<string, number>;
  commonTotal: number;
}

/** An array column: its common elements' shares; an unlisted element has less than `floor`. */
interface ElementStats {
  common: Map<string, number>;
  floor: number;
}

/** The date: common days, and the histogram of the others (as day numbers). */
interface DateStats {
  nullFrac: number;
  common: Map<number, number>;
  commonTotal: number;
  bounds: number[];
}

/** Missing where ANALYZE has not seen the column (an empty or never analyzed partition). */
export interface FilterStats {
  status?: ValueStats;
  item?: ValueStats;
  districts?: ElementStats;
  projects?: ElementStats;
  date?: DateStats;
}

const toDay = (iso: string) => Math.floor(Date.parse(iso.slice(0, 10)) / 86_400_000);
const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

function valueShare(s: ValueStats | undefined, value: string): number {
  if (!s) return 1;
  const listed = s.common.get(value);
  if (listed !== undefined) return listed;
  const others = s.distinct - s.common.size;
  // Every value the column holds is listed: this one is (almost) not there.
  if (others < 1) return 0;
  return Math.max(0, 1 - s.nullFrac - s.commonTotal) / others;
}

function elementShare(s: ElementStats | undefined, values: string[]): number {
  if (!s) return 1;
  const listed = values.map((v) => s.common.get(v)).filter((x): x is number => x !== undefined);
  return Math.min(1, listed.length > 0 ? sum(listed) : s.floor);
}

/** Share of the histogram at or below day `x`, interpolated within its bucket. */
function below(bounds: number[], x: number): number {
  const n = bounds.length;
  if (n === 0) return 0;
  if (x < bounds[0]!) return 0;
  if (x >= bounds[n - 1]!) return 1;
  let i = 0;
  while (bounds[i + 1]! <= x) i++;
  const width = bounds[i + 1]! - bounds[i]!;
  return (i + (width > 0 ? (x - bounds[i]!) / width : 0)) / (n - 1);
}

function dateShare(s: DateStats | undefined, from?: string, to?: string): number {
  if (!s || (!from && !to)) return 1;
  const lo = from ? toDay(from) : -Infinity;
  const hi = to ? toDay(to) : Infinity;
  let share = 0;
  for (const [d, f] of s.common) if (d >= lo && d <= hi) share += f;
  const spread = below(s.bounds, hi + 1) - below(s.bounds, lo);
  return share + Math.max(0, spread) * Math.max(0, 1 - s.nullFrac - s.commonTotal);
}

/** The share of a partition's rows the filters (other than type) may keep, in [0, 1]. */
export function filterShare(s: FilterStats, f: SearchFilters): number {
  let share = 1;
  if (f.status) share *= valueShare(s.status, f.status);
  if (f.item) share *= valueShare(s.item, f.item);
  if (f.district) share *= elementShare(s.districts, districtForms(f.district));
  if (f.project) share *= elementShare(s.projects, [f.project]);
  return share * dateShare(s.date, f.from, f.to);
}

interface StatsRow {
  tablename: string;
  attname: string;
  null_frac: number;
  n_distinct: number;
  vals: string[] | null;
  freqs: number[] | null;
  elems: string[] | null;
  elem_freqs: number[] | null;
  bounds: string[] | null;
}

export async function readFilterStats(db: Queryable, table: string): Promise<Record<SearchType, FilterStats>> {
  const names = SEARCH_TYPES.map((t) => partitionOf(table, t));
  const [sizes, stats] = await Promise.all([
    db.query<{ relname: string; rows: number }>('SELECT relname, greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE relname = ANY($1)', [names]),
    db.query<StatsRow>(
      `SELECT tablename, attname, null_frac, n_distinct, most_common_vals::text::text[] AS vals, most_common_freqs AS freqs,
         most_common_elems::text::text[] AS elems, most_common_elem_freqs AS elem_freqs, histogram_bounds::text::text[] AS bounds
       FROM pg_stats WHERE schemaname = current_schema() AND tablename = ANY($1) AND attname IN ('status', 'item', 'districts', 'project_nos', 'date')`,
      [names],
    ),
  ]);
  const out = {} as Record<SearchType, FilterStats>;
  for (const type of SEARCH_TYPES) {
    const name = partitionOf(table, type);
    const rows = Number(sizes.rows.find((r) => r.relname === name)?.rows ?? 0);
    const s: FilterStats = {};
    for (const r of stats.rows.filter((x) => x.tablename === name)) {
      const common = new Map((r.vals ?? []).map((v, i) => [v, r.freqs![i]!] as const));
      const commonTotal = sum(common.values());
      if (r.attname === 'status' || r.attname === 'item') {
        // n_distinct: a count when positive, minus a share of the rows when negative.
        const distinct = r.n_distinct < 0 ? -r.n_distinct * rows : r.n_distinct;
        s[r.attname] = { nullFrac: r.null_frac, distinct, common, commonTotal };
      } else if (r.attname === 'date') {
        const days = new Map([...common].map(([d, f]) => [toDay(d), f] as const));
        s.date = { nullFrac: r.null_frac, common: days, commonTotal, bounds: (r.bounds ?? []).map(toDay) };
      } else {
        // The element frequencies end with their minimum, maximum and the null share.
        const elems = r.elems ?? [];
        const listed = (r.elem_freqs ?? []).slice(0, elems.length);
        const stat = { common: new Map(elems.map((e, i) => [e, listed[i]!] as const)), floor: listed.length ? Math.min(...listed) / 2 : 0 };
        if (r.attname === 'districts') s.districts = stat;
        else s.projects = stat;
      }
    }
    out[type] = s;
  }
  return out;
}

type Entry = { table: string; stats: Promise<Record<SearchType, FilterStats>>; at: number; refreshing: boolean };

/**
 * Read on first use and again after `ttlMs` in the background, like ./table-stats.ts; one entry
 * per database (tests run several side by side, whose tables share names).
 */
export function filterStatsCache(ttlMs = 5 * 60_000) {
  const entries = new WeakMap<Queryable, Entry>();
  return async function filterStatsOf(db: Queryable, table: string): Promise<Record<SearchType, FilterStats>> {
    const current = entries.get(db);
    if (!current || current.table !== table) {
      const fresh: Entry = { table, stats: readFilterStats(db, table), at: Date.now(), refreshing: false };
      entries.set(db, fresh);
      fresh.stats.catch(() => entries.get(db) === fresh && entries.delete(db));
      return fresh.stats;
    }
    if (Date.now() - current.at > ttlMs && !current.refreshing) {
      current.refreshing = true;
      readFilterStats(db, table)
        .then((stats) => entries.get(db) === current && entries.set(db, { table, stats: Promise.resolve(stats), at: Date.now(), refreshing: false }))
        .catch(() => (current.refreshing = false));
    }
    return current.stats;
  };
}
