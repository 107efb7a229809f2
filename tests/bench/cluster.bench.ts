/**
 * A three-node OpenSearch cluster on loopback (tests/bench/cluster/topology.ts) loses a node while
 * PlanHub indexes and searches, and gets it back. Per scenario, on a fresh PostgreSQL database and
 * fresh indices (3 primaries, 1 replica each):
 *   - `planhub worker` indexes through the outbox while `planhub import` loads a generated corpus;
 *   - a bounded search load runs through PlanHub's search service (every request with a deadline);
 *   - once a share of the corpus is indexed, one node gets SIGKILL, and after `--down` seconds it
 *     is started again on its own data;
 *   - when the import is done and the outbox drained: `planhub reconcile --dry-run` and, per type,
 *     the records in PostgreSQL against the records in the index (by id).
 * Scenarios (tests/bench/cluster/shards.ts): 'other' kills a node that holds neither the primary of
 * the shard with `<prefix>-meta/state` (the state every write and search reads first) nor the
 * elected cluster manager's role; 'state-primary' kills the node holding that primary. Every node
 * holds primaries of every docs index (three per index on three nodes).
 *
 *   node tests/bench/cluster.bench.ts [--projects 1500] [--down 20] [--kill-at 0.25] [--searches 3000]
 *
 * Needs `mvn -q -f engine/pom.xml package -DskipTests` (engine/target) and PostgreSQL at
 * TEST_PG_ADMIN_URL. Prints the figures with the machine and writes
 * tests/bench/results/cluster-opensearch.md.
 */
import { spawn } from 'node:child_process';
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
import { startBalancer } from './cluster/balancer.ts';
import { startCluster, type Health } from './cluster/nodes.ts';
import { startSearchLoad, type Sample } from './cluster/search-load.ts';
import { chooseVictim, holdings, type NodeHoldings, type ShardRow } from './cluster/shards.ts';
import { BALANCER_PORT, CLUSTER_NODES, NODE_HEAP, REPLICAS, SHARDS } from './cluster/topology.ts';
import { describeMachine, percentile, table } from './machine.ts';
import { drawQueries } from './search-queries.ts';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '1500' },
    down: { type: 'string', default: '20' },
    'kill-at': { type: 'string', default: '0.25' },
    searches: { type: 'string', default: '3000' },
    scenarios: { type: 'string', default: 'other,state-primary' },
  },
});
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

interface Outcome {
  scenario: string;
  victim: NodeHoldings;
  wasManager: boolean;
  records: number;
  indexedAtKill: number;
  killToYellowMs: number | null;
  killToRestartMs: number;
  restartToGreenMs: number;
  killToGreenMs: number;
  importExit: number;
  indexingSeconds: number;
  outbox: { done: number; dead: number; pending: number; retried: number };
  jobErrors: Map<string, number>;
  reconcile: string;
  reconcileExit: number;
  counts: { type: string; db: number; index: number }[];
  windows: { name: string; samples: Sample[] }[];
  balancer: { requests: number; failovers: number; badGateway: number; indexSettingsRewritten: number };
  layout: string;
}

const machine = describeMachine();
const loadBefore = os.loadavg().map((l) => l.toFixed(1)).join(' ');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-cluster-'));
const cluster = startCluster(path.join(base, 'nodes'));
const children: { child: ReturnType<typeof spawn> }[] = [];
const outcomes: Outcome[] = [];
let formedMs = 0;

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

async function runScenario(kind: (typeof SCENARIOS)[number], corpusDir: string, records: number, queries: string[], balancerUrl: string, balancer: Awaited<ReturnType<typeof startBalancer>>): Promise<Outcome> {
  const server = await createServerDatabase();
  const prefix = `cluster-${kind}`;
  const logs = path.join(base, kind);
  fs.mkdirSync(logs, { recursive: true });
  const env = { DATABASE_URL: server.url, SEARCH_ENGINE: 'opensearch', SEARCH_URL: balancerUrl, PLANHUB_INDEX_PREFIX: prefix, PLANHUB_DATA_DIR: logs, LOG_LEVEL: 'warn' };
  const before = { ...balancer.stats };
  await fetch(`${balancerUrl}/${prefix}-*`, { method: 'DELETE', signal: AbortSignal.timeout(30_000) });
  try {
    // The search runtime migrates the database and creates the indices (through the balancer).
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
    const manager = (await cluster.get<{ node: string }[]>('/_cat/cluster_manager?format=json', 5000))?.[0]?.node ?? null;
    const stateShard = await cluster.get<{ nodes: Record<string, { name: string }>; shards: { node: string; primary: boolean }[][] }>(
      `/${prefix}-meta/_search_shards?routing=state`,
      5000,
    );
    const statePrimaryId = stateShard?.shards.flat().find((c) => c.primary)?.node;
    const statePrimaryNode = statePrimaryId ? stateShard!.nodes[statePrimaryId]!.name : '';
    const victimHoldings = chooseVictim(holdings(await shardRows(prefix), CLUSTER_NODES.map((n) => n.name), statePrimaryNode), kind, manager);
    const victim = CLUSTER_NODES.find((n) => n.name === victimHoldings.node)!;
    const wasManager = manager === victim.name;
    log(`${kind}: ${indexedAtKill} of ${records} indexed; SIGKILL ${victim.name} (${victimHoldings.primaries} primaries, ${victimHoldings.replicas} replicas${wasManager ? ', elected cluster manager' : ''})`);
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
      { name: 'node lost → green', samples: samples.filter((s) => loadStart + s.at >= killAt && loadStart + s.at < greenAt) },
      { name: 'after green', samples: samples.filter((s) => loadStart + s.at >= greenAt) },
    ];
    const diff = Object.fromEntries(Object.entries(balancer.stats).map(([k, v]) => [k, v - before[k as keyof typeof before]])) as Outcome['balancer'];
    return {
      scenario: kind, victim: victimHoldings, wasManager, records, indexedAtKill, killToYellowMs,
      killToRestartMs: restartAt - killAt, restartToGreenMs: greenAt - restartAt, killToGreenMs: greenAt - killAt,
      importExit, indexingSeconds, outbox, jobErrors, reconcile, reconcileExit, counts, windows, balancer: diff,
      layout: `${docsIndex.filter((r) => r.prirep === 'p').length} primaries + ${docsIndex.filter((r) => r.prirep === 'r').length} replicas per docs index`,
    };
  } finally {
    await fetch(`${balancerUrl}/${prefix}-*`, { method: 'DELETE', signal: AbortSignal.timeout(30_000) }).catch(() => {});
    await server.drop();
  }
}

function windowRow(scenario: string, w: { name: string; samples: Sample[] }): string[] {
  const ok = w.samples.filter((s) => s.outcome === 'ok').map((s) => s.ms).sort((a, b) => a - b);
  const all = w.samples.map((s) => s.ms).sort((a, b) => a - b);
  return [
    scenario, w.name, String(w.samples.length), String(ok.length),
    String(w.samples.filter((s) => s.outcome === 'error').length), String(w.samples.filter((s) => s.outcome === 'timeout').length),
    ok.length ? `${percentile(ok, 50).toFixed(0)} / ${percentile(ok, 95).toFixed(0)}` : '—', all.length ? all[all.length - 1]!.toFixed(0) : '—',
  ];
}

function report(corpusRecords: number): string {
  const loadAfter = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  const lines = [
    '# Three OpenSearch nodes on loopback lose one while PlanHub indexes and searches',
    '',
    `${new Date().toISOString()} — ${machine}; load average ${loadBefore} before, ${loadAfter} after (the machine is shared).`,
    `OpenSearch 2.19.6, three JVMs of engine/ (-Xmx${NODE_HEAP} each) on 127.0.0.1, formed green in ${secs(formedMs)} s; PlanHub's indices ${SHARDS} primaries and ${REPLICAS} replica each. PostgreSQL 15 server.`,
    `Command: \`node tests/bench/cluster.bench.ts --projects ${PROJECTS} --down ${DOWN_MS / 1000} --kill-at ${KILL_AT} --searches ${MAX_SEARCHES}\``,
    `Per scenario: a fresh database and indices; \`planhub worker\` indexes through the outbox while \`planhub import --dir\` loads ${corpusRecords.toLocaleString('en')} generated records; 2 search loops through PlanHub's search service (deadline ${SEARCH_TIMEOUT_MS / 1000} s each, at most ${MAX_SEARCHES} in all); SIGKILL once ${Math.round(KILL_AT * 100)} % of the records are indexed; restart after ${DOWN_MS / 1000} s.`,
    'PlanHub reaches the nodes through a loopback balancer (tests/bench/cluster/balancer.ts), which also sets the shard and replica counts of the indices PlanHub creates (PlanHub has no option for them yet).',
    '',
    table(
      ['scenario', 'node killed', 'held', 'indexed at kill', 'primaries active again', 'restart → green', 'kill → green', 'outbox done / retried / dead', 'reconcile --dry-run', 'lost'],
      outcomes.map((o) => [
        o.scenario, `${o.victim.node}${o.wasManager ? ' (elected manager)' : ''}`, `${o.victim.primaries} p, ${o.victim.replicas} r${o.victim.statePrimary ? ', primary of the state document' : ''}`,
        `${o.indexedAtKill.toLocaleString('en')} / ${o.records.toLocaleString('en')}`,
        o.killToYellowMs === null ? 'not within the down time' : `${secs(o.killToYellowMs)} s after the kill`,
        `${secs(o.restartToGreenMs)} s`, `${secs(o.killToGreenMs)} s`,
        `${o.outbox.done} / ${o.outbox.retried} / ${o.outbox.dead}`, `${o.reconcile} (exit ${o.reconcileExit})`,
        String(o.counts.reduce((a, c) => a + Math.max(0, c.db - c.index), 0)),
      ]),
    ),
    '',
    'Searches (ms of the answered ones: p50 / p95; max of all):',
    '',
    table(['scenario', 'window', 'sent', 'answered', 'failed', 'timed out', 'p50 / p95', 'max'], outcomes.flatMap((o) => o.windows.map((w) => windowRow(o.scenario, w)))),
    '',
    'Records by type, PostgreSQL against the index (by id, after the outbox drained):',
    '',
    table(['scenario', ...SEARCH_TYPES], outcomes.map((o) => [o.scenario, ...o.counts.map((c) => `${c.db} / ${c.index}`)])),
    '',
  ];
  for (const o of outcomes) {
    const errors = [...new Set(o.windows.flatMap((w) => w.samples).filter((s) => s.error).map((s) => s.error!))];
    lines.push(
      `**${o.scenario}**: import exit ${o.importExit}, indexing ${o.indexingSeconds.toFixed(0)} s in all; ${o.layout}; balancer: ${o.balancer.requests} requests, ${o.balancer.failovers} sent on to another node, ${o.balancer.badGateway} answered 502, ${o.balancer.indexSettingsRewritten} index creations given ${SHARDS}/${REPLICAS}.`,
      `Failed job attempts (retried by the outbox): ${o.jobErrors.size === 0 ? 'none' : [...o.jobErrors].map(([m, n]) => `${n}× \`${m}\``).join('; ')}.`,
      `Search errors: ${errors.length === 0 ? 'none' : errors.map((e) => `\`${e}\``).join('; ')}.`,
      '',
    );
  }
  return lines.join('\n');
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
  log(`starting ${CLUSTER_NODES.length} nodes`);
  const t = Date.now();
  for (const node of CLUSTER_NODES) cluster.start(node);
  await cluster.waitFor('green', CLUSTER_NODES.length, 300_000);
  formedMs = Date.now() - t;
  log(`cluster green in ${secs(formedMs)} s`);
  const balancer = await startBalancer(CLUSTER_NODES, { port: BALANCER_PORT, shards: SHARDS, replicas: REPLICAS });
  try {
    for (const kind of SCENARIOS) outcomes.push(await runScenario(kind, path.join(base, 'corpus'), records, queries, balancer.url, balancer));
  } finally {
    await balancer.close();
  }
  const out = report(records);
  console.log(out);
  fs.writeFileSync(path.join(import.meta.dirname, 'results', 'cluster-opensearch.md'), out);
} finally {
  await shutdown();
  fs.rmSync(base, { recursive: true, force: true });
}
