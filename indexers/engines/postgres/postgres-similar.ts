/**
 * `more_like_this` on PostgreSQL, over the segmented index the search uses. Like Lucene's, it
 * keeps the source's most telling words, the rarest in the index by the ANALYZE statistics
 * (./table-stats.ts, in memory), weighs each by its inverse share of the rows, and ranks records
 * by the weight of the words they hold (twice in a title). Each word takes at most PER_TERM
 * matching rows per type from its GIN index, so a query costs a bounded number of row reads
 * whatever the table's size; the rare words that decide a ranking have fewer matches than that.
 */
import type { Db } from '../../../services/db/db.ts';
import type { SearchType, SimilarHit, SimilarRequest } from '../search-engine.ts';
import { partitionOf } from './postgres-schema.ts';
import { lexemeShare, type PartitionStats, type TableStats } from './table-stats.ts';
import { andQuery } from './tsvector.ts';

/**
 * A word in more than this share of a type's rows (a district, 项目, 建设) says nothing about
 * likeness, once the share is more than COMMON_ROWS rows: in a hub of a few dozen records every
 * word is in a tenth of them, and their weights alone rank them.
 */
export const MAX_TERM_SHARE = 0.1;
const COMMON_ROWS = 50;
/** The most matching rows one word contributes per type. */
const PER_TERM = 200;
const DEFAULT_MAX_TERMS = 20;

/** A lexeme's share of a partition's rows in title or text, by the statistics. */
const shareIn = (p: PartitionStats, word: string) => Math.max(lexemeShare(p, 'title_tsv', word), lexemeShare(p, 'body_tsv', word));

export interface LikeTerm {
  word: string;
  /** ln(1 / share) times how often the source says it (dampened), as Lucene's tf·idf. */
  weight: number;
}

/**
 * The words to query with: those no type holds in more than MAX_TERM_SHARE of its rows, each
 * weighed by its share across the types searched (rows-weighted), the heaviest `maxTerms`.
 */
export function likeTerms(words: readonly string[], stats: TableStats, types: readonly SearchType[], maxTerms: number): LikeTerm[] {
  const tf = new Map<string, number>();
  for (const w of words) if (w.trim().length > 0) tf.set(w, (tf.get(w) ?? 0) + 1);
  const parts = types.map((t) => stats[t]).filter((p) => p.rows > 0);
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  const terms: LikeTerm[] = [];
  for (const [word, count] of tf) {
    // A lone latin letter or digit, or a single character, is noise for likeness.
    if ([...word].length < 2) continue;
    const shares = parts.map((p) => shareIn(p, word));
    if (parts.some((p, i) => shares[i]! > MAX_TERM_SHARE && shares[i]! * p.rows > COMMON_ROWS)) continue;
    const share = rows > 0 ? parts.reduce((n, p, i) => n + p.rows * shares[i]!, 0) / rows : 0.005;
    terms.push({ word, weight: Math.log(1 / Math.max(share, 1e-7)) * Math.sqrt(count) });
  }
  return terms.sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1)).slice(0, maxTerms);
}

interface Scored {
  type: SearchType;
  resource_id: string;
  passage: number;
  score: number;
}

interface Shown {
  type: SearchType;
  resource_id: string;
  title: string;
  body: string;
  date: string | null;
  project_nos: string[];
}

export async function similarDocs(db: Db, table: string, stats: TableStats, req: SimilarRequest): Promise<SimilarHit[]> {
  const terms = likeTerms(req.words, stats, req.types, req.maxTerms ?? DEFAULT_MAX_TERMS);
  if (terms.length === 0 || req.types.length === 0 || req.size <= 0) return [];
  const matches = req.types.map((type) => `
    SELECT '${type}'::text AS type, d.resource_id, d.passage, t.w * (1 + d.in_title::int) AS w, t.i
    FROM terms t CROSS JOIN LATERAL (
      SELECT resource_id, passage, title_tsv @@ t.q AS in_title FROM ${partitionOf(table, type)}
      WHERE title_tsv @@ t.q OR body_tsv @@ t.q LIMIT ${PER_TERM}
    ) d`);
  const scored = await db.query<Scored>(
    `WITH terms AS (SELECT * FROM unnest($1::tsquery[], $2::real[]) WITH ORDINALITY AS t(q, w, i)),
     hits AS (${matches.join(' UNION ALL ')}),
     -- A word counts once per record (its best passage); a record's score is the sum.
     per_word AS (SELECT DISTINCT ON (type, resource_id, i) type, resource_id, passage, w FROM hits
                  WHERE NOT (type || ':' || resource_id = ANY($3::text[]))
                  ORDER BY type, resource_id, i, w DESC, passage)
     SELECT type, resource_id, (array_agg(passage ORDER BY w DESC, passage))[1] AS passage, sum(w)::float8 AS score
     FROM per_word GROUP BY type, resource_id ORDER BY score DESC, type, resource_id LIMIT $4`,
    [terms.map((t) => andQuery([t.word])), terms.map((t) => t.weight), req.exclude.map((e) => `${e.type}:${e.id}`), req.size],
  );
  if (scored.rows.length === 0) return [];
  const shown = await db.query<Shown>(
    `SELECT d.type, d.resource_id, d.title, d.body, d.date::text AS date, d.project_nos
     FROM jsonb_to_recordset($1::jsonb) AS r(type text, resource_id text, passage integer)
     JOIN ${table} d ON d.type = r.type AND d.resource_id = r.resource_id AND d.passage = r.passage`,
    [JSON.stringify(scored.rows.map(({ type, resource_id, passage }) => ({ type, resource_id, passage })))],
  );
  const byKey = new Map(shown.rows.map((r) => [`${r.type}:${r.resource_id}`, r]));
  return scored.rows.flatMap((s) => {
    const r = byKey.get(`${s.type}:${s.resource_id}`);
    return r ? [{ type: s.type, id: s.resource_id, title: r.title, body: r.body, date: r.date, projectNos: r.project_nos, score: s.score }] : [];
  });
}
