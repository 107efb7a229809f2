/**
 * Process insight benchmark (流程分析, issue #16): the whole analysis job — every approval's step
 * log read a page at a time, analysed, and its results saved — as `planhub insight` and
 * `POST /api/insight/refresh` run it, timed per phase. The goal is ≤ 60 s at 100,000 projects
 * (≈ 380,000 approvals, 2.2 M steps). When the corpus's process-truth.json is at hand, the run's
 * findings are checked against it (the planted bottleneck, pairs and deviations found, no other).
 *
 *   node tests/bench/insight.bench.ts [--projects 2000] [--seed 7] [--store server|pglite]
 *     [--corpus DIR] [--db URL] [--runs 2] [--keep]
 *
 * --corpus imports a corpus `planhub generate` wrote (only its projects and approvals: the
 * analysis reads nothing else); --db reuses a database that holds one (then --corpus, if given,
 * only names the truth file); --keep keeps the server database this run made.
 * Results go to tests/bench/results/insight-<projects>-<store>.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ProcessTruthFile } from '../../services/generate/process-truths.ts';
import type { JobSummary, Phase } from '../../services/insight/insight-job.ts';
import { generateCorpus } from '../../services/generate/generate.service.ts';
import { openBenchStore } from './bench-corpus.ts';
import { describeMachine, table } from './machine.ts';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '7' },
    store: { type: 'string', default: 'server' },
    corpus: { type: 'string' },
    db: { type: 'string' },
    runs: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
  },
});
const started = performance.now();
const log = (msg: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}\n`);
const RESULTS = path.join(import.meta.dirname, 'results');

// Only projects and approvals are imported: a folder of links to the corpus's two files.
let corpus = values.corpus;
if (!values.db && !corpus) {
  corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-insight-corpus-'));
  log(`generating ${values.projects} projects (seed ${values.seed})`);
  await generateCorpus({ projects: Number(values.projects), seed: Number(values.seed), outDir: corpus });
}
let only: string | undefined;
if (!values.db) {
  only = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-insight-only-'));
  for (const f of ['projects.jsonl', 'approvals.jsonl']) fs.symlinkSync(path.join(corpus!, f), path.join(only, f));
  // The shared import reads every type's file: the others are empty.
  for (const t of ['document', 'meeting', 'petition', 'credit', 'regulation']) fs.writeFileSync(path.join(only, `${t}s.jsonl`), '');
}
const truthPath = corpus ? path.join(corpus, 'process-truth.json') : null;
const truth: ProcessTruthFile | null = truthPath && fs.existsSync(truthPath) ? JSON.parse(fs.readFileSync(truthPath, 'utf8')) : null;

const importStart = performance.now();
const bench = await openBenchStore({
  name: 'insight', store: values.store!, db: values.db, corpus: only, projects: Number(values.projects), seed: Number(values.seed), log,
});
const importSeconds = (performance.now() - importStart) / 1000;
const { rt } = bench;
const counts = (await rt.db.query<{ approvals: number; steps: number }>(
  'SELECT (SELECT count(*)::int FROM approvals) AS approvals, (SELECT count(*)::int FROM approval_steps) AS steps',
)).rows[0]!;
log(`${counts.approvals.toLocaleString('en')} approvals, ${counts.steps.toLocaleString('en')} steps in ${rt.db.kind}`);

const rows: (string | number)[][] = [];
let last: JobSummary | null = null;
for (let k = 0; k < Number(values.runs); k++) {
  const phases: Partial<Record<Phase, number>> = {};
  let phase: Phase | null = null;
  let at = performance.now();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const summary = await rt.insight.runNow('bench', {
    onProgress: (p, done, total) => {
      peak = Math.max(peak, process.memoryUsage().rss);
      if (p !== phase) {
        const now = performance.now();
        if (phase) phases[phase] = (phases[phase] ?? 0) + (now - at) / 1000;
        phase = p;
        at = now;
      }
      if (p === 'reading' && done % 50_000 < 2_000) log(`  reading ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
    },
  });
  if (phase) phases[phase as Phase] = (phases[phase as Phase] ?? 0) + (performance.now() - at) / 1000;
  last = summary;
  const s = (p: Phase) => (phases[p] ?? 0).toFixed(1);
  rows.push([k + 1, summary.cases.toLocaleString('en'), summary.steps.toLocaleString('en'), s('reading'), s('analysing'), s('saving'), (summary.durationMs / 1000).toFixed(1), ((peak - rss0) / 2 ** 20).toFixed(0)]);
  log(`run ${k + 1}: ${(summary.durationMs / 1000).toFixed(1)} s`);
}

const lines: string[] = [];
if (truth && last) {
  const r = last.result;
  const planted = (b: { step: string; office: string; from: string; to: string }) =>
    b.step === truth.bottleneck.step && b.office === truth.bottleneck.office && b.from <= truth.bottleneck.to && b.to >= truth.bottleneck.from;
  const wantPairs = [`mutual ${truth.mutual.item} ${truth.mutual.first} ${truth.mutual.second}`, `parallel ${truth.parallel.item} ${truth.parallel.first} ${truth.parallel.second}`];
  const gotPairs = r.pairs.map((p) => `${p.kind} ${p.item} ${p.a} ${p.b}`).sort();
  const want = new Set([...truth.skipped.cases, ...truth.out_of_order.cases]);
  const got = new Set(r.deviations.map((d) => d.approval_id));
  lines.push(
    `- bottlenecks: ${r.bottlenecks.length} rows, all the planted one (${truth.bottleneck.step} @ ${truth.bottleneck.office}, ${truth.bottleneck.from}…${truth.bottleneck.to}): ${r.bottlenecks.every(planted)}; top: ${r.bottlenecks[0]?.item} ${r.bottlenecks[0]?.from}…${r.bottlenecks[0]?.to}, ${r.bottlenecks[0]?.cost_days} working days`,
    `- pairs: ${gotPairs.join('; ')} — as planted: ${JSON.stringify(gotPairs) === JSON.stringify(wantPairs)}`,
    `- deviations: ${got.size} cases, planted ${want.size}, the same: ${got.size === want.size && [...want].every((x) => got.has(x))}`,
  );
}

const store = rt.db.kind === 'postgres' ? 'PostgreSQL 15 server' : 'PGlite (on disk)';
const report = [
  `# Process insight benchmark, ${values.projects} projects (${values.store})`,
  '',
  `${new Date().toISOString()} — ${describeMachine()}`,
  '',
  `Store: ${store}${values.db ? ` (${values.db.replace(/\/\/[^@]*@/, '//')}, reused)` : `, projects and approvals imported through the real import in ${importSeconds.toFixed(0)} s`}; ${counts.approvals.toLocaleString('en')} approvals, ${counts.steps.toLocaleString('en')} steps.`,
  'Each run is the whole job (`planhub insight`): read every approval with its steps in pages of 5,000 by id, analyse, save the results (one row per closed case), mark the run ready and prune the one before. Seconds; memory is the process\'s resident growth at its peak.',
  '',
  table(['run', 'closed cases', 'steps', 'reading', 'analysing', 'saving', 'total', 'MiB'], rows),
  '',
  ...(lines.length ? ['Findings against the corpus\'s process-truth.json:', '', ...lines, ''] : []),
].join('\n');
console.log(report);
fs.mkdirSync(RESULTS, { recursive: true });
fs.writeFileSync(path.join(RESULTS, `insight-${values.projects}-${values.store}.md`), `${report}\n`);
await bench.close(values.keep);
if (only) fs.rmSync(only, { recursive: true, force: true });
if (!values.corpus && corpus) fs.rmSync(corpus, { recursive: true, force: true });
