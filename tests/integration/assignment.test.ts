/**
 * 分件 (issue #14): who in the approval's office should take it, by the cases they hold open and
 * the project's similar past cases they handled, with the rules' reasons. Through the API, on
 * PGlite and the PostgreSQL server, signed in as a handler of the office, of another office, and
 * as a supervisor.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEngine } from '../../indexers/engines/postgres/postgres-engine.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { createRecommendService } from '../../services/recommend/recommend.service.ts';
import { recommendStore } from '../../services/recommend/recommend.store.ts';
import { createServices } from '../../services/runtime/services.ts';
import { createSearchService } from '../../services/search/search.service.ts';
import { createSuggestService } from '../../services/search/suggest.service.ts';
import { buildApp } from '../../services/server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../helpers/databases.ts';
import { buildApproval, buildProject } from '../helpers/factories.ts';
import { importJsonl } from '../helpers/imports.ts';
import { publicInquiry } from '../helpers/public-inquiry.ts';
import { signedIn } from '../helpers/sign-in.ts';
import { fromText, jsonl } from '../helpers/streams.ts';

const OFFICE = '行政审批处';
const ITEM = '建设工程规划许可证';

/** The project to assign, and past projects like it (same district and land use) and unlike it. */
const subject = buildProject({ name: '关山春晓花园三期', district: '洪山', land_use: 'R2 二类居住用地', scale_m2: 50000 });
const alike = [0, 1, 2].map((i) => buildProject({ name: `关山某某花园${i + 1}期`, district: '洪山', land_use: 'R2 二类居住用地', scale_m2: 48000 + i * 1000 }));
const unlike = buildProject({ name: '江岸某某学校', district: '江岸', land_use: 'A33 中小学用地', scale_m2: 20000 });

const closed = { status: '办结', closed_at: '2017-01-10T10:00:00' };
const approvals = [
  buildApproval(subject.project_no, { id: 'apv-assign', item: ITEM, office: OFFICE, handler: null, status: '新增' }),
  // 甲 handled two of the similar cases and holds one open case now.
  buildApproval(alike[0]!.project_no, { id: 'apv-a1', item: ITEM, office: OFFICE, handler: '经办人甲', ...closed }),
  buildApproval(alike[1]!.project_no, { id: 'apv-a2', item: ITEM, office: OFFICE, handler: '经办人甲', ...closed }),
  buildApproval(unlike.project_no, { id: 'apv-a3', item: ITEM, office: OFFICE, handler: '经办人甲', status: '在办' }),
  // 乙 handled one similar case and holds three open ones.
  buildApproval(alike[2]!.project_no, { id: 'apv-b1', item: ITEM, office: OFFICE, handler: '经办人乙', ...closed }),
  ...[1, 2, 3].map((i) => buildApproval(unlike.project_no, { id: `apv-b-open${i}`, item: '规划设计条件', office: OFFICE, handler: '经办人乙', status: '在办' })),
  // 丙 holds nothing open and handled nothing similar.
  buildApproval(unlike.project_no, { id: 'apv-c1', item: '规划设计条件', office: OFFICE, handler: '经办人丙', ...closed }),
  // Another office's handler is no candidate here.
  buildApproval(alike[0]!.project_no, { id: 'apv-d1', item: ITEM, office: '规划处', handler: '经办人丁', ...closed }),
];

describe.each(DB_KINDS)('分件 on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const [type, records] of [['project', [subject, ...alike, unlike]], ['approval', approvals]] as const) {
      const r = await importJsonl(t.db, type, fromText(jsonl(records as unknown as Record<string, unknown>[])));
      if (r.rejected > 0) throw new Error(`${type}: ${r.errors[0]?.message}`);
    }
    const engine = createPostgresEngine(t.db);
    await engine.init();
    app = await buildApp({
      db: t.db, ...createServices(t.db), search: createSearchService({ engine, segmenter: createSegmenter() }), suggest: createSuggestService({ engine }),
      recommendations: createRecommendService({ db: t.db, store: recommendStore, engine, segmenter: createSegmenter() }),
      progress: publicInquiry(t.db, engine), logLevel: 'silent',
    });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const assignees = async (as: Parameters<typeof signedIn>[2], id = 'apv-assign') =>
    app.inject({ url: `/api/approvals/${id}/assignees`, headers: await signedIn(app, t.db, as) });

  it('ranks the office\'s handlers by open cases and similar cases handled, with reasons', async () => {
    const res = await assignees({ role: 'handler', office: OFFICE, username: 'assign-handler' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ approval_id: 'apv-assign', office: OFFICE, current: null, similar_cases: 4 });
    const byName = Object.fromEntries(body.candidates.map((c: { handler: string }) => [c.handler, c]));
    expect(Object.keys(byName).sort()).toEqual(['经办人丙', '经办人乙', '经办人甲']);
    expect(byName['经办人甲']).toMatchObject({ openCases: 1, relatedCases: expect.arrayContaining(['关山某某花园1期', '关山某某花园2期']) });
    expect(byName['经办人甲'].relatedCases).toHaveLength(2);
    expect(byName['经办人乙']).toMatchObject({ openCases: 3, relatedCases: ['关山某某花园3期'] });
    expect(byName['经办人丙']).toMatchObject({ openCases: 0, relatedCases: [] });
    // 甲: some load, the most experience, first; 乙: the most load, last.
    expect(body.candidates.map((c: { handler: string }) => c.handler)).toEqual(['经办人甲', '经办人丙', '经办人乙']);
    expect(byName['经办人甲'].reasons).toEqual(['在办 1 件（本处最少 0 件）', '办过相似案件 2 件：关山某某花园1期、关山某某花园2期']);
    expect(byName['经办人丙'].reasons).toEqual(['在办 0 件（本处最少）', '未办过相似案件']);
  });

  it('is the office\'s own: another office\'s handler is refused, a supervisor is not', async () => {
    const other = await assignees({ role: 'handler', office: '规划处', username: 'assign-other' });
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toMatch(/handled by 行政审批处, not your office \(规划处\)/);
    expect((await assignees({ role: 'supervisor', office: '规划处', username: 'assign-super' })).statusCode).toBe(200);
    expect((await assignees({ role: 'officer', username: 'assign-officer' })).statusCode).toBe(403);
    expect((await assignees({ role: 'supervisor', username: 'assign-super2' }, 'apv-none')).statusCode).toBe(404);
  });
});
