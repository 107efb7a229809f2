/**
 * A three-node cluster on loopback (tests/bench/cluster/topology.ts), of OpenSearch or of
 * Elasticsearch, loses a node while PlanHub indexes and searches, and gets it back. PlanHub is
 * given the three node URLs and the index layout (SEARCH_URL=a,b,c SEARCH_SHARDS=3
 * SEARCH_REPLICAS=1): its client spreads requests over the nodes and fails over, nothing sits in
 * between. Per scenario, on a fresh PostgreSQL database and fresh indices:
 *   - `planhub worker` indexes through the outbox while `planhub import` loads a generated corpus;
 *   - a bounded search load runs through PlanHub's search service (every request with a deadline);
 *   - once a share of the corpus is indexed, one node gets SIGKILL, and after `--down` seconds it
 *     is started again on its own data;
 *   - when the import is done and the outbox drained: `planhub reconcile --dry-run` and, per type,
 *     the records in PostgreSQL against the records in the index (by id).
 * Scenarios (tests/bench/cluster/shards.ts): 'other' kills a node that holds neither the primary of
 * the shard with `<prefix>-meta/state` (the state every write and search reads first) nor the
 * elected cluster manager's (master's) role; 'state-primary' kills the node holding that primary.
 * Every node holds primaries of every docs index (three per index on three nodes).
 *
 *   node tests/bench/cluster.bench.ts [--kind opensearch|elasticsearch] [--projects 1500] [--down 20]
 *     [--kill-at 0.25] [--searches 3000] [--scenarios other,state-primary]
 *
 * Needs the launcher built (`node bin/engine.js --kind <kind>` builds it: engine/target or
 * engine/elasticsearch/target; Elasticsearch runs on ES_JAVA_HOME or the Temurin 25 JDK) and
 * PostgreSQL at TEST_PG_ADMIN_URL. Prints the figures with the machine and writes
 * tests/bench/results/cluster-<kind>.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SEARCH_TYPES } from '../../indexers/engines/search-engine.ts';
import { countRecords } from '../../indexers/index-source.store.ts';
import { loadConfig } from '../../services/config/config.ts';
import { generateCorpus } from '../../services/generate/generate.service.ts';
import type { Db } from '../../services/db/db.ts';
import { openRuntime } from '../../services/runtime/runtime.ts';
import { createServerDatabase } from '../helpers/databases.ts';
import { LAUNCH, startCluster, type Health } from './cluster/nodes.ts';
import { lost, report, type Outcome } from './cluster/report.ts';
import { startSearchLoad } from './cluster/search-load.ts';
import { chooseVictim, holdings, type ShardRow } from './cluster/shards.ts';
import { ENGINE_KINDS, planhubSearchEnv, type EngineKind } from './cluster/topology.ts';
import { describeMachine } from './machine.ts';
import { drawQueries } from './search-queries.ts';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '1500' },
    down: { type: 'string', default: '20' },
    'kill-at': { type: 'string', default: '0.25' },
    searches: { type: 'string', default: '3000' },
    scenarios: { type: 'string', default: 'other,state-primary' },
    kind: { type: 'string', default: 'opensearch' },
  },
});
const KIND = values.kind as EngineKind;
if (!ENGINE_KINDS.includes(KIND)) throw new Error(`--kind must be one of ${ENGINE_KINDS.join(', ')}`);
const PROJECTS = Number(values.projects);
const DOWN_MS = Number(values.down) * 1000;
const KILL_AT = Number(values['kill-at']);
const MAX_SEARCHES = Number(values.searches);
const SEARCH_TIMEOUT_MS = 10_000;
/** The search load goes on at least this long after green, to show the cluster answering whole again. */
const AFTER_GREEN_MS = 15_000;
const SCENARIOS = values.scenarios.split(',') as ('other' | 'state-primary')[];
const ROOT = path.resolve(import.meta.dirname, '../..');
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const secs = (ms: number) => (ms / 1000).toFixed(1);
/** The elected manager's name: OpenSearch calls it the cluster manager, Elasticsearch the master. */
const MANAGER_PATH = KIND === 'opensearch' ? '/_cat/cluster_manager?format=json' : '/_cat/master?format=json';

/** Runs `planhub …` as a child process; resolves with its exit code and output. */
function planhub(args: string[], env: Record<string, string>, logFile: string) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/planhub.js'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const done = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return { child, done, output: () => fs.readFileSync(logFile, 'utf8') };
}

const machine = describeMachine();
const loadBefore = os.loadavg().map((l) => l.toFixed(1)).join(' ');
const base = fs.mkdtempSync(path.join(os.tmpdir(), `planhub-cluster-${KIND}-`));
const cluster = startCluster(KIND, path.join(base, 'nodes'));
const searchEnv = planhubSearchEnv(KIND, cluster.nodes);
const children: { child: ReturnType<typeof spawn> }[] = [];
const outcomes: Outcome[] = [];

async function shardRows(prefix: string): Promise<ShardRow[]> {
  const rows = await cluster.get<{ index: string; shard: string; prirep: 'p' | 'r'; state: string; node: string | null }[]>(
    `/_cat/shards/${prefix}-*?format=json&h=index,shard,prirep,state,node`,
    10_000,
  );
  return rows ?? [];
}

/** Waits for a condition, polling; a run that stalls fails with what it waited for instead of hanging. */
async function until(what: string, ok: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

async function outboxCounts(db: Db) {
  const r = await db.query<{ done: number; dead: number; pending: number; retried: number }>(
    `SELECT count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status = 'dead')::int AS dead,
            count(*) FILTER (WHERE status = 'pending')::int AS pending,
            count(*) FILTER (WHERE status = 'done' AND attempts > 1)::int AS retried FROM outbox`,
  );
  return r.rows[0]!;
}

/** Deletes the scenario's indices by name (Elasticsearch refuses wildcard deletes by default). */
async function deleteIndices(prefix: string): Promise<void> {
  const rows = await cluster.get<{ index: string }[]>(`/_cat/indices/${prefix}-*?format=json&h=index`, 10_000);
  if (rows?.length) await cluster.request('DELETE', `/${rows.map((r) => r.index).join(',')}`);
}

async function runScenario(kind: (typeof SCENARIOS)[number], corpusDir: string, records: number, queries: string[]): Promise<Outcome> {
  const server = await createServerDatabase();
  const prefix = `cluster-${kind}`;
  const logs = path.join(base, kind);
  fs.mkdirSync(logs, { recursive: true });
  const env = { DATABASE_URL: server.url, ...searchEnv, PLANHUB_INDEX_PREFIX: prefix, PLANHUB_DATA_DIR: logs, LOG_LEVEL: 'warn' };
  await deleteIndices(prefix);
  try {
    // The search runtime migrates the database and creates the indices, with the layout of SEARCH_SHARDS/REPLICAS.
    const rt = await openRuntime(loadConfig(env));
    const layout = await shardRows(prefix);
    const docsIndex = layout.filter((r) => r.index.startsWith(`${prefix}-project-`));
    log(`${kind}: ${prefix}-project-*: ${docsIndex.filter((r) => r.prirep === 'p').length} primaries, ${docsIndex.filter((r) => r.prirep === 'r').length} replicas`);
    const worker = planhub(['worker'], env, path.join(logs, 'worker.log'));
    children.push(worker);
    await sleep(3000);
    const load = startSearchLoad((q) => rt.search.search({ q, size: 20 }), queries, { concurrency: 2, timeoutMs: SEARCH_TIMEOUT_MS, maxRequests: MAX_SEARCHES });
    const indexStart = Date.now();
    const imp = planhub(['import', '--dir', corpusDir], env, path.join(logs, 'import.log'));
    children.push(imp);

    // Kill once this share of the corpus has been indexed.
    let indexedAtKill = 0;
    await until(`${Math.round(KILL_AT * 100)} % indexed`, async () => (indexedAtKill = (await outboxCounts(rt.db)).done) >= records * KILL_AT, 600_000);
    const manager = (await cluster.get<{ node: string }[]>(MANAGER_PATH, 5000))?.[0]?.node ?? null;
    const stateShard = await cluster.get<{ nodes: Record<string, { name: string }>; shards: { node: string; primary: boolean }[][] }>(
      `/${prefix}-meta/_search_shards?routing=state`,
      5000,
    );
    const statePrimaryId = stateShard?.shards.flat().find((c) => c.primary)?.node;
    const statePrimaryNode = statePrimaryId ? stateShard!.nodes[statePrimaryId]!.name : '';
    const victimHoldings = chooseVictim(holdings(await shardRows(prefix), cluster.nodes.map((n) => n.name), statePrimaryNode), kind, manager);
    const victim = cluster.nodes.find((n) => n.name === victimHoldings.node)!;
    const wasManager = manager === victim.name;
    log(`${kind}: ${indexedAtKill} of ${records} indexed; SIGKILL ${victim.name} (${victimHoldings.primaries} primaries, ${victimHoldings.replicas} replicas${wasManager ? ', elected manager' : ''})`);
    const killAt = Date.now();
    await cluster.kill(victim);

    // While it is down: when are all primaries active again on the two nodes left?
    let killToYellowMs: number | null = null;
    while (Date.now() - killAt < DOWN_MS) {
      const h = await cluster.get<Health>('/_cluster/health?timeout=1s', 2000);
      if (killToYellowMs === null && h && h.number_of_nodes === 2 && h.status !== 'red') killToYellowMs = Date.now() - killAt;
      await sleep(250);
    }
    const restartAt = Date.now();
    log(`${kind}: starting ${victim.name} again`);
    cluster.start(victim);
    await cluster.waitFor('green', 3, 300_000);
    const greenAt = Date.now();
    log(`${kind}: green again ${secs(greenAt - restartAt)} s after the restart`);

    const importExit = await imp.done;
    await until('the outbox to drain', async () => (await outboxCounts(rt.db)).pending === 0, 900_000);
    const indexingSeconds = (Date.now() - indexStart) / 1000;
    await sleep(Math.max(0, greenAt + AFTER_GREEN_MS - Date.now()));
    const samples = await load.stop();
    worker.child.kill('SIGTERM');
    await worker.done;
    const outbox = await outboxCounts(rt.db);
    const jobErrors = new Map<string, number>();
    for (const line of worker.output().split('\n')) {
      const m = /^job for outbox row \d+ \([^)]*\) failed: (.*)$/.exec(line);
      if (m) jobErrors.set(m[1]!.slice(0, 160), (jobErrors.get(m[1]!.slice(0, 160)) ?? 0) + 1);
    }

    const rec = planhub(['reconcile', '--dry-run'], env, path.join(logs, 'reconcile.log'));
    const reconcileExit = await rec.done;
    const reconcile = rec.output().trim().split('\n').pop() ?? '';
    const counts: Outcome['counts'] = [];
    for (const type of SEARCH_TYPES) {
      let index = 0;
      for (let after: string | null = null; ; ) {
        const page = await rt.engine.versions(type, after, 5000);
        index += page.length;
        if (page.length < 5000) break;
        after = page[page.length - 1]!.resourceId;
      }
      counts.push({ type, db: await countRecords(rt.db, type), index });
    }
    await rt.close();

    const loadStart = load.started;
    const windows = [
      { name: 'before the kill', samples: samples.filter((s) => loadStart + s.at < killAt) },
      { name: 'node down', samples: samples.filter((s) => loadStart + s.at >= killAt && loadStart + s.at < restartAt) },
      { name: 'restarted → green', samples: samples.filter((s) => loadStart + s.at >= restartAt && loadStart + s.at < greenAt) },
      { name: 'after green', samples: samples.filter((s) => loadStart + s.at >= greenAt) },
    ];
    return {
      scenario: kind, victim: victimHoldings, wasManager, records, indexedAtKill, killToYellowMs,
      killToRestartMs: restartAt - killAt, restartToGreenMs: greenAt - restartAt, killToGreenMs: greenAt - killAt,
      importExit, indexingSeconds, outbox, jobErrors, reconcile, reconcileExit, counts, windows,
      layout: `${docsIndex.filter((r) => r.prirep === 'p').length} primaries + ${docsIndex.filter((r) => r.prirep === 'r').length} replicas per docs index`,
    };
  } finally {
    await deleteIndices(prefix).catch(() => {});
    await server.drop();
  }
}

const shutdown = async () => {
  for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGTERM');
  await cluster.stopAll();
};
process.on('SIGINT', () => void shutdown().then(() => process.exit(130)));

try {
  log(`generating ${PROJECTS} projects`);
  const corpus = await generateCorpus({ projects: PROJECTS, seed: 11, outDir: path.join(base, 'corpus') });
  const records = Object.values(corpus.counts).reduce((a, b) => a + b, 0);
  const queries = (await drawQueries(corpus, 20)).map((q) => q.q);
  log(`starting ${cluster.nodes.length} ${KIND} nodes`);
  const t = Date.now();
  for (const node of cluster.nodes) cluster.start(node);
  await cluster.waitFor('green', cluster.nodes.length, 300_000);
  const formedMs = Date.now() - t;
  const info = await cluster.get<{ version: { number: string } }>('/', 5000);
  const engine = `${KIND === 'opensearch' ? 'OpenSearch' : 'Elasticsearch'} ${info?.version.number ?? '?'}`;
  log(`${engine}: cluster green in ${secs(formedMs)} s`);
  for (const kind of SCENARIOS) {
    const o = await runScenario(kind, path.join(base, 'corpus'), records, queries);
    log(`${kind}: lost ${lost(o)}; ${o.reconcile}`);
    outcomes.push(o);
  }
  const jdk = /version "([^"]+)"/.exec(spawnSync(LAUNCH[KIND].java, ['-version'], { encoding: 'utf8' }).stderr)?.[1] ?? '?';
  const out = report(
    {
      kind: KIND, engine, jdk: `Java ${jdk}`, machine, loadBefore, loadAfter: os.loadavg().map((l) => l.toFixed(1)).join(' '), formedMs,
      command: `node tests/bench/cluster.bench.ts --kind ${KIND} --projects ${PROJECTS} --down ${DOWN_MS / 1000} --kill-at ${KILL_AT} --searches ${MAX_SEARCHES}${values.scenarios === 'other,state-primary' ? '' : ` --scenarios ${values.scenarios}`}`,
      corpusRecords: records, searchTimeoutMs: SEARCH_TIMEOUT_MS, maxSearches: MAX_SEARCHES, killAt: KILL_AT, downMs: DOWN_MS, searchUrl: searchEnv.SEARCH_URL,
    },
    outcomes,
  );
  console.log(out);
  fs.writeFileSync(path.join(import.meta.dirname, 'results', `cluster-${KIND}.md`), out);
} finally {
  await shutdown();
  fs.rmSync(base, { recursive: true, force: true });
}
