/**
 * What ANALYZE knows about each partition of a search table, read from pg_stats and kept in
 * memory: how many rows and records it holds, and how often the common lexemes of each tsvector
 * column occur. The search decides how to walk each tier, and estimates large counts, from these
 * in microseconds; asking the planner instead meant an EXPLAIN per tier and per type, each a
 * round trip, and 10–25 ms on a connection's first use of a column's statistics at 1M rows.
 */
import type { Queryable } from '../../../services/db/db.ts';
import { SEARCH_TYPES, type SearchType } from '../search-engine.ts';
import { partitionOf } from './postgres-schema.ts';

export const VECTOR_COLUMNS = ['title_tsv', 'body_tsv', 'gram_tsv'] as const;
export type VectorColumn = (typeof VECTOR_COLUMNS)[number];

/** PostgreSQL's own guess for a lexeme of a column it has no statistics for. */
const DEFAULT_SHARE = 0.005;

interface ColumnStats {
  /** Share of the rows holding each common lexeme. */
  shares: Map<string, number>;
  /** What a lexeme missing from the list is taken to have: half the rarest listed one, as the planner does. */
  floor: number;
}

export interface PartitionStats {
  rows: number;
  /** Records per row: below 1 where long records are split into passages. */
  recordsPerRow: number;
  columns: Partial<Record<VectorColumn, ColumnStats>>;
}

export type TableStats = Record<SearchType, PartitionStats>;

/** Share of a partition's rows holding the lexeme: listed, or below the rarest listed, or the planner's guess without statistics. */
export function lexemeShare(p: PartitionStats, column: VectorColumn, lexeme: string): number {
  const c = p.columns[column];
  return c ? (c.shares.get(lexeme) ?? c.floor) : DEFAULT_SHARE;
}

const listedOnlyViews = new WeakMap<PartitionStats, PartitionStats>();
/**
 * The statistics with every unlisted lexeme taken as held by no row: a share that is there only
 * when ANALYZE saw the lexeme among the common ones. What a walk of the prior index is decided
 * by, where a guess for an unlisted lexeme (half the rarest listed share) is no evidence that a
 * term is common: in a partition of long texts the rarest of a thousand listed bigrams is in
 * about 5% of rows, and every rare word guessed at half of that walked a thousand rows in vain.
 */
export function listedOnly(p: PartitionStats): PartitionStats {
  let view = listedOnlyViews.get(p);
  if (!view) {
    const columns = Object.fromEntries(Object.entries(p.columns).map(([k, c]) => [k, { ...c, floor: 0 }]));
    listedOnlyViews.set(p, (view = { ...p, columns }));
  }
  return view;
}

/** Whether ANALYZE listed the lexeme among the column's common ones (else it may be held by no row at all). */
export function isListed(p: PartitionStats, column: VectorColumn, lexeme: string): boolean {
  return p.columns[column]?.shares.has(lexeme) ?? false;
}

/**
 * Share of a partition's rows that may hold all the lexemes: the rarest lexeme's share, an
 * upper bound. The lexemes of one query (bigrams of one phrase, words of one name) are far from
 * independent, so the truth sits near it, where their product (the planner's figure) was off by
 * four orders of magnitude for a boilerplate phrase of 公文.
 */
export function shareOfAll(p: PartitionStats, column: VectorColumn, lexemes: readonly string[]): number {
  if (lexemes.length === 0) return 0;
  return Math.min(...lexemes.map((l) => lexemeShare(p, column, l)));
}

/** The `k` lexemes the fewest rows hold, by the statistics (an unlisted lexeme is rarer than any listed). */
export function rarest(p: PartitionStats, column: VectorColumn, lexemes: readonly string[], k: number): string[] {
  return [...new Set(lexemes)].sort((a, b) => lexemeShare(p, column, a) - lexemeShare(p, column, b)).slice(0, k);
}

interface StatsRow {
  tablename: string;
  attname: string;
  elems: string[] | null;
  freqs: number[] | null;
  n_distinct: number | null;
}

export async function readTableStats(db: Queryable, table: string): Promise<TableStats> {
  const names = SEARCH_TYPES.map((t) => partitionOf(table, t));
  const [sizes, stats] = await Promise.all([
    db.query<{ relname: string; rows: number }>(
      'SELECT relname, greatest(reltuples, 0)::bigint AS rows FROM pg_class WHERE relname = ANY($1)',
      [names],
    ),
    db.query<StatsRow>(
      `SELECT tablename, attname, most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs, n_distinct
       FROM pg_stats WHERE schemaname = current_schema() AND tablename = ANY($1) AND attname IN ('title_tsv', 'body_tsv', 'gram_tsv', 'resource_id')`,
      [names],
    ),
  ]);
  const out = {} as TableStats;
  for (const type of SEARCH_TYPES) {
    const name = partitionOf(table, type);
    const rows = Number(sizes.rows.find((r) => r.relname === name)?.rows ?? 0);
    const p: PartitionStats = { rows, recordsPerRow: 1, columns: {} };
    for (const s of stats.rows.filter((x) => x.tablename === name)) {
      if (s.attname === 'resource_id') {
        // n_distinct: a count when positive, minus a share of the rows when negative.
        const distinct = s.n_distinct == null ? rows : s.n_distinct < 0 ? -s.n_distinct * rows : s.n_distinct;
        if (rows > 0) p.recordsPerRow = Math.min(1, distinct / rows);
      } else if (s.elems && s.freqs) {
        // The frequency list ends with the minimum and maximum (and, for arrays, the null share).
        const shares = new Map<string, number>();
        s.elems.forEach((e, i) => shares.set(e, s.freqs![i]!));
        const listed = s.freqs.slice(0, s.elems.length);
        p.columns[s.attname as VectorColumn] = { shares, floor: listed.length ? Math.min(...listed) / 2 : DEFAULT_SHARE };
      }
    }
    out[type] = p;
  }
  return out;
}

/**
 * Statistics of the live table, read on first use and refreshed in the background every
 * `ttlMs` (autovacuum re-analyzes a table as it changes); a search never waits for a refresh.
 * A table not analyzed yet has no statistics to keep: they are read again by each search until
 * it has them, so the first ANALYZE counts at once. Searches move to a new table when a reindex
 * switches generations; the old one's entry goes. Each database has its own entries (tables of
 * one name in two databases are two tables).
 */
export function tableStatsCache(ttlMs = 5 * 60_000) {
  type Entry = { stats: Promise<TableStats>; at: number; refreshing: boolean };
  const caches = new WeakMap<Queryable, Map<string, Entry>>();
  return async function statsOf(db: Queryable, table: string): Promise<TableStats> {
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = new Map()));
    const hit = cache.get(table);
    if (!hit || (await hit.stats.then(unanalyzed, () => true))) {
      if (!hit) cache.clear(); // the live table changed: the last one's statistics are of no more use
      const entry = { stats: readTableStats(db, table), at: Date.now(), refreshing: false };
      cache.set(table, entry);
      entry.stats.catch(() => cache.delete(table));
      return entry.stats;
    }
    if (Date.now() - hit.at > ttlMs && !hit.refreshing) {
      hit.refreshing = true;
      readTableStats(db, table)
        .then((s) => cache.set(table, { stats: Promise.resolve(s), at: Date.now(), refreshing: false }))
        .catch(() => (hit.refreshing = false));
    }
    return hit.stats;
  };
}

/** No partition has statistics of any text column: the table has not been analyzed since it was made. */
const unanalyzed = (s: TableStats) => Object.values(s).every((p) => Object.keys(p.columns).length === 0);
