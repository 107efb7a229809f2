/**
 * Type-ahead on every engine: same-named projects stay apart, every suggestion points at
 * something the caller can open, and the terms are stored once. A small hand-made corpus, so
 * that the names that collide are known.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSuggestions, suggestionKey } from '../../indexers/suggestions.ts';
import { importJsonl } from '../helpers/imports.ts';
import { createInProcessRunner } from '../../services/jobs/in-process-runner.ts';
import type { ResourceType } from '../../services/resources/resource.schema.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';
import { buildApp } from '../../services/server/app.ts';
import { SEARCH_SETUPS } from '../helpers/engines.ts';
import { openHub } from '../helpers/search-fixture.ts';
import { actAs } from '../helpers/sign-in.ts';

const BUILDER = '武汉万科房地产有限公司';
/** 万科中央公馆 in three districts: the case that type-ahead used to show as one. */
const SAME_NAME = [
  { id: 'p-hs', project_no: 'HSAA20190012', district: '洪山' },
  { id: 'p-jx', project_no: 'JXAA20200031', district: '江夏' },
  { id: 'p-hy', project_no: 'HYAA20210007', district: '汉阳' },
].map((p) => ({ ...p, name: '万科中央公馆', builder: BUILDER, address: `${p.district}区某路1号`, project_type: '房屋建筑' }));
/**
 * Names typed from an inner word (光谷小学, 同济), and an estate known by its sales name. The
 * projects found only at an inner word are the busier ones, so that weight alone would put them first.
 */
const INNER = {
  ggxx: { id: 'p-ggxx', project_no: 'WCAA20210001', name: '武昌区某某街光谷小学新建工程', district: '武昌' },
  ggxxWhole: { id: 'p-ggxx-w', project_no: 'DHAA20220002', name: '光谷小学扩建工程', district: '东湖高新' },
  tongjiWhole: { id: 'p-tj-w', project_no: 'DHAA20190003', name: '同济医院光谷院区二期', district: '东湖高新' },
  tongjiInner: [
    { id: 'p-tj-1', project_no: 'JHAA20200004', name: '华中科技大学同济医学院附属协和医院扩建工程', district: '江汉' },
    { id: 'p-tj-2', project_no: 'QKAA20210005', name: '武汉同济医院门诊楼改造', district: '硚口' },
  ],
  estate: { id: 'p-hpl', project_no: 'HSAA20190031', name: '洪山区某某街道K1地块住宅项目', district: '洪山', estate_name: '某某·湖畔里', aliases: ['湖畔里小区'] },
};
const busy = (project_no: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `a-${project_no}-${i}`, project_no, item: '建设工程规划许可', status: '在办' }));

const RECORDS: Partial<Record<ResourceType, object[]>> = {
  project: [
    ...SAME_NAME,
    INNER.ggxx, INNER.ggxxWhole, INNER.tongjiWhole, ...INNER.tongjiInner, INNER.estate,
    { id: 'p-qs', project_no: 'QSAA20200001', name: '青山体育公园', builder: '武汉市青山区城市建设投资有限公司', district: '青山' },
    // Its pinyin starts with `loft` and its text holds `loft` further on: found by both lookups.
    { id: 'p-lf', project_no: 'JAAA20220005', name: 'Loft青年汇loft', district: '江岸' },
  ],
  approval: [...busy(INNER.ggxx.project_no, 3), ...busy(INNER.tongjiInner[0]!.project_no, 3)],
  regulation: [{ id: 'reg-1', title: '中华人民共和国城乡规划法', date: '2019-04-23', category: '法律', text: '为了加强城乡规划管理，协调城乡空间布局，制定本法。' }],
};

async function load(rt: Runtime): Promise<void> {
  for (const [type, rows] of Object.entries(RECORDS) as [ResourceType, object[]][]) {
    const r = await importJsonl(rt.db, type, Readable.from([Buffer.from(rows.map((x) => JSON.stringify(x)).join('\n'))]));
    if (r.rejected > 0) throw new Error(`${type}: ${r.errors[0]?.message}`);
  }
  // Project summaries (how busy each project is, the suggestions' weight) are a job's.
  const runner = createInProcessRunner(rt.db, rt.registry, { idleMs: 3_600_000 });
  await runner.drain();
  await runner.stop();
  await rt.indexer.reindex();
}

describe.each(SEARCH_SETUPS)('type-ahead on %s', (setup) => {
  let rt: Runtime;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  const suggest = async (q: string, size = 10) => (await rt.suggest.suggest(q, size)).items;

  beforeAll(async () => {
    ({ rt, close } = await openHub(setup));
    await load(rt);
    app = await actAs(buildApp({ ...rt, logLevel: 'silent' }), rt.db, 'officer');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  it('shows each same-named project as its own suggestion, told apart by district and number', async () => {
    for (const q of ['万科中央', 'wankezhongyang', 'wkzygg', '中央公馆']) {
      const found = (await suggest(q)).filter((s) => s.kind === 'project');
      expect(found.map((s) => s.ref).sort(), q).toEqual(SAME_NAME.map((p) => p.project_no).sort());
      for (const p of SAME_NAME) {
        expect(found.find((s) => s.ref === p.project_no), q).toEqual({
          text: '万科中央公馆', kind: 'project', ref: p.project_no, detail: `${p.district} · ${p.project_no}`, href: `/api/projects/${p.project_no}`,
        });
      }
    }
  });

  it('gives builders, places and regulations a ref and an href', async () => {
    expect((await suggest('武汉万科')).find((s) => s.kind === 'builder')).toEqual({
      text: BUILDER, kind: 'builder', ref: BUILDER, detail: null, href: `/api/search?q=${encodeURIComponent(BUILDER)}&type=project`,
    });
    expect((await suggest('洪山')).find((s) => s.text === '洪山区')).toEqual({
      text: '洪山区', kind: 'place', ref: '洪山区', detail: null, href: `/api/search?q=${encodeURIComponent('洪山区')}`,
    });
    const law = (await suggest('城乡规划')).filter((s) => s.kind === 'regulation');
    expect(law).toContainEqual({
      text: '城乡规划法', kind: 'regulation', ref: 'reg-1', detail: '中华人民共和国城乡规划法', href: `/api/search?q=${encodeURIComponent('城乡规划法')}&type=regulation`,
    });
  });

  it('answers with hrefs that open what the suggestion names', async () => {
    const items = [...(await suggest('万科')), ...(await suggest('城乡规划法')), ...(await suggest('青山区'))];
    expect(new Set(items.map((s) => s.kind))).toEqual(new Set(['project', 'builder', 'place', 'regulation']));
    for (const s of items) {
      const res = await app.inject({ url: s.href });
      expect(res.statusCode, s.href).toBe(200);
      const body = res.json();
      if (s.kind === 'project') expect(body.project.project_no).toBe(s.ref);
      if (s.kind === 'builder') {
        const own = (RECORDS.project as { id: string; builder?: string }[]).filter((p) => p.builder === s.ref).map((p) => p.id);
        expect(own.length, s.ref).toBeGreaterThan(0);
        expect(body.hits.map((h: { id: string }) => h.id), s.ref).toEqual(expect.arrayContaining(own));
      }
      if (s.kind === 'regulation') expect(body.hits[0].id).toBe(s.ref);
    }
  });

  it('lists a suggestion once when both its pinyin and its text match', async () => {
    const items = await suggest('loft', 20);
    expect(items.map((s) => s.ref)).toEqual(['JAAA20220005']);
  });

  it('answers /api/suggest with text, kind, ref, detail and href, as its OpenAPI schema says', async () => {
    const res = await app.inject({ url: `/api/suggest?q=${encodeURIComponent('万科中央')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBe(3);
    for (const item of res.json().items) expect(Object.keys(item).sort()).toEqual(['detail', 'href', 'kind', 'ref', 'text']);
    const doc = JSON.parse(JSON.stringify(app.swagger()));
    const schema = doc.paths['/api/suggest'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties.items.items.properties).sort()).toEqual(['detail', 'href', 'kind', 'ref', 'text']);
  });

  it('finds a name by the initials of an inner word, below names that start with them', async () => {
    const found = (await suggest('ggxx')).filter((s) => s.kind === 'project');
    expect(found.map((s) => s.ref)).toEqual([INNER.ggxxWhole.project_no, INNER.ggxx.project_no]);
    expect(found[1]).toEqual({
      text: INNER.ggxx.name, kind: 'project', ref: INNER.ggxx.project_no, detail: `武昌 · ${INNER.ggxx.project_no}`, href: `/api/projects/${INNER.ggxx.project_no}`,
    });
    // The whole name's initials still find it, first.
    expect((await suggest('wcqmmjggxx'))[0]?.ref).toBe(INNER.ggxx.project_no);
  });

  it('finds every name holding a word by that word\'s full pinyin, names that start with it first', async () => {
    const found = (await suggest('tongji')).filter((s) => s.kind === 'project');
    expect(found[0]?.ref).toBe(INNER.tongjiWhole.project_no);
    expect(found.map((s) => s.ref).sort()).toEqual([INNER.tongjiWhole, ...INNER.tongjiInner].map((p) => p.project_no).sort());
    // And a word further in (医学院, after 同济).
    expect((await suggest('yixueyuan')).map((s) => s.ref)).toContain(INNER.tongjiInner[0]!.project_no);
  });

  it('finds a project by the full pinyin of its sales name and of its aliases, and opens it', async () => {
    const { project_no, name } = INNER.estate;
    const found = await suggest('hupanli');
    expect(found.map((s) => s.text).sort()).toEqual(['某某·湖畔里', '湖畔里小区'].sort());
    for (const s of found) {
      expect(s, s.text).toMatchObject({ kind: 'project', ref: project_no, detail: `${name} · ${project_no}`, href: `/api/projects/${project_no}` });
      const res = await app.inject({ url: s.href });
      expect(res.json().project.project_no).toBe(project_no);
    }
    // The alias starts with the text; the sales name holds it at a word.
    expect(found[0]?.text).toBe('湖畔里小区');
    expect((await suggest('mmhpl')).map((s) => s.text)).toEqual(['某某·湖畔里']);
    expect((await suggest('moumouhupanli')).map((s) => s.text)).toEqual(['某某·湖畔里']);
  });

  it('builds each term once, with the highest weight any source gave it', async () => {
    const terms = await buildSuggestions(rt.db);
    expect(new Set(terms.map(suggestionKey)).size).toBe(terms.length);
    // 东湖风景区 is both a body the bureau names and a street's base name.
    expect(terms.filter((t) => t.kind === 'place' && t.text === '东湖风景区')).toHaveLength(1);
  });
});
