import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessRunner } from '../../services/jobs/in-process-runner.ts';
import { createServices } from '../../services/runtime/services.ts';
import { buildApp } from '../../services/server/app.ts';
import { createPostgresEngine } from '../../indexers/engines/postgres/postgres-engine.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { createSearchService } from '../../services/search/search.service.ts';
import { createSuggestService } from '../../services/search/suggest.service.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../helpers/databases.ts';
import { buildApproval, buildPetition, buildProject } from '../helpers/factories.ts';
import { jsonl } from '../helpers/streams.ts';
import { summaryJobs } from '../helpers/summaries.ts';
import { createRecommendService } from '../../services/recommend/recommend.service.ts';
import { recommendStore } from '../../services/recommend/recommend.store.ts';
import { actAs } from '../helpers/sign-in.ts';
import { publicInquiry } from '../helpers/public-inquiry.ts';

describe.each(DB_KINDS)('HTTP API on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const engine = createPostgresEngine(t.db);
    await engine.init();
    app = await actAs(buildApp({
      db: t.db, ...createServices(t.db), search: createSearchService({ engine, segmenter: createSegmenter() }), suggest: createSuggestService({ engine }),
      progress: publicInquiry(t.db, engine),
      recommendations: createRecommendService({ db: t.db, store: recommendStore, engine, segmenter: createSegmenter() }), logLevel: 'silent',
    }), t.db, 'admin');
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const post = (type: string, body: string) =>
    app.inject({ method: 'POST', url: `/api/import/${type}`, headers: { 'content-type': 'application/x-ndjson' }, body });

  it('imports JSON lines and serves the project with its approvals and summary', async () => {
    const p = buildProject({ project_no: 'QSAA20160020', name: '青山体育公园' });
    expect((await post('project', jsonl([p]))).json()).toMatchObject({ statusCode: 200, accepted: 1, changed: 1 });
    const a = buildApproval(p.project_no);
    expect((await post('approval', jsonl([a]))).statusCode).toBe(200);
    const again = await post('approval', jsonl([a]));
    expect(again.json()).toMatchObject({ accepted: 1, changed: 0, unchanged: 1 });

    const runner = createInProcessRunner(t.db, summaryJobs(t.db), { idleMs: 60_000 });
    await runner.drain();
    await runner.stop();

    const res = await app.inject({ url: '/api/projects/qsaa20160020' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.project).toMatchObject({ project_no: 'QSAA20160020', name: '青山体育公园' });
    expect(body.summary).toMatchObject({ approvals: 1, approvals_open: 1 });
    expect(body.approvals[0].steps.map((s: { name: string }) => s.name)).toEqual(['受理', '方案会']);
  });

  it('answers bad lines with 422, naming line and field, while good lines land', async () => {
    const good = buildProject();
    const res = await post('project', `${JSON.stringify(good)}\n{"id":"x","name":123}\n`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      accepted: 1,
      rejected: 1,
      message: '1 of 2 lines were rejected; the other 1 were imported',
      errors: [{ line: 2, field: 'name' }],
    });
    expect((await app.inject({ url: `/api/projects/${good.project_no}` })).statusCode).toBe(200);
  });

  it('never returns the petitioner, not even in an import error', async () => {
    const pet = buildPetition({ received_at: 'yesterday', petitioner: { name: '来信人丁', phone: '13511112222' } });
    const res = await post('petition', jsonl([pet]));
    expect(res.statusCode).toBe(422);
    expect(res.body).not.toMatch(/来信人丁|13511112222/);
    expect(res.json().errors[0]).toMatchObject({ field: 'received_at' });
  });

  it.each([
    ['an unknown type', () => post('spaceship', '{}\n'), 400, /type/],
    ['an empty body', () => post('project', ''), 400, /no records|JSON Lines/],
    ['a wrong content type', () => app.inject({ method: 'POST', url: '/api/import/project', headers: { 'content-type': 'image/png' }, body: 'x' }), 415, /.+/],
    ['an unknown project', () => app.inject({ url: '/api/projects/JAAA19990001' }), 404, /JAAA19990001/],
    ['an unknown route', () => app.inject({ url: '/api/nothing' }), 404, /no route GET \/api\/nothing/],
  ])('answers %s with a plain error', async (_what, send, status, message) => {
    const res = await send();
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body).toMatchObject({ statusCode: status });
    expect(body.message).toMatch(message);
    expect(typeof body.reqId).toBe('string');
  });

  it('publishes OpenAPI docs', async () => {
    const res = await app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/import/{type}', '/api/projects/{projectNo}', '/api/jobs/dead']));
  });

  it('lists and replays dead letters', async () => {
    await t.db.query(`UPDATE outbox SET status = 'dead', last_error = 'boom' WHERE id = (SELECT min(id) FROM outbox)`);
    const dead = (await app.inject({ url: '/api/jobs/dead' })).json();
    expect(dead.items).toHaveLength(1);
    expect(dead.items[0].last_error).toBe('boom');
    const replay = await app.inject({ method: 'POST', url: '/api/jobs/dead/replay', payload: { ids: [dead.items[0].id] } });
    expect(replay.json()).toEqual({ replayed: 1 });
    expect((await app.inject({ url: '/api/jobs' })).json().dead).toBe(0);
  });
});

describe.each(DB_KINDS)('values from %s', (kind) => {
  it('come back as numbers for numeric and bigint columns', async () => {
    const t = await createTestDb(kind);
    try {
      const r = await t.db.query<{ a: unknown; b: unknown }>('SELECT 388799.6::numeric AS a, 9007199254740::bigint AS b');
      expect(r.rows[0]).toEqual({ a: 388799.6, b: 9007199254740 });
    } finally {
      await t.drop();
    }
  });
});
