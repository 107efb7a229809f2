/**
 * 流程分析 over a generated corpus imported through the real import, on PGlite and on the
 * PostgreSQL server: the analysis runs as one background job at a time (also against a run
 * another process holds), and finds every truth the generator planted (process-truth.json) —
 * the bottleneck's step, office and period, the mutual and the parallel pair, every
 * non-conforming case — and nothing comparable elsewhere; the API answers the contract, refuses
 * the anonymous (401) and officers (403), and names a bad parameter (400).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEngine } from '../../indexers/engines/postgres/postgres-engine.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import type { Db } from '../../services/db/db.ts';
import { generateCorpus } from '../../services/generate/generate.service.ts';
import type { ProcessTruthFile } from '../../services/generate/process-truths.ts';
import { createRecommendService } from '../../services/recommend/recommend.service.ts';
import { recommendStore } from '../../services/recommend/recommend.store.ts';
import { createServices } from '../../services/runtime/services.ts';
import { createSearchService } from '../../services/search/search.service.ts';
import { createSuggestService } from '../../services/search/suggest.service.ts';
import { buildApp } from '../../services/server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../helpers/databases.ts';
import { importJsonl } from '../helpers/imports.ts';
import { publicInquiry } from '../helpers/public-inquiry.ts';
import { signedIn } from '../helpers/sign-in.ts';

const PROJECTS = 1500;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-insight-'));
let corpus: Awaited<ReturnType<typeof generateCorpus>>;
let truth: ProcessTruthFile;

beforeAll(async () => {
  corpus = await generateCorpus({ projects: PROJECTS, seed: 16, outDir: dir });
  truth = JSON.parse(fs.readFileSync(corpus.processTruthPath, 'utf8'));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function openApp(db: Db): Promise<{ app: FastifyInstance; services: ReturnType<typeof createServices> }> {
  const engine = createPostgresEngine(db);
  await engine.init();
  const segmenter = createSegmenter();
  const services = createServices(db);
  const app = await buildApp({
    db, ...services, search: createSearchService({ engine, segmenter }), suggest: createSuggestService({ engine }),
    progress: publicInquiry(db, engine), recommendations: createRecommendService({ db, store: recommendStore, engine, segmenter }), logLevel: 'silent',
  });
  return { app, services };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DB_KINDS)('流程分析 on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let services: ReturnType<typeof createServices>;
  let as: { authorization: string };
  const get = async (url: string, headers = as) => {
    const res = await app.inject({ method: 'GET', url, headers });
    return { status: res.statusCode, body: res.json() };
  };

  beforeAll(async () => {
    t = await createTestDb(kind);
    const r = await importJsonl(t.db, 'approval', fs.createReadStream(corpus.files.approval!));
    expect(r.rejected).toBe(0);
    ({ app, services } = await openApp(t.db));
    as = await signedIn(app, t.db, 'supervisor');
  }, 120_000);
  afterAll(async () => {
    await services?.insight.stop();
    await app?.close();
    await t?.drop();
  });

  it('answers with empty lists and status none before any run, and 404 for an item nobody knows', async () => {
    const status = await get('/api/insight');
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ status: 'none', computed_at: null, cases: 0, items: [] });
    expect((await get('/api/insight/bottlenecks')).body).toEqual({ status: 'none', computed_at: null, items: [] });
    expect((await get('/api/insight/deviations')).body).toMatchObject({ status: 'none', total: 0, items: [] });
    const item = await get(`/api/insight/items/${encodeURIComponent('规划设计方案审查')}`);
    expect(item.body).toMatchObject({ status: 'none', cases: 0, standard: ['进件', '交评', '海绵城市', '三维', '受理', '方案会', '签批', '方案批准', '公示'] });
    const unknown = await get(`/api/insight/items/${encodeURIComponent('不存在的事项')}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('不存在的事项');
  });

  it('refuses the anonymous and officers, and names a bad parameter', async () => {
    const officer = await signedIn(app, t.db, 'officer');
    for (const [method, url] of [['GET', '/api/insight'], ['GET', '/api/insight/pairs'], ['POST', '/api/insight/refresh']] as const) {
      expect((await app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
      expect((await app.inject({ method, url, headers: officer })).statusCode, `${method} ${url}`).toBe(403);
    }
    const bad = await get('/api/insight/pairs?kind=sideways');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('kind');
    const page = await get('/api/insight/cases?page=0');
    expect(page.status).toBe(400);
    expect(page.body.message).toContain('page');
    expect((await get('/api/insight/deviations?size=1000')).status).toBe(400);
  });

  it('runs one analysis at a time: a second refresh, or one while another process computes, starts none', async () => {
    // Another process's run, alive: nothing starts here.
    await t.db.query(`INSERT INTO insight_runs (status, requested_by) VALUES ('computing', 'other-process')`);
    const held = await app.inject({ method: 'POST', url: '/api/insight/refresh', headers: as });
    expect(held.statusCode).toBe(202);
    expect(held.json()).toEqual({ status: 'computing' });
    expect((await t.db.query('SELECT count(*)::int AS n FROM insight_runs')).rows[0]).toEqual({ n: 1 });
    expect((await get('/api/insight')).body.status).toBe('computing');
    // Its process died: its heartbeat stopped, and the next refresh takes over.
    await t.db.query(`UPDATE insight_runs SET heartbeat_at = now() - interval '10 minutes'`);
    const [first, second] = await Promise.all([
      app.inject({ method: 'POST', url: '/api/insight/refresh', headers: as }),
      app.inject({ method: 'POST', url: '/api/insight/refresh', headers: as }),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([202, 202]);
    // One run of the two requests; the dead one failed (on PGlite the run may have finished, and pruned it, already).
    const runs = (await t.db.query<{ status: string; requested_by: string }>('SELECT status, requested_by FROM insight_runs ORDER BY id')).rows;
    expect(runs.filter((r) => r.requested_by === 'other-process').map((r) => r.status)).not.toContain('computing');
    expect(runs.filter((r) => r.requested_by !== 'other-process').map((r) => r.status)).toEqual([expect.stringMatching(/^(computing|ready)$/)]);
    let status = (await get('/api/insight')).body;
    let sawProgress = false;
    for (let i = 0; i < 600 && status.status === 'computing'; i++) {
      if (status.progress) sawProgress = true;
      await sleep(100);
      status = (await get('/api/insight')).body;
    }
    if (kind === 'postgres') expect(sawProgress).toBe(true);
    expect(status.status).toBe('ready');
    expect(Date.parse(status.computed_at)).toBeGreaterThan(Date.now() - 600_000);
    expect(status.duration_ms).toBeGreaterThan(0);
    expect(status.cases).toBeGreaterThan(PROJECTS * 3);
    expect(status.items.find((i: { item: string }) => i.item === '规划设计方案审查').cycle.p50).toBeGreaterThan(10);
    // The run that failed is kept no longer than the next ready one.
    expect((await t.db.query<{ status: string }>('SELECT status FROM insight_runs')).rows).toEqual([{ status: 'ready' }]);
  }, 120_000);

  it('finds the planted bottleneck, and no other', async () => {
    const { body } = await get('/api/insight/bottlenecks');
    expect(body.status).toBe('ready');
    expect(body.items.length).toBeGreaterThan(0);
    for (const b of body.items) {
      expect([b.step, b.office]).toEqual([truth.bottleneck.step, truth.bottleneck.office]);
      expect(b.from <= truth.bottleneck.to && b.to >= truth.bottleneck.from, `${b.from}…${b.to}`).toBe(true);
      expect(b.waiting_p50).toBeGreaterThan(b.baseline_waiting_p50 + 2);
      for (const id of b.example_cases) expect(truth.bottleneck.cases).toContain(id);
    }
    expect(body.items[0].from).toBe(truth.bottleneck.from);
    expect(body.items[0].queue_growth).toBeGreaterThan(0);
    const costs = body.items.map((b: { cost_days: number }) => b.cost_days);
    expect(costs).toEqual([...costs].sort((x, y) => y - x));
    const filtered = await get(`/api/insight/bottlenecks?item=${encodeURIComponent(body.items[1].item)}`);
    expect(filtered.body.items).toEqual([body.items[1]]);
  });

  it('finds the mutual and the parallel pair, and no other pair', async () => {
    const { body } = await get('/api/insight/pairs');
    expect(body.items.map((p: { kind: string; item: string; a: string; b: string }) => [p.kind, p.item, p.a, p.b]).sort()).toEqual([
      ['mutual', truth.mutual.item, truth.mutual.first, truth.mutual.second],
      ['parallel', truth.parallel.item, truth.parallel.first, truth.parallel.second],
    ]);
    const mutual = (await get('/api/insight/pairs?kind=mutual')).body.items;
    expect(mutual).toHaveLength(1);
    expect(mutual[0].b_first).toBe(truth.mutual.cases.length);
    expect(mutual[0].effect).toBeGreaterThan(2);
    const parallel = (await get(`/api/insight/pairs?kind=parallel&item=${encodeURIComponent(truth.parallel.item)}`)).body.items;
    expect(parallel[0]).toMatchObject({ b_first: truth.parallel.cases.length, offices: ['市政处', '信息中心'] });
    expect(Math.abs(parallel[0].effect)).toBeLessThan(1);
    expect(parallel[0].saved_days_p50).toBeGreaterThan(0.5);
    expect(parallel[0].saved_days_total).toBeGreaterThan(parallel[0].saved_days_p50 * 10);
  });

  it('lists every non-conforming case the generator planted, and no other', async () => {
    const all: { approval_id: string; kind: string; detail: string; project_no: string; steps: string[] }[] = [];
    for (let page = 1; ; page++) {
      const { body } = await get(`/api/insight/deviations?page=${page}&size=100`);
      all.push(...body.items);
      if (all.length >= body.total) break;
    }
    expect(all.filter((d) => d.kind === 'skipped').map((d) => d.approval_id).sort()).toEqual([...truth.skipped.cases].sort());
    expect(all.filter((d) => d.kind === 'out_of_order').map((d) => d.approval_id).sort()).toEqual([...truth.out_of_order.cases].sort());
    expect(all.filter((d) => d.kind === 'extra')).toEqual([]);
    expect(new Set(all.filter((d) => d.kind === 'skipped').map((d) => d.detail))).toEqual(new Set(['缺少「核位红线」']));
    expect(new Set(all.filter((d) => d.kind === 'out_of_order').map((d) => d.detail))).toEqual(new Set(['「签批」先于「方案会」（三传件次序不符）']));
    expect(all[0]!.project_no).toMatch(/^[A-Z]{4}\d{8}$/);
    const skipped = (await get('/api/insight/deviations?kind=skipped&size=3')).body;
    expect(skipped).toMatchObject({ total: truth.skipped.cases.length, page: 1, size: 3 });
    expect(skipped.items.every((d: { steps: string[] }) => !d.steps.includes('核位红线'))).toBe(true);
  });

  it('describes an item: its steps by office, the directly-follows graph, the critical path and its cycle', async () => {
    const { body } = await get(`/api/insight/items/${encodeURIComponent('建设工程规划许可证')}`);
    expect(body).toMatchObject({ status: 'ready', item: '建设工程规划许可证' });
    expect(body.standard).toEqual(['受理', '消防', '人防', '供电', '面积校核', '核位红线', '蓝图审签', '审批表签批', '缴费', '发证']);
    expect(body.steps.find((s: { name: string; office: string }) => s.name === '消防').office).toBe('市消防支队');
    const edges = new Map(body.edges.map((e: { from: string; to: string; count: number }) => [`${e.from}→${e.to}`, e.count]));
    expect(edges.get('开始→受理')).toBe(body.cases);
    expect(edges.get('发证→结束')).toBe(body.cases);
    expect(edges.get('受理→消防')).toBe(body.cases); // the co-reviews all follow 受理 …
    expect(edges.has('消防→人防')).toBe(false); // … and none follows another
    expect(edges.get('蓝图审签→核位红线')).toBe(truth.mutual.cases.length);
    expect(body.critical_path.steps).toContain('面积校核');
    expect(body.critical_path.days).toBeGreaterThan(10);
    expect(body.cycle.p90).toBeGreaterThan(body.cycle.p50);
  });

  it('runs again after imports, at most every six hours', async () => {
    const computedAt = (await get('/api/insight')).body.computed_at;
    const later = Date.parse(computedAt) + 7 * 3_600_000;
    expect(await services.insight.refreshIfStale(6), 'the last run is recent').toBe(false);
    expect(await services.insight.refreshIfStale(6, later), 'nothing was imported since').toBe(false);
    await t.db.query(`UPDATE approvals SET updated_at = now() WHERE id = (SELECT min(id) FROM approvals)`);
    expect(await services.insight.refreshIfStale(6), 'an import, but the last run is recent').toBe(false);
    expect(await services.insight.refreshIfStale(6, later)).toBe(true);
    let status = (await get('/api/insight')).body;
    for (let i = 0; i < 600 && status.status === 'computing'; i++) {
      await sleep(100);
      status = (await get('/api/insight')).body;
    }
    expect(status.status).toBe('ready');
    expect(status.computed_at > computedAt).toBe(true);
    expect((await t.db.query<{ requested_by: string }>('SELECT requested_by FROM insight_runs')).rows).toEqual([{ requested_by: 'schedule' }]);
  }, 60_000);

  it('lists closed cases slowest first, a page at a time', async () => {
    const first = (await get('/api/insight/cases?size=5')).body;
    const second = (await get('/api/insight/cases?size=5&page=2')).body;
    expect(first.total).toBe((await get('/api/insight')).body.cases);
    const cycles = [...first.items, ...second.items].map((c: { cycle_days: number }) => c.cycle_days);
    expect(cycles).toEqual([...cycles].sort((x, y) => y - x));
    expect(first.items[0]).toMatchObject({ project_no: expect.stringMatching(/^[A-Z]{4}\d{8}$/), received_at: expect.any(String), closed_at: expect.any(String) });
    const item = (await get(`/api/insight/cases?item=${encodeURIComponent('征收完毕确认')}&size=100`)).body;
    expect(item.items.every((c: { item: string }) => c.item === '征收完毕确认')).toBe(true);
    expect(item.total).toBe((await get('/api/insight')).body.items.find((i: { item: string }) => i.item === '征收完毕确认').cases);
  });
});
