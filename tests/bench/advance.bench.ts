/**
 * Approvals under the rules, benchmarked (issue #14): how long `advance` takes with its rules
 * (facts gathered, the decision point's tables and functions evaluated, alerts and the
 * evaluation stored, the step's time recorded, audited: one transaction), over sampled open
 * approvals at their current step; and how long re-evaluating every open approval takes after a
 * table changes (what the outbox re-run and the rule center's publish do, approval by approval).
 *
 *   node tests/bench/advance.bench.ts [--projects 2000] [--seed 7] [--store server|pglite]
 *     [--corpus DIR] [--db URL] [--requests 200] [--keep]
 *
 * --corpus imports a corpus `planhub generate` wrote; --db reuses a database holding one already
 * (the run moves its sampled approvals' steps and raises alerts there); --keep keeps the server
 * database this run made. Results go to tests/bench/results/advance-<resources>-<store>.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRuleBook } from '../../rules/index.ts';
import { createFactsGatherer } from '../../services/alerts/approval-facts.service.ts';
import { approvalFactsStore } from '../../services/alerts/approval-facts.store.ts';
import { openBenchStore } from './bench-corpus.ts';
import { describeMachine, percentile, table } from './machine.ts';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '7' },
    store: { type: 'string', default: 'server' },
    corpus: { type: 'string' },
    db: { type: 'string' },
    requests: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
const started = performance.now();
const log = (msg: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}\n`);
const RESULTS = path.join(import.meta.dirname, 'results');
const N = Number(values.requests);

const bench = await openBenchStore({
  name: 'advance', store: values.store!, db: values.db, corpus: values.corpus, projects: Number(values.projects), seed: Number(values.seed), log,
});
const { rt } = bench;

const count = async (table: string) => (await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
const resources = (await Promise.all(['projects', 'approvals', 'documents', 'meetings', 'petitions', 'credit_records', 'regulations'].map(count)))
  .reduce((a, b) => a + b, 0);
const open = await approvalFactsStore.openApprovalsAt(rt.db, null, 10_000_000);
const stride = Math.max(1, Math.floor(open.length / N));
const sample = open.filter((_, i) => i % stride === 0).slice(0, N);
const viewer = { grant: 'all' as const, principal: { office: null, username: 'bench' } };

log(`${resources.toLocaleString('en')} resources, ${open.length.toLocaleString('en')} open approvals; advancing ${sample.length}`);
// Warm-up: the rule book is built and the tables parsed on first use.
await rt.advance.advance(sample[0]!.id, { step: sample[0]!.step, action: 'start' }, viewer);
const ms: number[] = [];
let blocked = 0;
for (const item of sample.slice(1)) {
  const t0 = performance.now();
  const r = await rt.advance.advance(item.id, { step: item.step, action: 'start' }, viewer);
  ms.push(performance.now() - t0);
  if (!r.allowed) blocked++;
}
ms.sort((a, b) => a - b);

// Baselines in the same run, over the same sample: the reads a move needs alone (no rules, no
// writes), and the rules alone over facts already gathered (no database).
const gather = createFactsGatherer({ store: approvalFactsStore, now: () => new Date() });
const book = await createRuleBook();
const readMs: number[] = [];
const ruleMs: number[] = [];
for (const item of sample.slice(1)) {
  const t0 = performance.now();
  const a = (await approvalFactsStore.approval(rt.db, item.id))!;
  const facts = await gather(rt.db, a, await approvalFactsStore.steps(rt.db, a.id), item.step);
  readMs.push(performance.now() - t0);
  const t1 = performance.now();
  await book.evaluate({ step: item.step, action: 'start' }, facts);
  ruleMs.push(performance.now() - t1);
}
readMs.sort((a, b) => a - b);
ruleMs.sort((a, b) => a - b);

log(`re-evaluating all ${open.length.toLocaleString('en')} open approvals at their current step`);
const t1 = performance.now();
const raised = await rt.advance.reevaluate(open);
const allMs = performance.now() - t1;

const report = [
  '# Advance benchmark',
  '',
  `\`node tests/bench/advance.bench.ts ${values.db ? '--db URL' : `--store ${values.store}${values.corpus ? ` --corpus ${values.corpus}` : ` --projects ${values.projects} --seed ${values.seed}`}`} --requests ${N}\`${values.db ? ' (on an existing database)' : ''} — ${new Date().toISOString().slice(0, 10)}`,
  `Machine: ${describeMachine()}`,
  `Store: ${rt.db.kind}; ${resources.toLocaleString('en')} resources, ${open.length.toLocaleString('en')} open approvals.`,
  '',
  table(['what', 'count', 'median ms', 'p95 ms', 'total s'], [
    ['advance (start of the current step)', ms.length, percentile(ms, 50).toFixed(1), percentile(ms, 95).toFixed(1), (ms.reduce((a, b) => a + b, 0) / 1000).toFixed(1)],
    ['baseline: the facts read alone', readMs.length, percentile(readMs, 50).toFixed(1), percentile(readMs, 95).toFixed(1), (readMs.reduce((a, b) => a + b, 0) / 1000).toFixed(1)],
    ['baseline: the rules alone over those facts', ruleMs.length, percentile(ruleMs, 50).toFixed(2), percentile(ruleMs, 95).toFixed(2), (ruleMs.reduce((a, b) => a + b, 0) / 1000).toFixed(1)],
    ['re-evaluate every open approval', open.length, '', '', (allMs / 1000).toFixed(1)],
  ]),
  '',
  `Advance: the service call (facts, rules, alerts, step time, audit in one transaction); ${blocked} of ${ms.length} moves were blocked by a rule.`,
  `Re-evaluation: one transaction per approval, ${(allMs / Math.max(1, open.length)).toFixed(2)} ms each; ${raised} alerts raised.`,
  '',
].join('\n');
process.stdout.write(`${report}\n`);
fs.mkdirSync(RESULTS, { recursive: true });
fs.writeFileSync(path.join(RESULTS, `advance-${resources}-${rt.db.kind === 'pglite' ? 'pglite' : 'server'}.md`), report);
await bench.close(values.keep ?? false);
