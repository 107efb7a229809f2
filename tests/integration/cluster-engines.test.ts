/**
 * The cluster engines against real nodes — OpenSearch and Elasticsearch (`node bin/engine.js
 * [--kind elasticsearch]`), each through its official client: external versions, passages, removal,
 * generations flipped under running searches, reconcile, and the real corpus's laws and 文号. Each
 * run uses its own index prefix and deletes it after. A node that does not answer is skipped (one
 * line says so); in CI that fails the run (helpers/engines.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterEngine } from '../../indexers/engines/cluster/cluster-engine.ts';
import { createElasticsearchEngine } from '../../indexers/engines/elasticsearch/elasticsearch-engine.ts';
import { createOpenSearchEngine } from '../../indexers/engines/opensearch/opensearch-engine.ts';
import { SEARCH_TYPES, type SearchType } from '../../indexers/engines/search-engine.ts';
import type { Indexable } from '../../indexers/indexable.ts';
import { createIndexer, type Indexer } from '../../indexers/indexer.service.ts';
import { toSearchDocs } from '../../indexers/search-docs.ts';
import { pinyinForms, uniqueTerms } from '../../indexers/suggestions.ts';
import { createSegmenter, type Segmenter } from '../../indexers/segment/segmenter.ts';
import { IMPORT_ORDER } from '../../services/cli/commands/import.command.ts';
import type { Db } from '../../services/db/db.ts';
import { generateCorpus, type GenerateResult } from '../../services/generate/generate.service.ts';
import { importJsonl } from '../helpers/imports.ts';
import { createSearchService, type SearchService } from '../../services/search/search.service.ts';
import { createSuggestService } from '../../services/search/suggest.service.ts';
import type { SearchParams } from '../../services/search/search.schema.ts';
import { createTestDb, type TestDb } from '../helpers/databases.ts';
import { readJsonl } from '../helpers/search-fixture.ts';
import { CLUSTER_SETUPS, NODE_URLS, dropIndices, type ClusterSetup } from '../helpers/engines.ts';
import { corpusFile, needs, needsCorpus } from '../helpers/requirements.ts';

const NAMES: Record<ClusterSetup, string> = { opensearch: 'OpenSearch', elasticsearch: 'Elasticsearch' };
const FACTORIES = { opensearch: createOpenSearchEngine, elasticsearch: createElasticsearchEngine };
// With no node at all, the suites are listed once as skipped rather than not at all.
const KINDS: ClusterSetup[] = CLUSTER_SETUPS.length > 0 ? CLUSTER_SETUPS : ['opensearch'];

const newPrefix = () => `planhub-test-${randomBytes(4).toString('hex')}`;

/** The real corpus imported once into PGlite, for every engine of this file to reindex from. */
let corpusDb: Promise<TestDb> | null = null;
function realCorpusDb(): Promise<TestDb> {
  corpusDb ??= (async () => {
    const tdb = await createTestDb('pglite');
    const regs = await importJsonl(tdb.db, 'regulation', fs.createReadStream(corpusFile('laws.jsonl')));
    const gov = await importJsonl(tdb.db, 'document', fs.createReadStream(corpusFile('gov-documents.jsonl')));
    if (regs.rejected + gov.rejected > 0) throw new Error(`real corpus: ${regs.rejected + gov.rejected} records rejected`);
    return tdb;
  })();
  return corpusDb;
}
afterAll(async () => {
  await (await corpusDb)?.drop();
});

const record = (over: Partial<Indexable> & Pick<Indexable, 'id' | 'version' | 'title'>): Indexable => ({
  type: 'document', body: '', date: '2020-05-01', status: null, item: null, open: false, keys: [], projects: [], ...over,
});

describe.each(KINDS)('%s engine', (kind) => {
  const URL = NODE_URLS[kind];
  const available = CLUSTER_SETUPS.includes(kind);
  const createEngine = FACTORIES[kind];
  const dropPrefix = (prefix: string) => dropIndices(prefix, kind);
  /** Raw engine reads, to check what the index holds. */
  async function countDocs(prefix: string, type: SearchType, resourceId: string): Promise<{ n: number; versions: number[] }> {
    const res = await fetch(`${URL}/${prefix}-${type}/_search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ size: 100, version: true, query: { term: { resource_key: `${type}:${resourceId}` } } }),
    });
    const body = (await res.json()) as { hits: { hits: { _version: number }[] } };
    return { n: body.hits.hits.length, versions: body.hits.hits.map((h) => h._version) };
  }

  describe.skipIf(!available)(`${NAMES[kind]} at ${URL}`, () => {
    describe('writes', () => {
      const prefix = newPrefix();
      let engine: ClusterEngine;
      let seg: Segmenter;
      let service: SearchService;
      const docsOf = (x: Indexable) => toSearchDocs(x, seg);

      beforeAll(async () => {
        engine = createEngine({ url: URL, prefix });
        await engine.init();
        await engine.init(); // idempotent
        seg = createSegmenter([]);
        service = createSearchService({ engine, segmenter: seg });
      });
      afterAll(async () => {
        await dropPrefix(prefix);
        await engine.close();
      });

      it('keeps the newest version: an older one is ignored, a newer one wins', async () => {
        const v2 = record({ id: 'd-1', version: 2, title: '关于青山区滨江公园改造的批复' });
        await engine.index(docsOf(v2));
        await engine.index(docsOf({ ...v2, version: 1, title: '关于青山区滨江公园旧方案的批复' }));
        expect((await countDocs(prefix, 'document', 'd-1')).versions).toEqual([2]);
        let r = await service.search({ q: '滨江公园', size: 5 });
        expect(r.hits.map((h) => h.title)).toEqual([v2.title]);
        // The same version again (a linked project changed): it is rewritten.
        await engine.index(docsOf({ ...v2, title: '关于青山区滨江公园改造的批复（更正）' }));
        await engine.replace([{ type: 'document', resourceId: 'd-1', version: 3 }], docsOf({ ...v2, version: 3, title: '关于青山区滨江公园三期的批复' }));
        r = await service.search({ q: '滨江公园', size: 5 });
        expect(r.hits.map((h) => h.title)).toEqual(['关于青山区滨江公园三期的批复']);
        // A late job of version 2 changes nothing.
        await engine.replace([{ type: 'document', resourceId: 'd-1', version: 2 }], docsOf(v2));
        expect(await countDocs(prefix, 'document', 'd-1')).toEqual({ n: 1, versions: [3] });
      });

      it('replaces a record whose passages shrink, and removes records unless newer', async () => {
        const para = (i: number) => `第${i}段 ${'规划条件核实及容积率调整说明。'.repeat(60)}`;
        const long = record({ id: 'r-1', type: 'regulation', version: 1, title: '武汉市建设工程规划管理技术规定', body: [1, 2, 3, 4].map(para).join('\n') + '\n独有词汇蓝湖湾' });
        const docs = docsOf(long);
        expect(docs.length).toBeGreaterThan(2);
        await engine.replace([{ type: 'regulation', resourceId: 'r-1', version: 1 }], docs);
        expect((await countDocs(prefix, 'regulation', 'r-1')).n).toBe(docs.length);
        expect((await service.search({ q: '蓝湖湾' })).total).toBe(1);
        const short = { ...long, version: 2, body: '第1段 只剩一段。' };
        await engine.replace([{ type: 'regulation', resourceId: 'r-1', version: 2 }], docsOf(short));
        expect(await countDocs(prefix, 'regulation', 'r-1')).toEqual({ n: 1, versions: [2] });
        expect((await service.search({ q: '蓝湖湾' })).total).toBe(0);
        // Removing an older version leaves the newer record; removing its version removes it.
        await engine.remove([{ type: 'regulation', resourceId: 'r-1', version: 1 }]);
        expect((await countDocs(prefix, 'regulation', 'r-1')).n).toBe(1);
        await engine.remove([{ type: 'regulation', resourceId: 'r-1', version: 2 }]);
        expect((await countDocs(prefix, 'regulation', 'r-1')).n).toBe(0);
        // Removed records leave nothing behind: imported again, at any version, they are indexed at once.
        await engine.replace([{ type: 'regulation', resourceId: 'r-1', version: 1 }], docsOf({ ...short, version: 1 }));
        expect(await countDocs(prefix, 'regulation', 'r-1')).toEqual({ n: 1, versions: [1] });
      });

      it('pages the indexed versions in byte order of the ids', async () => {
        const ids = ['p-10', 'p-2', 'P-3', 'p-1', 'p-100', 'p-_9'];
        for (const [i, id] of ids.entries()) await engine.index(docsOf(record({ id, type: 'petition', version: i + 1, title: `信访件${id}` })));
        const seen: string[] = [];
        for (let after: string | null = null; ; ) {
          const page = await engine.versions('petition', after, 4);
          if (page.length === 0) break;
          seen.push(...page.map((p) => `${p.resourceId}@${p.version}`));
          after = page[page.length - 1]!.resourceId;
        }
        const sorted = [...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        expect(seen).toEqual(sorted.map((id) => `${id}@${ids.indexOf(id) + 1}`));
      });

      it('builds a generation beside the live one and aborts it without touching readers', async () => {
        const before = await engine.state();
        const g = await engine.beginGeneration({ dictionaryVersion: 'x' });
        expect(g).toBe(before.generation + 1);
        expect((await engine.state()).building).toBe(g);
        await engine.indexInto(g, docsOf(record({ id: 'g-only', version: 1, title: '只在新一代的文件' })));
        expect((await service.search({ q: '只在新一代的文件' })).total).toBe(0);
        await engine.abortGeneration(g);
        expect(await engine.state()).toEqual(before);
        expect((await service.search({ q: '滨江公园' })).total).toBe(1);
      });

      it('suggests by prefix, pinyin and initials, and by a name it contains', async () => {
        const t = (text: string, kind: 'project' | 'place', weight: number) => ({ text, kind, ref: text, detail: null, weight, ...pinyinForms(text) });
        await engine.setSuggestions(uniqueTerms([t('青山体育公园', 'project', 2), t('青山区', 'place', 1), t('东湖青山苑', 'project', 1), t('青山体育公园', 'project', 1)]));
        const texts = async (q: string) => (await createSuggestService({ engine }).suggest(q, 10)).items.map((s) => s.text);
        expect(await texts('青山')).toEqual(['青山体育公园', '青山区', '东湖青山苑']);
        expect(await texts('qingshan')).toEqual(['青山体育公园', '青山区']);
        expect(await texts('qstygy')).toEqual(['青山体育公园']);
        expect(await texts('QSTY')).toEqual(['青山体育公园']);
        expect(await texts('体育')).toEqual(['青山体育公园']);
        expect(await texts('*')).toEqual([]);
      });

      it('reaches a cluster through a list of nodes, one of them down', async () => {
        // SEARCH_URL may list several nodes; the official client goes on to a live one.
        const listed = createEngine({ url: ['http://127.0.0.1:1', URL], prefix });
        try {
          await listed.index(docsOf(record({ id: 'd-nodes', version: 1, title: '关于汉阳区龟山公园改造的批复' })));
          const service = createSearchService({ engine: listed, segmenter: seg });
          for (let i = 0; i < 4; i++) expect((await service.search({ q: '龟山公园', size: 5 })).hits.map((h) => h.id)).toEqual(['d-nodes']);
        } finally {
          await listed.close();
        }
      });
    });

    describe('upkeep on a generated corpus', () => {
      const prefix = newPrefix();
      let tdb: TestDb;
      let db: Db;
      let engine: ClusterEngine;
      let seg: Segmenter;
      let indexer: Indexer;
      let service: SearchService;
      let corpus: GenerateResult;
      let dir: string;
      interface Project { id: string; project_no: string; name: string; builder: string; district: string }
      interface Doc { id: string; doc_no: string | null; title: string }
      let projects: Project[];
      let docs: Doc[];
      const search = (p: SearchParams) => service.search(p);

      beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-os-'));
        tdb = await createTestDb('pglite');
        db = tdb.db;
        corpus = await generateCorpus({ projects: 150, seed: 11, outDir: dir });
        for (const type of IMPORT_ORDER) await importJsonl(db, type, fs.createReadStream(corpus.files[type]!));
        engine = createEngine({ url: URL, prefix });
        await engine.init();
        seg = createSegmenter([]);
        indexer = createIndexer({ db, engine, segmenter: seg });
        service = createSearchService({ engine, segmenter: seg });
        // As the outbox jobs would: every record through replace().
        const t0 = performance.now();
        const r = await indexer.reconcile();
        console.log(`indexed ${r.missing} records by jobs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        projects = readJsonl<Project>(corpus.files.project!);
        docs = readJsonl<Doc>(corpus.files.document!);
      }, 240_000);
      afterAll(async () => {
        await dropPrefix(prefix);
        await engine?.close();
        await tdb?.drop();
        fs.rmSync(dir, { recursive: true, force: true });
      });

      it('holds every searchable record once, at its version', async () => {
        const r = await indexer.reconcile({ repair: false });
        expect(r).toMatchObject({ missing: 0, stale: 0, extra: 0 });
        expect(r.checked).toBe(Object.values(corpus.counts).reduce((a, n) => a + n, 0));
      });

      it('reindexes while searches run: none fails, none is empty; old indices go', async () => {
        const before = (await engine.state()).generation;
        const terms = projects.slice(1, 21).map((p) => p.name);
        let searches = 0;
        const failures: string[] = [];
        const latencies: number[] = [];
        let done = false;
        const searching = (async () => {
          while (!done) {
            const q = terms[searches % terms.length]!;
            searches += 1;
            const t0 = performance.now();
            try {
              const r = await search({ q, size: 3 });
              if (r.hits.length === 0) failures.push(`${q}: empty`);
            } catch (err) {
              failures.push(`${q}: ${(err as Error).message}`);
            }
            latencies.push(performance.now() - t0);
          }
        })();
        const result = await indexer.reindex();
        done = true;
        await searching;
        latencies.sort((a, b) => a - b);
        console.log(`reindex: ${result.docs} docs of ${result.records} records in ${result.seconds.toFixed(1)} s (${Math.round(result.docs / result.seconds)} docs/s, suggestions and flip included); ` +
          `${searches} searches meanwhile, p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(1)} ms, p95 ${latencies[Math.floor(latencies.length * 0.95)]!.toFixed(1)} ms`);
        expect(result.generation).toBe(before + 1);
        expect(searches).toBeGreaterThan(5);
        expect(failures).toEqual([]);
        expect((await engine.state()).generation).toBe(before + 1);
        const indices = (await (await fetch(`${URL}/_cat/indices/${prefix}-*?h=index&format=json`)).json()) as { index: string }[];
        expect(indices.map((i) => i.index).filter((i) => /-v\d+$/.test(i) && !i.includes('-suggest-')).sort()).toEqual(
          [...SEARCH_TYPES].sort().map((t) => `${prefix}-${t}-v${before + 1}`),
        );
        expect(await indexer.reconcile({ repair: false })).toMatchObject({ missing: 0, stale: 0, extra: 0 });
      });

      it('reconcile finds missing, stale and extra documents and repairs them', async () => {
        // Missing: deleted behind PlanHub's back; extra: a record PostgreSQL never had.
        await engine.remove([{ type: 'project', resourceId: projects[2]!.id, version: 2_147_483_647 }]);
        const ghost = toSearchDocs(record({ id: 'ghost', type: 'project', version: 1, title: '幽灵项目' }), seg);
        await engine.index(ghost);
        await db.query(`UPDATE projects SET version = version + 1, name = name || '（更名）' WHERE id = $1`, [projects[3]!.id]);
        expect(await indexer.reconcile({ repair: false })).toMatchObject({ missing: 1, stale: 1, extra: 1 });
        expect(await indexer.reconcile()).toMatchObject({ missing: 1, stale: 1, extra: 1 });
        expect(await indexer.reconcile({ repair: false })).toMatchObject({ missing: 0, stale: 0, extra: 0 });
        const r = await search({ q: `${projects[3]!.name}（更名）`, size: 1 });
        expect(r.hits[0]!.id).toBe(projects[3]!.id);
      });

    });
  });

  const corpusWhat = `${NAMES[kind]} engine on the real corpus`;
  // SEARCH_CORPUS_TEST=0 leaves it out on purpose, in CI too; a missing corpus fails CI.
  const corpusRun = available && (process.env.SEARCH_CORPUS_TEST === '0'
    ? needs({ what: corpusWhat, available: false, why: 'SEARCH_CORPUS_TEST=0', how: 'unset SEARCH_CORPUS_TEST to run it', required: false })
    : needsCorpus(corpusWhat, ['laws.jsonl', 'gov-documents.jsonl']));
  /** A deterministic sample: every n-th item. */
  const sample = <T>(items: T[], n: number) => items.filter((_, i) => i % Math.max(1, Math.floor(items.length / n)) === 0).slice(0, n);

  // About 40 s (SEARCH_CORPUS_TEST=0 skips it). The real corpus is read in place, never copied.
  describe.skipIf(!corpusRun)(corpusWhat, () => {
    const prefix = newPrefix();
    let tdb: TestDb;
    let engine: ClusterEngine;
    let service: SearchService;
    const laws = corpusRun ? readJsonl<{ id: string; title: string }>(corpusFile('laws.jsonl')) : [];
    const docs = corpusRun ? readJsonl<{ id: string; doc_no: string }>(corpusFile('gov-documents.jsonl')) : [];

    beforeAll(async () => {
      tdb = await realCorpusDb();
      engine = createEngine({ url: URL, prefix });
      await engine.init();
      const seg = createSegmenter([]);
      const r = await createIndexer({ db: tdb.db, engine, segmenter: seg }).reindex();
      console.log(`real corpus: ${r.docs} docs of ${r.records} records reindexed in ${r.seconds.toFixed(1)} s (${Math.round(r.docs / r.seconds)} docs/s)`);
      service = createSearchService({ engine, segmenter: seg });
    }, 1_800_000);
    afterAll(async () => {
      await dropPrefix(prefix);
      await engine?.close();
    });

    it('finds a law first by its full title for at least 95% of titles', async () => {
      const picked = sample(laws, 200);
      const misses: string[] = [];
      const times: number[] = [];
      for (const law of picked) {
        const t0 = performance.now();
        const r = await service.search({ q: law.title, size: 1 });
        times.push(performance.now() - t0);
        if (r.hits[0]?.title !== law.title) misses.push(`${law.title} → ${r.hits[0]?.title ?? '(nothing)'}`);
      }
      times.sort((a, b) => a - b);
      console.log(`law titles: top-1 ${picked.length - misses.length}/${picked.length}; p50 ${times[100]!.toFixed(1)} ms, p95 ${times[190]!.toFixed(1)} ms`);
      expect((picked.length - misses.length) / picked.length, misses.slice(0, 10).join('\n')).toBeGreaterThanOrEqual(0.95);
    });

    it('finds a document first by its 文号 in other brackets', async () => {
      const canonical = docs.filter((d) => /^[\u4e00-\u9fa5]+〔\d{4}〕\d+号$/.test(d.doc_no));
      const byNo = Map.groupBy(canonical, (d) => d.doc_no);
      const misses: string[] = [];
      for (const d of sample(canonical, 150)) {
        const variant = d.doc_no.replace('〔', '[').replace('〕', ']');
        const r = await service.search({ q: variant, size: 1 });
        if (!byNo.get(d.doc_no)!.some((x) => x.id === r.hits[0]?.id)) misses.push(`${variant} → ${r.hits[0]?.title ?? '(nothing)'}`);
      }
      expect(misses, misses.slice(0, 10).join('\n')).toEqual([]);
    });

    it('finds a law by its short name and by a phrase from its text', async () => {
      for (const [short, full] of [['城乡规划法', '中华人民共和国城乡规划法'], ['土地管理法', '中华人民共和国土地管理法'], ['行政许可法', '中华人民共和国行政许可法']]) {
        expect((await service.search({ q: short, size: 3 })).hits[0]?.title, short).toBe(full);
      }
      const law = laws.find((l) => l.title === '中华人民共和国城乡规划法')!;
      const r = await service.search({ q: '城乡规划主管部门不得在城乡规划确定的建设用地范围以外作出规划许可', size: 5 });
      expect(r.hits.map((h) => h.id)).toContain(law.id);
    });
  });
});
