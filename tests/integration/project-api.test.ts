/**
 * What the web app reads of projects beyond the 360 view's basics: brief facts for a page of
 * result cards at once (GET /api/projects?no=…), and each approval step's due day and overdue
 * flag in the 360 view, by the same rule as the approval's reading page.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEngine } from '../../indexers/engines/postgres/postgres-engine.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { createServices } from '../../services/runtime/services.ts';
import { createSearchService } from '../../services/search/search.service.ts';
import { createSuggestService } from '../../services/search/suggest.service.ts';
import { buildApp } from '../../services/server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../helpers/databases.ts';
import { buildApproval, buildProject } from '../helpers/factories.ts';
import { jsonl } from '../helpers/streams.ts';
import { createRecommendService } from '../../services/recommend/recommend.service.ts';
import { recommendStore } from '../../services/recommend/recommend.store.ts';
import { actAs } from '../helpers/sign-in.ts';
import { publicInquiry } from '../helpers/public-inquiry.ts';

describe.each(DB_KINDS)('project API for the web app on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  const a = buildProject({ project_no: 'HSAA20160801', name: '关山花园', builder: '武汉关山置业有限公司', address: '洪山区关山大道1号' });
  const b = buildProject({ project_no: 'JAAA20170802', name: '江岸滨江苑', builder: null, address: null, district: '江岸' });

  beforeAll(async () => {
    t = await createTestDb(kind);
    const engine = createPostgresEngine(t.db);
    await engine.init();
    app = await actAs(buildApp({
      db: t.db, ...createServices(t.db), search: createSearchService({ engine, segmenter: createSegmenter() }), suggest: createSuggestService({ engine }),
      progress: publicInquiry(t.db, engine),
      recommendations: createRecommendService({ db: t.db, store: recommendStore, engine, segmenter: createSegmenter() }), logLevel: 'silent',
    }), t.db, 'admin');
    const post = (type: string, body: string) =>
      app.inject({ method: 'POST', url: `/api/import/${type}`, headers: { 'content-type': 'application/x-ndjson' }, body });
    expect((await post('project', jsonl([a, b]))).statusCode).toBe(200);
    const approval = buildApproval(a.project_no, {
      steps: [
        // Started Tuesday 2016-05-10 with 1 working day: due Wednesday; finished Wednesday.
        { name: '受理', stage: '技术审查', office: '市民之家窗口', handler: '经办人甲', limit_days: 1, started_at: '2016-05-10T09:00:00', finished_at: '2016-05-11T17:00:00' },
        // 3 working days from Wednesday 2016-05-11: due Monday 05-16; finished Tuesday.
        { name: '签批', stage: '技术审查', office: '行政审批处', handler: '经办人乙', limit_days: 3, started_at: '2016-05-11T10:00:00', finished_at: '2016-05-17T10:00:00' },
        { name: '发证', stage: '工程许可', office: '市民之家窗口', handler: '经办人丙', limit_days: 1, started_at: null, finished_at: null },
      ],
    });
    expect((await post('approval', jsonl([approval]))).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('gives name, builder, address and district for each number asked, in any case, and leaves unknown numbers out', async () => {
    const res = await app.inject({ url: '/api/projects?no=hsaa20160801&no=JAAA20170802&no=JAAA19990001' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        { project_no: 'HSAA20160801', name: '关山花园', builder: '武汉关山置业有限公司', address: '洪山区关山大道1号', district: '洪山' },
        { project_no: 'JAAA20170802', name: '江岸滨江苑', builder: null, address: null, district: '江岸' },
      ],
    });
  });

  it('refuses a request without numbers or with more than a page of them', async () => {
    expect((await app.inject({ url: '/api/projects' })).statusCode).toBe(400);
    const many = Array.from({ length: 51 }, (_, i) => `no=HSAA2016${String(i).padStart(4, '0')}`).join('&');
    const res = await app.inject({ url: `/api/projects?${many}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/no/);
  });

  it('marks each step of the 360 view with its due day and whether it ran over', async () => {
    const res = await app.inject({ url: `/api/projects/${a.project_no}` });
    expect(res.statusCode).toBe(200);
    const steps = res.json().approvals[0].steps as { name: string; due: string | null; overdue: boolean }[];
    expect(steps.map(({ name, due, overdue }) => ({ name, due, overdue }))).toEqual([
      { name: '受理', due: '2016-05-11', overdue: false },
      { name: '签批', due: '2016-05-16', overdue: true },
      { name: '发证', due: null, overdue: false },
    ]);
  });
});
