/**
 * The statistics the PostgreSQL engine weighs words by are kept per database, and a table that
 * had none when first searched (not analyzed yet) gets them at the first search after ANALYZE,
 * not five minutes later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocsTable, docsTable, partitionOf } from '../../indexers/engines/postgres/postgres-schema.ts';
import { tableStatsCache } from '../../indexers/engines/postgres/table-stats.ts';
import { createTestDb, DB_KINDS, type TestDb } from '../helpers/databases.ts';

const TABLE = docsTable(1);

async function fill(t: TestDb, words: string): Promise<void> {
  await t.db.exec(`INSERT INTO ${partitionOf(TABLE, 'project')} (doc_id, type, resource_id, passage, version, title, body, open, districts, project_nos, project_names, builders, keys, title_tsv, body_tsv, gram_tsv, prior)
    SELECT 'project:p' || i, 'project', 'p' || i, 0, 1, '${words}', '${words}', false, '{}', '{}', '{}', '{}', '{}', to_tsvector('simple', '${words}'),
           to_tsvector('simple', '${words}'), to_tsvector('simple', '${words}'), 0
    FROM generate_series(1, 200) AS i`);
}

describe('statistics of the search table', () => {
  const dbs: TestDb[] = [];
  beforeAll(async () => {
    for (const kind of DB_KINDS) {
      const t = await createTestDb(kind);
      await createDocsTable(t.db, 1);
      dbs.push(t);
    }
  }, 120_000);
  afterAll(async () => Promise.all(dbs.map((t) => t.drop())));

  it('are read again once the table is analyzed, and kept apart for each database', async () => {
    const statsOf = tableStatsCache();
    const [a, b] = dbs as [TestDb, TestDb];
    await fill(a, '武汉 规划');
    await fill(b, '洪山 绿地');
    expect((await statsOf(a.db, TABLE)).project.columns.title_tsv).toBeUndefined();

    await a.db.exec(`ANALYZE ${TABLE}`);
    await b.db.exec(`ANALYZE ${TABLE}`);
    const sharesA = (await statsOf(a.db, TABLE)).project.columns.title_tsv?.shares;
    const sharesB = (await statsOf(b.db, TABLE)).project.columns.title_tsv?.shares;
    expect(sharesA?.get('规划')).toBeCloseTo(1);
    expect(sharesA?.has('绿地')).toBe(false);
    expect(sharesB?.get('绿地')).toBeCloseTo(1);
    expect(sharesB?.has('规划')).toBe(false);
  }, 60_000);
});
