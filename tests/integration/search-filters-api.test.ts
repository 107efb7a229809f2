/**
 * /api/search over HTTP with filters (issue 9): the response says which filters it applied and
 * what its counts count (the response schema would drop anything it does not declare), listings
 * need no query, and odd parameters get a 400 that names them, never a 500.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../services/server/app.ts';
import { buildApproval, buildProject } from '../helpers/factories.ts';
import { importJsonl } from '../helpers/imports.ts';
import { openHub } from '../helpers/search-fixture.ts';
import { fromText, jsonl } from '../helpers/streams.ts';
import { actAs } from '../helpers/sign-in.ts';

describe('search API with filters', () => {
  let hub: Awaited<ReturnType<typeof openHub>>;
  let app: FastifyInstance;
  const project = buildProject({ id: 'fa-p', project_no: 'HSAA20250001', name: '青菱河路还建社区', district: '洪山', created_at: '2025-01-02' });
  const approvals = ['在办', '办结', '在办'].map((status, i) =>
    buildApproval(project.project_no, { id: `fa-a${i}`, status, received_at: `2025-0${i + 3}-01T09:00:00` }));

  beforeAll(async () => {
    hub = await openHub('pglite');
    await importJsonl(hub.rt.db, 'project', fromText(jsonl([project])));
    await importJsonl(hub.rt.db, 'approval', fromText(jsonl(approvals)));
    await hub.rt.indexer.reindex();
    app = await actAs(buildApp({ ...hub.rt, logLevel: 'silent' }), hub.rt.db, 'officer');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await hub?.close();
  });

  const get = (params: Record<string, string>) => app.inject({ url: `/api/search?${new URLSearchParams(params)}` });

  it('lists without a query, newest first, and says what it applied and counted', async () => {
    const res = await get({ district: '武汉市洪山区', status: '在办', collapse: 'true' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ filters: { district: '洪山', status: '在办' }, sort: 'date', total_counts: 'records', counts: { approval: 2 }, total: 2 });
    // Collapsed per project: one hit, while the counts still count records.
    expect(body.hits.map((h: { id: string }) => h.id)).toEqual(['fa-a2']);
    const all = (await get({ district: '洪山区', status: '在办' })).json();
    expect(all.hits.map((h: { id: string }) => h.id)).toEqual(['fa-a2', 'fa-a0']);
  });

  it('documents the applied filters and the unit of the counts', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json();
    const response = doc.paths['/api/search'].get.responses['200'].content['application/json'].schema.properties;
    expect(response.total_counts.enum).toEqual(['records']);
    expect(Object.keys(response.filters.properties)).toEqual(['type', 'district', 'item', 'status', 'from', 'to', 'project']);
  });

  it.each([
    ['an unknown district', { q: '规划', district: '火星区' }, /district: "火星区".*洪山/],
    ['a range that ends before it starts', { status: '在办', from: '2025-05-01', to: '2025-03-01' }, /from: 2025-05-01 .*to: 2025-03-01/],
    ['no query and no filter', { q: '  ' }, /q: the query is empty/],
    ['a day that does not exist', { status: '在办', from: '2025-02-30' }, /from/],
    ['year 0, which PostgreSQL has not', { q: '规划', to: '0000-01-01' }, /to: "0000-01-01"/],
  ])('answers %s with a 400 that names it', async (_what, params, message) => {
    const res = await get(params);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toMatch(message);
  });

  it('never answers odd parameters with a 500', async () => {
    const odd = ['%', '\u0000', "'", '"', '\\', '<b>', '{}', '[]', '😀', '\u3000', '%00', 'x'.repeat(19)];
    for (const x of odd) {
      for (const key of ['q', 'district', 'item', 'status', 'project', 'from', 'to', 'type', 'sort', 'collapse', 'page', 'size']) {
        const res = await get({ [key]: x, ...(key === 'q' ? {} : { q: '规划' }) });
        expect(res.statusCode, `${key}=${x}: ${res.body}`).toBeLessThan(500);
      }
    }
  });
});
