/**
 * The PostgreSQL engine's own choices, on PGlite and on the server: statistics read from
 * ANALYZE, a walk of the prior index for a common term, and the GIN matches when that walk
 * comes back short because the term sits in low-prior rows only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_TYPES } from '../../indexers/engines/search-engine.ts';
import { docsTable } from '../../indexers/engines/postgres/postgres-schema.ts';
import { WALK_ROWS, WALK_SHARE } from '../../indexers/engines/postgres/postgres-search.ts';
import { readTableStats, shareOfAll } from '../../indexers/engines/postgres/table-stats.ts';
import { importJsonl } from '../helpers/imports.ts';
import { DB_KINDS } from '../helpers/databases.ts';
import { buildProject } from '../helpers/factories.ts';
import { openHub } from '../helpers/search-fixture.ts';
import { fromText, jsonl } from '../helpers/streams.ts';

describe.each(DB_KINDS)('PostgreSQL search on %s', (kind) => {
  let hub: Awaited<ReturnType<typeof openHub>>;
  // Recent projects fill the top of the prior order; the term is only in old ones, below them.
  const recent = Array.from({ length: WALK_ROWS + 100 }, (_, i) =>
    buildProject({ id: `recent-${i}`, project_no: `JAAA2025${String(i + 1).padStart(4, '0')}`, name: `关山大道${i}号综合楼`, created_at: '2025-06-01' }));
  // Enough of them for the statistics to call the term common.
  const old = Array.from({ length: Math.ceil(recent.length * WALK_SHARE * 2) }, (_, i) =>
    buildProject({ id: `old-${i}`, project_no: `JAAA1995${String(i + 1).padStart(4, '0')}`, name: `翠湖苑${i}期住宅`, created_at: '1995-06-01' }));

  // Tiers run in turn: 25 projects share a name (a key), 30 more hold it in their titles only.
  const named = Array.from({ length: 25 }, (_, i) =>
    buildProject({ id: `named-${i}`, project_no: `JAAA2024${String(i + 1).padStart(4, '0')}`, name: '江滩公园', address: '江岸区沿江大道', created_at: '2024-06-01' }));
  const titled = Array.from({ length: 30 }, (_, i) =>
    buildProject({ id: `titled-${i}`, project_no: `JAAA2024${String(i + 101).padStart(4, '0')}`, name: `江滩公园配套${i}号楼`, address: '江岸区沿江大道', created_at: '2024-06-01' }));
  const all = [...recent, ...old, ...named, ...titled];

  beforeAll(async () => {
    hub = await openHub(kind);
    await importJsonl(hub.rt.db, 'project', fromText(jsonl(all)));
    await hub.rt.indexer.reindex();
  }, 120_000);
  afterAll(() => hub.close());

  it('reads the share of common lexemes per type from ANALYZE', async () => {
    const stats = await readTableStats(hub.rt.db, docsTable((await hub.rt.engine.state()).generation));
    expect(stats.project.rows).toBe(all.length);
    expect(stats.approval.rows).toBe(0);
    const share = shareOfAll(stats.project, 'gram_tsv', ['翠湖']);
    expect(share).toBeCloseTo(old.length / all.length, 2);
    expect(share).toBeGreaterThan(WALK_SHARE); // so the search walks for it first
    expect(shareOfAll(stats.project, 'gram_tsv', ['关山', '翠湖'])).toBeLessThan(shareOfAll(stats.project, 'gram_tsv', ['关山']));
  });

  it('builds each partition\'s indexes once, attached to the parent\'s', async () => {
    const table = docsTable((await hub.rt.engine.state()).generation);
    const r = await hub.rt.db.query<{ part: string; n: number; attached: number; valid: boolean }>(
      `SELECT t.relid::text AS part, count(*)::int AS n, count(inh.inhparent)::int AS attached, bool_and(i.indisvalid) AS valid
       FROM pg_partition_tree($1::regclass) t JOIN pg_index i ON i.indrelid = t.relid
       LEFT JOIN pg_inherits inh ON inh.inhrelid = i.indexrelid
       WHERE t.isleaf GROUP BY t.relid`,
      [table],
    );
    expect(r.rows).toHaveLength(SEARCH_TYPES.length);
    // The primary key and ten search indexes, each attached: none built twice.
    for (const row of r.rows) expect(row).toEqual({ part: row.part, n: 11, attached: 11, valid: true });
  });

  it('finds a common term that no row near the top of the prior order holds', async () => {
    const r = await hub.rt.search.search({ q: '翠湖', size: 100 });
    expect(r.hits.map((h) => h.id).sort()).toEqual(old.map((p) => p.id).sort());
    expect(r.counts).toEqual({ project: old.length });
  });

  it('runs a later tier when the ones before it leave the page short, offsets counted', async () => {
    const page = (offset: number) => hub.rt.search.search({ q: '江滩公园', size: 20, page: offset / 20 + 1 });
    const [first, second, third] = [await page(0), await page(20), await page(40)];
    expect(first.hits.map((h) => h.matched)).toEqual(Array(20).fill('key'));
    // The keys fill page one but not page two: the titles tier must run for it.
    expect(second.hits.map((h) => h.matched)).toEqual([...Array(5).fill('key'), ...Array(15).fill('title')]);
    expect(third.hits.map((h) => h.matched)).toEqual(Array(15).fill('title'));
    const ids = [...first.hits, ...second.hits, ...third.hits].map((h) => h.id);
    expect(new Set(ids).size).toBe(named.length + titled.length);
    expect(ids.sort()).toEqual([...named, ...titled].map((p) => p.id).sort());
  });

  it('ranks the best prior first among a common term\'s matches', async () => {
    const r = await hub.rt.search.search({ q: '关山', size: 20 });
    expect(r.hits).toHaveLength(20);
    expect(r.hits.every((h) => h.id.startsWith('recent-'))).toBe(true);
    expect(r.counts.project).toBe(recent.length + old.length); // the old ones too: their address is on 关山街道
  });
});
