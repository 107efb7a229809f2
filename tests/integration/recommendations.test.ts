/**
 * Recommendations (issue #12) on hand-written records, on every engine: what a case handler
 * working on one project should read, each with reasons a person can check — the materials
 * that record the project, the builder's credit alert, past approvals of the same item in
 * similar cases, the regulations of the item, a petition about the project's place that no
 * link reaches — and nothing whose only tie is the district or the city.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../services/server/app.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';
import { SEARCH_SETUPS } from '../helpers/engines.ts';
import { buildApproval, buildPetition, buildProject } from '../helpers/factories.ts';
import { hubWith } from '../helpers/search-fixture.ts';
import { actAs } from '../helpers/sign-in.ts';

const subject = buildProject({
  id: 'prj-rc-1', project_no: 'HSAA20190101', name: '洪山区青菱湖K2地块住宅项目', district: '洪山',
  builder: '武汉青菱置业有限公司', builder_credit_code: '91420100RC00000011', address: '洪山区青菱街道青菱湖路18号',
  land_use: 'R2 二类居住用地', scale_m2: 50000, estate_name: '青菱·湖畔府',
});
/** Same item, district and land use, near in scale, closed: the similar case. */
const similar = buildProject({
  id: 'prj-rc-2', project_no: 'HSAA20170202', name: '洪山区白沙洲C3地块住宅项目', district: '洪山',
  builder: '武汉白沙洲开发有限公司', builder_credit_code: '91420100RC00000022', address: '洪山区白沙洲街道白沙四路',
  land_use: 'R2 二类居住用地', scale_m2: 45000,
});
/** Same item in another district and of another use: no case for this one. */
const elsewhere = buildProject({
  id: 'prj-rc-3', project_no: 'JAAA20170303', name: '江岸区后湖物流仓储项目', district: '江岸',
  builder: '武汉后湖物流有限公司', builder_credit_code: '91420100RC00000033', address: '江岸区后湖街道后湖大道',
  land_use: 'W1 一类物流仓储用地', scale_m2: 48000,
});
const neighbour = buildProject({
  id: 'prj-rc-4', project_no: 'HSAA20180404', name: '洪山区卓刀泉中学改扩建工程', district: '洪山',
  builder: '武汉市洪山区教育局', builder_credit_code: '91420100RC00000044', address: '洪山区卓刀泉街道卓刀泉南路',
  land_use: 'A33 中小学用地', scale_m2: 12000, project_type: '公共建筑',
});

const approvals = [
  buildApproval(subject.project_no, { id: 'apv-rc-1', item: '建设工程规划许可证', status: '在办' }),
  buildApproval(similar.project_no, { id: 'apv-rc-2', item: '建设工程规划许可证', status: '办结', closed_at: '2017-09-01T10:00:00', certificate_no: '武规建[2017]031号' }),
  buildApproval(elsewhere.project_no, { id: 'apv-rc-3', item: '建设工程规划许可证', status: '办结', closed_at: '2017-10-01T10:00:00' }),
  buildApproval(neighbour.project_no, { id: 'apv-rc-4', item: '建设用地规划许可证', status: '办结', closed_at: '2018-10-01T10:00:00' }),
];

const declared = {
  id: 'doc-rc-1', doc_no: '武规〔2019〕88号', title: '关于青菱湖K2地块住宅项目规划设计条件的函', date: '2019-04-02',
  issuer: '市自然资源和规划局', text: '青菱湖K2地块住宅项目的规划设计条件如下：容积率不大于2.5。', project_nos: [subject.project_no],
};
/** Names the project's road and sales name, not its number: reached by likeness (or by the linker). */
const aboutPlace = buildPetition({
  id: 'pet-rc-1', subject: '湖畔府工地渣土车撒漏', project_nos: [],
  text: '青菱湖路上湖畔府工地的渣土车每天晚上撒漏泥土，路面很脏，请管一管。',
});
/** Shares only the district and the city with the project. */
const districtOnly = buildPetition({
  id: 'pet-rc-2', subject: '卓刀泉中学门口交通拥堵', project_nos: [],
  text: '武汉市洪山区卓刀泉中学门口上下学时段交通拥堵，建议增设交通协管。',
});
const credit = { id: 'crd-rc-1', builder: '武汉青菱置业有限公司', credit_code: '91420100RC00000011', status: '失信', reason: '拖欠农民工工资', date: '2019-01-15' };
const regulation = {
  id: 'reg-rc-1', title: '武汉市建设工程规划许可管理办法', date: '2015-06-01', region: '武汉', category: '地方规章',
  text: '申请建设工程规划许可证，应当提交建设工程设计方案。居住用地的建设工程应当符合日照、绿地率等规划要求。',
};
const unrelatedLaw = {
  id: 'reg-rc-2', title: '武汉市土地储备管理办法', date: '2014-01-01', region: '武汉', category: '地方规章',
  text: '土地储备机构应当对储备土地进行管护，防止侵占和流失。',
};

describe.each(SEARCH_SETUPS)('recommendations on %s', (setup) => {
  let rt: Runtime;
  let close: () => Promise<void>;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ rt, close } = await hubWith(setup, {
      project: [subject, similar, elsewhere, neighbour],
      approval: approvals,
      document: [declared],
      petition: [aboutPlace, districtOnly],
      credit: [credit],
      regulation: [regulation, unrelatedLaw],
    }));
    if (rt.config.searchEngine === 'postgres') await rt.db.exec(`ANALYZE search_docs_g${(await rt.engine.state()).generation}`);
    app = await actAs(buildApp({ ...rt, logLevel: 'silent' }), rt.db, 'supervisor');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  interface Item { type: string; id: string; group: string; score: number; project_no: string | null; reasons: { kind: string; text: string }[] }
  const recommendations = async (url: string): Promise<Item[]> => {
    const res = await app.inject({ url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const texts = (item: Item | undefined) => item?.reasons.map((r) => r.text).join('；') ?? '';

  it('puts the material that records the project first, saying why', async () => {
    const items = await recommendations(`/api/projects/${subject.project_no}/recommendations`);
    expect(items[0]).toMatchObject({ type: 'document', id: declared.id, group: 'about', score: 1 });
    expect(texts(items[0])).toContain('登记时写明本项目');
  });

  it("raises the builder's 失信 record above similar cases and regulations", async () => {
    const items = await recommendations(`/api/projects/${subject.project_no}/recommendations`);
    const alert = items.find((i) => i.type === 'credit' && i.id === credit.id);
    expect(alert?.group).toBe('builder');
    expect(texts(alert)).toMatch(/建设单位「武汉青菱置业有限公司」.*失信.*拖欠农民工工资/);
    const below = items.filter((i) => i.group === 'case' || i.group === 'regulation');
    expect(below.length).toBeGreaterThan(0);
    for (const i of below) expect(alert!.score).toBeGreaterThan(i.score);
  });

  it('offers the closed approval of the same item in the same district and land use as a case, with its checkable likeness', async () => {
    const items = await recommendations(`/api/projects/${subject.project_no}/recommendations`);
    const kase = items.find((i) => i.type === 'approval' && i.id === 'apv-rc-2');
    expect(kase).toMatchObject({ group: 'case', project_no: similar.project_no });
    expect(texts(kase)).toContain('同一业务事项「建设工程规划许可证」');
    expect(texts(kase)).toContain('同在洪山');
    expect(texts(kase)).toContain('用地性质相同（R2 二类居住用地）');
    expect(texts(kase)).toMatch(/规模相近（4\.5 万㎡，本项目 5\.0 万㎡）/);
    expect(texts(kase)).toContain('武规建[2017]031号');
    // Another district and use, or another item: not a case for this one.
    expect(items.some((i) => i.id === 'apv-rc-3' || i.id === 'apv-rc-4')).toBe(false);
  });

  it('finds the regulation of the item by the words they share, and not an unrelated one', async () => {
    const items = await recommendations(`/api/projects/${subject.project_no}/recommendations`);
    const law = items.find((i) => i.type === 'regulation' && i.id === regulation.id);
    expect(law?.group).toBe('regulation');
    expect(texts(law)).toMatch(/共同词：.*建设工程/);
    expect(items.some((i) => i.id === unrelatedLaw.id)).toBe(false);
  });

  it("reaches a petition about the project's place that names neither its number nor its registered name", async () => {
    const items = await recommendations(`/api/projects/${subject.project_no}/recommendations`);
    const petition = items.find((i) => i.type === 'petition' && i.id === aboutPlace.id);
    expect(petition, JSON.stringify(items.map((i) => [i.type, i.id, i.group]))).toBeDefined();
    expect(texts(petition)).toMatch(/青菱湖路|湖畔府/);
  });

  it('never recommends a record whose only tie is the district or the city', async () => {
    const items = await recommendations(`/api/projects/${subject.project_no}/recommendations`);
    expect(items.some((i) => i.id === districtOnly.id)).toBe(false);
  });

  it("answers for one approval with cases of its own item, leaving the approval itself out", async () => {
    const items = await recommendations('/api/approvals/apv-rc-1/recommendations?size=10');
    expect(items.length).toBeLessThanOrEqual(10);
    expect(items.some((i) => i.id === 'apv-rc-1')).toBe(false);
    expect(items.some((i) => i.id === 'apv-rc-2' && i.group === 'case')).toBe(true);
  });

  it('answers unknown projects and approvals with a 404 and bad sizes with a 400, in the one error shape', async () => {
    const missing = await app.inject({ url: '/api/projects/HSAA20990001/recommendations' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: expect.any(String), message: expect.stringContaining('HSAA20990001') });
    const approval = await app.inject({ url: '/api/approvals/apv-none/recommendations' });
    expect(approval.statusCode).toBe(404);
    const size = await app.inject({ url: `/api/projects/${subject.project_no}/recommendations?size=0` });
    expect(size.statusCode).toBe(400);
    expect(size.json().message).toMatch(/size/);
  });
});
