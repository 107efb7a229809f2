/**
 * The search contract: what every engine behind `SearchEngine` must do, checked through the
 * search service on a generated corpus. Runs on PostgreSQL (PGlite and the server) and, when
 * one answers (always in CI), on a real OpenSearch node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchParams } from '../../services/search/search.schema.ts';
import { SEARCH_SETUPS } from '../helpers/engines.ts';
import { readJsonl, searchFixture, type SearchFixture } from '../helpers/search-fixture.ts';

interface Project { id: string; project_no: string; name: string; builder: string; district: string }
interface Doc { id: string; doc_no: string | null; title: string; project_nos: string[] }

describe.each(SEARCH_SETUPS)('search contract on %s', (kind) => {
  let f: SearchFixture;
  let projects: Project[];
  let docs: Doc[];
  const search = (p: SearchParams) => f.rt.search.search(p);

  beforeAll(async () => {
    f = await searchFixture(kind);
    projects = readJsonl<Project>(f.corpus.files.project!);
    docs = readJsonl<Doc>(f.corpus.files.document!);
  }, 240_000);
  afterAll(() => f.close());

  it('indexes every searchable record through the outbox jobs', async () => {
    const r = await f.rt.indexer.reconcile({ repair: false });
    expect(r).toMatchObject({ missing: 0, stale: 0, extra: 0 });
    expect(r.checked).toBe(Object.values(f.corpus.counts).reduce((a, n) => a + n, 0));
  });

  it('finds records like a text (more_like_this): of the types asked, one hit per record, best first, never an excluded one', async () => {
    for (const doc of docs.filter((d) => d.title && d.project_nos.length > 0).filter((_, i) => i % 20 === 0).slice(0, 5)) {
      const words = f.rt.segmenter.queryWords(doc.title);
      const hits = await f.rt.engine.similar({ words, types: ['document', 'petition'], exclude: [], size: 5 });
      expect(hits.map((h) => h.id), doc.title).toContain(doc.id);
      expect(new Set(hits.map((h) => `${h.type}:${h.id}`)).size).toBe(hits.length);
      expect(hits.every((h) => h.type === 'document' || h.type === 'petition')).toBe(true);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      const without = await f.rt.engine.similar({ words, types: ['document', 'petition'], exclude: [{ type: 'document', id: doc.id }], size: 5 });
      expect(without.map((h) => h.id)).not.toContain(doc.id);
      expect(await f.rt.engine.similar({ words, types: ['regulation'], exclude: [], size: 5 })).not.toContainEqual(expect.objectContaining({ id: doc.id }));
    }
  });

  it("puts a project's resources on top when the query is its exact name", async () => {
    for (const p of projects.filter((_, i) => i % 15 === 0)) {
      const r = await search({ q: p.name, size: 5 });
      expect(r.hits.length, p.name).toBeGreaterThan(0);
      expect(r.hits[0]!.project_name, `${p.name} → ${r.hits[0]!.title}`).toBe(p.name);
    }
  });

  it('finds the exact record first for a project number, in any case', async () => {
    for (const p of projects.filter((_, i) => i % 20 === 0)) {
      const r = await search({ q: p.project_no.toLowerCase(), size: 3 });
      expect(r.hits[0]!.project_no).toBe(p.project_no);
      expect(r.hits[0]!.matched).toBe('key');
    }
  });

  it('finds a document first by its 文号 written with any brackets', async () => {
    const numbered = docs.filter((d) => d.doc_no && /〔\d{4}〕/.test(d.doc_no)).slice(0, 12);
    expect(numbered.length).toBeGreaterThan(5);
    for (const d of numbered) {
      const m = /^(.*)〔(\d{4})〕(.*)$/.exec(d.doc_no!)!;
      for (const variant of [`${m[1]}[${m[2]}]${m[3]}`, `${m[1]}(${m[2]})${m[3]}`, `${m[1]}（${m[2]}）${m[3]}`, `${m[1]} 〔${m[2]}〕 ${m[3]}`]) {
        const r = await search({ q: variant, size: 3 });
        expect(r.hits[0]?.id, `${variant} → ${r.hits[0]?.title}`).toBe(d.id);
      }
    }
  });

  it("finds a builder's projects by its brand", async () => {
    const p = projects.find((x) => x.builder.includes('万科')) ?? projects[0]!;
    const brand = p.builder.includes('万科') ? '万科' : p.builder.slice(2, 6);
    const r = await search({ q: brand, type: 'project', size: 50 });
    expect(r.hits.map((h) => h.id)).toContain(p.id);
  });

  it('has tab counts that add up to the total, whichever tab is shown', async () => {
    const q = projects[3]!.name;
    const all = await search({ q });
    const sum = Object.values(all.counts).reduce((a: number, b) => a + (b ?? 0), 0);
    expect(all.total).toBe(sum);
    const approvals = await search({ q, type: 'approval' });
    expect(approvals.counts).toEqual(all.counts);
    expect(approvals.hits.every((h) => h.type === 'approval')).toBe(true);
  });

  it('marks the matched words in snippets and escapes the rest', async () => {
    const r = await search({ q: '规划许可' });
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits.some((h) => h.snippet.includes('<mark>规划许可</mark>') || h.title_html.includes('<mark>'))).toBe(true);
    for (const h of r.hits) expect(h.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('finds a phrase cut in the middle of words (recall does not depend on the dictionary)', async () => {
    const p = projects[7]!;
    const middle = [...p.name].slice(1, -1).join('');
    const r = await search({ q: middle, size: 50 });
    expect(r.hits.map((h) => h.project_name)).toContain(p.name);
  });

  it('finds a phrase that starts or ends in the middle of a word, across punctuation', async () => {
    const d = docs.find((x) => x.title && /[\u4e00-\u9fa5]{4,}。[\u4e00-\u9fa5]{4,}/.test((x as unknown as { text: string }).text))!;
    const text = (d as unknown as { text: string }).text;
    const m = /([\u4e00-\u9fa5]{4,})。([\u4e00-\u9fa5]{4,})/.exec(text)!;
    const q = `${m[1]!.slice(-1)}。${m[2]!.slice(0, 4)}`; // one character of the first sentence, four of the next
    const r = await search({ q, size: 50 });
    expect(r.hits.map((h) => h.id), q).toContain(d.id);
  });

  it('filters by project, type, district and dates', async () => {
    const p = projects[5]!;
    const own = await search({ project: p.project_no, size: 50 });
    expect(own.total).toBeGreaterThan(1);
    expect(own.hits.every((h) => h.project_nos.includes(p.project_no))).toBe(true);
    const inDistrict = await search({ q: '规划', district: p.district, size: 50 });
    expect(inDistrict.hits.every((h) => h.type === 'regulation' || h.project_nos.length === 0 || projects.some((x) => h.project_nos.includes(x.project_no) && x.district === p.district))).toBe(true);
    const dated = await search({ q: '规划', from: '2015-01-01', to: '2016-12-31', size: 50 });
    expect(dated.hits.every((h) => h.date! >= '2015-01-01' && h.date! <= '2016-12-31')).toBe(true);
  });

  it('collapses results per project', async () => {
    const r = await search({ q: '规划', collapse: true, size: 50 });
    const nos = r.hits.map((h) => h.project_no).filter(Boolean);
    expect(new Set(nos).size).toBe(nos.length);
  });

  it.each([
    ['empty', { q: '' }, /q: the query is empty/],
    ['only punctuation', { q: '，。！？、——' }, /no letters or digits/],
    ['page 10,000', { q: '规划', page: 10_000 }, /page: only the first 1000 results/],
  ])('answers a bad query (%s) with a clear error', async (_what, params, message) => {
    await expect(search(params as SearchParams)).rejects.toMatchObject({ statusCode: 400, message: expect.stringMatching(message) });
  });

  it('treats query syntax as text', async () => {
    for (const q of ["规划' & !(许可", '规划:* | 许可', "'); DROP TABLE projects; --", '<script>alert(1)</script>']) {
      const r = await search({ q });
      // As text, operators (tsquery, Lucene, SQL, HTML) find exactly what their words alone find.
      const words = await search({ q: q.replace(/[^\p{L}\p{N}]+/gu, ' ') });
      if (/\p{Script=Han}/u.test(q)) expect(words.total, q).toBeGreaterThan(0);
      expect({ total: r.total, ids: r.hits.map((h) => h.id) }, q).toEqual({ total: words.total, ids: words.hits.map((h) => h.id) });
      for (const h of r.hits) expect(h.snippet).not.toMatch(/<script>/);
    }
    const still = await f.rt.db.query('SELECT count(*)::int AS n FROM projects');
    expect(still.rows[0]).toEqual({ n: projects.length });
  });

  it('answers a 1,000-character query within bounds', async () => {
    const r = await search({ q: projects.map((p) => p.name).join('').slice(0, 1000) });
    expect(r.took_ms).toBeLessThan(10_000);
  });

  it('suggests project names by prefix, full pinyin and initials after a reindex', async () => {
    await f.rt.indexer.reindex();
    const p = projects.find((x) => /^[\u4e00-\u9fa5]{4,}/.test(x.name))!;
    const { pinyinForms } = await import('../../indexers/suggestions.ts');
    const forms = pinyinForms(p.name);
    for (const q of [p.name.slice(0, 2), forms.pinyin.slice(0, 8), forms.initials]) {
      const s = await f.rt.suggest.suggest(q, 20);
      expect(s.items.map((i) => i.text), q).toContain(p.name);
    }
  });
});
