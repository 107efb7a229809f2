/**
 * Recommendations benchmark (issue #12): generates a corpus, imports, indexes and links it (as
 * `planhub link` does), then asks for each sampled project's recommendations and scores the
 * top 10 against ground truth the hub never sees, beside a text-likeness-only baseline in the
 * same run (the engine's `similar` over the project's name, sales names, address and builder,
 * every resource type). Graded relevance, from the generator's files:
 *   3  a document, minutes or petition ground-truth.jsonl says is about the project;
 *   2  a credit record of the project's builder;
 *   1  an approval of the same item for another project of the same district and land use
 *      (a similar case, as the issue defines one).
 * nDCG@10 uses all three grades; recall@10 counts grades 3 and 2 (a handful per project, where
 * similar cases run to hundreds). Latency is per request, median and p95, both methods.
 *
 *   node tests/bench/recommend.bench.ts [--projects 2000] [--seed 7] [--store server|pglite]
 *     [--corpus DIR] [--db URL] [--sample 300] [--keep] [--no-link]
 *
 * --db reuses a database that holds the corpus already imported, indexed and linked; --keep
 * keeps the server database this run made (its URL is printed) for such reruns. --no-link skips
 * the linker (latency at sizes the linker takes too long for: only declared links then, so the
 * quality figures are not the hub's).
 * Results go to tests/bench/results/recommend.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../services/config/config.ts';
import { generateCorpus } from '../../services/generate/generate.service.ts';
import type { SearchType } from '../../indexers/engines/search-engine.ts';
import { openRuntime, type Runtime } from '../../services/runtime/runtime.ts';
import { createServerDatabase } from '../helpers/databases.ts';
import { readJsonl } from '../helpers/search-fixture.ts';
import { importAll, throttled } from './bench-corpus.ts';
import { describeMachine, percentile, table } from './machine.ts';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '7' },
    store: { type: 'string', default: 'server' },
    corpus: { type: 'string' },
    db: { type: 'string' },
    sample: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    'no-link': { type: 'boolean', default: false },
  },
});
const started = performance.now();
const log = (msg: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}\n`);
const RESULTS = path.join(import.meta.dirname, 'results');
const projects = Number(values.projects);
const seed = Number(values.seed);
const K = 10;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-recommend-'));
const corpusDir = values.corpus ?? path.join(tmp, 'corpus');
if (!values.corpus) {
  log(`generating ${projects} projects (seed ${seed})`);
  await generateCorpus({ projects, seed, outDir: corpusDir });
}
const files = (type: string) => path.join(corpusDir, `${type}s.jsonl`);

const server = values.store === 'server' && !values.db ? await createServerDatabase() : null;
const url = values.db ?? server?.url;
const rt: Runtime = await openRuntime(loadConfig({ PLANHUB_DATA_DIR: path.join(tmp, 'data'), ...(url ? { DATABASE_URL: url } : {}) }));
if (!values.db) {
  log(`importing into ${rt.db.kind}${url ? ` (${url})` : ''}`);
  await importAll(rt, {
    files: Object.fromEntries(['project', 'approval', 'document', 'meeting', 'petition', 'credit', 'regulation'].map((t) => [t, files(t)])),
  } as Parameters<typeof importAll>[1], log);
  const tick = throttled(log);
  log('indexing');
  await rt.indexer.reindex(({ phase, done, total }) => tick(`  reindex ${phase}: ${done} / ${total}`));
  if (!values['no-link']) {
    log('linking');
    const s = await rt.linking.linkAll({ onProgress: (done, total) => tick(`  link ${done}/${total}`) });
    log(`  linked in ${s.seconds.toFixed(0)} s`);
  }
  await rt.db.exec('ANALYZE');
}

interface P { project_no: string; name: string; builder: string | null; address: string | null; district: string | null; land_use: string | null; estate_name?: string; aliases?: string[] }
const all = readJsonl<P>(files('project'));
const byNo = new Map(all.map((p) => [p.project_no, p]));
const about = new Map<string, Set<string>>();
for (const t of readJsonl<{ type: string; id: string; project_nos: string[] }>(path.join(corpusDir, 'ground-truth.jsonl'))) {
  for (const no of t.project_nos) about.set(no, (about.get(no) ?? new Set()).add(`${t.type}:${t.id}`));
}
const creditsOf = new Map<string, string[]>();
for (const c of readJsonl<{ id: string; builder: string }>(files('credit'))) creditsOf.set(c.builder, [...(creditsOf.get(c.builder) ?? []), `credit:${c.id}`]);
/** Approvals a line at a time, keeping what the truth needs: at 100,000 projects the file (steps and all) is past the longest string Node makes. */
const approvals: { id: string; project_no: string; item: string }[] = [];
for await (const line of readline.createInterface({ input: fs.createReadStream(files('approval')), crlfDelay: Infinity })) {
  if (!line) continue;
  const { id, project_no, item } = JSON.parse(line) as { id: string; project_no: string; item: string };
  approvals.push({ id, project_no, item });
}
const itemsOf = new Map<string, Set<string>>();
const ownApprovals = new Map<string, string[]>();
for (const a of approvals) ownApprovals.set(a.project_no, [...(ownApprovals.get(a.project_no) ?? []), a.id]);
for (const a of approvals) itemsOf.set(a.project_no, (itemsOf.get(a.project_no) ?? new Set()).add(a.item));
/** Approvals by item, district and land use: the similar cases of each project. */
const casesBy = new Map<string, string[]>();
const caseKey = (item: string, p: P) => `${item}|${p.district}|${p.land_use}`;
for (const a of approvals) {
  const p = byNo.get(a.project_no);
  if (p) casesBy.set(caseKey(a.item, p), [...(casesBy.get(caseKey(a.item, p)) ?? []), `approval:${a.id}`]);
}

function gains(p: P): Map<string, number> {
  const g = new Map<string, number>();
  for (const item of itemsOf.get(p.project_no) ?? []) for (const k of casesBy.get(caseKey(item, p)) ?? []) g.set(k, 1);
  for (const id of ownApprovals.get(p.project_no) ?? []) g.delete(`approval:${id}`);
  for (const k of (p.builder && creditsOf.get(p.builder)) || []) g.set(k, 2);
  for (const k of about.get(p.project_no) ?? []) g.set(k, 3);
  return g;
}

const dcg = (gs: number[]) => gs.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
function score(ranked: string[], g: Map<string, number>) {
  const got = ranked.slice(0, K).map((k) => g.get(k) ?? 0);
  const ideal = dcg([...g.values()].sort((a, b) => b - a).slice(0, K));
  const strong = [...g.entries()].filter(([, v]) => v >= 2).map(([k]) => k);
  const found = ranked.slice(0, K).filter((k) => (g.get(k) ?? 0) >= 2).length;
  return { ndcg: ideal > 0 ? dcg(got) / ideal : 0, recall: strong.length ? found / Math.min(K, strong.length) : null };
}

// A deterministic sample of projects with something about them to find.
const candidates = all.filter((p) => (about.get(p.project_no)?.size ?? 0) > 0);
const step = Math.max(1, Math.floor(candidates.length / Number(values.sample)));
const sample = candidates.filter((_, i) => i % step === 0).slice(0, Number(values.sample));
const ALL_TYPES: SearchType[] = ['approval', 'document', 'meeting', 'petition', 'regulation', 'credit'];

/** Per group of the hub's list: items shown in the top 10 and how many of them are relevant. */
const groups = new Map<string, { shown: number; relevant: number }>();
let missedStrong = 0;
type Method = 'hub' | 'text';
const runs: Record<Method, { ndcg: number[]; recall: number[]; ms: number[] }> = { hub: { ndcg: [], recall: [], ms: [] }, text: { ndcg: [], recall: [], ms: [] } };
async function baseline(p: P): Promise<string[]> {
  const text = [p.name, p.estate_name, ...(p.aliases ?? []), p.address, p.builder].filter(Boolean).join(' ');
  const hits = await rt.engine.similar({ words: rt.segmenter.queryWords(text), types: ALL_TYPES, exclude: [], size: K });
  return hits.map((h) => `${h.type}:${h.id}`);
}
log(`scoring ${sample.length} projects`);
// One warm-up round of each, so that neither pays for first-use caches in the figures.
for (const p of sample.slice(0, 5)) {
  await rt.recommendations.forProject(p.project_no, K);
  await baseline(p);
}
for (const p of sample) {
  const g = gains(p);
  for (const method of ['hub', 'text'] as Method[]) {
    const t0 = performance.now();
    const items = method === 'hub' ? (await rt.recommendations.forProject(p.project_no, K)).items : null;
    const ranked = items ? items.map((r) => `${r.type}:${r.id}`) : await baseline(p);
    for (const r of items ?? []) {
      const e = groups.get(r.group) ?? { shown: 0, relevant: 0 };
      e.shown++;
      if ((g.get(`${r.type}:${r.id}`) ?? 0) > 0) e.relevant++;
      groups.set(r.group, e);
    }
    if (items) {
      const missed = [...g.entries()].filter(([k, v]) => v >= 2 && !ranked.includes(k)).map(([k]) => k);
      missedStrong += missed.length;
      if (missed.length && process.env.RECOMMEND_MISSES) {
        const longer = (await rt.recommendations.forProject(p.project_no, 50)).items;
        for (const k of missed) {
          const at = longer.findIndex((r) => `${r.type}:${r.id}` === k);
          const [type, id] = k.split(':');
          const link = await rt.db.query<{ status: string; project_no: string; score: number }>('SELECT status, project_no, score FROM resource_links WHERE resource_type = $1 AND resource_id = $2', [type, id]);
          process.stderr.write(`MISS ${p.project_no} ${k} rank ${at} ${at >= 0 ? longer[at]!.group + ' ' + longer[at]!.score.toFixed(2) : ''} links ${JSON.stringify(link.rows)} top10 ${items.map((r) => r.group[0] + r.score.toFixed(2) + ((g.get(`${r.type}:${r.id}`) ?? 0) > 0 ? '+' : '-')).join(' ')}\n`);
        }
      }
    }
    runs[method].ms.push(performance.now() - t0);
    const s = score(ranked, g);
    runs[method].ndcg.push(s.ndcg);
    if (s.recall !== null) runs[method].recall.push(s.recall);
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const fmt = (x: number) => x.toFixed(3);
const ms = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return [percentile(s, 50).toFixed(1), percentile(s, 95).toFixed(1)];
};
const resources = await rt.db.query<{ n: number }>(
  `SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM meetings) + (SELECT count(*) FROM petitions)
        + (SELECT count(*) FROM approvals) + (SELECT count(*) FROM credit_records) + (SELECT count(*) FROM regulations) AS n`,
);
const rows = (['hub', 'text'] as Method[]).map((m) => [
  m === 'hub' ? 'hub (links + builder + cases + text)' : 'baseline: text likeness only',
  fmt(mean(runs[m].ndcg)), fmt(mean(runs[m].recall)), ...ms(runs[m].ms),
]);
const ratio = mean(runs.hub.ndcg) / Math.max(1e-9, mean(runs.text.ndcg));
const report = [
  '# Recommendations benchmark',
  '',
  `\`node tests/bench/recommend.bench.ts --projects ${projects} --seed ${seed} --store ${values.store}${values['no-link'] ? ' --no-link' : ''}\`${values.db ? ' (scored again on the database that run built, `--db`)' : ''} — ${new Date().toISOString().slice(0, 10)}`,
  `Machine: ${describeMachine()}`,
  `Store: ${rt.db.kind}, engine ${rt.engine.name}; ${projects} projects, ${Number(resources.rows[0]!.n).toLocaleString('en')} resources; ${sample.length} projects sampled${values['no-link'] ? '; not linked (declared links only: latency run, quality figures not the hub\'s)' : ''}.`,
  '',
  table(['method', `nDCG@${K}`, `recall@${K}`, 'median ms', 'p95 ms'], rows),
  '',
  `nDCG ratio hub / baseline: ${ratio.toFixed(2)}× (goal ≥ 1.2×).`,
  '',
  `The hub's top ${K} by group (shown / relevant): ${[...groups].map(([k, v]) => `${k} ${v.shown} / ${v.relevant}`).join(', ')}; materials about the project or credit records of its builder left out of the top ${K}: ${missedStrong}.`,
  '',
].join('\n');
process.stdout.write(`${report}\n`);
{
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, `recommend-${projects}${values['no-link'] ? '-unlinked' : ''}.md`), report);
}
await rt.close();
if (values.keep && server) log(`kept ${server.url} (corpus ${corpusDir})`);
else await server?.drop();
