/**
 * Search on real public material (../shared/corpus, read in place, never copied): every law
 * and regulation as 法规, every government document number as 公文. A law's full title must
 * find that law first, and a 文号 written with other brackets must find its document first.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJsonl } from '../helpers/imports.ts';
import { corpusFile, needsCorpus } from '../helpers/requirements.ts';
import { openHub, readJsonl } from '../helpers/search-fixture.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';

const present = needsCorpus('search on the real corpus', ['laws.jsonl', 'gov-documents.jsonl']);

/** A deterministic sample: every n-th item. */
const sample = <T>(items: T[], n: number) => items.filter((_, i) => i % Math.max(1, Math.floor(items.length / n)) === 0).slice(0, n);

describe.skipIf(!present)('search on the real corpus (PostgreSQL server)', () => {
  let rt: Runtime;
  let close: () => Promise<void>;
  const laws = present ? readJsonl<{ id: string; title: string }>(corpusFile('laws.jsonl')) : [];
  const docs = present ? readJsonl<{ id: string; doc_no: string; title: string | null }>(corpusFile('gov-documents.jsonl')) : [];

  beforeAll(async () => {
    ({ rt, close } = await openHub('postgres'));
    const regs = await importJsonl(rt.db, 'regulation', fs.createReadStream(corpusFile('laws.jsonl')));
    const gov = await importJsonl(rt.db, 'document', fs.createReadStream(corpusFile('gov-documents.jsonl')));
    expect(regs.rejected + gov.rejected).toBe(0);
    await rt.indexer.reindex();
  }, 900_000);
  afterAll(() => close?.());

  it('finds a law first by its full title for at least 95% of titles', async () => {
    const picked = sample(laws, 200);
    const misses: string[] = [];
    for (const law of picked) {
      const r = await rt.search.search({ q: law.title, size: 1 });
      if (r.hits[0]?.title !== law.title) misses.push(`${law.title} → ${r.hits[0]?.title ?? '(nothing)'}`);
    }
    const top1 = (picked.length - misses.length) / picked.length;
    expect(top1, misses.slice(0, 10).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('finds a law by its short name', async () => {
    for (const [short, full] of [['城乡规划法', '中华人民共和国城乡规划法'], ['土地管理法', '中华人民共和国土地管理法'], ['行政许可法', '中华人民共和国行政许可法']]) {
      const r = await rt.search.search({ q: short, size: 3 });
      expect(r.hits[0]?.title, short).toBe(full);
    }
  });

  it('finds a document first by its 文号 in other brackets', async () => {
    const canonical = docs.filter((d) => /^[\u4e00-\u9fa5]+〔\d{4}〕\d+号$/.test(d.doc_no));
    const byNo = Map.groupBy(canonical, (d) => d.doc_no);
    const picked = sample(canonical, 150);
    const misses: string[] = [];
    for (const d of picked) {
      const variant = d.doc_no.replace('〔', '[').replace('〕', ']');
      const r = await rt.search.search({ q: variant, size: 1 });
      const ok = byNo.get(d.doc_no)!.some((x) => x.id === r.hits[0]?.id);
      if (!ok) misses.push(`${variant} → ${r.hits[0]?.title ?? '(nothing)'}`);
    }
    expect(misses, misses.slice(0, 10).join('\n')).toEqual([]);
  });

  it('finds a law by a phrase from its text', async () => {
    const law = laws.find((l) => l.title === '中华人民共和国城乡规划法')!;
    const r = await rt.search.search({ q: '城乡规划主管部门不得在城乡规划确定的建设用地范围以外作出规划许可', size: 5 });
    expect(r.hits.map((h) => h.id)).toContain(law.id);
  });
});
