/**
 * The partial tier on PostgreSQL (../partial-match.ts): the last of the tiers, so inTurn starts
 * it only when the complete ones found fewer records than the page needs. Bounded like the
 * others: each partition offers at most PARTIAL_CHECKS rows holding one of the query's rarest
 * groups (by its words or their bigrams; by the ANALYZE statistics; their GIN matches when rare, a walk of the prior index when
 * even the rarest is common, never the posting lists of common words in full), and only those
 * rows are checked group by group (`body_tsv @@ group`, which unpacks each row's vector).
 */
import type { SearchType } from '../search-engine.ts';
import { candidateGroups, MIN_COVERAGE, weightOf } from '../partial-match.ts';
import { groupShare, Params } from './postgres-matches.ts';
import { partitionOf } from './postgres-schema.ts';
import { isListed, type PartitionStats } from './table-stats.ts';
import { groupQuery } from './tsvector.ts';
import { gramAlternatives } from '../word-grams.ts';

/** The vectors a group is checked against: the table's, or a row's copies read once (HELD_COPIES). */
interface Vectors { words: string; grams: string }
const STORED: Vectors = { words: 'body_tsv', grams: 'gram_tsv' };
/**
 * Each candidate's vectors, read once and stripped of positions (a group is words joined by &,
 * which needs none): checked as stored, every group detoasted them again, and a builder's credit
 * record lists hundreds of projects (100 of them checked for 8 groups took 250 ms at 1M).
 */
const HELD_COPIES: Vectors = { words: 'body_held', grams: 'gram_held' };

/** A group held by a row: by its words, or by their bigrams (../word-grams.ts) where jieba cut the text differently. */
function heldSql(group: string[][], p: Params, byGrams: boolean, v: Vectors = STORED): string {
  const words = `${v.words} @@ ${p.add(groupQuery(group))}::tsquery`;
  const grams = byGrams ? groupQuery(gramAlternatives(group)) : '';
  return grams ? `(${words} OR ${v.grams} @@ ${p.add(grams)}::tsquery)` : words;
}

/** Rows holding any of the groups, by words or bigrams. */
function anyHeldSql(groups: string[][][], p: Params, byGrams: boolean): string {
  const words = `body_tsv @@ ${p.add(groups.map((g) => `(${groupQuery(g)})`).join(' | '))}::tsquery`;
  const grams = byGrams ? groups.map((g) => groupQuery(gramAlternatives(g))).filter(Boolean) : [];
  return grams.length ? `(${words} OR gram_tsv @@ ${p.add(grams.map((g) => `(${g})`).join(' | '))}::tsquery)` : words;
}

/**
 * Rows per partition checked group by group, at most: each check unpacks the row's vector once
 * per group (at 20k records, 150 long meeting passages took 8 ms), and the tier runs for most
 * name searches (they find fewer records than a page).
 */
const PARTIAL_CHECKS = 100;
/** Rows of a partition's prior index walked when even its rarest groups are common (a walk of 1,000 took 3–4 ms per partition). */
const PARTIAL_WALK = 300;

export interface PartialPlan {
  groups: string[][][];
  /** Each group's weight, from its share of the searched partitions' rows. */
  weights: number[];
  /** Groups are also held by their words' bigrams (when the analysis has them: AnalyzedQuery.gramGroups). */
  byGrams: boolean;
}

/** The weights of the groups, over every partition searched (their shares weighted by their rows). */
export function partialPlan(groups: string[][][], stats: Record<SearchType, PartitionStats>, searched: readonly SearchType[], byGrams = false): PartialPlan {
  const usable = groups.filter((g) => groupQuery(g) !== '');
  const rows = searched.reduce((n, t) => n + stats[t].rows, 0);
  const weights = usable.map((g) => {
    const shares = searched.map((t) => groupShare(stats[t], 'body_tsv', g));
    // Without row counts (never analyzed), each partition counts alike.
    const share = rows > 0
      ? searched.reduce((sum, t, i) => sum + shares[i]! * stats[t].rows, 0) / rows
      : shares.reduce((a, b) => a + b, 0) / shares.length;
    return weightOf(share);
  });
  return { groups: usable, weights, byGrams };
}

/**
 * The groups the statistics cannot tell from a group no row holds: in no partition searched is
 * every word of one of its alternatives among the listed lexemes. Only these are looked up.
 */
export function unlistedGroups(plan: PartialPlan, stats: Record<SearchType, PartitionStats>, searched: readonly SearchType[]): number[] {
  const listed = (alt: readonly string[]) => searched.some((t) => alt.every((w) => isListed(stats[t], 'body_tsv', w)));
  return plan.groups.flatMap((g, i) => (g.some(listed) ? [] : [i]));
}

/**
 * One row: for each of `indexes`, whether a row of the searched partitions holds that group (by
 * its words or, with byGrams, their bigrams), and whether one carries any of `keys`. Each is an
 * EXISTS that stops at the first row its GIN lookup finds, or at once for a word no row holds.
 */
export function anyHoldsSql(plan: PartialPlan, indexes: readonly number[], table: string, searched: readonly SearchType[], p: Params, keys: readonly string[] = []): string {
  const anyRow = (condition: string) => searched.map((t) => `EXISTS (SELECT 1 FROM ${partitionOf(table, t)} WHERE ${condition})`).join(' OR ');
  const holds = indexes.map((i) => anyRow(heldSql(plan.groups[i]!, p, plan.byGrams)));
  // And whether a row carries one of the query's exact keys (whatever its words, the key tier finds it).
  const keyed = keys.length > 0 ? anyRow(`keys && ${p.add(keys)}::text[]`) : 'false';
  return `SELECT ARRAY[${holds.map((h) => `(${h})`).join(', ')}]::bool[] AS held, (${keyed}) AS keyed`;
}

/** Per group of the plan, whether a row holds it: the listed ones do, the looked-up ones (`indexes`) as `held` says. */
export function heldFlags(plan: PartialPlan, indexes: readonly number[], held: readonly boolean[]): boolean[] {
  return plan.groups.map((_, i) => {
    const k = indexes.indexOf(i);
    return k < 0 || held[k] === true;
  });
}

export interface PartialSql {
  columns: string;
  order: string;
  filters: string;
  perType: number;
  perTier: number;
  walkShare: number;
  walkRows: number;
}

/**
 * The tier's statement: per partition, the candidates holding one of its rarest groups, each
 * row's matched groups (`groups`, in plan order) and `coverage`, those below MIN_COVERAGE
 * dropped, the best by coverage and prior kept.
 */
export function partialTierSql(plan: PartialPlan, table: string, searched: readonly SearchType[], stats: Record<SearchType, PartitionStats>, p: Params, s: PartialSql): string {
  // Weights are our own numbers, written into the SQL, rounded as written.
  const written = plan.weights.map((w) => w.toFixed(6));
  const total = written.reduce((a, w) => a + Number(w), 0);
  const anyGroup = p.add(plan.groups.map((g) => `(${groupQuery(g)})`).join(' | '));
  const matched = `ARRAY[${plan.groups.map((g) => heldSql(g, p, plan.byGrams, HELD_COPIES)).join(', ')}]`;
  const coverage = written.map((w, i) => `${w} * (groups[${i + 1}])::int`).join(' + ');
  const carried = `${s.columns}, body_tsv, gram_tsv`;
  const offers = searched.map((type) => {
    const part = partitionOf(table, type);
    const shares = plan.groups.map((g) => groupShare(stats[type], 'body_tsv', g));
    const chosen = candidateGroups(plan.weights, shares);
    const where = anyHeldSql(chosen.map((i) => plan.groups[i]!), p, plan.byGrams);
    const share = Math.min(1, chosen.reduce((sum, i) => sum + shares[i]!, 0));
    // Even the rarest groups are common here: the best rows by prior that hold one, from a bounded
    // walk (an OR's GIN matches would read their posting lists in full); filters are checked on
    // the walked rows, so a narrow filter may leave few.
    // Rare enough for their GIN matches: first the rows holding every one of them (an intersection
    // of short lists, and where the record the query names is: any few of a rare group's rows
    // would often miss it), then rows holding any, half of the checks each (a row in both is
    // checked twice and kept once, by the page).
    const gin = (condition: string, limit: number) => `SELECT ${carried} FROM ${part} WHERE ${condition}${s.filters} LIMIT ${limit}`;
    const candidates = share > s.walkShare
      ? `SELECT ${carried} FROM (SELECT ${carried}, districts, item FROM ${part} ORDER BY ${s.order} LIMIT ${Math.min(s.walkRows, PARTIAL_WALK)}) w
          WHERE ${where}${s.filters} LIMIT ${PARTIAL_CHECKS}`
      : chosen.length < 2
        ? gin(where, PARTIAL_CHECKS)
        : `(${gin(chosen.map((i) => heldSql(plan.groups[i]!, p, plan.byGrams)).join(' AND '), PARTIAL_CHECKS / 2)})
          UNION ALL (${gin(where, PARTIAL_CHECKS / 2)})`;
    return `(SELECT * FROM (
        SELECT g.*, ((${coverage}) / ${total.toFixed(6)})::float8 AS coverage FROM (SELECT h.*, ${matched} AS groups FROM (
          SELECT c.*, strip(c.body_tsv) AS body_held, strip(c.gram_tsv) AS gram_held FROM (${candidates}) c OFFSET 0) h) g) m
      WHERE coverage >= ${MIN_COVERAGE - 1e-6} ORDER BY coverage DESC, prior DESC LIMIT ${s.perType})`;
  });
  return `(SELECT 'partial' AS tier, ${s.columns.replace('date', 'date::text AS date')},
      ts_rank('{0.1,0.2,0.4,1.0}', body_tsv, ${anyGroup}::tsquery) AS rank, groups, coverage FROM (
    SELECT * FROM (${offers.join(' UNION ALL ')}) c ORDER BY coverage DESC, prior DESC LIMIT ${s.perTier}) kept)`;
}

