/**
 * A listing by a rare status reaches its oldest records at any depth on PostgreSQL: the bounded
 * walk of the date index (10,000 rows a type) cannot, so a rare status or item reads its own
 * (status, date) or (item, date) index. Only PostgreSQL walks; a cluster filters in its index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_WALK_MAX } from '../../indexers/engines/postgres/postgres-browse.ts';
import { DB_KINDS } from '../helpers/databases.ts';
import { buildApproval, buildProject } from '../helpers/factories.ts';
import { importJsonl } from '../helpers/imports.ts';
import { openHub } from '../helpers/search-fixture.ts';
import { fromText, jsonl } from '../helpers/streams.ts';

const hour = (i: number) => new Date(Date.parse('2000-01-01') + i * 3_600_000).toISOString().slice(0, 19);
const dayIn1999 = (i: number) => new Date(Date.parse('1999-01-01') + i * 86_400_000).toISOString().slice(0, 10);

describe.each(DB_KINDS)('a listing deeper than the walk on %s', (kind) => {
  let hub: Awaited<ReturnType<typeof openHub>>;
  const project = buildProject({ id: 'deep-p', project_no: 'JAAA20000001' });
  // The rare ones are the oldest: every closed case is newer than all of them.
  const rare = Array.from({ length: 30 }, (_, i) => buildApproval(project.project_no, { id: `deep-new-${String(i).padStart(2, '0')}`, status: '新增', received_at: dayIn1999(i) }));
  const common = Array.from({ length: LIST_WALK_MAX + 500 }, (_, i) =>
    buildApproval(project.project_no, { id: `deep-done-${i}`, status: '办结', received_at: hour(i), steps: [] }));

  beforeAll(async () => {
    hub = await openHub(kind);
    await importJsonl(hub.rt.db, 'project', fromText(jsonl([project])));
    await importJsonl(hub.rt.db, 'approval', fromText(jsonl([...rare, ...common])));
    await hub.rt.indexer.reindex();
  }, 300_000);
  afterAll(() => hub?.close());

  it('pages through a rare status newest first to its last record, with an exact count', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => hub.rt.search.search({ status: '新增', type: 'approval', size: 10, page })));
    expect(pages.flatMap((p) => p.hits.map((h) => h.id))).toEqual(rare.map((a) => a.id).reverse());
    expect(pages[0]!.counts.approval).toBe(30);
  });
});
