/**
 * The two search engines side by side on the same records in the same run: PostgreSQL (the
 * server) and OpenSearch 2.19 (the node of `engine/`, started with `npm run engine`). For each
 * size: indexing throughput (reindex, segmentation included), search p50/p95/p99 per query class
 * through the real search service, and the memory each engine used.
 *
 *   node tests/bench/engines.bench.ts [--sizes 100000,1000000] [--queries 60] [--url http://127.0.0.1:9200]
 *
 * Prints a table with the machine and writes tests/bench/results/engines.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { docsTableSize } from '../../indexers/engines/postgres/postgres-schema.ts';
import { IMPORT_ORDER } from '../../services/cli/commands/import.command.ts';
import { loadConfig } from '../../services/config/config.ts';
import { generateCorpus } from '../../services/generate/generate.service.ts';
import { importJsonl } from '../helpers/imports.ts';
import { openRuntime, type Runtime } from '../../services/runtime/runtime.ts';
import { createServerDatabase } from '../helpers/databases.ts';
import { describeMachine, percentile, table } from './machine.ts';
import { QUERY_CLASSES, drawQueries, type BenchQuery } from './search-queries.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    queries: { type: 'string', default: '60' },
    url: { type: 'string', default: 'http://127.0.0.1:9200' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const perClass = Number(values.queries);
const RECORDS_PER_PROJECT = 9.6;
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

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
const pidsOf = (pattern: string) =>
  execFileSync('pgrep', ['-f', pattern]).toString().trim().split('\n').filter(Boolean).map(Number);

interface Row {
  size: number;
  engine: string;
  records: number;
  docs: number;
  seconds: number;
  byClass: Map<string, number[]>;
  memory: string;
  storage: string;
}

async function measure(rt: Runtime, size: number, engine: string, queries: BenchQuery[]): Promise<Row> {
  log(`${size} on ${engine}: reindex`);
  const ri = await rt.indexer.reindex(({ phase, done, total }) => {
    if (done % 50_000 < 500) log(`  ${phase} ${done}/${total}`);
  });
  log(`  ${ri.records} records in ${ri.seconds.toFixed(0)} s`);
  for (const { q } of queries.slice(0, 10)) await rt.search.search({ q, size: 20 });
  const byClass = new Map<string, number[]>();
  for (const { cls, q } of queries) {
    const t = performance.now();
    await rt.search.search({ q, size: 20 });
    byClass.set(cls, [...(byClass.get(cls) ?? []), performance.now() - t]);
  }
  let memory: string;
  let storage: string;
  if (engine === 'OpenSearch 2.19.6') {
    const stats = (await (await fetch(`${values.url}/_nodes/stats/jvm`)).json()) as { nodes: Record<string, { jvm: { mem: { heap_used_in_bytes: number } } }> };
    const heap = Object.values(stats.nodes)[0]!.jvm.mem.heap_used_in_bytes;
    memory = `JVM ${pssMiB(pidsOf('planhub.engine.OpenSearchLauncher'))} MiB (heap used ${Math.round(heap / 2 ** 20)} MiB of 1 GiB)`;
    const cat = (await (await fetch(`${values.url}/_cat/indices/${rt.config.indexPrefix}-*?bytes=b&format=json`)).json()) as { 'store.size': string }[];
    storage = `${Math.round(cat.reduce((a, i) => a + Number(i['store.size']), 0) / 2 ** 20)} MiB`;
  } else {
    memory = `PostgreSQL processes ${pssMiB(pidsOf('postgres'))} MiB`;
    const g = (await rt.engine.state()).generation;
    storage = `${Math.round((await docsTableSize(rt.db, g)).total / 2 ** 20)} MiB`;
  }
  return { size, engine, records: ri.records, docs: ri.docs, seconds: ri.seconds, byClass, memory, storage };
}

const rows: Row[] = [];
for (const size of sizes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-engines-'));
  const server = await createServerDatabase();
  try {
    log(`${size}: generating and importing`);
    const corpus = await generateCorpus({ projects: Math.round(size / RECORDS_PER_PROJECT), seed: 7, outDir: path.join(dir, 'corpus') });
    const queries = await drawQueries(corpus, perClass);
    const base = { PLANHUB_DATA_DIR: dir, DATABASE_URL: server.url };
    const pg = await openRuntime(loadConfig(base));
    for (const type of IMPORT_ORDER) await importJsonl(pg.db, type, fs.createReadStream(corpus.files[type]!, { highWaterMark: 1 << 20 }));
    await pg.db.query(`UPDATE outbox SET status = 'done'`); // the bench indexes by reindex, not by jobs
    rows.push(await measure(pg, size, 'PostgreSQL 15', queries));
    await pg.close();
    const prefix = `planhub-bench-${size}`;
    await fetch(`${values.url}/${prefix}-*`, { method: 'DELETE' });
    const osRt = await openRuntime(loadConfig({ ...base, SEARCH_ENGINE: 'opensearch', SEARCH_URL: values.url, PLANHUB_INDEX_PREFIX: prefix }));
    rows.push(await measure(osRt, size, 'OpenSearch 2.19.6', queries));
    await osRt.close();
    await fetch(`${values.url}/${prefix}-*`, { method: 'DELETE' });
  } finally {
    await server.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${percentile(s, 50).toFixed(1)} / ${percentile(s, 95).toFixed(1)} / ${percentile(s, 99).toFixed(1)}`;
};
const out = [
  '# Search engines side by side',
  '',
  `${new Date().toISOString()} — ${describeMachine()}. OpenSearch runs in the same machine (JVM -Xms512m -Xmx1g).`,
  `Each size: \`generateCorpus\` (seed 7), imported once into a PostgreSQL 15 server database; each engine then indexes it with \`planhub reindex\` (segmentation included) and answers ${perClass} queries per class through the search service (ranking, counts, snippets), one at a time after a warm-up. Latency in ms: p50 / p95 / p99.`,
  '',
  table(
    ['resources', 'engine', 'indexed records', 'records/s', ...QUERY_CLASSES, 'all', 'memory', 'index on disk'],
    rows.map((r) => [
      r.size.toLocaleString('en'), r.engine, r.records.toLocaleString('en'), Math.round(r.records / r.seconds).toLocaleString('en'),
      ...QUERY_CLASSES.map((c) => fmt(r.byClass.get(c) ?? [])), fmt([...r.byClass.values()].flat()), r.memory, r.storage,
    ]),
  ),
  '',
].join('\n');
console.log(out);
fs.writeFileSync(path.join(import.meta.dirname, 'results', 'engines.md'), out);
