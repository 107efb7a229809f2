/**
 * Keeping the index in step: jobs are idempotent and never let an old version win, a reindex
 * runs while searches go on (none fails, none comes back empty), and reconcile finds and
 * repairs what differs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJsonl } from '../helpers/imports.ts';
import { DB_KINDS } from '../helpers/databases.ts';
import { readJsonl, searchFixture, type SearchFixture } from '../helpers/search-fixture.ts';
import { fromText, jsonl } from '../helpers/streams.ts';

interface Project { id: string; project_no: string; name: string }

describe.each(DB_KINDS)('search index upkeep on %s', (kind) => {
  let f: SearchFixture;
  let projects: Project[];

  beforeAll(async () => {
    f = await searchFixture(kind, 120, 5);
    projects = readJsonl<Project>(f.corpus.files.project!);
  }, 240_000);
  afterAll(() => f.close());

  const liveTable = async () => `search_docs_g${(await f.rt.engine.state()).generation}`;

  it('keeps one document at the latest version when a change is indexed twice, late or out of order', async () => {
    const p = projects[0]!;
    await importJsonl(f.rt.db, 'project', fromText(jsonl([{ ...p, name: `${p.name}（调整后）` }])));
    await f.drainJobs();
    const table = await liveTable();
    const rows = async () => (await f.rt.db.query<{ version: number; title: string }>(`SELECT version, title FROM ${table} WHERE type = 'project' AND resource_id = $1`, [p.id])).rows;
    expect(await rows()).toEqual([{ version: 2, title: `${p.name}（调整后）` }]);
    // The same job again, and a late job carrying version 1: nothing changes.
    await f.rt.indexer.indexRecords([{ type: 'project', id: p.id }]);
    await f.rt.engine.remove([{ type: 'project', resourceId: p.id, version: 1 }]);
    expect(await rows()).toEqual([{ version: 2, title: `${p.name}（调整后）` }]);
    const r = await f.rt.search.search({ q: `${p.name}（调整后）`, size: 1 });
    expect(r.hits[0]!.id).toBe(p.id);
  });

  it('reindexes while searches run: none fails, none is empty, and reconcile finds nothing after', async () => {
    const before = (await f.rt.engine.state()).generation;
    const terms = projects.slice(1, 21).map((p) => p.name);
    let searches = 0;
    const failures: string[] = [];
    let done = false;
    const searching = (async () => {
      while (!done) {
        const q = terms[searches % terms.length]!;
        searches += 1;
        try {
          const r = await f.rt.search.search({ q, size: 3 });
          if (r.hits.length === 0) failures.push(`${q}: empty`);
        } catch (err) {
          failures.push(`${q}: ${(err as Error).message}`);
        }
      }
    })();
    const result = await f.rt.indexer.reindex();
    done = true;
    await searching;
    expect(result.generation).toBe(before + 1);
    expect(searches).toBeGreaterThan(2);
    expect(failures).toEqual([]);
    expect((await f.rt.engine.state()).generation).toBe(before + 1);
    const tables = await f.rt.db.query<{ t: string }>(`SELECT relname AS t FROM pg_class WHERE relname LIKE 'search_docs_g%' AND relkind = 'p'`);
    expect(tables.rows.map((r) => r.t)).toEqual([`search_docs_g${before + 1}`]);
    expect(await f.rt.indexer.reconcile({ repair: false })).toMatchObject({ missing: 0, stale: 0, extra: 0 });
  });

  it('reconcile finds missing, stale and extra documents and repairs them', async () => {
    const table = await liveTable();
    await f.rt.db.query(`DELETE FROM ${table} WHERE type = 'project' AND resource_id = $1`, [projects[2]!.id]);
    await f.rt.db.query(`UPDATE projects SET version = version + 1, name = name || '（更名）' WHERE id = $1`, [projects[3]!.id]);
    await f.rt.db.query(
      `INSERT INTO ${table} SELECT 'project:ghost', type, 'ghost', passage, version, title, body, date, status, item, open, districts,
         project_nos, project_names, builders, keys, title_tsv, body_tsv, gram_tsv, prior FROM ${table} WHERE type = 'project' LIMIT 1`,
    );
    expect(await f.rt.indexer.reconcile({ repair: false })).toMatchObject({ missing: 1, stale: 1, extra: 1 });
    expect(await f.rt.indexer.reconcile()).toMatchObject({ missing: 1, stale: 1, extra: 1 });
    expect(await f.rt.indexer.reconcile({ repair: false })).toMatchObject({ missing: 0, stale: 0, extra: 0 });
    const r = await f.rt.search.search({ q: `${projects[3]!.name}（更名）`, size: 1 });
    expect(r.hits[0]!.id).toBe(projects[3]!.id);
  });

  it('writes the same documents from worker threads as from the main thread', async () => {
    const snapshot = async () =>
      (await f.rt.db.query<{ n: number; digest: string }>(
        `SELECT count(*)::int AS n, md5(string_agg(concat_ws('|', doc_id, version, title, body, keys::text, prior::text,
           title_tsv::text, body_tsv::text, gram_tsv::text), '#' ORDER BY type, doc_id)) AS digest FROM ${await liveTable()}`,
      )).rows[0]!;
    const main = await f.rt.indexer.reindex(undefined, { workers: 0 });
    const onMain = await snapshot();
    const threads = await f.rt.indexer.reindex(undefined, { workers: 2 });
    expect(threads.generation).toBe(main.generation + 1);
    expect({ records: threads.records, docs: threads.docs }).toEqual({ records: main.records, docs: main.docs });
    expect(onMain.n).toBe(main.docs);
    expect(await snapshot()).toEqual(onMain);
  });
});

describe('domain dictionary changes', () => {
  it('trigger a reindex, and only then', { timeout: 240_000 }, async () => {
    const f = await searchFixture('postgres', 40, 9);
    try {
      // Indexed by jobs only: the live index has no dictionary version yet.
      expect(await f.rt.indexer.reindexIfDictionaryChanged()).toBe(true);
      const g = (await f.rt.engine.state()).generation;
      expect(await f.rt.indexer.reindexIfDictionaryChanged()).toBe(false);
      await f.rt.db.query(`UPDATE projects SET name = '锦绣龙城示范区' WHERE id = (SELECT min(id) FROM projects)`);
      expect(await f.rt.indexer.reindexIfDictionaryChanged()).toBe(true);
      expect((await f.rt.engine.state()).generation).toBe(g + 1);
      expect(f.rt.segmenter.queryWords('锦绣龙城示范区')).toContain('锦绣龙城示范区');
    } finally {
      await f.close();
    }
  });
});
