/**
 * The reading pages' API through app.inject(), on PGlite and on the PostgreSQL server: hand-written
 * records (invented names and numbers) imported by the real import, then read back one by one.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEngine } from '../../indexers/engines/postgres/postgres-engine.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import type { ResourceType } from '../../services/resources/resource.schema.ts';
import { createServices } from '../../services/runtime/services.ts';
import { createSearchService } from '../../services/search/search.service.ts';
import { createSuggestService } from '../../services/search/suggest.service.ts';
import { buildApp } from '../../services/server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../helpers/databases.ts';
import { importJsonl } from '../helpers/imports.ts';
import { fromText, jsonl } from '../helpers/streams.ts';
import { createRecommendService } from '../../services/recommend/recommend.service.ts';
import { recommendStore } from '../../services/recommend/recommend.store.ts';
import { actAs } from '../helpers/sign-in.ts';
import { publicInquiry } from '../helpers/public-inquiry.ts';

const BUILDER = '武汉某某置业有限公司';
const CREDIT_CODE = '91420100MA4KRR002B';

const PETITIONER = {
  name: '甄晓某', phone: '18600002468', email: 'zhen.sample@example.com', address: '武汉市洪山区某某路1号2栋301',
  gender: '女', id_number: '420100000000000000',
};

const DOC_TEXT = '根据武规[2024]009号和武政规（2016）3号，参照鄂政发（2019）3号，现将某某花园一期（JAAA20240001）'
  + '的规划方案审查意见转发给你们。项目HSAA20249999另行通知。本文即武规〔2024〕15号。';

const RECORDS: [ResourceType, Record<string, unknown>[]][] = [
  ['project', [
    { id: 'prj-r1', project_no: 'JAAA20240001', name: '某某花园一期', builder: BUILDER, builder_credit_code: CREDIT_CODE, district: '江岸', project_type: '房屋建筑', created_at: '2024-01-10' },
    { id: 'prj-r2', project_no: 'HSAA20240002', name: '某某花园二期', builder: BUILDER, district: '洪山', project_type: '房屋建筑', created_at: '2024-02-10' },
    { id: 'prj-r3', project_no: 'WCAA20240003', name: '另一某某广场', builder: '武汉另一某某公司', district: '武昌', project_type: '房屋建筑', created_at: '2024-03-10' },
  ]],
  ['approval', [{
    id: 'apv-r1', project_no: 'JAAA20240001', item: '建设工程规划许可证', status: '在办', received_at: '2024-05-06T09:00:00',
    office: '行政审批处', handler: '经办人甲', certificate_no: '武规选[2024]031号',
    // Named so that no order but theirs (by name, say) lists them as imported.
    steps: [
      { name: '进件', stage: '孵化', office: '行政审批处', handler: '经办人甲', limit_days: 1, started_at: '2024-05-06T09:00:00', finished_at: '2024-05-06T16:00:00' },
      // Started Tuesday 7 May with 5 working days: due Monday 13 May (Saturday the 11th was worked, for May Day), finished the 20th.
      { name: '方案会', stage: '技术审查', office: '规划处', handler: '经办人乙', limit_days: 5, started_at: '2024-05-07T09:00:00', finished_at: '2024-05-20T10:00:00', room: '三楼会议室' },
      // Still open, long past its limit.
      { name: '签批', stage: '技术审查', office: '规划处', handler: '经办人丙', limit_days: 3, started_at: '2024-05-20T11:00:00', finished_at: null },
    ],
  }]],
  ['document', [
    { id: 'doc-r2', doc_no: '武规（2024）9号', title: '关于某某花园一期规划方案的批复', date: '2024-04-01', issuer: '市局', text: '同意某某花园一期规划方案。', project_nos: ['JAAA20240001'] },
    { id: 'doc-r1', doc_no: '武规〔2024〕15号', title: '关于转发武规〔2024〕9号的通知', date: '2024-04-20', issuer: '市局', text: DOC_TEXT, project_nos: ['JAAA20240001'], secret_level: '公开' },
  ]],
  ['meeting', [{
    id: 'mtg-r1', title: '2024年第3次方案会纪要', date: '2024-05-15', kind: '方案会',
    text: '审议某某花园一期（JAAA20240001）建设工程规划许可，依据武规选〔2024〕31号选址意见。', project_nos: ['JAAA20240001'],
  }]],
  ['petition', [{
    id: 'pet-r1', letter_no: '[2024]00042', subject: '工地夜间施工噪音扰民', text: '洪山区某某路旁的工地晚上十一点还在施工，涉及项目HSAA20240002，请尽快处理。',
    received_at: '2024-06-01T10:00:00', channel: '市长专线', category: '城乡建设', office: '信访中心', deadline: '2024-06-15',
    status: '受理', petitioner: PETITIONER, project_nos: ['HSAA20240002'], people_count: 1,
  }]],
  ['regulation', [{ id: 'reg-r1', title: '武汉市某某管理办法', date: '2016-05-16', region: '武汉', category: '规范性文件', text: '第一条 为规范某某管理，制定本办法。', doc_no: '武政规〔2016〕3号' }]],
  ['credit', [{ id: 'cr-r1', builder: BUILDER, credit_code: CREDIT_CODE, status: '失信', reason: '违反武规〔2024〕9号，未批先建', date: '2024-03-01' }]],
];

interface Ref { field: string; text: string; start: number; end: number; target: { type: string; id: string } }

describe.each(DB_KINDS)('reading API on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const [type, records] of RECORDS) {
      const r = await importJsonl(t.db, type, fromText(jsonl(records)));
      if (r.rejected > 0) throw new Error(`${type}: ${r.errors[0]?.message}`);
    }
    const engine = createPostgresEngine(t.db);
    await engine.init();
    app = await actAs(buildApp({
      db: t.db, ...createServices(t.db), search: createSearchService({ engine, segmenter: createSegmenter() }), suggest: createSuggestService({ engine }),
      progress: publicInquiry(t.db, engine),
      recommendations: createRecommendService({ db: t.db, store: recommendStore, engine, segmenter: createSegmenter() }), logLevel: 'silent',
    }), t.db, 'officer');
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const read = async (path: string) => {
    const res = await app.inject({ url: path });
    return { status: res.statusCode, body: res.json(), raw: res.body };
  };

  /** Every reference's text is where it says it is, in the record as sent. */
  const expectOffsetsHold = (record: Record<string, string>, refs: Ref[]) => {
    for (const r of refs) expect(record[r.field]!.slice(r.start, r.end)).toBe(r.text);
  };

  it('reads a document: the record as imported, its projects, and references to what the hub holds only', async () => {
    const { status, body } = await read('/api/documents/doc-r1');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['id', 'projects', 'record', 'references', 'type']);
    expect(body).toMatchObject({ type: 'document', id: 'doc-r1' });
    expect(body.record).toMatchObject({ id: 'doc-r1', doc_no: '武规〔2024〕15号', date: '2024-04-20', issuer: '市局', project_nos: ['JAAA20240001'], secret_level: '公开' });
    expect(body.record.text).toBe(DOC_TEXT);
    expect(body.projects).toEqual([{ project_no: 'JAAA20240001', name: '某某花园一期', district: '江岸', method: 'declared' }]);

    const refs: Ref[] = body.references;
    expectOffsetsHold(body.record, refs);
    expect(refs.map((r) => [r.field, r.text, r.target])).toEqual([
      ['title', '武规〔2024〕9号', { type: 'document', id: 'doc-r2' }],
      ['text', '武规[2024]009号', { type: 'document', id: 'doc-r2' }],
      ['text', '武政规（2016）3号', { type: 'regulation', id: 'reg-r1' }],
      ['text', 'JAAA20240001', { type: 'project', id: 'JAAA20240001' }],
    ]);
    // The 文号 and project the hub lacks, and the document's own number, get no entry.
    const texts = refs.map((r) => r.text).join(' ');
    expect(texts).not.toMatch(/鄂政发|HSAA20249999|15号/);
  });

  it('reads an approval with its steps in order, the late ones flagged, and its project', async () => {
    const { status, body } = await read('/api/approvals/apv-r1');
    expect(status).toBe(200);
    expect(body.record).toMatchObject({ id: 'apv-r1', item: '建设工程规划许可证', status: '在办', received_at: '2024-05-06T01:00:00.000Z', closed_at: null });
    const steps = body.record.steps as { name: string; overdue: boolean; due: string | null }[];
    expect(steps.map((s) => [s.name, s.overdue, s.due])).toEqual([
      ['进件', false, '2024-05-07'],
      ['方案会', true, '2024-05-13'],
      ['签批', true, '2024-05-23'],
    ]);
    expect(steps[1]).toMatchObject({ office: '规划处', handler: '经办人乙', limit_days: 5, started_at: '2024-05-07T01:00:00.000Z', finished_at: '2024-05-20T02:00:00.000Z', room: '三楼会议室' });
    expect(body.projects).toEqual([{ project_no: 'JAAA20240001', name: '某某花园一期', district: '江岸', method: 'declared' }]);
    // Its own certificate number is no reference: the hub holds it only as this approval.
    expect(body.references).toEqual([]);
  });

  it('reads a meeting, whose citation of a certificate number links to the approval', async () => {
    const { status, body } = await read('/api/meetings/mtg-r1');
    expect(status).toBe(200);
    expect(body.record).toMatchObject({ title: '2024年第3次方案会纪要', kind: '方案会', date: '2024-05-15' });
    expectOffsetsHold(body.record, body.references);
    expect(body.references.map((r: Ref) => [r.text, r.target])).toEqual([
      ['JAAA20240001', { type: 'project', id: 'JAAA20240001' }],
      ['武规选〔2024〕31号', { type: 'approval', id: 'apv-r1' }],
    ]);
  });

  it('reads a petition with its petitioner masked and nothing of them whole anywhere in the answer', async () => {
    const { status, body, raw } = await read('/api/petitions/pet-r1');
    expect(status).toBe(200);
    expect(body.record.petitioner).toEqual({ name: '甄女士', phone: '186****2468', district: '洪山区' });
    for (const value of Object.values(PETITIONER).filter((v) => v.length > 1)) expect(raw).not.toContain(value);
    expect(body.record).toMatchObject({ letter_no: '[2024]00042', subject: '工地夜间施工噪音扰民', status: '受理', people_count: 1 });
    expect(body.record.text).toBe(RECORDS.find(([type]) => type === 'petition')![1][0]!.text);
    expect(body.projects).toEqual([{ project_no: 'HSAA20240002', name: '某某花园二期', district: '洪山', method: 'declared' }]);
    expect(body.references.map((r: Ref) => r.target)).toEqual([{ type: 'project', id: 'HSAA20240002' }]);
  });

  it('reads a regulation', async () => {
    const { status, body } = await read('/api/regulations/reg-r1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ type: 'regulation', id: 'reg-r1', projects: [], references: [] });
    expect(body.record).toMatchObject({ title: '武汉市某某管理办法', region: '武汉', doc_no: '武政规〔2016〕3号', text: '第一条 为规范某某管理，制定本办法。' });
  });

  it('reads a credit record with the builder\'s projects', async () => {
    const { status, body } = await read('/api/credits/cr-r1');
    expect(status).toBe(200);
    expect(body.record).toMatchObject({ builder: BUILDER, status: '失信', date: '2024-03-01' });
    expect(body.projects).toEqual([
      { project_no: 'HSAA20240002', name: '某某花园二期', district: '洪山', method: 'builder' },
      { project_no: 'JAAA20240001', name: '某某花园一期', district: '江岸', method: 'builder' },
    ]);
    expect(body.references).toEqual([{ field: 'reason', text: '武规〔2024〕9号', start: 2, end: 12, target: { type: 'document', id: 'doc-r2' } }]);
  });

  it.each([
    ['approvals', 'approval'], ['documents', 'document'], ['meetings', 'meeting'],
    ['petitions', 'petition'], ['regulations', 'regulation'], ['credits', 'credit'],
  ])('answers an unknown id of /api/%s with a plain 404', async (plural, type) => {
    // Another type's id is unknown here too.
    const id = type === 'document' ? 'pet-r1' : 'doc-r1';
    const { status, body } = await read(`/api/${plural}/${id}`);
    expect(status).toBe(404);
    expect(body).toMatchObject({ statusCode: 404, error: 'Not Found', message: `no ${type} with id "${id}"` });
    expect(typeof body.reqId).toBe('string');
  });

  it.each([
    ['too long', 'x'.repeat(201), /id must NOT have more than 200 characters/],
    ['with a space', 'doc%20r1', /id must not contain spaces or control characters/],
    ['with a tab', 'doc%09r1', /id must not contain spaces or control characters/],
    ['with a control character', 'doc%01r1', /params\/id contains the control character U\+0001/],
  ])('answers an id %s with a 400 that says why', async (_what, id, message) => {
    const { status, body } = await read(`/api/documents/${id}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(body.message).toMatch(message);
  });

  it('documents the routes in OpenAPI under the reading tag', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json();
    expect(doc.tags).toContainEqual({ name: 'reading', description: '资源阅读' });
    for (const plural of ['approvals', 'documents', 'meetings', 'petitions', 'regulations', 'credits']) {
      const op = doc.paths[`/api/${plural}/{id}`]?.get;
      expect(op, plural).toBeDefined();
      expect(op.tags).toEqual(['reading']);
      expect(op.summary).toMatch(/阅读/);
      expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }));
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
    }
  });
});
