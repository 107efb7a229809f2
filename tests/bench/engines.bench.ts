/**
 * The three search engines side by side on the same records in the same run: PostgreSQL (the
 * server), OpenSearch 2.19 and Elasticsearch 9 (the nodes of `engine/`). For each size: indexing
 * throughput (reindex, segmentation included), search p50/p95/p99 per query class through the
 * real search service, memory and disk, and how far each cluster engine's answers agree with
 * PostgreSQL's. Run `node tests/bench/engines.bench.ts --help` for the options.
 *
 * Prints a table with the machine and the load average, and writes tests/bench/results/engines.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { docsTableSize } from '../../indexers/engines/postgres/postgres-schema.ts';
import { IMPORT_ORDER } from '../../services/cli/commands/import.command.ts';
import { loadConfig } from '../../services/config/config.ts';
import { generateCorpus, type GenerateResult } from '../../services/generate/generate.service.ts';
import { importJsonl } from '../helpers/imports.ts';
import { openRuntime, type Runtime } from '../../services/runtime/runtime.ts';
import { createServerDatabase, TEST_PG_ADMIN_URL } from '../helpers/databases.ts';
import { describeMachine, percentile, table } from './machine.ts';
import { QUERY_CLASSES, drawQueries, type BenchQuery } from './search-queries.ts';

const HELP = `node tests/bench/engines.bench.ts [options]

  --sizes 100000,1000000    resources per run (default both)
  --queries 60              queries per class
  --opensearch URL          OpenSearch node (default http://127.0.0.1:9200); "off" skips OpenSearch
  --elasticsearch URL       Elasticsearch node (default http://127.0.0.1:9201); "off" skips Elasticsearch
  --keep                    keep the corpus (${os.tmpdir()}/planhub-engines-<size>), its database
                            (planhub_bench_<size>) and the engines' indices (planhub-bench-<size>-*)
  --reuse                   use what --keep kept: no generation nor import when the database is
                            complete (PostgreSQL's index is in it: its indexing rate is then not measured)
  --reuse-index             also keep the cluster engines' indices when they hold documents (no reindex)

A cluster engine that does not answer stops the run (skip it with "off"), so no column is left out silently.`;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    queries: { type: 'string', default: '60' },
    opensearch: { type: 'string', default: 'http://127.0.0.1:9200' },
    elasticsearch: { type: 'string', default: 'http://127.0.0.1:9201' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'reuse-index': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
const perClass = Number(values.queries);
const RECORDS_PER_PROJECT = 9.6;
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

type EngineKind = 'postgres' | 'opensearch' | 'elasticsearch';
interface Cluster {
  kind: Exclude<EngineKind, 'postgres'>;
  url: string;
}
const clusters: Cluster[] = [
  { kind: 'opensearch' as const, url: values.opensearch },
  { kind: 'elasticsearch' as const, url: values.elasticsearch },
].filter((c) => c.url !== 'off');

/** Proportional set size of processes, in MiB (shared pages split fairly between them). */
function pssMiB(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      // the process ended
    }
  }
  return Math.round(kb / 1024);
}

const getJson = async <T>(url: string): Promise<T> => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

/** The node's product and version, its JVM's pid and heap (a single node). */
async function nodeInfo(url: string) {
  type Info = { nodes: Record<string, { version: string; process: { id: number }; jvm: { mem: { heap_max_in_bytes: number } } }> };
  const info = Object.values((await getJson<Info>(`${url}/_nodes/_local/process,jvm`)).nodes)[0]!;
  return { version: info.version, pid: info.process.id, heapMax: info.jvm.mem.heap_max_in_bytes };
}

interface Row {
  size: number;
  engine: string;
  records: number | null;
  seconds: number | null;
  byClass: Map<string, number[]>;
  /** Each query's first ten hits (type:id), in query order. */
  answers: string[][];
  memory: string;
  storage: string;
  load: string;
}

/** An engine indexed and ready for queries, and how to read its memory and disk afterwards. */
interface Indexed {
  engine: string;
  rt: Runtime;
  records: number | null;
  seconds: number | null;
  footprint: () => Promise<{ memory: string; storage: string }>;
  close: () => Promise<void>;
}

async function reindex(rt: Runtime, size: number, engine: string) {
  log(`${size} on ${engine}: reindex`);
  const ri = await rt.indexer.reindex(({ phase, done, total }) => {
    if (phase !== 'indexes' && done % 50_000 < 500) log(`  ${phase} ${done}/${total}`);
  });
  log(`  ${ri.records} records in ${ri.seconds.toFixed(0)} s`);
  return { records: ri.records, seconds: ri.seconds };
}

/**
 * Every engine answers each query in turn (a query on one engine, then on the next), after a
 * warm-up on each: the shared machine's load changes by the minute, and this way it weighs on
 * every engine alike.
 */
async function interleaved(engines: Indexed[], queries: BenchQuery[]) {
  for (const e of engines) for (const { q } of queries.slice(0, 10)) await e.rt.search.search({ q, size: 20 });
  const byClass = engines.map(() => new Map<string, number[]>());
  const answers: string[][][] = engines.map(() => []);
  const before = load();
  for (const { cls, q } of queries) {
    for (const [i, e] of engines.entries()) {
      const t = performance.now();
      const res = await e.rt.search.search({ q, size: 20 });
      byClass[i]!.set(cls, [...(byClass[i]!.get(cls) ?? []), performance.now() - t]);
      answers[i]!.push(res.hits.slice(0, 10).map((h) => `${h.type}:${h.id}`));
    }
  }
  return { byClass, answers, load: `${before} → ${load()}` };
}

/** The kept database of a size, if it exists (named, so --reuse finds it). */
async function keptDatabase(size: number, create: boolean): Promise<{ url: string; exists: boolean; drop: () => Promise<void> }> {
  const name = `planhub_bench_${size}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  if (!exists && create) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { url: url.toString(), exists, drop };
}

/** The corpus and its database: generated and imported, or (--reuse) the ones a --keep run left complete. */
async function prepare(size: number) {
  const dir = values.keep || values.reuse ? path.join(os.tmpdir(), `planhub-engines-${size}`) : fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-engines-'));
  const done = path.join(dir, 'imported.json');
  if (values.reuse && fs.existsSync(done)) {
    const kept = await keptDatabase(size, false);
    if (kept.exists) {
      log(`${size}: reusing ${dir} and its database`);
      return { dir, url: kept.url, corpus: JSON.parse(fs.readFileSync(done, 'utf8')) as GenerateResult, drop: kept.drop, imported: false, done };
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const server = values.keep || values.reuse ? await (async () => {
    await (await keptDatabase(size, false)).drop();
    return keptDatabase(size, true);
  })() : await createServerDatabase();
  log(`${size}: generating and importing`);
  const corpus = await generateCorpus({ projects: Math.round(size / RECORDS_PER_PROJECT), seed: 7, outDir: path.join(dir, 'corpus') });
  return { dir, url: server.url, corpus, drop: server.drop, imported: true, done };
}

async function postgresEngine(size: number, base: Record<string, string>, corpus: GenerateResult, imported: boolean): Promise<Indexed> {
  const rt = await openRuntime(loadConfig(base));
  if (imported) {
    for (const type of IMPORT_ORDER) await importJsonl(rt.db, type, fs.createReadStream(corpus.files[type]!, { highWaterMark: 1 << 20 }));
    await rt.db.query(`UPDATE outbox SET status = 'done'`); // the bench indexes by reindex, not by jobs
  }
  const engine = 'PostgreSQL 15';
  // PostgreSQL's index lives in the database: reused with it.
  const indexed = imported ? await reindex(rt, size, engine) : { records: null, seconds: null };
  return {
    engine, rt, ...indexed,
    async footprint() {
      const pids = (await rt.db.query<{ pid: number }>(
        // This database's backends and the server's own processes (other databases' backends are other work).
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR backend_type <> 'client backend'`,
      )).rows.map((r) => r.pid);
      const g = (await rt.engine.state()).generation;
      return { memory: `PostgreSQL ${pssMiB(pids)} MiB`, storage: `${Math.round((await docsTableSize(rt.db, g)).total / 2 ** 20)} MiB` };
    },
    close: () => rt.close(),
  };
}

async function clusterEngine(size: number, c: Cluster, base: Record<string, string>): Promise<Indexed> {
  const node = await nodeInfo(c.url).catch((err: Error) => {
    throw new Error(`${c.kind} at ${c.url} does not answer (${err.message}); start it (node bin/engine.js) or pass --${c.kind} off`);
  });
  const engine = `${c.kind === 'opensearch' ? 'OpenSearch' : 'Elasticsearch'} ${node.version}`;
  const prefix = `planhub-bench-${size}`;
  const cfg = loadConfig({ ...base, SEARCH_ENGINE: c.kind, SEARCH_URL: c.url, PLANHUB_INDEX_PREFIX: prefix });
  // Reused only when asked and the indices hold documents (a reindex that died leaves none live).
  const count = await fetch(`${c.url}/_cat/count/${prefix}-*?format=json`).then((r) => (r.ok ? (r.json() as Promise<{ count: string }[]>) : []));
  const reuse = values.reuse && values['reuse-index'] && Number(count[0]?.count ?? 0) > 0;
  if (!reuse) await fetch(`${c.url}/${prefix}-*`, { method: 'DELETE' });
  const rt = await openRuntime(cfg);
  const indexed = reuse ? { records: null, seconds: null } : await reindex(rt, size, engine);
  return {
    engine, rt, ...indexed,
    async footprint() {
      type JvmStats = { nodes: Record<string, { jvm: { mem: { heap_used_in_bytes: number } } }> };
      const heap = Object.values((await getJson<JvmStats>(`${c.url}/_nodes/_local/stats/jvm`)).nodes)[0]!.jvm.mem.heap_used_in_bytes;
      const memory = `JVM ${pssMiB([node.pid])} MiB (heap used ${Math.round(heap / 2 ** 20)} of ${Math.round(node.heapMax / 2 ** 20)} MiB)`;
      const cat = await getJson<{ 'store.size': string }[]>(`${c.url}/_cat/indices/${prefix}-*?bytes=b&format=json`);
      return { memory, storage: `${Math.round(cat.reduce((a, i) => a + Number(i['store.size']), 0) / 2 ** 20)} MiB` };
    },
    async close() {
      await rt.close();
      if (!values.keep) await fetch(`${c.url}/${prefix}-*`, { method: 'DELETE' });
    },
  };
}

const rows: Row[] = [];
for (const size of sizes) {
  const p = await prepare(size);
  const engines: Indexed[] = [];
  try {
    const queries = await drawQueries(p.corpus, perClass);
    const base = { PLANHUB_DATA_DIR: p.dir, DATABASE_URL: p.url };
    engines.push(await postgresEngine(size, base, p.corpus, p.imported));
    if (p.imported) fs.writeFileSync(p.done, JSON.stringify(p.corpus));
    for (const c of clusters) engines.push(await clusterEngine(size, c, base));
    log(`${size}: ${queries.length} queries on ${engines.map((e) => e.engine).join(', ')}, in turn`);
    const run = await interleaved(engines, queries);
    for (const [i, e] of engines.entries()) {
      rows.push({ size, engine: e.engine, records: e.records, seconds: e.seconds, byClass: run.byClass[i]!, answers: run.answers[i]!, load: run.load, ...(await e.footprint()) });
    }
  } finally {
    for (const e of engines) await e.close();
    if (!values.keep && !values.reuse) {
      await p.drop();
      fs.rmSync(p.dir, { recursive: true, force: true });
    }
  }
}

const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${percentile(s, 50).toFixed(1)} / ${percentile(s, 95).toFixed(1)} / ${percentile(s, 99).toFixed(1)}`;
};
/** Against PostgreSQL's answers in the same run: queries with the same first hit, and the mean share of its first ten found. */
function agreement(r: Row): string {
  const ref = rows.find((x) => x.size === r.size && x.engine.startsWith('PostgreSQL'));
  if (!ref || ref === r) return '—';
  let first = 0;
  let overlap = 0;
  r.answers.forEach((a, i) => {
    const b = ref.answers[i] ?? [];
    if (a[0] === b[0]) first += 1;
    overlap += b.length ? a.filter((x) => b.includes(x)).length / b.length : a.length === 0 ? 1 : 0;
  });
  const n = Math.max(r.answers.length, 1);
  return `${Math.round((100 * first) / n)}% / ${Math.round((100 * overlap) / n)}%`;
}
const out = [
  '# Search engines side by side',
  '',
  `${new Date().toISOString()} — ${describeMachine()}. The engines run on the same machine, shared with other work: they answer each query in turn, one engine after the other, so a change of load weighs on all alike; the load average (1, 5, 15 min) before and after the queries is in the last column.`,
  `Each size: \`generateCorpus\` (seed 7), imported once into a PostgreSQL 15 server database; each engine then indexes it with \`planhub reindex\` (segmentation included) and answers ${perClass} queries per class through the search service (ranking, counts, snippets), one at a time after a warm-up of 10. Latency in ms: p50 / p95 / p99. "same as PostgreSQL": queries whose first hit is PostgreSQL's / mean share of PostgreSQL's first ten hits among the engine's.`,
  '',
  table(
    ['resources', 'engine', 'indexed records', 'records/s', ...QUERY_CLASSES, 'all', 'same as PostgreSQL', 'memory', 'index on disk', 'load average'],
    rows.map((r) => [
      r.size.toLocaleString('en'), r.engine, r.records?.toLocaleString('en') ?? 'reused',
      r.records !== null && r.seconds ? Math.round(r.records / r.seconds).toLocaleString('en') : '—',
      ...QUERY_CLASSES.map((c) => fmt(r.byClass.get(c) ?? [])), fmt([...r.byClass.values()].flat()), agreement(r), r.memory, r.storage, r.load,
    ]),
  ),
  '',
].join('\n');
console.log(out);
fs.writeFileSync(path.join(import.meta.dirname, 'results', 'engines.md'), out);
