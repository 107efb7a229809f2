/**
 * The SearchEngine on PostgreSQL (the server, or PGlite for the embedded default). Documents
 * live in one table per generation; `search_state` says which one readers use, and a reindex
 * switches it in one transaction.
 */
import os from 'node:os';
import type { Db, Queryable } from '../../../services/db/db.ts';
import type { IndexedVersion, SearchDoc, SearchEngine, SearchType, Suggestion } from '../search-engine.ts';
import { DOC_COLUMNS, DOC_RECORD_TYPES, buildDocsIndexes, createDocsIndexes, createDocsTable, createMissingPartitions, docsTable, dropDocsTable, hasLz4, partitionOf } from './postgres-schema.ts';
import { searchDocs, statsOf } from './postgres-search.ts';
import { similarDocs } from './postgres-similar.ts';
import { encode, type TypeRows } from './postgres-rows.ts';

interface State {
  generation: number;
  building: number | null;
  dictionaryVersion: string | null;
}

const INSERT_COLUMNS = DOC_COLUMNS.join(', ');
const UPDATE_SET = DOC_COLUMNS.filter((c) => c !== 'doc_id' && c !== 'type').map((c) => `${c} = excluded.${c}`).join(', ');

/** Writes encoded rows (see ./postgres-rows.ts) straight into each type's partition: no routing row by row. */
async function insertRows(db: Queryable, table: string, rows: TypeRows[]): Promise<void> {
  for (const { type, json } of rows) {
    const part = partitionOf(table, type);
    // An older version never overwrites a newer one (jobs may arrive late or twice).
    await db.query(
      `INSERT INTO ${part} (${INSERT_COLUMNS})
       SELECT ${INSERT_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(${DOC_RECORD_TYPES})
       ON CONFLICT (type, doc_id) DO UPDATE SET ${UPDATE_SET} WHERE ${part}.version <= excluded.version`,
      [json],
    );
  }
}

const insertDocs = (db: Queryable, table: string, docs: SearchDoc[]) => insertRows(db, table, encode(docs));

type RecordRef = { type: SearchType; resourceId: string; version: number };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const refsJson = (records: RecordRef[]) =>
  JSON.stringify(records.map((r) => ({ type: r.type, resource_id: r.resourceId, version: r.version })));

/** Removes every passage of the records held at their version or older; newer ones stay. */
async function deleteUpTo(tx: Queryable, table: string, records: RecordRef[]): Promise<void> {
  await tx.query(
    `DELETE FROM ${table} t USING jsonb_to_recordset($1::jsonb) AS r(type text, resource_id text, version integer)
     WHERE t.type = r.type AND t.resource_id = r.resource_id AND t.version <= r.version`,
    [refsJson(records)],
  );
}

export function createPostgresEngine(db: Db): SearchEngine {
  async function state(q: Queryable = db): Promise<State> {
    const r = await q.query<{ generation: number; building: number | null; dictionary_version: string | null }>(
      'SELECT generation, building, dictionary_version FROM search_state WHERE id = 1',
    );
    const row = r.rows[0];
    if (!row) throw new Error('search is not initialised: run `planhub migrate` or start the server once');
    return { generation: row.generation, building: row.building, dictionaryVersion: row.dictionary_version };
  }

  /** The tables writes go to: the live generation and the one being built, if any. */
  async function writeTables(q: Queryable): Promise<string[]> {
    const s = await state(q);
    return [s.generation, ...(s.building ? [s.building] : [])].map(docsTable);
  }

  /**
   * Runs a read on the live table, once more if a reindex dropped it under us (42P01), or if the
   * drop chose this read as a deadlock's victim (40P01: reads name the partitions in the order
   * DROP TABLE takes them, so this should not happen; a search is not lost if it does).
   */
  async function onLiveTable<T>(fn: (table: string) => Promise<T>): Promise<T> {
    try {
      return await fn(docsTable((await state()).generation));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== '42P01' && code !== '40P01') throw err;
      return fn(docsTable((await state()).generation));
    }
  }

  return {
    name: 'postgres',

    async init() {
      await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(7031222)');
        const r = await tx.query<{ generation: number; building: number | null }>('SELECT generation, building FROM search_state WHERE id = 1');
        const s = r.rows[0];
        if (s) {
          // A store indexed before a type became searchable gets that type's partition now (it
          // inherits the parent's indexes); a reindex, which the changed layout calls for, fills it.
          for (const g of [s.generation, ...(s.building ? [s.building] : [])]) await createMissingPartitions(tx, g);
          return;
        }
        await createDocsTable(tx, 1, { lz4: await hasLz4(tx) });
        await createDocsIndexes(tx, 1);
        await tx.query('INSERT INTO search_state (id, generation) VALUES (1, 1)');
      });
    },

    async index(docs) {
      await db.transaction(async (tx) => {
        for (const table of await writeTables(tx)) await insertDocs(tx, table, docs);
      });
    },

    async replace(records, docs) {
      if (records.length === 0) return;
      await db.transaction(async (tx) => {
        for (const table of await writeTables(tx)) {
          await deleteUpTo(tx, table, records);
          await insertDocs(tx, table, docs);
        }
      });
    },

    async remove(records) {
      if (records.length === 0) return;
      await db.transaction(async (tx) => {
        for (const table of await writeTables(tx)) await deleteUpTo(tx, table, records);
      });
    },

    search: (req) => onLiveTable((table) => searchDocs(db, table, req)),

    similar: (req) => onLiveTable(async (table) => similarDocs(db, table, await statsOf(db, table), req)),

    async suggestPrefix(prefix, limit) {
      const like = `${escapeLike(prefix)}%`;
      // Three tiers, each by its own index: the text, the whole's pinyin forms, an inner word's.
      const r = await db.query<Suggestion>(
        `WITH found AS (
           SELECT kind, text, ref, 0 AS tier FROM search_suggestions WHERE text LIKE $1
           UNION ALL
           SELECT kind, text, ref, 1 FROM search_suggestions WHERE pinyin LIKE $2 OR initials LIKE $2
           UNION ALL
           SELECT kind, text, ref, 2 FROM search_suggestion_keys WHERE key LIKE $2
         )
         SELECT s.text, s.kind, s.ref, s.detail
         FROM (SELECT kind, text, ref, min(tier) AS tier FROM found GROUP BY kind, text, ref) f
         JOIN search_suggestions s USING (kind, text, ref)
         ORDER BY f.tier, s.weight DESC, length(s.text), s.text, s.ref LIMIT $3`,
        [like, like.toLowerCase().replace(/\s+/g, ''), limit],
      );
      return r.rows;
    },

    async suggestContaining(text, limit) {
      // A small table: a scan is cheap.
      const like = `${escapeLike(text)}%`;
      const r = await db.query<Suggestion>(
        `SELECT text, kind, ref, detail FROM search_suggestions WHERE text LIKE $1 AND NOT (text LIKE $2)
         ORDER BY weight DESC, length(text), text, ref LIMIT $3`,
        [`%${like}`, like, limit],
      );
      return r.rows;
    },

    async setSuggestions(terms) {
      const keys = terms.flatMap((t) => (t.wordKeys ?? []).map((key) => ({ kind: t.kind, text: t.text, ref: t.ref, key })));
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM search_suggestion_keys');
        await tx.query('DELETE FROM search_suggestions');
        for (let i = 0; i < terms.length; i += 5000) {
          await tx.query(
            `INSERT INTO search_suggestions (text, kind, ref, detail, pinyin, initials, weight)
             SELECT text, kind, ref, detail, pinyin, initials, weight
             FROM jsonb_to_recordset($1::jsonb) AS r(text text, kind text, ref text, detail text, pinyin text, initials text, weight real)`,
            [JSON.stringify(terms.slice(i, i + 5000).map(({ wordKeys: _, ...t }) => t))],
          );
        }
        for (let i = 0; i < keys.length; i += 20_000) {
          await tx.query(
            `INSERT INTO search_suggestion_keys (kind, text, ref, key)
             SELECT kind, text, ref, key FROM jsonb_to_recordset($1::jsonb) AS r(kind text, text text, ref text, key text)`,
            [JSON.stringify(keys.slice(i, i + 20_000))],
          );
        }
      });
    },

    versions: (type, afterId, limit) =>
      onLiveTable(async (table) => {
        const r = await db.query<{ resource_id: string; version: number }>(
          `SELECT resource_id, max(version) AS version FROM ${table}
           WHERE type = $1 AND ($2::text IS NULL OR resource_id > $2 COLLATE "C")
           GROUP BY resource_id ORDER BY resource_id COLLATE "C" LIMIT $3`,
          [type, afterId, limit],
        );
        return r.rows.map((x): IndexedVersion => ({ type, resourceId: x.resource_id, version: x.version }));
      }),

    async beginGeneration(meta) {
      return db.transaction(async (tx) => {
        const r = await tx.query<{ generation: number; building: number | null }>(
          'SELECT generation, building FROM search_state WHERE id = 1 FOR UPDATE',
        );
        const s = r.rows[0]!;
        if (s.building) await dropDocsTable(tx, s.building); // an earlier reindex that died
        const next = Math.max(s.generation, s.building ?? 0) + 1;
        await createDocsTable(tx, next, { lz4: await hasLz4(tx) });
        await tx.query('UPDATE search_state SET building = $1, building_dictionary_version = $2 WHERE id = 1', [next, meta.dictionaryVersion]);
        return next;
      });
    },

    encoder: new URL('./postgres-rows.ts', import.meta.url).href,

    indexInto: (generation, docs) =>
      insertRows(db, docsTable(generation), Array.isArray(docs) ? encode(docs) : (docs.encoded as TypeRows[])),

    async commitGeneration(generation, onProgress) {
      // On the server, builds run side by side with more memory each; PGlite has one connection
      // and a heap of a few hundred megabytes.
      const server = db.kind === 'postgres';
      await buildDocsIndexes(db, generation, {
        parallel: server ? Math.min(4, os.availableParallelism()) : 1,
        memory: server ? '256MB' : undefined,
        onProgress,
      });
      const old = await db.transaction(async (tx) => {
        const r = await tx.query<{ generation: number; building: number | null }>(
          'SELECT generation, building FROM search_state WHERE id = 1 FOR UPDATE',
        );
        if (r.rows[0]!.building !== generation) throw new Error(`generation ${generation} is not the one being built`);
        await tx.query(
          `UPDATE search_state SET generation = $1, building = NULL, dictionary_version = building_dictionary_version,
             building_dictionary_version = NULL, switched_at = now() WHERE id = 1`,
          [generation],
        );
        return r.rows[0]!.generation;
      });
      await dropDocsTable(db, old);
    },

    async abortGeneration(generation) {
      await db.transaction(async (tx) => {
        await tx.query('UPDATE search_state SET building = NULL, building_dictionary_version = NULL WHERE id = 1 AND building = $1', [generation]);
        await dropDocsTable(tx, generation);
      });
    },

    state: () => state(),

    async close() {},
  };
}
