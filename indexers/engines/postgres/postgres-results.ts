/**
 * What searches (./postgres-search.ts) and listings (./postgres-browse.ts) share on PostgreSQL:
 * reads with sequential scans off, the page of hits cut from their candidate rows, and the
 * counts per tab: exact up to COUNT_CAP records per type, estimates beyond, flagged as such.
 * Estimates come from the statistics in memory (./table-stats.ts, ./filter-stats.ts), so a
 * common term or a broad listing costs no scan to count.
 */
import type { Db, Queryable } from '../../../services/db/db.ts';
import type { SearchHit, SearchRequest, SearchResult, SearchType } from '../search-engine.ts';
import { SEARCH_TYPES } from '../search-engine.ts';
import { missingOf } from '../partial-match.ts';
import { filterShare, type FilterStats } from './filter-stats.ts';
import { Params, broadMatch, filterSql, shareOf, type Tier } from './postgres-matches.ts';
import { partitionOf } from './postgres-schema.ts';
import type { PartitionStats } from './table-stats.ts';

/** Exact counts stop here, per type; beyond it, counts are estimates. */
export const COUNT_CAP = 1_000;
/** Below this estimate a type is counted (up to COUNT_CAP); statistics are an upper bound, often well above the truth. */
export const COUNT_TRY = COUNT_CAP * 4;

/**
 * Runs a read with sequential scans off: every condition here has an index, and a scan that
 * stops after k matches looks cheap to the planner where each row it passes costs a tsvector
 * unpacked, which its cost model leaves out.
 */
export function indexed<T>(db: Db, sql: string, values: unknown[]): Promise<T[]> {
  return db.transaction(async (tx: Queryable) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    return (await tx.query<T>(sql, values)).rows;
  });
}

/** A candidate row as the searches and listings select it. */
export interface Row {
  tier: Tier;
  type: SearchType;
  resource_id: string;
  passage: number;
  title: string;
  body: string;
  date: string | null;
  status: string | null;
  project_nos: string[];
  project_names: string[];
  prior: number;
  rank: number;
  /** The partial tier's: which word groups the row holds (in the query's order), and their share of its weight. */
  groups?: boolean[] | null;
  coverage?: number | null;
}

/**
 * The page asked for: each record once (its best-scored row), ranked or newest first, collapsed
 * per project when asked. A partial hit says which of `groups` (the partial tier's) it lacks.
 */
export function pageOf(rows: Row[], req: SearchRequest, score: (r: Row) => number, byDate: boolean, groups?: string[][][]): SearchHit[] {
  const best = new Map<string, { row: Row; score: number }>();
  for (const row of rows) {
    const key = `${row.type}:${row.resource_id}`;
    const s = score(row);
    const seen = best.get(key);
    if (!seen || s > seen.score) best.set(key, { row, score: s });
  }
  let ranked = [...best.values()];
  ranked.sort((a, b) => (byDate ? (b.row.date ?? '').localeCompare(a.row.date ?? '') || b.score - a.score : b.score - a.score));
  if (req.collapse) {
    const projects = new Set<string>();
    ranked = ranked.filter(({ row }) => {
      const first = row.project_nos[0];
      if (!first) return true;
      if (projects.has(first)) return false;
      projects.add(first);
      return true;
    });
  }
  return ranked.slice(req.offset, req.offset + req.size).map(({ row, score: s }) => ({
    type: row.type,
    id: row.resource_id,
    passage: row.passage,
    title: row.title,
    body: row.body,
    date: row.date,
    status: row.status,
    projectNos: row.project_nos,
    projectNames: row.project_names,
    score: Math.round(s * 1000) / 1000,
    matched: row.tier,
    ...(row.tier === 'partial' && groups && row.groups ? { missing: missingOf(row.groups, groups) } : {}),
  }));
}

/**
 * The page's texts and full project lists, read for its hits only: the tiers carry light rows
 * (a hit's first project, no body) because a builder's credit record lists hundreds of projects,
 * and a hundred such candidates came back as 4.6 MB for a page of twenty. By each partition's
 * resource index; a record's passages are told apart by number.
 */
export async function withTexts(db: Db, table: string, hits: SearchHit[]): Promise<SearchHit[]> {
  if (hits.length === 0) return hits;
  const p = new Params();
  // The partitions in the order every statement here names them (and DROP TABLE takes them): read
  // in the page's order, a search and a reindex dropping the old generation deadlocked.
  const types = SEARCH_TYPES.filter((t) => hits.some((h) => h.type === t));
  const sql = types.map((type) => {
    const of = hits.filter((h) => h.type === type);
    // Only the passage shown: every passage of a long credit record repeats its project lists.
    return `SELECT d.type, d.resource_id, d.passage, d.body, cardinality(d.project_nos) AS n_nos,
        array_to_string(d.project_nos, ${LIST_SEP}, '') AS project_nos, array_to_string(d.project_names, ${LIST_SEP}, '') AS project_names
      FROM ${partitionOf(table, type)} d
      JOIN unnest(${p.add(of.map((h) => h.id))}::text[], ${p.add(of.map((h) => h.passage))}::int[]) AS page(id, passage)
        ON d.resource_id = page.id AND d.passage = page.passage
      WHERE d.type = '${type}'`;
  }).join(' UNION ALL ');
  const texts = new Map<string, { body: string; project_nos: string[]; project_names: string[] }>();
  for (const r of (await db.query<{ type: string; resource_id: string; passage: number; body: string; n_nos: number | null; project_nos: string | null; project_names: string | null }>(sql, p.values)).rows) {
    texts.set(`${r.type}:${r.resource_id}:${r.passage}`, { body: r.body, project_nos: listOf(r.project_nos, r.n_nos), project_names: listOf(r.project_names, r.n_nos) });
  }
  return hits.map((h) => {
    const t = texts.get(`${h.type}:${h.id}:${h.passage}`);
    return t ? { ...h, body: t.body, projectNos: t.project_nos, projectNames: t.project_names } : h;
  });
}

/**
 * Project lists travel as one text each, their items joined by a separator no number or name
 * holds: a page of builders' credit records carries thousands of them, and the driver's parser of
 * array literals took most of the page's read. Empty items stand for nulls, keeping the lists aligned.
 */
const LIST_SEP = `E'\\x1f'`;
function listOf(joined: string | null, n: number | null): string[] {
  if (joined === null || !n) return [];
  return joined.split('\x1f');
}

export type Counts = Omit<SearchResult, 'hits'>;

export const summed = (counts: Partial<Record<SearchType, number>>, totalIsEstimate: boolean): Counts =>
  ({ total: Object.values(counts).reduce((a, b) => a + (b ?? 0), 0), totalIsEstimate, counts });

/**
 * Per-type counts of the records a search matches, for every tab whichever is shown. A type
 * whose statistics say the match is small, or that is filtered (a filter can make a common term
 * rare), is counted exactly, at most COUNT_CAP rows of it; a type where the match is large, or
 * whose count reaches the cap, gets an estimate, flagged as such: the statistics' figure for
 * the term, times the share of rows the filters keep, and never below the cap.
 */
export async function countMatches(
  db: Db,
  table: string,
  req: SearchRequest,
  stats: Record<SearchType, PartitionStats>,
  kept: Record<SearchType, FilterStats> | null,
): Promise<Counts> {
  const alternatives = broadMatch(req);
  const estimateOf = (type: SearchType) => {
    const part = stats[type];
    // The alternatives match largely the same rows (a text with the words has their characters).
    const rows = Math.max(...alternatives.map((m) => shareOf(part, m))) * part.rows;
    return kept ? rows * filterShare(kept[type], req.filters) : rows;
  };
  const counts: Partial<Record<SearchType, number>> = {};
  let totalIsEstimate = false;
  const exact: SearchType[] = [];
  for (const type of SEARCH_TYPES) {
    const estimate = estimateOf(type);
    if (kept || estimate <= COUNT_TRY) exact.push(type);
    else {
      counts[type] = Math.round(estimate * stats[type].recordsPerRow);
      totalIsEstimate = true;
    }
  }
  if (exact.length > 0) {
    const p = new Params();
    const where = `(${alternatives.map((m) => m.build(p).where).join(' OR ')})${filterSql(req, p)}`;
    const sql = exact
      .map((type) => `(SELECT '${type}' AS type, count(DISTINCT resource_id)::int AS n, count(*)::int AS rows
        FROM (SELECT resource_id FROM ${partitionOf(table, type)} WHERE ${where} LIMIT ${COUNT_CAP}) m)`)
      .join(' UNION ALL ');
    for (const x of await indexed<{ type: SearchType; n: number; rows: number }>(db, sql, p.values)) {
      if (x.rows < COUNT_CAP) {
        if (x.n > 0) counts[x.type] = x.n;
        continue;
      }
      // At the cap: the statistics' figure when larger, in records as the counted rows suggest.
      counts[x.type] = Math.round(Math.max(estimateOf(x.type), COUNT_CAP) * (x.n / x.rows));
      totalIsEstimate = true;
    }
  }
  return summed(counts, totalIsEstimate);
}
