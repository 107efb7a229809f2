/**
 * The per-generation search table on PostgreSQL, and its indexes. The table is partitioned by
 * resource type: each type gets its own GIN indexes, prior order and statistics, so a tab is
 * one partition, per-type counts are counts of one partition, and a common term's candidates
 * are drawn from every type rather than from whichever type happens to sit first on disk.
 */
import type { Db, Queryable } from '../../../services/db/db.ts';
import { SEARCH_TYPES, type SearchType } from '../search-engine.ts';

export const docsTable = (generation: number) => `search_docs_g${generation}`;

/** The partition holding one type's documents. */
export const partitionOf = (table: string, type: SearchType) => `${table}_${type}`;

export const DOC_COLUMNS = [
  'doc_id', 'type', 'resource_id', 'passage', 'version', 'title', 'body', 'date', 'status', 'item', 'open',
  'districts', 'project_nos', 'project_names', 'builders', 'keys', 'title_tsv', 'body_tsv', 'gram_tsv', 'prior',
] as const;

/** The column types, as `jsonb_to_recordset` needs them. */
export const DOC_RECORD_TYPES = `doc_id text, type text, resource_id text, passage integer, version integer, title text,
  body text, date date, status text, item text, open boolean, districts text[], project_nos text[], project_names text[],
  builders text[], keys text[], title_tsv tsvector, body_tsv tsvector, gram_tsv tsvector, prior real`;

/**
 * Whether the server compresses with lz4: vectors are unpacked for every row a walk passes and
 * every phrase checked, and lz4 unpacks several times faster than pglz (and packs faster while
 * indexing). PGlite is built without it.
 */
export async function hasLz4(db: Queryable): Promise<boolean> {
  const r = await db.query<{ lz4: boolean }>(`SELECT 'lz4' = ANY(enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`);
  return r.rows[0]?.lz4 ?? false;
}

const partitionsSql = (generation: number) => SEARCH_TYPES.map((type) =>
  `CREATE TABLE IF NOT EXISTS ${partitionOf(docsTable(generation), type)} PARTITION OF ${docsTable(generation)} FOR VALUES IN ('${type}');`);

/**
 * The partitions of a generation made before a type became searchable; each inherits the
 * parent's indexes. Nothing else is touched (no lock on the live table beyond the new partition's).
 */
export async function createMissingPartitions(db: Queryable, generation: number): Promise<void> {
  await db.exec(partitionsSql(generation).join('\n'));
}

export async function createDocsTable(db: Queryable, generation: number, opts: { lz4?: boolean } = {}): Promise<void> {
  const t = docsTable(generation);
  const lz4 = opts.lz4
    ? `ALTER TABLE ${t} ${['title_tsv', 'body_tsv', 'gram_tsv', 'body'].map((c) => `ALTER COLUMN ${c} SET COMPRESSION lz4`).join(', ')};`
    : '';
  const partitions = partitionsSql(generation);
  await db.exec(`CREATE TABLE IF NOT EXISTS ${t} (
    doc_id        text NOT NULL,
    type          text NOT NULL,
    resource_id   text NOT NULL,
    passage       integer NOT NULL,
    version       integer NOT NULL,
    title         text NOT NULL,
    body          text NOT NULL,
    date          date,
    status        text,
    item          text,
    open          boolean NOT NULL,
    districts     text[] NOT NULL,
    project_nos   text[] NOT NULL,
    project_names text[] NOT NULL,
    builders      text[] NOT NULL,
    keys          text[] NOT NULL,
    title_tsv     tsvector NOT NULL,
    body_tsv      tsvector NOT NULL,
    gram_tsv      tsvector NOT NULL,
    prior         real NOT NULL,
    PRIMARY KEY (type, doc_id)
  ) PARTITION BY LIST (type);
  ${partitions.join('\n  ')}
  ${lz4}
  -- More common-lexeme statistics (set on each partition too): the search estimates its tiers from them.
  ALTER TABLE ${t} ALTER COLUMN title_tsv SET STATISTICS 300,
    ALTER COLUMN body_tsv SET STATISTICS 300, ALTER COLUMN gram_tsv SET STATISTICS 300`);
}

/** The generation's indexes, by name suffix; on the parent, so each partition gets its own. */
const DOC_INDEXES: [name: string, definition: string][] = [
  // Costliest first, so that parallel builds end together.
  ['gram', 'gin (gram_tsv)'],
  ['body', 'gin (body_tsv)'],
  ['title', 'gin (title_tsv)'],
  ['keys', 'gin (keys)'],
  ['projects', 'gin (project_nos)'],
  ['resource', 'btree (resource_id)'],
  // The prior index lets PostgreSQL walk a type's best documents first when a term matches a
  // large share of them, instead of ranking the whole posting list.
  ['prior', 'btree (prior DESC)'],
  ['date', 'btree (date DESC NULLS LAST)'],
  // A listing by a status or an item too rare for a bounded walk of the date index (在办 among a
  // million closed cases) reads its own records newest first, at any depth.
  ['status_date', 'btree (status, date DESC NULLS LAST)'],
  ['item_date', 'btree (item, date DESC NULLS LAST)'],
];

const createIndexSql = (table: string, [name, definition]: (typeof DOC_INDEXES)[number]) =>
  `CREATE INDEX IF NOT EXISTS ${table}_${name} ON ${table} USING ${definition}`;

/**
 * The partitions only: the search reads their statistics, never the parent's (which would
 * sample every partition a second time).
 */
const analyzeSql = (generation: number) => `ANALYZE ${SEARCH_TYPES.map((type) => partitionOf(docsTable(generation), type)).join(', ')}`;

/** Indexes for an empty generation (the first one), in one go. */
export async function createDocsIndexes(db: Queryable, generation: number): Promise<void> {
  const t = docsTable(generation);
  await db.exec(`${DOC_INDEXES.map((ix) => createIndexSql(t, ix)).join(';\n')};\n${analyzeSql(generation)}`);
}

/**
 * Indexes for a generation after its bulk load (much faster than maintaining them row by row).
 * Each partition's indexes are built as separate statements, `parallel` at a time on their own
 * connections (PostgreSQL 15 builds one GIN index on one core); the parent's indexes then find
 * them and attach them instead of building anything. `memory` is each build's
 * maintenance_work_mem: GIN flushes its lexeme lists far less often with more of it.
 */
export async function buildDocsIndexes(
  db: Db,
  generation: number,
  opts: { parallel: number; memory?: string; onProgress?: (done: number, total: number) => void },
): Promise<void> {
  const t = docsTable(generation);
  const sizes = await db.query<{ part: string }>(
    `SELECT relid::text AS part FROM pg_partition_tree($1::regclass) WHERE isleaf ORDER BY pg_relation_size(relid) DESC`,
    [t],
  );
  // Largest partitions and costliest indexes first; each partition analyzed once its indexes are queued.
  const jobs = sizes.rows.flatMap(({ part }) => [...DOC_INDEXES.map((ix) => createIndexSql(part, ix)), `ANALYZE ${part}`]);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const sql = jobs[next++]!;
      await db.transaction(async (tx) => {
        if (opts.memory) await tx.query(`SET LOCAL maintenance_work_mem = '${opts.memory}'`);
        await tx.exec(sql);
      });
      opts.onProgress?.(++done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.parallel) }, worker));
  await db.exec(DOC_INDEXES.map((ix) => createIndexSql(t, ix)).join(';\n'));
}

/** The generation's partitions and indexes, in bytes (a partitioned parent holds nothing itself). */
export async function docsTableSize(db: Queryable, generation: number): Promise<{ heap: number; indexes: number; total: number }> {
  const r = await db.query<{ heap: number; indexes: number; total: number }>(
    `SELECT coalesce(sum(pg_relation_size(relid)), 0)::bigint AS heap, coalesce(sum(pg_indexes_size(relid)), 0)::bigint AS indexes,
       coalesce(sum(pg_total_relation_size(relid)), 0)::bigint AS total
     FROM pg_partition_tree($1::regclass) WHERE isleaf`,
    [docsTable(generation)],
  );
  return r.rows[0]!;
}

export async function dropDocsTable(db: Queryable, generation: number): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${docsTable(generation)}`);
}
