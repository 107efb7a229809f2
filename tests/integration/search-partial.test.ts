/**
 * Search as officers name projects (issue #10) on every engine: a name's synonyms and
 * abbreviations find the registered name in the words tier, words spread over a project's name
 * and builder find the project, and when no record holds every term the records holding most
 * of them fill the page (matched 'partial', with what they lack) below every complete match,
 * while a query nothing is close to stays empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_SETUPS } from '../helpers/engines.ts';
import { buildApproval, buildProject } from '../helpers/factories.ts';
import { hubWith } from '../helpers/search-fixture.ts';
import { buildApp } from '../../services/server/app.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';
import { actAs } from '../helpers/sign-in.ts';

const lakeside = buildProject({
  id: 'prj-part-1', project_no: 'HSAA20190041', name: '洪山区南湖片K2地块住宅项目', district: '洪山',
  builder: '武汉某某置业有限公司', address: '洪山区洪山街道南湖大道以南、文治街以东',
});
const neighbour = buildProject({
  id: 'prj-part-2', project_no: 'HSAA20190042', name: '洪山区南湖片K3地块住宅项目', district: '洪山',
  builder: '武汉某某置业有限公司', address: '洪山区洪山街道南湖大道以南',
});
const rental = buildProject({
  id: 'prj-part-3', project_no: 'DHAA20200011', name: '光谷公共租赁住房二期项目', district: '东湖',
  builder: '武汉光谷建设投资有限公司', address: '东湖新技术开发区高新大道以北',
});
const sewage = buildProject({
  id: 'prj-part-4', project_no: 'JKAA20180021', name: '沌口污水处理厂扩建工程', district: '经开',
  builder: '武汉市水务集团有限公司', address: '武汉经济技术开发区沌口街道',
});
const grid = buildProject({
  id: 'prj-part-5', project_no: 'HSAA20210051', name: '某某220千伏输变电工程', district: '洪山',
  builder: '国网湖北省电力有限公司武汉供电公司', address: '洪山区花山街道',
});
const lab = buildProject({
  id: 'prj-part-6', project_no: 'DHAA20210061', name: '研发楼', district: '东湖',
  builder: '武汉某某生物科技有限公司', address: '东湖新技术开发区高新二路',
});
// Same builder, no 研发; and a builder whose own name holds every term, for a project named otherwise.
const labSibling = buildProject({
  id: 'prj-part-7', project_no: 'DHAA20210062', name: '生物医药产业园', district: '东湖',
  builder: '武汉某某生物科技有限公司', address: '东湖新技术开发区高新二路',
});
const depot = buildProject({
  id: 'prj-part-8', project_no: 'HYAA20190081', name: '汉阳物流基地', district: '汉阳',
  builder: '武汉某某物流有限公司', address: '汉阳区江堤街道',
});

const projects = [lakeside, neighbour, rental, sewage, grid, lab, labSibling, depot];

describe.each(SEARCH_SETUPS)('names as officers type them, and partial matches, on %s', (setup) => {
  let rt: Runtime;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ rt, close } = await hubWith(setup, { project: projects, approval: [
      buildApproval(lakeside.project_no, { id: 'apv-part-1' }),
      buildApproval(lab.project_no, { id: 'apv-part-6', status: '在办' }),
    ] }));
    // What autovacuum does on the server sooner or later (PGlite has none): the partial tier
    // weighs each word by the statistics, as on any analyzed database.
    if (rt.config.searchEngine === 'postgres') {
      await rt.db.exec(`ANALYZE search_docs_g${(await rt.engine.state()).generation}`);
    }
  }, 120_000);
  afterAll(() => close?.());

  it('finds the project when one word of the query is in no record, saying which', async () => {
    const r = await rt.search.search({ q: '南湖K2住宅幼儿园', size: 10 });
    expect(r.hits[0]).toMatchObject({ project_no: lakeside.project_no, matched: 'partial', missing: ['幼儿园'] });
    expect(r.partial).toBe(true);
    expect(r.hits.every((h) => h.matched === 'partial')).toBe(true);
  });

  it('finds a name when the words added to it are in no record, listing them as missing', async () => {
    // Weighed as the rarest of words, two words nobody wrote outweighed the name itself.
    const r = await rt.search.search({ q: '沌口污水厂 充电桩 屋顶绿化', size: 10 });
    // Missing as the query's words were cut: 充电 桩 屋顶 绿化.
    expect(r.hits[0]).toMatchObject({ project_no: sewage.project_no, matched: 'partial', missing: ['充电', '桩', '屋顶', '绿化'] });
    expect(r.partial).toBe(true);
  });

  it('finds a project number typed beside a word no record holds as a complete match', async () => {
    // The word leaves every word and character tier empty, and a key matches whatever else is typed.
    const r = await rt.search.search({ q: `${lakeside.project_no} 充电桩`, size: 10 });
    expect(r.hits[0]).toMatchObject({ project_no: lakeside.project_no });
    expect(r.hits[0]?.matched).not.toBe('partial');
    expect(r.partial).toBe(false);
  });

  it('says so over HTTP: partial at the top, missing on each partial hit', async () => {
    const app = await actAs(buildApp({ ...rt, logLevel: 'silent' }), rt.db, 'officer');
    try {
      const res = await app.inject({ url: `/api/search?q=${encodeURIComponent('南湖K2住宅幼儿园')}&size=10` });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.partial).toBe(true);
      expect(body.hits[0]).toMatchObject({ project_no: lakeside.project_no, matched: 'partial', missing: ['幼儿园'] });
    } finally {
      await app.close();
    }
  });

  it('ranks every complete match above every partial one', async () => {
    const r = await rt.search.search({ q: '南湖K2住宅', size: 20 });
    expect(r.hits[0]?.project_no).toBe(lakeside.project_no);
    const firstPartial = r.hits.findIndex((h) => h.matched === 'partial');
    // The neighbour holds 南湖 and 住宅 but not K2: a partial match, after the complete ones.
    expect(firstPartial).toBeGreaterThan(0);
    expect(r.hits.slice(firstPartial).every((h) => h.matched === 'partial' && h.missing!.length > 0)).toBe(true);
    expect(r.hits.slice(0, firstPartial).every((h) => h.missing === undefined)).toBe(true);
    expect(Math.min(...r.hits.slice(0, firstPartial).map((h) => h.score))).toBeGreaterThan(Math.max(...r.hits.slice(firstPartial).map((h) => h.score)));
    expect(r.hits.find((h) => h.project_no === neighbour.project_no)).toMatchObject({ matched: 'partial', missing: ['k2'] });
    expect(r.partial).toBe(false);
  });

  it.each([
    ['光谷公租房二期', rental],
    ['沌口污水厂', sewage],
    ['某某变电站', grid],
  ])('finds what %s abbreviates', async (q, project) => {
    const r = await rt.search.search({ q, size: 5 });
    expect(r.hits[0]?.project_no, q).toBe(project.project_no);
    expect(r.hits[0]?.matched, q).not.toBe('partial');
  });

  it('marks what a synonym is written as in the text', async () => {
    const r = await rt.search.search({ q: '沌口污水厂', size: 5 });
    expect(r.hits[0]?.title_html).toBe('<mark>沌口</mark><mark>污水处理厂</mark>扩建工程');
  });

  it('finds a project by words spread over its name and its builder, the project itself first', async () => {
    const r = await rt.search.search({ q: '某某生物研发', size: 10 });
    expect(r.hits[0]).toMatchObject({ type: 'project', id: lab.id });
    // The sibling holds 某某 and 生物 (its builder) but no 研发: below, as a partial match.
    expect(r.hits.find((h) => h.id === labSibling.id)).toMatchObject({ matched: 'partial', missing: ['研发'] });
  });

  it('returns nothing rather than records holding a lesser part of the query', async () => {
    const r = await rt.search.search({ q: '火星基地' });
    expect(r.hits).toEqual([]);
    expect(r.partial).toBe(false);
  });

  it('has no partial tier when the naming features are off', async () => {
    const { createSearchService } = await import('../../services/search/search.service.ts');
    const today = createSearchService({ engine: rt.engine, segmenter: rt.segmenter, naming: false });
    expect((await rt.search.search({ q: '南湖K2住宅幼儿园', size: 10 })).hits.length).toBeGreaterThan(0);
    expect((await today.search({ q: '南湖K2住宅幼儿园', size: 10 })).hits).toEqual([]);
    // Nor synonyms: 污水厂 is not 污水处理厂.
    expect((await today.search({ q: '沌口污水厂', size: 5 })).hits.map((h) => h.project_no)).not.toContain(sewage.project_no);
  });
});
