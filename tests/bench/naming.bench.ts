/**
 * Naming benchmark (issue #10, "search as officers name projects"): top-1 / top-3 on the
 * generator's officer query set (services/generate/officer-queries.ts) and latency per class,
 * for today's behaviour and the service as wired, in the same run, on the PostgreSQL server and
 * on PGlite.
 *
 *   node tests/bench/naming.bench.ts [--sizes 100000,1000000] [--projects N,…] [--stores server,pglite]
 *     [--queries 450] [--tab all|project] [--keep] [--db URL --corpus DIR]
 *
 * --sizes counts resources, as search.bench.ts does (a corpus of N/9.6 projects); --projects
 * counts projects instead (1M projects are about 9.6M records: more than this machine's disk
 * holds on PGlite, and hours of import and reindex). --tab project searches the 项目 tab only.
 * Progress goes to stderr. Results are merged into tests/bench/results/naming.md; the queries
 * that missed the top 3 go to tests/bench/results/naming-misses-<size>-<store>.md. --keep leaves
 * the server's database in place (its URL is logged) for tests/bench/naming-probe.ts. --db with
 * --corpus scores a server database that already holds that corpus, indexed (one size, the
 * server): nothing is generated, imported or indexed, and the notes say so.
 *
 * Each run also sends every query again with a word no record of the corpus holds appended
 * (FALLBACK_WORDS, checked against the corpus files): no record holds every term, so the fallback
 * answers, and its accuracy and latency are measured on as many queries as the main set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_ORDER } from '../../services/cli/commands/import.command.ts';
import { loadConfig } from '../../services/config/config.ts';
import { generateCorpus, type GenerateResult } from '../../services/generate/generate.service.ts';
import type { OfficerQuery } from '../../services/generate/officer-queries.ts';
import { createSearchService, type SearchService } from '../../services/search/search.service.ts';
import { openRuntime, type Runtime } from '../../services/runtime/runtime.ts';
import { openHub, readJsonl } from '../helpers/search-fixture.ts';
import { importAll, throttled } from './bench-corpus.ts';
import { describeMachine } from './machine.ts';
import { rankOf, readNamingRuns, renderNaming, type NamingRun, type Scored, type ServiceRun } from './naming-report.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000' },
    projects: { type: 'string' },
    stores: { type: 'string', default: 'server,pglite' },
    queries: { type: 'string', default: '450' },
    tab: { type: 'string', default: 'all' },
    keep: { type: 'boolean', default: false },
    db: { type: 'string' },
    corpus: { type: 'string' },
  },
});
if (Boolean(values.db) !== Boolean(values.corpus)) {
  console.error('--db and --corpus go together: a database that already holds the corpus --corpus names, indexed');
  process.exit(2);
}
/** Records the generator writes per project (all seven types), about, on seed 7. */
const RECORDS_PER_PROJECT = 9.6;
const SEED = 7;
const targets = values.projects
  ? values.projects.split(',').map((n) => ({ projects: Number(n), size: Math.round(Number(n) * RECORDS_PER_PROJECT) }))
  : values.sizes.split(',').map((n) => ({ projects: Math.round(Number(n) / RECORDS_PER_PROJECT), size: Number(n) }));
const stores = values.stores.split(',') as ('server' | 'pglite')[];
const wanted = Number(values.queries);
const tab = values.tab === 'project' ? 'project' : undefined;
const RESULTS = path.join(import.meta.dirname, 'results');

const started = performance.now();
const log = (msg: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}\n`);

/** Today's behaviour: the search service with the naming features of issue #10 switched off (no synonyms, loose keys or partial tier). */
function todaysSearch(rt: Runtime): SearchService {
  return createSearchService({ engine: rt.engine, segmenter: rt.segmenter, naming: false });
}
const BASELINE_DISTINCT = true;

interface Miss { q: OfficerQuery; rank: number; top: string[]; tier: string }

/** One query through one service: time, rank, tier of the first hit, and the first three projects. */
async function ask(search: SearchService, q: OfficerQuery): Promise<{ scored: Scored; top: string[]; error: boolean }> {
  const t0 = performance.now();
  try {
    const r = await search.search({ q: q.q, size: 20, ...(tab ? { type: tab } : {}) });
    const ms = performance.now() - t0;
    const top = [...new Set(r.hits.map((h) => h.project_no && `${h.project_no} ${h.project_name ?? ''}`).filter((x): x is string => Boolean(x)))].slice(0, 3);
    return { scored: { cls: q.class, ms, rank: rankOf(r.hits, q.expected), tier: r.hits[0]?.matched ?? 'none' }, top, error: false };
  } catch {
    return { scored: { cls: q.class, ms: performance.now() - t0, rank: 0, tier: 'none' }, top: [], error: true };
  }
}

/** What a run is scored on: a database filled and indexed here, or one given with --db. */
async function openStore(target: { size: number }, store: 'server' | 'pglite', corpus: GenerateResult) {
  if (values.db) {
    const rt = await openRuntime(loadConfig({ DATABASE_URL: values.db }));
    return { rt, records: Object.values(corpus.counts).reduce((a, b) => a + b, 0), importSeconds: NaN, reindexSeconds: NaN, close: () => rt.close() };
  }
  const hub = await openHub(store === 'server' ? 'postgres' : 'pglite');
  const { rt } = hub;
  log(`${target.size} on ${store}: importing`);
  let t = performance.now();
  const records = await importAll(rt, corpus, log);
  const importSeconds = (performance.now() - t) / 1000;
  log(`  imported ${records} records in ${importSeconds.toFixed(0)} s; reindexing`);
  const tick = throttled(log);
  const ri = await rt.indexer.reindex(({ phase, done, total }) => tick(`  reindex ${phase}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`));
  log(`  reindex: ${ri.records} records in ${ri.seconds.toFixed(0)} s`);
  // What autovacuum does on the server sooner or later (PGlite has none), as search.bench.ts does.
  if (rt.config.searchEngine === 'postgres') await rt.db.exec(`VACUUM ANALYZE search_docs_g${(await rt.engine.state()).generation}`);
  return {
    rt, records, importSeconds, reindexSeconds: ri.seconds,
    async close() {
      if (values.keep && store === 'server') {
        await rt.close();
        log(`  kept: ${rt.config.databaseUrl} (probe it with tests/bench/naming-probe.ts)`);
      } else await hub.close();
    },
  };
}

async function runStore(target: { projects: number; size: number }, store: 'server' | 'pglite', corpus: GenerateResult, queries: OfficerQuery[], warmup: OfficerQuery[], absent: string[]): Promise<{ run: NamingRun; misses: Miss[]; fallbackMisses: Miss[] }> {
  const t0 = performance.now();
  const opened = await openStore(target, store, corpus);
  const { rt, records } = opened;
  try {
    const systems: [string, SearchService][] = [['today', todaysSearch(rt)], ['naming', rt.search]];
    for (const [, s] of systems) for (const q of warmup) await ask(s, q);
    const runs: ServiceRun[] = systems.map(([system]) => ({ system, scored: [], errors: 0 }));
    const misses: Miss[] = [];
    const progress = throttled(log);
    for (const [i, q] of queries.entries()) {
      // Taking turns query by query, so both columns see the same caches and the same load.
      for (const [k, [system, s]] of systems.entries()) {
        const a = await ask(s, q);
        runs[k]!.scored.push(a.scored);
        if (a.error) runs[k]!.errors += 1;
        if (system === 'naming' && (a.scored.rank === 0 || a.scored.rank > 3)) misses.push({ q, rank: a.scored.rank, top: a.top, tier: a.scored.tier });
      }
      progress(`  ${i + 1} / ${queries.length} queries`);
    }
    // The same queries, each with a word no record holds: only the fallback can answer them.
    const fallback: ServiceRun = { system: 'fallback', scored: [], errors: 0 };
    const fallbackMisses: Miss[] = [];
    for (const [i, q] of queries.entries()) {
      const asked = { ...q, q: `${q.q} ${absent[i % absent.length]}` };
      const a = await ask(rt.search, asked);
      fallback.scored.push(a.scored);
      if (a.error) fallback.errors += 1;
      if (a.scored.rank === 0 || a.scored.rank > 3) fallbackMisses.push({ q: asked, rank: a.scored.rank, top: a.top, tier: a.scored.tier });
      progress(`  fallback ${i + 1} / ${queries.length} queries`);
    }
    runs.push(fallback);
    const v = (await rt.db.query<{ version: string }>('SELECT version()')).rows[0]!.version;
    return {
      run: {
        key: `${target.size}/${store}`, size: target.size, projects: target.projects,
        store: store === 'server' ? 'PostgreSQL server' : 'PGlite (on disk)', date: new Date().toISOString(), machine: describeMachine(),
        version: v.split(' on ')[0]!, contents: `${records.toLocaleString('en')} records (${Object.entries(corpus.counts).map(([k, n]) => `${k} ${n}`).join(', ')})`,
        tab: tab ?? 'all', importSeconds: opened.importSeconds, reindexSeconds: opened.reindexSeconds, reused: Boolean(values.db),
        baselineDistinct: BASELINE_DISTINCT, runs, fallbackWords: absent,
        wallSeconds: (performance.now() - t0) / 1000,
      },
      misses,
      fallbackMisses,
    };
  } finally {
    await opened.close();
  }
}

function missRows(misses: Miss[]): string[] {
  return [
    `| class | query | expected (source name) | rank | first hit matched by | first three projects |`,
    `| --- | --- | --- | --- | --- | --- |`,
    ...misses.map((m) => `| ${m.q.class} | \`${m.q.q}\` | ${m.q.expected.join(', ')} (${m.q.source_name}) | ${m.rank || '—'} | ${m.tier} | ${m.top.join('<br>') || '(no project)'} |`),
  ];
}

function missReport(run: NamingRun, misses: Miss[], fallbackMisses: Miss[]): string {
  return [
    `# Officer queries that missed the top 3: ${run.size} resources on ${run.store} (the service as wired)`,
    ``,
    `${run.date}. Rank: of the first expected project among the distinct projects of the 20 hits (— when absent).`,
    ``,
    ...missRows(misses),
    ``,
    `## With a word no record holds (the fallback set)`,
    ``,
    ...missRows(fallbackMisses),
    ``,
  ].join('\n');
}

/**
 * Words an officer might add to a name that the generator never writes (屋顶绿化, 充电桩, …):
 * appended to a query, no record holds every term. Those the corpus holds after all are dropped.
 */
const FALLBACK_WORDS = ['装配式', '充电桩', '加装电梯', '二次供水', '光伏', '屋顶绿化', '节能改造', '外墙保温', '垃圾分类', '适老化'];

/** The words of `words` that no file of the corpus holds, read in chunks that overlap by the longest word. */
async function absentFrom(files: string[], words: string[]): Promise<string[]> {
  const held = new Set<string>();
  const overlap = Math.max(...words.map((w) => w.length)) - 1;
  for (const file of files) {
    let tail = '';
    for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 22 })) {
      const text = tail + (chunk as string);
      for (const w of words) if (!held.has(w) && text.includes(w)) held.add(w);
      tail = text.slice(-overlap);
    }
  }
  return words.filter((w) => !held.has(w));
}

/** A corpus `planhub generate` (or an earlier run) wrote into `dir`, with its records counted. */
async function corpusIn(dir: string): Promise<GenerateResult> {
  const files: Record<string, string> = Object.fromEntries(IMPORT_ORDER.map((t) => [t, path.join(dir, `${t}s.jsonl`)]).filter(([, f]) => fs.existsSync(f!)));
  const counts: Record<string, number> = {};
  for (const [type, file] of Object.entries(files)) {
    let n = 0;
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 22 })) for (const byte of chunk as Buffer) if (byte === 10) n++;
    counts[type] = n;
  }
  return {
    files, counts, groundTruthPath: path.join(dir, 'ground-truth.jsonl'), officerQueriesPath: path.join(dir, 'officer-queries.jsonl'),
    processTruthPath: path.join(dir, 'process-truth.json'), showcaseProjectNo: null,
  };
}

fs.mkdirSync(RESULTS, { recursive: true });
const resultFile = path.join(RESULTS, 'naming.md');
if (values.db && (targets.length !== 1 || stores.join() !== 'server')) {
  console.error('--db scores one database: give one size (or --projects) and --stores server');
  process.exit(2);
}
for (const target of targets) {
  const dir = values.corpus ?? fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-naming-bench-'));
  try {
    let corpus: GenerateResult;
    if (values.corpus) {
      log(`reading the corpus in ${dir}${values.db ? ` (already in ${values.db})` : ''}`);
      corpus = await corpusIn(dir);
    } else {
      log(`generating ${target.projects} projects (≈ ${target.size} resources) into ${dir}`);
      corpus = await generateCorpus({ projects: target.projects, seed: SEED, outDir: dir });
    }
    const all = readJsonl<OfficerQuery>(corpus.officerQueriesPath);
    const queries = all.slice(0, wanted);
    // The file is interleaved by class: the next few after the measured ones warm up, or the first few again.
    const warmup = (all.length > wanted ? all.slice(wanted) : all).slice(0, 9);
    const absent = await absentFrom(Object.values(corpus.files), FALLBACK_WORDS);
    if (absent.length === 0) throw new Error(`every fallback word is in the corpus: ${FALLBACK_WORDS.join(' ')}`);
    log(`  ${queries.length} officer queries (of ${all.length} in the file); fallback words: ${absent.join(' ')}`);
    for (const store of stores) {
      const { run, misses, fallbackMisses } = await runStore(target, store, corpus, queries, warmup, absent);
      const runs = readNamingRuns(resultFile).filter((r) => r.key !== run.key);
      fs.writeFileSync(resultFile, renderNaming([...runs, run]));
      fs.writeFileSync(path.join(RESULTS, `naming-misses-${target.size}-${store}.md`), missReport(run, misses, fallbackMisses));
      log(`${target.size} on ${store} done in ${(run.wallSeconds / 60).toFixed(1)} min; written to ${path.relative(process.cwd(), resultFile)}`);
    }
  } finally {
    if (!values.corpus) fs.rmSync(dir, { recursive: true, force: true });
  }
}
console.log(fs.readFileSync(resultFile, 'utf8').replace(/<!-- naming-bench runs: [\s\S]*$/, ''));
