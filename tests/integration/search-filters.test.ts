/**
 * Filters as people write them, counts that respect them, listings without a query, 文号 that
 * rank their own document above the ones citing it, and highlights of what the query matched
 * (issue 9). Runs on every engine available (PGlite, the PostgreSQL server, OpenSearch), on a
 * small hand-made set where every expected figure is known.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchParams } from '../../services/search/search.schema.ts';
import { importJsonl } from '../helpers/imports.ts';
import { SEARCH_SETUPS } from '../helpers/engines.ts';
import { buildApproval, buildProject } from '../helpers/factories.ts';
import { openHub } from '../helpers/search-fixture.ts';
import { fromText, jsonl } from '../helpers/streams.ts';

const day = (start: string, i: number) => new Date(Date.parse(start) + i * 86_400_000).toISOString().slice(0, 10);

const hongshan = buildProject({ id: 'f-hs', project_no: 'HSAA20240001', name: '野芷湖西路还建房', district: '洪山', created_at: '2024-01-05' });
// Imported as the registry writes it, with 区: the district filter still finds it.
const hongshanFull = buildProject({ id: 'f-hs2', project_no: 'HSAA20240002', name: '卓刀泉路小学扩建', district: '洪山区', created_at: '2024-02-05' });
const donghu = buildProject({ id: 'f-dh', project_no: 'DHAA20240001', name: '光谷科创大走廊孵化园', district: '东湖', address: '东湖新技术开发区高新大道', created_at: '2024-03-05' });
const jiangan = buildProject({ id: 'f-ja', project_no: 'JAAA20100001', name: '后湖大道商业综合体', district: '江岸', created_at: '2010-01-05' });

// A few approvals in 洪山 and 东湖 with known statuses, each on its own day (newest first is unambiguous).
const small = [
  ...['在办', '办结', '在办', '新增', '在办'].map((status, i) =>
    buildApproval(i % 2 ? hongshanFull.project_no : hongshan.project_no, { id: `f-a${i}`, status, received_at: `${day('2025-03-01', i * 7)}T09:00:00` })),
  ...['在办', '办结'].map((status, i) => buildApproval(donghu.project_no, { id: `f-d${i}`, status, received_at: `${day('2025-04-01', i * 7)}T09:00:00` })),
];
const smallOpenHongshan = small.filter((a) => a.status === '在办' && a.id.startsWith('f-a'));

// More approvals of one item than PostgreSQL counts exactly (1,000 per type): 2/3 办结, 1/3 在办.
const BIG_ITEM = '竣工规划核实';
const big = Array.from({ length: 2400 }, (_, i) =>
  buildApproval(jiangan.project_no, { id: `f-b${i}`, item: BIG_ITEM, status: i % 3 === 2 ? '在办' : '办结', received_at: `${day('2009-01-01', i)}T09:00:00` }));
const bigDone = big.filter((a) => a.status === '办结').length; // 1,600
const bigOpen = big.length - bigDone; // 800

const ownNo = '国发〔2011〕20号';
const documents = [
  { id: 'f-own', doc_no: ownNo, title: '国务院关于加强地质灾害防治工作的决定', date: '2011-06-17', issuer: '国务院', text: '各省、自治区、直辖市人民政府：现就加强地质灾害防治工作决定如下。' },
  // Newer, so it would win a tie: its title cites the number.
  { id: 'f-cites', doc_no: '豫政 〔2012〕28号', title: '河南省人民政府关于贯彻落实国发〔2011〕20号文件精神加强地质灾害防治工作的意见', date: '2012-02-18', issuer: '河南省人民政府', text: '各市、县人民政府：为贯彻落实国务院决定，提出以下意见。' },
  { id: 'f-text', doc_no: '武政〔2013〕5号', title: '市人民政府关于地质灾害防治工作的通知', date: '2013-03-01', issuer: '武汉市人民政府', text: '根据国发〔2011〕20号精神，结合我市实际，通知如下。' },
];

describe.each(SEARCH_SETUPS)('search filters and listings on %s', (kind) => {
  let hub: Awaited<ReturnType<typeof openHub>>;
  const search = (p: SearchParams) => hub.rt.search.search(p);

  beforeAll(async () => {
    hub = await openHub(kind);
    for (const [type, records] of [['project', [hongshan, hongshanFull, donghu, jiangan]], ['approval', [...small, ...big]], ['document', documents]] as const) {
      const r = await importJsonl(hub.rt.db, type, fromText(jsonl(records as unknown[])));
      expect(r.rejected, JSON.stringify(r.errors[0])).toBe(0);
    }
    await hub.rt.indexer.reindex();
  }, 240_000);
  afterAll(() => hub?.close());

  describe('district as people write it', () => {
    it.each(['洪山', '洪山区', '武汉市洪山区', ' 洪山区 ', '洪山新区'])('%s is 洪山, stored in either form', async (district) => {
      const r = await search({ type: 'approval', district, size: 50 });
      expect(r.filters).toMatchObject({ district: '洪山', type: 'approval' });
      expect(r.hits.map((h) => h.id).sort()).toEqual(small.filter((a) => a.id.startsWith('f-a')).map((a) => a.id).sort());
    });

    it.each(['东湖', '东湖高新', '东湖高新区', '东湖新技术开发区', '东湖开发区'])('%s is 东湖', async (district) => {
      const r = await search({ q: '规划', district, size: 50 });
      expect(r.filters.district).toBe('东湖');
      expect(r.hits.length).toBeGreaterThan(0);
      expect(r.hits.every((h) => h.project_nos.includes(donghu.project_no))).toBe(true);
    });

    it('refuses an unknown district, naming it and the accepted ones', async () => {
      await expect(search({ q: '规划', district: '火星区' })).rejects.toMatchObject({
        statusCode: 400, message: expect.stringMatching(/district.*火星区.*洪山/s),
      });
    });
  });

  describe('counts', () => {
    it('applies the filters to a count beyond the exact-count cap', async () => {
      const all = await search({ q: BIG_ITEM });
      expect(all.counts.approval).toBeGreaterThanOrEqual(big.length * 0.9);
      const done = await search({ q: BIG_ITEM, status: '办结' });
      expect(Math.abs(done.counts.approval! - bigDone) / bigDone, `${done.counts.approval} of ${bigDone}`).toBeLessThan(0.2);
      // Under the cap, exact.
      const open = await search({ q: BIG_ITEM, status: '在办' });
      expect(open.counts.approval).toBe(bigOpen);
      expect(open.total_is_estimate).toBe(false);
    });

    it('says what the total counts when results are collapsed per project', async () => {
      const r = await search({ q: '规划', collapse: true });
      expect(r.total_counts).toBe('records');
      expect((await search({ q: '规划' })).total_counts).toBe('records');
    });

    it('refuses a date range that ends before it starts, naming both ends', async () => {
      await expect(search({ q: '规划', from: '2018-01-01', to: '2015-01-01' })).rejects.toMatchObject({
        statusCode: 400, message: expect.stringMatching(/from.*2018-01-01.*to.*2015-01-01/),
      });
    });
  });

  describe('listing without a query', () => {
    it('lists what the filters select, newest first, with counts per tab', async () => {
      const r = await search({ status: '在办', district: '洪山区', size: 50 });
      expect(r.filters).toEqual({ status: '在办', district: '洪山' });
      expect(r.hits.map((h) => h.id)).toEqual(smallOpenHongshan.map((a) => a.id).reverse());
      expect(r.counts).toEqual({ approval: smallOpenHongshan.length });
      expect(r.total).toBe(smallOpenHongshan.length);
    });

    it('counts a large listing exactly and pages through it without gaps or repeats', async () => {
      const r = await search({ status: '办结', type: 'approval', size: 10 });
      expect(r.counts.approval).toBe(bigDone + small.filter((a) => a.status === '办结').length);
      const dates = r.hits.map((h) => h.date!);
      expect(dates).toEqual([...dates].sort().reverse());
      const first = await search({ status: '办结', size: 6 });
      const pages = [...(await search({ status: '办结', size: 3 })).hits, ...(await search({ status: '办结', size: 3, page: 2 })).hits];
      expect(pages.map((h) => h.id)).toEqual(first.hits.map((h) => h.id));
    });

    it('lists a tab by type alone, and a date range', async () => {
      const docs = await search({ type: 'document' });
      expect(docs.hits.map((h) => h.id)).toEqual(['f-text', 'f-cites', 'f-own']);
      const dated = await search({ from: '2025-03-01', to: '2025-03-31', size: 50 });
      expect(dated.hits.map((h) => h.id).sort()).toEqual(small.filter((a) => a.received_at.startsWith('2025-03')).map((a) => a.id).sort());
      expect(dated.counts.approval).toBe(dated.hits.length);
    });

    it('still refuses a request with neither a query nor a filter', async () => {
      await expect(search({ q: ' ' })).rejects.toMatchObject({ statusCode: 400, message: expect.stringMatching(/q: the query is empty/) });
    });
  });

  it('answers odd queries and filters with results or a 400, never a failure', async () => {
    const odd = ['%', '_', '\\', "'", '"', '(', ':*', '!', '&|<->', '〔〕', '号', '第', '[2017]', 'JAAA2016', '😀', '\uFFFD', '　', 'a'.repeat(300)];
    const requests: SearchParams[] = [
      ...odd.map((q) => ({ q })),
      ...odd.map((x) => ({ q: '规划', district: x, item: x, status: x, project: x })),
      ...odd.map((x) => ({ item: x })),
      ...odd.map((x) => ({ status: x, type: 'approval' as const, collapse: true })),
      ...odd.map((x) => ({ project: x, sort: 'relevance' as const })),
      { q: '国发〔2011〕20号', district: '洪山', from: '2011-01-01', to: '2011-01-01' },
      { from: '0000-01-01' }, { to: '9999-12-31' }, { from: '2017-02-30' }, { to: '20170101' }, { from: '1000-01-01', to: '1000-01-01' },
      { district: '区' }, { district: '武汉市' }, { district: '新区' }, { page: 50, size: 20, status: '办结' }, { page: 1000, size: 1, type: 'approval' },
    ];
    for (const p of requests) {
      const outcome = await search(p).then(() => 200, (err: { statusCode?: number }) => err.statusCode ?? 500);
      expect([200, 400], JSON.stringify(p)).toContain(outcome);
    }
  });

  describe('文号', () => {
    it('ranks the document that bears the number above the ones that cite it', async () => {
      for (const q of ['国发【2011】20号', '国发[2011]20号', ownNo]) {
        const r = await search({ q, size: 5 });
        expect(r.hits[0], q).toMatchObject({ id: 'f-own', matched: 'key' });
        // Still found, below it: by the number in its title, which is no key of its own.
        expect(r.hits.map((h) => h.id), q).toContain('f-cites');
        expect(r.hits.find((h) => h.id === 'f-cites')!.matched, q).not.toBe('key');
      }
    });

    it('marks the whole 文号, never the 号 of its label', async () => {
      const r = await search({ q: '国发【2011】20号', size: 5 });
      const own = r.hits.find((h) => h.id === 'f-own')!;
      expect(own.snippet).toContain(`<mark>${ownNo}</mark>`);
      expect(own.snippet).not.toContain('文<mark>号</mark>');
      const cites = r.hits.find((h) => h.id === 'f-cites')!;
      expect(cites.title_html).toContain(`<mark>${ownNo}</mark>`);
      for (const h of (await search({ q: '号', type: 'document' })).hits) expect(h.snippet).not.toContain('文<mark>号</mark>');
    });
  });
});
