/**
 * Listings on PostgreSQL (see ../listing.ts): what the filters select, newest first, without
 * scanning a partition. A project's records come from the projects' GIN index, and a status or
 * an item too rare for the walk below from its (status, date) or (item, date) index. Otherwise each
 * type walks its date index (within the dates asked for) and keeps the first passages the other
 * filters select, stopping as soon as it has the page; the walk is bounded by a window sized
 * from the statistics (./filter-stats.ts): about twice the rows the page needs at the filters'
 * share, at most LIST_WALK_MAX, and LIST_PROBE where the statistics say the filters select
 * nothing (rows newer than the statistics still show). A rare filter whose records lie deeper
 * than the window lists nothing older there, and its count says more: narrowing the dates
 * reaches further back.
 *
 * Counts: a type the statistics say holds more than a few caps of records gets their estimate;
 * one whose date range is small enough to walk whole (COUNT_WALK rows) is counted on that walk,
 * unless the statistics say the filters select nothing there; the rest get the estimate, and
 * never less than the page listed.
 */
import type { Db } from '../../../services/db/db.ts';
import type { SearchRequest, SearchResult, SearchType } from '../search-engine.ts';
import { SEARCH_TYPES } from '../search-engine.ts';
import { filterShare, type FilterStats } from './filter-stats.ts';
import { Params, attributeSql, dateSql } from './postgres-matches.ts';
import { COUNT_CAP, COUNT_TRY, indexed, pageOf, summed, type Row } from './postgres-results.ts';
import { partitionOf } from './postgres-schema.ts';
import type { TableStats } from './table-stats.ts';

/** Rows walked where the statistics expect no match at all. */
export const LIST_PROBE = 200;
/** Rows walked at least, and at most, for a page. */
export const LIST_WALK_MIN = 1_000;
export const LIST_WALK_MAX = 10_000;
/** A date range of up to this many rows is counted by walking it whole. */
export const COUNT_WALK = 5_000;

const COLUMNS = `type, resource_id, passage, title, body, date, status, project_nos, project_names, prior`;
/** A listing's hits sit in the band of a search's word matches, ordered within it by the prior. */
const LISTED_BASE = 20;

interface Plan {
  type: SearchType;
  /** Records the filters select, by the statistics. */
  estimate: number;
  /** Rows of the date index the listing may walk; 0 when an index selects the records (project, or a rare status or item). */
  window: number;
  /** Whether the date range is walked whole to count it. */
  countWalk: boolean;
}

function plan(type: SearchType, req: SearchRequest, stats: TableStats, kept: Record<SearchType, FilterStats>, take: number): Plan {
  const { from, to, ...attributes } = req.filters;
  const part = stats[type];
  const inRange = part.rows * filterShare(kept[type], { from, to });
  const share = filterShare(kept[type], attributes);
  const estimate = inRange * share * part.recordsPerRow;
  if (req.filters.project) return { type, estimate, window: 0, countWalk: false };
  // A status or an item has an index of its own in date order: as fast as the walk when common,
  // and it reaches every record when rare (the statistics' share is no guarantee either way).
  if (req.filters.status || req.filters.item) return { type, estimate, window: 0, countWalk: false };
  const window = share <= 0 ? LIST_PROBE : Math.min(LIST_WALK_MAX, Math.max(LIST_WALK_MIN, Math.ceil((2 * take) / share)));
  return { type, estimate, window, countWalk: share > 0 && estimate <= COUNT_TRY && inRange <= COUNT_WALK };
}

export async function listDocs(db: Db, table: string, req: SearchRequest, stats: TableStats, kept: Record<SearchType, FilterStats>): Promise<SearchResult> {
  const needed = req.offset + req.size;
  // Collapsing keeps one record per project: more rows to choose from (integers the service bounded).
  const take = req.collapse ? Math.min(LIST_WALK_MIN, needed * 3) : needed;
  const plans = (req.filters.type ? [req.filters.type] : SEARCH_TYPES).map((type) => plan(type, req, stats, kept, take));
  const p = new Params();
  const range = dateSql(req, p);
  const attributes = attributeSql(req, p);
  const offers = plans.map(({ type, window }) => {
    const part = partitionOf(table, type);
    return window === 0
      ? `(SELECT ${COLUMNS} FROM ${part} WHERE passage = 0${attributes}${range} ORDER BY date DESC NULLS LAST, prior DESC LIMIT ${take})`
      : `(SELECT ${COLUMNS} FROM (SELECT ${COLUMNS}, districts, item FROM ${part} WHERE passage = 0${range}
           ORDER BY date DESC NULLS LAST LIMIT ${window}) walked WHERE true${attributes} LIMIT ${take})`;
  });
  const listed = `SELECT 'words' AS tier, ${COLUMNS.replace('date', 'date::text AS date')}, 0 AS rank FROM (${offers.join(' UNION ALL ')}) listed`;
  // Every type is counted, whichever is listed; a project's records and small ranges exactly.
  const counting = SEARCH_TYPES.map((type) => plans.find((x) => x.type === type) ?? plan(type, req, stats, kept, take));
  const counted = counting.flatMap(({ type, window, countWalk }) => {
    const part = partitionOf(table, type);
    if (window === 0) {
      return [`(SELECT '${type}' AS type, count(*)::int AS n, count(*) >= ${COUNT_CAP} AS more
        FROM (SELECT 1 FROM ${part} WHERE passage = 0${attributes}${range} LIMIT ${COUNT_CAP}) m)`];
    }
    if (!countWalk) return [];
    return [`(SELECT '${type}' AS type, count(*) FILTER (WHERE true${attributes})::int AS n, count(*) >= ${COUNT_WALK} AS more
      FROM (SELECT districts, item, status, project_nos FROM ${part} WHERE passage = 0${range} ORDER BY date DESC NULLS LAST LIMIT ${COUNT_WALK}) w)`];
  });
  const [rows, exact] = await Promise.all([
    indexed<Row>(db, listed, p.values),
    counted.length ? indexed<{ type: SearchType; n: number; more: boolean }>(db, counted.join(' UNION ALL '), p.values) : [],
  ]);

  const counts: Partial<Record<SearchType, number>> = {};
  let totalIsEstimate = false;
  for (const { type, estimate } of counting) {
    const walked = exact.find((x) => x.type === type);
    const shown = rows.filter((r) => r.type === type).length;
    const n = walked && !walked.more ? walked.n : Math.max(Math.round(estimate), walked?.n ?? 0, shown);
    if (n > 0) counts[type] = n;
    // An estimate only where something is there to count.
    if (n > 0 && !(walked && !walked.more)) totalIsEstimate = true;
  }
  return { ...summed(counts, totalIsEstimate), hits: pageOf(rows, req, (r) => LISTED_BASE + 5 * r.prior, true) };
}
