/**
 * Segmentation throughput on real law text (shared/corpus/laws.jsonl, read in place), cut into
 * passages of about 1,500 characters as the indexer does, beside jieba's own cut as the baseline.
 *
 *   node tests/bench/segment.bench.ts [--mb 8] [--runs 5] [--write]
 *
 * MB are UTF-8 megabytes (10^6 bytes) of input. Each passage is timed separately; the median and
 * p95 are over passage batches of about 256 kB across all runs ("p95" is the slow side: 95% of
 * batches were at least that fast). --write also saves the table to tests/bench/results/segment.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as OpenCC from 'opencc-js/t2cn';
import { sharedJieba } from '../../indexers/segment/jieba-dictionary.ts';
import { normalizeText } from '../../indexers/segment/normalize.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { toSimplified } from '../../indexers/segment/traditional.ts';
import { describeMachine, percentile, table } from './machine.ts';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '8' },
    runs: { type: 'string', default: '5' },
    write: { type: 'boolean', default: false },
  },
});
const targetBytes = Number(values.mb) * 1e6;
const runs = Number(values.runs);

const corpusFile = path.resolve(import.meta.dirname, '../../../shared/corpus/laws.jsonl');
if (!fs.existsSync(corpusFile)) {
  console.error(`no corpus at ${corpusFile}: this benchmark reads shared/corpus/laws.jsonl`);
  process.exit(1);
}

/** Passages of at most ~1,500 characters cut at line ends, the size the indexer stores. */
function passagesOf(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current && current.length + line.length > 1500) {
      out.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(current);
  return out;
}

const passages: string[] = [];
let bytes = 0;
for (const line of fs.readFileSync(corpusFile, 'utf8').split('\n')) {
  if (!line || bytes >= targetBytes) continue;
  const law = JSON.parse(line) as { title: string; text: string };
  for (const p of passagesOf(`${law.title}\n${law.text}`)) {
    passages.push(p);
    bytes += Buffer.byteLength(p);
  }
}
const passageBytes = passages.map((p) => Buffer.byteLength(p));

const t0 = performance.now();
const seg = createSegmenter();
const setupMs = performance.now() - t0;
const jieba = sharedJieba();
const openccFull = OpenCC.Converter({ from: 'tw', to: 'cn' });

const BATCH_BYTES = 256_000;

interface Figures {
  name: string;
  total: number;
  median: number;
  p95: number;
  tokens: number;
}

function measure(name: string, fn: (text: string) => { length: number }): Figures {
  for (const p of passages.slice(0, 200)) fn(p); // warm-up
  const rates: number[] = [];
  let totalMs = 0;
  let tokens = 0;
  for (let r = 0; r < runs; r++) {
    let batchMs = 0;
    let batchBytes = 0;
    for (let i = 0; i < passages.length; i++) {
      const start = performance.now();
      const out = fn(passages[i]!);
      const ms = performance.now() - start;
      if (r === 0) tokens += out.length;
      batchMs += ms;
      batchBytes += passageBytes[i]!;
      if (batchBytes >= BATCH_BYTES) {
        rates.push(batchBytes / 1e6 / (batchMs / 1000));
        totalMs += batchMs;
        batchMs = 0;
        batchBytes = 0;
      }
    }
    totalMs += batchMs;
  }
  rates.sort((a, b) => a - b);
  return {
    name,
    total: (bytes * runs) / 1e6 / (totalMs / 1000),
    median: percentile(rates, 50),
    p95: percentile(rates, 5),
    tokens,
  };
}

const figures = [
  measure('jieba cut, HMM (baseline)', (t) => jieba.cut(t, true)),
  measure('jieba cutForSearch, HMM', (t) => jieba.cutForSearch(t, true)),
  measure('normalizeText', (t) => normalizeText(t)),
  measure('  of which NFKC only', (t) => t.normalize('NFKC')),
  measure('  of which toSimplified only', (t) => toSimplified(t)),
  measure('  (OpenCC phrase converter, not used)', (t) => openccFull(t)),
  measure('indexWords', (t) => seg.indexWords(t)),
  measure('grams', (t) => seg.grams(t)),
  measure('indexWords + grams', (t) => ({ length: seg.indexWords(t).length + seg.grams(t).length })),
  measure('queryWords', (t) => seg.queryWords(t)),
];

const report = [
  `Segmentation throughput, ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Machine: ${describeMachine()}`,
  `Input: ${passages.length} passages of laws.jsonl, ${(bytes / 1e6).toFixed(1)} MB UTF-8, ${runs} runs; createSegmenter ${setupMs.toFixed(0)} ms`,
  '',
  table(
    ['operation', 'MB/s overall', 'MB/s median', 'MB/s p95 (slow side)', 'tokens or chars out (1 run)'],
    figures.map((f) => [f.name, f.total.toFixed(1), f.median.toFixed(1), f.p95.toFixed(1), f.tokens]),
  ),
].join('\n');
console.log(report);
if (values.write) {
  const out = path.resolve(import.meta.dirname, 'results/segment.md');
  fs.writeFileSync(out, `${report}\n`);
  console.log(`written to ${out}`);
}
