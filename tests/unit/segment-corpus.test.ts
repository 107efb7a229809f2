/**
 * The segmenter on real law text (shared/corpus/laws.jsonl, read in place, never copied).
 * Without the corpus: skipped with a line saying so, or failed in CI (requirements.ts).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../indexers/segment/normalize.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { toSimplified } from '../../indexers/segment/traditional.ts';
import { corpusFile, needsCorpus } from '../helpers/requirements.ts';

const CORPUS = corpusFile('laws.jsonl');
const present = needsCorpus('the segmenter on laws.jsonl', ['laws.jsonl']);

interface Law {
  title: string;
  text: string;
}

/** A fixed sample: the same 200 laws on every run. */
function sample(n: number): Law[] {
  const laws = fs.readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Law);
  let state = 7;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: n }, () => laws[Math.floor(next() * laws.length)]!);
}

const covered = (query: string[], index: string[]): boolean => {
  const have = new Set(index);
  return query.every((w) => have.has(w));
};

describe.skipIf(!present)('segmenter on laws.jsonl', () => {
  const seg = createSegmenter();
  const laws = present ? sample(200) : [];

  it('queryWords(title) ⊆ indexWords(title) for at least 95% of 200 titles', () => {
    const ok = laws.filter((l) => covered(seg.queryWords(l.title), seg.indexWords(l.title))).length;
    expect(ok / laws.length).toBeGreaterThanOrEqual(0.95);
  });

  it('finds phrases of a title (runs of its query words, searched alone) in at least 95% of cases', () => {
    let total = 0;
    let ok = 0;
    for (const l of laws) {
      const index = seg.indexWords(l.title);
      const words = seg.queryWords(l.title);
      for (let i = 0; i + 1 < words.length; i++) {
        const phrase = words.slice(i, i + 2).join('');
        total++;
        if (covered(seg.queryWords(phrase), index)) ok++;
      }
    }
    expect(total).toBeGreaterThan(300);
    expect(ok / total).toBeGreaterThanOrEqual(0.95);
  });

  it('grams of any run of two or more Han characters of a passage are among the passage grams', () => {
    let checked = 0;
    for (const l of laws.slice(0, 50)) {
      const passage = normalizeText(l.text).slice(0, 400);
      const grams = new Set(seg.grams(passage));
      for (let at = 0; at + 6 < passage.length; at += 37) {
        const piece = passage.slice(at, at + 2 + (at % 5));
        if (!/^[\u4e00-\u9fff]+$/.test(piece)) continue;
        checked++;
        expect(seg.grams(piece).filter((g) => !grams.has(g))).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('normalizeText is idempotent; simplified law text keeps its characters', () => {
    let chars = 0;
    let changed = 0;
    for (const l of laws.slice(0, 50)) {
      const once = normalizeText(l.text);
      expect(normalizeText(once)).toBe(once);
      const simplified = toSimplified(l.text);
      chars += l.text.length;
      for (let i = 0; i < l.text.length; i++) if (simplified[i] !== l.text[i]) changed++;
    }
    // The corpus is simplified; the few hits are genuine traditional forms such as 諮.
    expect(changed / chars).toBeLessThan(1e-5);
  });
});
