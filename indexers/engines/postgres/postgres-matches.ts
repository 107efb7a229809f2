/**
 * What a query matches on PostgreSQL, as SQL conditions: the filters, the tiers (exact keys, the
 * phrase in titles, the phrase in texts, all word groups, all characters) and the broad match counts
 * use. Pure builders: ./postgres-search.ts decides how each runs and ranks the results.
 */
import { districtForms } from '../../districts.ts';
import type { SearchHit, SearchRequest } from '../search-engine.ts';
import { rarest, shareOfAll, type PartitionStats, type VectorColumn } from './table-stats.ts';
import { andQuery, groupsQuery, phrasesQuery } from './tsvector.ts';

export type Tier = SearchHit['matched'];

/** Numbered parameters, collected as conditions are written. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

const and = (parts: string[]) => (parts.length ? ` AND ${parts.join(' AND ')}` : '');

/** The date range, which the date index answers (a listing walks it). */
export function dateSql(req: SearchRequest, p: Params): string {
  const f = req.filters;
  const parts: string[] = [];
  if (f.from) parts.push(`date >= ${p.add(f.from)}::date`);
  if (f.to) parts.push(`date <= ${p.add(f.to)}::date`);
  return and(parts);
}

/** The filters on a record's own fields, which no index but the projects' GIN answers. */
export function attributeSql(req: SearchRequest, p: Params): string {
  const f = req.filters;
  const parts: string[] = [];
  if (f.district) parts.push(`districts && ${p.add(districtForms(f.district))}::text[]`);
  if (f.item) parts.push(`item = ${p.add(f.item)}`);
  if (f.status) parts.push(`status = ${p.add(f.status)}`);
  if (f.project) parts.push(`project_nos @> ARRAY[${p.add(f.project)}]::text[]`);
  return and(parts);
}

/** The filters other than type (a type is a partition). */
export function filterSql(req: SearchRequest, p: Params): string {
  return attributeSql(req, p) + dateSql(req, p);
}

export const hasFilters = (req: SearchRequest) => filterSql(req, new Params()) !== '';

/** A condition over one column, its rank expression, and what the statistics know of it. */
export interface Match {
  column: VectorColumn | 'keys';
  lexemes: string[];
  /** The share of a partition's rows it may hold, when not that of all its lexemes (word groups). */
  share?: (stats: PartitionStats) => number;
  /**
   * Its share were its word groups independent (their shares multiplied): what decides a walk
   * for a match of several groups, each common while all of them together are rare.
   */
  jointShare?: (stats: PartitionStats) => number;
  /**
   * The condition and rank, with their parameters added to `p`. `narrow`, when given, is checked
   * only on a bounded number of rows that meet `where` (a phrase among its bigrams' rows; see
   * PHRASE_CHECKS in ./postgres-search.ts); `rarest` is `where` over only the `k` lexemes a
   * partition holds least, which `narrow` still checks in full.
   */
  build(p: Params): { where: string; rank: string; narrow?: string; rarest?: (stats: PartitionStats, k: number) => string };
}

const tsMatch = (column: VectorColumn, query: string, lexemes: string[], weights?: string): Match => ({
  column,
  lexemes,
  build(p) {
    const x = p.add(query);
    return { where: `${column} @@ ${x}::tsquery`, rank: `ts_rank(${weights ? `'${weights}', ` : ''}${column}, ${x}::tsquery)` };
  },
});

/**
 * The share of a partition's rows that may hold a word group: the sum of its alternatives'
 * (each bounded as shareOfAll bounds it), at most all of them.
 */
export function groupShare(p: PartitionStats, column: VectorColumn, group: readonly string[][]): number {
  return Math.min(1, group.reduce((sum, alt) => sum + shareOfAll(p, column, alt), 0));
}

/**
 * The shares of rows holding every group: at most the rarest group's (`share`), and the product of
 * theirs were they independent (`jointShare`, what decides a walk).
 */
function allGroupsShares(column: VectorColumn, groups: readonly string[][][]): Pick<Match, 'share' | 'jointShare'> {
  return {
    share: (p) => Math.min(...groups.map((g) => groupShare(p, column, g))),
    jointShare: (p) => groups.reduce((product, g) => product * groupShare(p, column, g), 1),
  };
}

/** Every word group, each by any of its alternatives (see AnalyzedQuery.wordGroups), ranked with the name's words above the text's. */
function groupsMatch(groups: string[][][]): Match {
  return {
    ...tsMatch('body_tsv', groupsQuery(groups), groups.flat(2), '{0.1,0.2,0.4,1.0}'),
    ...allGroupsShares('body_tsv', groups),
  };
}

/** Every word group by its words' bigrams (AnalyzedQuery.gramGroups), in any field and order. */
function gramGroupsMatch(gramGroups: string[][][]): Match {
  const groups = gramGroups.filter((g) => g.length > 0);
  return {
    ...tsMatch('gram_tsv', groupsQuery(groups), groups.flat(2)),
    ...allGroupsShares('gram_tsv', groups),
  };
}

/** The characters tier: every word group by its bigrams when the analysis has them, else every bigram of the query. */
function charsMatch(q: SearchRequest['query']): Match | null {
  const grams = q.phrases.flat();
  if (q.gramGroups?.some((g) => g.length > 0)) return gramGroupsMatch(q.gramGroups);
  // All characters in any order: differs from the phrase tier only when there is more than one bigram.
  if (grams.length > 1 || (grams.length === 1 && !q.phrases.some((ph) => ph.length > 1))) return allGramsMatch(grams);
  return null;
}

/** Rows holding every one of the bigrams; a long list (a pasted passage) may take its candidates by its rarest few. */
function allGramsMatch(grams: string[]): Match {
  const all = tsMatch('gram_tsv', andQuery(grams), grams);
  return {
    ...all,
    build(p) {
      return { ...all.build(p), rarest: (stats, k) => `gram_tsv @@ ${p.add(andQuery(rarest(stats, 'gram_tsv', grams, k)))}::tsquery` };
    },
  };
}

/** Exact keys: a handful of rows at most, found through their GIN index. */
const keysMatch = (keys: string[]): Match => ({
  column: 'keys',
  lexemes: keys,
  build: (p) => ({ where: `keys && ${p.add(keys)}::text[]`, rank: '1' }),
});

/** The phrases, in rows that hold all their bigrams (which GIN answers without opening a row). */
function phraseMatch(column: VectorColumn, phrases: string[][]): Match {
  const grams = phrases.flat();
  if (phrases.every((ph) => ph.length <= 1)) return tsMatch(column, andQuery(grams), grams);
  return {
    column,
    lexemes: grams,
    build(p) {
      const all = p.add(andQuery(grams));
      const phrase = p.add(phrasesQuery(phrases));
      return {
        where: `${column} @@ ${all}::tsquery`,
        narrow: `${column} @@ ${phrase}::tsquery`,
        rank: `ts_rank(${column}, ${phrase}::tsquery)`,
        rarest: (stats, k) => `${column} @@ ${p.add(andQuery(rarest(stats, column, grams, k)))}::tsquery`,
      };
    },
  };
}

export function tiers(req: SearchRequest): { tier: Tier; match: Match }[] {
  const q = req.query;
  const specs: { tier: Tier; match: Match }[] = [];
  const grams = q.phrases.flat();
  if (q.keys.length) specs.push({ tier: 'key', match: keysMatch(q.keys) });
  if (grams.length) {
    specs.push({ tier: 'title', match: phraseMatch('title_tsv', q.phrases) });
    if (q.phrases.some((ph) => ph.length > 1)) specs.push({ tier: 'phrase', match: phraseMatch('gram_tsv', q.phrases) });
  }
  if (groupsQuery(q.wordGroups)) specs.push({ tier: 'words', match: groupsMatch(q.wordGroups) });
  const chars = charsMatch(q);
  if (chars) specs.push({ tier: 'chars', match: chars });
  // A request without terms is a listing (./postgres-browse.ts), not a tier.
  return specs;
}

/**
 * Everything any tier can match (the narrower tiers are subsets of these three), as
 * alternatives, for the counts.
 */
export function broadMatch(req: SearchRequest): Match[] {
  const q = req.query;
  const grams = q.phrases.flat();
  const parts: Match[] = [];
  if (q.keys.length) parts.push(keysMatch(q.keys));
  if (groupsQuery(q.wordGroups)) parts.push(groupsMatch(q.wordGroups));
  const chars = charsMatch(q);
  if (chars) parts.push(chars);
  else if (grams.length) parts.push(tsMatch('gram_tsv', andQuery(grams), grams));
  return parts;
}

/** The share of a partition's rows a match may hold, as the statistics bound it (see shareOfAll). */
export function shareOf(p: PartitionStats, m: Match): number {
  if (m.column === 'keys') return 0;
  return m.share ? m.share(p) : shareOfAll(p, m.column, m.lexemes);
}
