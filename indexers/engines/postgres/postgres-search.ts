/**
 * Search on PostgreSQL without ranking huge posting lists: the query runs as a few tiers
 * (exact keys, phrase in a title, phrase in the text, all words, all characters), each of
 * which takes at most a bounded number of candidates in prior order. PostgreSQL walks the
 * prior index when a term is common and the GIN index when it is rare, so a query costs about
 * the same whatever its terms. Only the union of candidates is ranked. Counts are exact up to a
 * cap and the planner's estimates beyond it, flagged as such.
 */
import type { Queryable } from '../../../services/db/db.ts';
import type { SearchHit, SearchRequest, SearchResult, SearchType } from '../search-engine.ts';
import { SEARCH_TYPES } from '../search-engine.ts';
import { andQuery, phrasesQuery } from './tsvector.ts';

/** Exact counts stop here; beyond it, counts are the planner's estimates. */
export const COUNT_CAP = 3_000;

type Tier = SearchHit['matched'];

/** How much each tier is worth; within a tier, text rank and the prior decide. */
const TIER_BASE: Record<Tier, number> = { key: 100, title: 60, phrase: 40, words: 20, chars: 0 };

interface Row {
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
}

class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

function filterSql(req: SearchRequest, p: Params, withType: boolean): string {
  const f = req.filters;
  const parts: string[] = [];
  if (f.type && withType) parts.push(`type = ${p.add(f.type)}`);
  if (f.district) parts.push(`districts @> ARRAY[${p.add(f.district)}]::text[]`);
  if (f.item) parts.push(`item = ${p.add(f.item)}`);
  if (f.status) parts.push(`status = ${p.add(f.status)}`);
  if (f.from) parts.push(`date >= ${p.add(f.from)}::date`);
  if (f.to) parts.push(`date <= ${p.add(f.to)}::date`);
  if (f.project) parts.push(`project_nos @> ARRAY[${p.add(f.project)}]::text[]`);
  return parts.length ? ` AND ${parts.join(' AND ')}` : '';
}

interface TierSpec {
  tier: Tier;
  /** The tier's condition and rank expression, with their parameters added to `p`. */
  build(p: Params): { where: string; rank: string };
}

function tiers(req: SearchRequest): TierSpec[] {
  const q = req.query;
  const specs: TierSpec[] = [];
  const grams = q.phrases.flat();
  if (q.keys.length) specs.push({ tier: 'key', build: (p) => ({ where: `keys && ${p.add(q.keys)}::text[]`, rank: '1' }) });
  const ts = (column: string, query: string) => (p: Params) => {
    const x = p.add(query);
    return { where: `${column} @@ ${x}::tsquery`, rank: `ts_rank(${column}, ${x}::tsquery)` };
  };
  if (grams.length) {
    specs.push({ tier: 'title', build: ts('title_tsv', phrasesQuery(q.phrases)) });
    if (q.phrases.some((ph) => ph.length > 1)) specs.push({ tier: 'phrase', build: ts('gram_tsv', phrasesQuery(q.phrases)) });
  }
  if (q.words.length) {
    const words = andQuery(q.words);
    specs.push({ tier: 'words', build: (p) => {
      const x = p.add(words);
      return { where: `body_tsv @@ ${x}::tsquery`, rank: `ts_rank('{0.1,0.2,0.4,1.0}', body_tsv, ${x}::tsquery)` };
    } });
  }
  // All characters in any order: differs from the phrase tier only when there is more than one bigram.
  if (grams.length > 1 || (grams.length === 1 && !q.phrases.some((ph) => ph.length > 1))) {
    specs.push({ tier: 'chars', build: ts('gram_tsv', andQuery(grams)) });
  }
  if (specs.length === 0 && req.filters.project) {
    // No terms, one project: everything of that project (its 360 view), best first.
    specs.push({ tier: 'words', build: () => ({ where: 'true', rank: '0' }) });
  }
  return specs;
}

/** The planner's row estimate for a condition (from the column statistics; nothing is scanned). */
async function estimateRows(db: Queryable, sql: string, values: unknown[]): Promise<number> {
  const plan = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, values);
  const raw = plan.rows[0]!['QUERY PLAN'];
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[];
  return Math.round(parsed[0]!.Plan['Plan Rows']);
}

const tableRows = new Map<string, { rows: number; at: number }>();

/** The table's row count as the statistics have it (cached for a minute). */
async function rowsOf(db: Queryable, table: string): Promise<number> {
  const cached = tableRows.get(table);
  if (cached && Date.now() - cached.at < 60_000) return cached.rows;
  const r = await db.query<{ n: number }>(`SELECT greatest(reltuples, 1)::bigint AS n FROM pg_class WHERE relname = $1`, [table]);
  const rows = r.rows[0]?.n ?? 1;
  tableRows.set(table, { rows, at: Date.now() });
  return rows;
}

/**
 * A tier that matches more than this share of the table walks the prior index; rarer ones use
 * GIN. Set high: measured at 1M rows, a term in 4.5% of them sat mostly in low-prior rows and the
 * walk passed 280k rows before it found 100 (0.5 s), where GIN's first 2,000 took milliseconds.
 */
const WALK_SHARE = 0.2;
/** How many matches of a rare tier are ranked by prior at most. */
const RARE_CANDIDATES = 2000;

/**
 * Everything any tier can match (the narrower tiers are subsets of these three), as
 * alternatives; each adds its own parameters, so each can also be planned alone.
 */
type Condition = (p: Params) => string;

function broadMatch(req: SearchRequest): Condition[] {
  const q = req.query;
  const grams = q.phrases.flat();
  const parts: Condition[] = [];
  if (q.keys.length) parts.push((p) => `keys && ${p.add(q.keys)}::text[]`);
  if (q.words.length) parts.push((p) => `body_tsv @@ ${p.add(andQuery(q.words))}::tsquery`);
  if (grams.length) parts.push((p) => `gram_tsv @@ ${p.add(andQuery(grams))}::tsquery`);
  if (parts.length === 0) parts.push(() => (req.filters.project ? 'true' : 'false'));
  return parts;
}

function score(r: Row): number {
  return TIER_BASE[r.tier] + 10 * Math.min(1, r.rank) + 5 * r.prior;
}

export async function searchDocs(db: Queryable, table: string, req: SearchRequest): Promise<SearchResult> {
  const specs = tiers(req);
  if (specs.length === 0) return { total: 0, totalIsEstimate: false, counts: {}, hits: [] };
  const total = await rowsOf(db, table);
  // How to walk each tier is decided here, not left to the planner: with ORDER BY prior LIMIT k
  // it walks the prior index whenever it thinks matches are common, and for a lexeme it has no
  // statistics for (most of them) it guesses 0.5% of the rows, so a rare key meant a walk over
  // the whole table. Common tiers walk the prior index; rare ones take their GIN matches first.
  const walks = await Promise.all(
    specs.map(async (s) => {
      const ep = new Params();
      const { where } = s.build(ep);
      const estimate = await estimateRows(db, `SELECT 1 FROM ${table} WHERE ${where}${filterSql(req, ep, true)}`, ep.values);
      return estimate > total * WALK_SHARE;
    }),
  );
  const p = new Params();
  const filters = filterSql(req, p, true);
  // Enough candidates for the page asked for, and some to spare for deduplication and collapsing.
  const perTier = p.add(Math.min(1000, Math.max(100, (req.offset + req.size) * 3)));
  const order = req.sort === 'date' ? 'date DESC NULLS LAST, prior DESC' : 'prior DESC';
  const columns = `type, resource_id, passage, title, body, date::text AS date, status, project_nos, project_names, prior`;
  const union = specs
    .map((s, i) => {
      const { where, rank } = s.build(p);
      // The rank (which unpacks a tsvector) is computed on the kept rows only, outside the limit.
      const vectors = 'title_tsv, body_tsv, gram_tsv';
      const inner = walks[i]
        ? `SELECT ${columns}, ${vectors} FROM ${table} WHERE ${where}${filters} ORDER BY ${order} LIMIT ${perTier}`
        : `SELECT * FROM (SELECT ${columns}, ${vectors} FROM ${table} WHERE ${where}${filters} LIMIT ${RARE_CANDIDATES}) rare
           ORDER BY ${order} LIMIT ${perTier}`;
      return `(SELECT '${s.tier}' AS tier, ${columns.replace('date::text AS date', 'date')}, ${rank} AS rank FROM (${inner}) kept)`;
    })
    .join(' UNION ALL ');
  const [rows, counted] = await Promise.all([db.query<Row>(union, p.values), countMatches(db, table, req)]);

  // The best row of each record (its best tier, its best passage).
  const best = new Map<string, { row: Row; score: number }>();
  for (const row of rows.rows) {
    const key = `${row.type}:${row.resource_id}`;
    const s = score(row);
    const seen = best.get(key);
    if (!seen || s > seen.score) best.set(key, { row, score: s });
  }
  let ranked = [...best.values()];
  ranked.sort((a, b) =>
    req.sort === 'date' ? (b.row.date ?? '').localeCompare(a.row.date ?? '') || b.score - a.score : b.score - a.score,
  );
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
  const hits: SearchHit[] = ranked.slice(req.offset, req.offset + req.size).map(({ row, score: s }) => ({
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
  }));
  return { ...counted, hits };
}

/**
 * Per-type counts of matching records. The planner's estimate comes first (from the column
 * statistics, no scan): when it says the match is small, the rows are counted exactly, at most
 * COUNT_CAP of them; when it says the match is large, or the exact count reaches the cap, the
 * counts are the per-type estimates and flagged as such. So a very common term costs a few
 * EXPLAINs instead of a walk over a third of the table.
 */
async function countMatches(db: Queryable, table: string, req: SearchRequest): Promise<Omit<SearchResult, 'hits'>> {
  const alternatives = broadMatch(req);
  // Tab counts cover every type, whichever tab is shown: no type filter here.
  const cp = new Params();
  const where = `(${alternatives.map((c) => c(cp)).join(' OR ')})${filterSql(req, cp, false)}`;
  const values = cp.values;
  // The alternatives match largely the same rows (a text with the words has their characters),
  // so the planner's estimate for their OR, which adds them up, overshoots; the largest is closer.
  const estimate = async (extra: string) => {
    let best = 0;
    for (const alternative of alternatives) {
      const ep = new Params();
      const sql = `SELECT 1 FROM ${table} WHERE ${alternative(ep)}${filterSql(req, ep, false)}${extra}`;
      best = Math.max(best, await estimateRows(db, sql, ep.values));
    }
    return best;
  };
  if ((await estimate('')) <= COUNT_CAP) {
    const r = await db.query<{ type: SearchType; n: number; rows: number }>(
      `SELECT type, count(DISTINCT resource_id)::int AS n, count(*)::int AS rows
       FROM (SELECT type, resource_id FROM ${table} WHERE ${where} LIMIT ${COUNT_CAP}) m GROUP BY type`,
      values,
    );
    if (r.rows.reduce((a, x) => a + x.rows, 0) < COUNT_CAP) {
      const counts: Partial<Record<SearchType, number>> = {};
      for (const x of r.rows) counts[x.type] = x.n;
      return { total: r.rows.reduce((a, x) => a + x.n, 0), totalIsEstimate: false, counts };
    }
  }
  const counts: Partial<Record<SearchType, number>> = {};
  for (const type of SEARCH_TYPES) {
    const n = await estimate(` AND type = '${type}'`);
    if (n > 0) counts[type] = n;
  }
  return { total: Object.values(counts).reduce((a, b) => a + (b ?? 0), 0), totalIsEstimate: true, counts };
}
