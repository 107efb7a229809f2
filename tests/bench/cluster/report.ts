/** The cluster benchmark's figures as Markdown (tests/bench/results/cluster-<kind>.md). */
import { SEARCH_TYPES } from '../../../indexers/engines/search-engine.ts';
import { percentile, table } from '../machine.ts';
import type { Sample } from './search-load.ts';
import type { NodeHoldings } from './shards.ts';
import { NODE_HEAP, REPLICAS, SHARDS, type EngineKind } from './topology.ts';

export interface Outcome {
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
  layout: string;
}

export interface RunInfo {
  kind: EngineKind;
  /** e.g. "OpenSearch 2.19.6", as the nodes answer `GET /`. */
  engine: string;
  jdk: string;
  machine: string;
  loadBefore: string;
  loadAfter: string;
  formedMs: number;
  command: string;
  corpusRecords: number;
  searchTimeoutMs: number;
  maxSearches: number;
  killAt: number;
  downMs: number;
  searchUrl: string;
}

const secs = (ms: number) => (ms / 1000).toFixed(1);

/** Records in PostgreSQL that the index lacks, over every type. */
export const lost = (o: Outcome) => o.counts.reduce((a, c) => a + Math.max(0, c.db - c.index), 0);

function windowRow(scenario: string, w: { name: string; samples: Sample[] }): string[] {
  const ok = w.samples.filter((s) => s.outcome === 'ok').map((s) => s.ms).sort((a, b) => a - b);
  const all = w.samples.map((s) => s.ms).sort((a, b) => a - b);
  return [
    scenario, w.name, String(w.samples.length), String(ok.length),
    String(w.samples.filter((s) => s.outcome === 'error').length), String(w.samples.filter((s) => s.outcome === 'timeout').length),
    ok.length ? `${percentile(ok, 50).toFixed(0)} / ${percentile(ok, 95).toFixed(0)}` : '—', all.length ? all[all.length - 1]!.toFixed(0) : '—',
  ];
}

export function report(run: RunInfo, outcomes: readonly Outcome[]): string {
  const managerWord = run.kind === 'opensearch' ? 'cluster manager' : 'master';
  const lines = [
    `# Three ${run.engine.split(' ')[0]} nodes on loopback lose one while PlanHub indexes and searches`,
    '',
    `${new Date().toISOString()} — ${run.machine}; load average ${run.loadBefore} before, ${run.loadAfter} after (the machine is shared).`,
    `${run.engine}, three JVMs (${run.jdk}, -Xmx${NODE_HEAP} each) on 127.0.0.1, formed green in ${secs(run.formedMs)} s; PlanHub's indices ${SHARDS} primaries and ${REPLICAS} replica each. PostgreSQL 15 server.`,
    `Command: \`${run.command}\``,
    `Per scenario: a fresh database and indices; \`planhub worker\` indexes through the outbox while \`planhub import --dir\` loads ${run.corpusRecords.toLocaleString('en')} generated records; 2 search loops through PlanHub's search service (deadline ${run.searchTimeoutMs / 1000} s each, at most ${run.maxSearches} in all); SIGKILL once ${Math.round(run.killAt * 100)} % of the records are indexed; restart after ${run.downMs / 1000} s.`,
    `PlanHub is given every node and the layout, nothing in between: \`SEARCH_ENGINE=${run.kind} SEARCH_URL=${run.searchUrl} SEARCH_SHARDS=${SHARDS} SEARCH_REPLICAS=${REPLICAS}\` (the official client spreads requests over the nodes and retries another one when a node fails).`,
    '',
    table(
      ['scenario', 'node killed', 'held', 'indexed at kill', 'primaries active again', 'restart → green', 'kill → green', 'outbox done / retried / dead', 'reconcile --dry-run', 'lost'],
      outcomes.map((o) => [
        o.scenario, `${o.victim.node}${o.wasManager ? ` (elected ${managerWord})` : ''}`, `${o.victim.primaries} p, ${o.victim.replicas} r${o.victim.statePrimary ? ', primary of the state document' : ''}`,
        `${o.indexedAtKill.toLocaleString('en')} / ${o.records.toLocaleString('en')}`,
        o.killToYellowMs === null ? 'not within the down time' : `${secs(o.killToYellowMs)} s after the kill`,
        `${secs(o.restartToGreenMs)} s`, `${secs(o.killToGreenMs)} s`,
        `${o.outbox.done} / ${o.outbox.retried} / ${o.outbox.dead}`, `${o.reconcile} (exit ${o.reconcileExit})`,
        String(lost(o)),
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
    const errors = new Map<string, number>();
    for (const s of o.windows.flatMap((w) => w.samples)) if (s.error) errors.set(s.error, (errors.get(s.error) ?? 0) + 1);
    lines.push(
      `**${o.scenario}**: import exit ${o.importExit}, indexing ${o.indexingSeconds.toFixed(0)} s in all; ${o.layout}.`,
      `Failed job attempts (retried by the outbox): ${o.jobErrors.size === 0 ? 'none' : [...o.jobErrors].map(([m, n]) => `${n}× \`${m}\``).join('; ')}.`,
      `Search errors: ${errors.size === 0 ? 'none' : [...errors].map(([e, n]) => `${n}× \`${e}\``).join('; ')}.`,
      '',
    );
  }
  return lines.join('\n');
}
