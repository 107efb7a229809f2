/**
 * Naming benchmark (issue #10, "search as officers name projects"): top-1 / top-3 on the
 * generator's officer query set (services/generate/officer-queries.ts) and latency per class,
 * for today's behaviour and the service as wired, in the same run, on the PostgreSQL server and
 * on PGlite.
 *
 *   node tests/bench/naming.bench.ts [--sizes 100000,1000000] [--projects N,…] [--stores server,pglite]
 *     [--queries 450] [--tab all|project] [--keep]
 *
 * --sizes counts resources, as search.bench.ts does (a corpus of N/9.6 projects); --projects
 * counts projects instead (1M projects are about 9.6M records: more than this machine's disk
 * holds on PGlite, and hours of import and reindex). --tab project searches the 项目 tab only.
 * Progress goes to stderr. Results are merged into tests/bench/results/naming.md; the queries
 * that missed the top 3 go to tests/bench/results/naming-misses-<size>-<store>.md. --keep leaves
 * the server's database in place (its URL is logged) for tests/bench/naming-probe.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, type GenerateResult } from '../../services/generate/generate.service.ts';
import type { OfficerQuery } from '../../services/generate/officer-queries.ts';
import { createSearchService, type SearchService } from '../../services/search/search.service.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';
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
  },
});
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

interface Miss { q: OfficerQuery; rank: number; top: string[] }

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

async function runStore(target: { projects: number; size: number }, store: 'server' | 'pglite', corpus: GenerateResult, queries: OfficerQuery[], warmup: OfficerQuery[]): Promise<{ run: NamingRun; misses: Miss[] }> {
  const t0 = performance.now();
  const hub = await openHub(store === 'server' ? 'postgres' : 'pglite');
  const { rt } = hub;
  try {
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
        if (system === 'naming' && (a.scored.rank === 0 || a.scored.rank > 3)) misses.push({ q, rank: a.scored.rank, top: a.top });
      }
      progress(`  ${i + 1} / ${queries.length} queries`);
    }
    const v = (await rt.db.query<{ version: string }>('SELECT version()')).rows[0]!.version;
    return {
      run: {
        key: `${target.size}/${store}`, size: target.size, projects: target.projects,
        store: store === 'server' ? 'PostgreSQL server' : 'PGlite (on disk)', date: new Date().toISOString(), machine: describeMachine(),
        version: v.split(' on ')[0]!, contents: `${records.toLocaleString('en')} records (${Object.entries(corpus.counts).map(([k, n]) => `${k} ${n}`).join(', ')})`,
        tab: tab ?? 'all', importSeconds, reindexSeconds: ri.seconds, baselineDistinct: BASELINE_DISTINCT, runs,
        wallSeconds: (performance.now() - t0) / 1000,
      },
      misses,
    };
  } finally {
    if (values.keep && store === 'server') {
      await rt.close();
      log(`  kept: ${rt.config.databaseUrl} (probe it with tests/bench/naming-probe.ts)`);
    } else await hub.close();
  }
}

function missReport(run: NamingRun, misses: Miss[]): string {
  const rows = misses.map((m) => `| ${m.q.class} | \`${m.q.q}\` | ${m.q.expected.join(', ')} (${m.q.source_name}) | ${m.rank || '—'} | ${m.top.join('<br>') || '(no project)'} |`);
  return [
    `# Officer queries that missed the top 3: ${run.size} resources on ${run.store} (the service as wired)`,
    ``,
    `${run.date}. Rank: of the first expected project among the distinct projects of the 20 hits (— when absent).`,
    ``,
    `| class | query | expected (source name) | rank | first three projects |`,
    `| --- | --- | --- | --- | --- |`,
    ...rows,
    ``,
  ].join('\n');
}

fs.mkdirSync(RESULTS, { recursive: true });
const resultFile = path.join(RESULTS, 'naming.md');
for (const target of targets) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-naming-bench-'));
  try {
    log(`generating ${target.projects} projects (≈ ${target.size} resources) into ${dir}`);
    const corpus = await generateCorpus({ projects: target.projects, seed: SEED, outDir: dir });
    const all = readJsonl<OfficerQuery>(corpus.officerQueriesPath);
    const queries = all.slice(0, wanted);
    // The file is interleaved by class: the next few after the measured ones warm up, or the first few again.
    const warmup = (all.length > wanted ? all.slice(wanted) : all).slice(0, 9);
    log(`  ${queries.length} officer queries (of ${all.length} in the file)`);
    for (const store of stores) {
      const { run, misses } = await runStore(target, store, corpus, queries, warmup);
      const runs = readNamingRuns(resultFile).filter((r) => r.key !== run.key);
      fs.writeFileSync(resultFile, renderNaming([...runs, run]));
      fs.writeFileSync(path.join(RESULTS, `naming-misses-${target.size}-${store}.md`), missReport(run, misses));
      log(`${target.size} on ${store} done in ${(run.wallSeconds / 60).toFixed(1)} min; written to ${path.relative(process.cwd(), resultFile)}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
console.log(fs.readFileSync(resultFile, 'utf8').replace(/<!-- naming-bench runs: [\s\S]*$/, ''));
