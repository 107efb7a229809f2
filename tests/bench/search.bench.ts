/**
 * Search benchmark: indexing throughput and query latency at a given number of generated
 * resources, on the PostgreSQL server and on PGlite, beside the two baselines a bureau would
 * otherwise have (ILIKE '%…%' with no index, and over a pg_trgm GIN index) on the same rows in
 * the same run; and top-1 on law titles for all three.
 *
 *   node tests/bench/search.bench.ts [--sizes 100000,1000000] [--stores server,pglite] [--queries 300]
 *     [--laws 200] [--baseline-budget 120] [--explain 1] [--keep]
 *
 * Progress goes to stderr. Results are merged into tests/bench/results/search.md (runs of other
 * sizes and stores recorded there earlier are kept); the plans of the slowest PlanHub queries of
 * each class go to tests/bench/results/search-explain-<size>-<store>.md. --keep leaves the server
 * database in place afterwards (its URL is printed), to look into a plan by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { generateCorpus, type GenerateResult } from '../../services/generate/generate.service.ts';
import { importJsonl } from '../helpers/imports.ts';
import type { Db } from '../../services/db/db.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';
import { docsTableSize } from '../../indexers/engines/postgres/postgres-schema.ts';
import { openHub } from '../helpers/search-fixture.ts';
import { importAll, throttled } from './bench-corpus.ts';
import { describeMachine } from './machine.ts';
import { explainSearch } from './search-explain.ts';
import { render, readRuns, type StoreRun, type SystemRun, type Timed } from './search-report.ts';
import { drawQueries, sampleLawTitles, type BenchQuery } from './search-queries.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000' },
    stores: { type: 'string', default: 'server,pglite' },
    queries: { type: 'string', default: '300' },
    laws: { type: 'string', default: '200' },
    'baseline-budget': { type: 'string', default: '120' },
    explain: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const stores = values.stores.split(',') as ('server' | 'pglite')[];
const perClass = Math.ceil(Number(values.queries) / 5);
const budgetMs = Number(values['baseline-budget']) * 1000;
const LAWS = path.resolve(import.meta.dirname, '../../../shared/corpus/laws.jsonl');
const RESULTS = path.join(import.meta.dirname, 'results');
/** Records the generator writes per project (all seven types), about, on seed 7. */
const RECORDS_PER_PROJECT = 9.6;

const started = performance.now();
const log = (msg: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}\n`);
const clock = () => {
  const t0 = performance.now();
  return () => (performance.now() - t0) / 1000;
};
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const one = async <T>(db: Db, sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows[0]!;

/** Every 5 s at most, so long phases show life without flooding the log. */
async function reindex(rt: Runtime): Promise<StoreRun['reindex']> {
  const t0 = performance.now();
  const phases: [string, number][] = [];
  const tick = throttled(log);
  const r = await rt.indexer.reindex(({ phase, done, total }) => {
    const last = phases.at(-1);
    if (!last || last[0] !== phase) phases.push([phase, performance.now()]);
    else last[1] = performance.now();
    tick(`  reindex ${phase}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
  });
  // A phase ends at its last progress call (suggestions: when built; indexes: each one built);
  // the switch comes after the last.
  const end = t0 + r.seconds * 1000;
  const parts = phases.map(([name, at], i) => `${name} ${((at - (i === 0 ? t0 : phases[i - 1]![1])) / 1000).toFixed(0)} s`);
  if (phases.length) parts.push(`switch ${((end - phases.at(-1)![1]) / 1000).toFixed(0)} s`);
  return { records: r.records, docs: r.docs, seconds: r.seconds, phases: parts.join(', ') };
}

/** Queries one at a time; stops when the budget is spent (the list is interleaved by class). */
async function timeQueries(queries: BenchQuery[], run: (q: string) => Promise<boolean>, budget = Infinity): Promise<{ timings: Timed[]; skipped: number }> {
  const timings: Timed[] = [];
  const tick = throttled(log);
  const t0 = performance.now();
  for (const { cls, q } of queries) {
    if (performance.now() - t0 > budget && timings.length >= 10) break;
    const s = performance.now();
    const found = await run(q);
    timings.push({ cls, ms: performance.now() - s, found });
    tick(`    ${timings.length} / ${queries.length} queries`);
  }
  return { timings, skipped: queries.length - timings.length };
}

async function lawTop1(titles: string[], first: (q: string) => Promise<string | undefined>, budget = Infinity) {
  const ms: number[] = [];
  let top1 = 0;
  const t0 = performance.now();
  for (const title of titles) {
    if (performance.now() - t0 > budget && ms.length >= 20) break;
    const s = performance.now();
    if ((await first(title)) === title) top1 += 1;
    ms.push(performance.now() - s);
  }
  return { n: ms.length, top1, ms };
}

async function runStore(size: number, store: 'server' | 'pglite', corpus: GenerateResult, queries: BenchQuery[], warmup: BenchQuery[], titles: string[]): Promise<StoreRun> {
  const wall = clock();
  const hub = await openHub(store === 'server' ? 'postgres' : 'pglite');
  const { rt } = hub;
  const db = rt.db;
  try {
    log(`${size} on ${store}: importing`);
    let t = clock();
    const records = await importAll(rt, corpus, log);
    const importSeconds = t();
    log(`  imported ${records} records in ${importSeconds.toFixed(0)} s; reindexing`);
    const ri = await reindex(rt);
    log(`  reindex: ${ri.records} records, ${ri.docs} docs, ${ri.seconds.toFixed(0)} s (${Math.round(ri.records / ri.seconds)}/s)`);
    // The laws arrive afterwards, as an import and its index jobs would bring them: the
    // throughput above is the generated corpus alone.
    t = clock();
    const laws = await importJsonl(db, 'regulation', fs.createReadStream(LAWS, { highWaterMark: 1 << 20 }));
    if (laws.rejected > 0) throw new Error(`laws: ${laws.errors[0]?.message}`);
    const lawImportSeconds = t();
    t = clock();
    const lawIds = (await db.query<{ id: string }>(`SELECT id FROM regulations WHERE id LIKE 'law-%'`)).rows;
    await rt.indexer.indexRecords(lawIds.map(({ id }) => ({ type: 'regulation' as const, id })));
    const lawIndexSeconds = t();
    log(`  laws: ${laws.accepted} imported in ${lawImportSeconds.toFixed(0)} s, indexed in ${lawIndexSeconds.toFixed(0)} s`);
    const table = `search_docs_g${(await rt.engine.state()).generation}`;
    // What autovacuum does on the server sooner or later (PGlite has none): statistics, and the GIN pending lists merged.
    await db.exec(`VACUUM ANALYZE ${table}`);
    const sizes = await docsTableSize(db, (await rt.engine.state()).generation);

    log(`  PlanHub: ${queries.length} queries`);
    for (const { q } of warmup) await rt.search.search({ q, size: 20 });
    const hubRun = await timeQueries(queries, async (q) => (await rt.search.search({ q, size: 20 })).hits.length > 0);
    const hubLaws = await lawTop1(titles, async (q) => (await rt.search.search({ q, size: 20 })).hits[0]?.title);

    log('  baselines: copying the search table into bench_text');
    await db.exec(`CREATE TABLE bench_text AS SELECT resource_id AS id, type, title, body FROM ${table}; ANALYZE bench_text`);
    const baselineSql = 'SELECT id, type, title FROM bench_text WHERE title ILIKE $1 OR body ILIKE $1 LIMIT 20';
    const lawSql = 'SELECT title FROM bench_text WHERE title ILIKE $1 OR body ILIKE $1 LIMIT 1';
    const baseline = async (system: string): Promise<{ run: SystemRun; laws: StoreRun['laws'][number] }> => {
      log(`  ${system}`);
      for (const { q } of warmup.slice(0, 3)) await db.query(baselineSql, [likePattern(q)]);
      const r = await timeQueries(queries, async (q) => (await db.query(baselineSql, [likePattern(q)])).rows.length > 0, budgetMs);
      const l = await lawTop1(titles, async (q) => (await db.query<{ title: string }>(lawSql, [likePattern(q)])).rows[0]?.title, budgetMs);
      return { run: { system, ...r }, laws: { system, ...l } };
    };
    const plain = await baseline("ILIKE '%…%', no index");
    log('  building the pg_trgm GIN indexes');
    t = clock();
    await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL maintenance_work_mem = '1GB'`);
      await tx.query('CREATE INDEX bench_text_title_trgm ON bench_text USING gin (title gin_trgm_ops)');
      await tx.query('CREATE INDEX bench_text_body_trgm ON bench_text USING gin (body gin_trgm_ops)');
    });
    await db.exec('ANALYZE bench_text');
    const trgmBuildSeconds = t();
    const trgmPlans: string[] = [];
    for (const q of [queries.find((x) => x.cls === 'project name')!.q, '规划']) {
      const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${baselineSql}`, [likePattern(q)]);
      trgmPlans.push(`\`${q}\` → ${plan.rows.map((r) => r['QUERY PLAN'].trim().replace(/\s+\(cost.*$/, '')).filter((l) => !l.startsWith('Recheck') && !l.startsWith('Filter')).join(' → ')}`);
    }
    const trgm = await baseline('ILIKE, pg_trgm GIN index');
    const bsizes = await one<{ heap: number; trgm: number }>(db, `SELECT pg_total_relation_size('bench_text') - pg_indexes_size('bench_text') AS heap, pg_indexes_size('bench_text') AS trgm`);

    const explained: string[] = [];
    // The slowest queries of each class.
    const byClass = Map.groupBy(hubRun.timings.map((x, i) => ({ ...x, q: queries[i]!.q })), (x) => x.cls);
    const slowest = [...byClass.values()].flatMap((xs) => xs.sort((a, b) => b.ms - a.ms).slice(0, Number(values.explain)));
    for (const s of slowest) explained.push(await explainSearch(rt, s.q, `${s.cls}, ${s.ms.toFixed(0)} ms in the run`));
    fs.writeFileSync(
      path.join(RESULTS, `search-explain-${size}-${store}.md`),
      `# Slowest PlanHub queries, ${size} resources on ${store}\n\n${new Date().toISOString()}\n\n${explained.join('\n')}\n`,
    );

    const v = await one<{ version: string; lc_ctype: string; sb: string; wm: string }>(
      db, `SELECT version(), (SELECT datctype FROM pg_database WHERE datname = current_database()) AS lc_ctype,
        current_setting('shared_buffers') AS sb, current_setting('work_mem') AS wm`,
    );
    const diskBytes = store === 'pglite' ? Number(execFileSync('du', ['-sb', hub.dir]).toString().split('\t')[0]) : null;
    const mem = process.memoryUsage().rss;
    const inStore = await one<{ n: number }>(db, `SELECT count(DISTINCT (type, resource_id))::int AS n FROM ${table}`);
    return {
      key: `${size}/${store}`, size, store: store === 'server' ? 'PostgreSQL server' : 'PGlite (on disk)',
      date: new Date().toISOString(), machine: describeMachine(), version: v.version.split(' on ')[0]!, lcCtype: v.lc_ctype,
      settings: `shared_buffers ${v.sb}, work_mem ${v.wm}`,
      contents: `${records.toLocaleString('en')} generated (${Object.entries(corpus.counts).map(([k, n]) => `${k} ${n}`).join(', ')}) + ${laws.accepted.toLocaleString('en')} laws; ${inStore.n.toLocaleString('en')} indexed`,
      records, importSeconds, lawImportSeconds, lawIndexSeconds, reindex: ri, searchBytes: sizes,
      baselineBytes: { heap: bsizes.heap, trgm: bsizes.trgm, trgmBuildSeconds }, diskBytes,
      rssMb: Math.round(mem / 2 ** 20), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      systems: [{ system: 'PlanHub', ...hubRun }, plain.run, trgm.run],
      laws: [{ system: 'PlanHub', ...hubLaws }, plain.laws, trgm.laws],
      trgmPlans, wallSeconds: wall(),
    };
  } finally {
    if (values.keep && store === 'server') {
      await rt.close();
      log(`  kept: ${rt.config.databaseUrl}`);
    } else await hub.close();
  }
}

if (!fs.existsSync(LAWS)) {
  console.error(`no corpus at ${LAWS}: this benchmark reads shared/corpus/laws.jsonl`);
  process.exit(1);
}
const titles = sampleLawTitles(LAWS, Number(values.laws));
const resultFile = path.join(RESULTS, 'search.md');
for (const size of sizes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-search-bench-'));
  try {
    const projects = Math.round(size / RECORDS_PER_PROJECT);
    log(`generating ${projects} projects (≈ ${size} resources) into ${dir}`);
    const corpus = await generateCorpus({ projects, seed: 7, outDir: dir });
    // Two more of each class than measured: those warm up.
    const seen = new Map<string, number>();
    const all = (await drawQueries(corpus, perClass + 2)).map((x) => {
      seen.set(x.cls, (seen.get(x.cls) ?? 0) + 1);
      return { ...x, warm: seen.get(x.cls)! > perClass };
    });
    const queries = all.filter((x) => !x.warm).map(({ cls, q }) => ({ cls, q }));
    const warmup = all.filter((x) => x.warm).map(({ cls, q }) => ({ cls, q }));
    for (const store of stores) {
      const run = await runStore(size, store, corpus, queries, warmup, titles);
      const runs = readRuns(resultFile).filter((r) => r.key !== run.key);
      const md = render([...runs, run]);
      fs.writeFileSync(resultFile, md);
      log(`${size} on ${store} done in ${(run.wallSeconds / 60).toFixed(1)} min; written to ${path.relative(process.cwd(), resultFile)}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
console.log(fs.readFileSync(resultFile, 'utf8').replace(/<!-- search-bench runs: [\s\S]*$/, ''));
