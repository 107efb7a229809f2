/**
 * 流程分析 (process insight): starting an analysis run (in the background of this process, one
 * at a time across processes), its status, and the cached results of the latest ready run for
 * the API. Every answer names the run it comes from (`computed_at`); before any run has finished
 * the lists are empty and `status` is 'none'.
 */
import { STANDARD_ITEMS, standardStepsOn } from '../../rules/index.ts';
import { notFound } from '../common/errors.ts';
import type { Queryable } from '../db/db.ts';
import { computeInsight, type JobOptions, type JobSummary } from './insight-job.ts';
import type { InsightResultStore } from './insight-result.store.ts';
import type { InsightRunStore, RunRow } from './insight-run.store.ts';
import type { InsightSourceStore } from './insight-source.store.ts';
import type { Bottleneck, ItemInsight, PairFinding, Range } from './insight-types.ts';

/** A computing run silent this long belongs to a process that is gone. */
export const STALE_SECONDS = 120;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const PAIR_KINDS = ['mutual', 'parallel'] as const;
export const DEVIATION_KINDS = ['skipped', 'out_of_order', 'extra'] as const;

type Status = 'none' | 'computing' | 'ready' | 'failed';

export interface InsightDeps {
  db: Queryable;
  source: InsightSourceStore;
  runs: InsightRunStore;
  results: InsightResultStore;
  /** Where a background run's failure is told (the server's log). */
  log?: (msg: string) => void;
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

export function createInsightService(deps: InsightDeps) {
  const { db, runs, results } = deps;
  let running: { promise: Promise<unknown>; stop: AbortController } | null = null;

  const staleError = `分析进程中断（超过 ${STALE_SECONDS} 秒无进展）`;

  /** The latest ready run, or null; stale runs of dead processes are marked failed first. */
  async function ready(): Promise<RunRow | null> {
    return runs.latestReady(db);
  }

  const stamp = (run: RunRow | null) => ({ status: (run ? 'ready' : 'none') as Status, computed_at: run?.computed_at ?? null });

  async function status() {
    await runs.failStale(db, STALE_SECONDS, staleError);
    const [computing, done, last] = await Promise.all([runs.computing(db), runs.latestReady(db), runs.latest(db)]);
    const status: Status = computing ? 'computing' : last?.status === 'failed' ? 'failed' : done ? 'ready' : 'none';
    const summary = (done?.summary ?? { items: [] }) as { items: { item: string; cases: number; cycle: Range }[] };
    return {
      status,
      computed_at: done?.computed_at ?? null,
      duration_ms: done?.duration_ms ?? null,
      cases: done?.cases ?? 0,
      steps: done?.steps ?? 0,
      items: summary.items,
      ...(computing ? { progress: { done: computing.progress_done, total: computing.progress_total, phase: computing.phase } } : {}),
      ...(status === 'failed' ? { error: last!.error } : {}),
    };
  }

  /** Claims a run; null when one is computing (here or in another process). */
  async function claim(actor: string): Promise<RunRow | null> {
    await runs.failStale(db, STALE_SECONDS, staleError);
    return runs.claim(db, actor);
  }

  /** Starts a run in the background unless one is computing; either way the answer is 'computing'. */
  async function refresh(actor: string): Promise<{ status: 'computing' }> {
    if (running) return { status: 'computing' };
    const run = await claim(actor);
    if (run) {
      const stop = new AbortController();
      const promise = computeInsight(deps, run.id, { signal: stop.signal })
        .catch((err: Error) => deps.log?.(`process insight run ${run.id} failed: ${err.message}`))
        .finally(() => {
          running = null;
        });
      running = { promise, stop };
    }
    return { status: 'computing' };
  }

  /**
   * Starts a run when approvals were imported or changed since the latest ready run and that run
   * is at least `minHours` old (or there is none yet); true when it started one.
   */
  async function refreshIfStale(minHours: number, now = Date.now()): Promise<boolean> {
    if (running || (await runs.computing(db))) return false;
    const done = await runs.latestReady(db);
    if (done?.computed_at && now - Date.parse(done.computed_at) < minHours * 3_600_000) return false;
    if (!(await deps.source.approvalsChangedSince(db, done?.computed_at ?? null))) return false;
    await refresh('schedule');
    return running !== null;
  }

  /** Runs an analysis here and now (the CLI); refused when one is computing elsewhere. */
  async function runNow(actor: string, opts: Omit<JobOptions, 'signal'> & { signal?: AbortSignal } = {}): Promise<JobSummary> {
    const run = running ? null : await claim(actor);
    if (!run) throw new Error('an analysis is already running (planhub insight waits for no other run; try again when it has finished)');
    return computeInsight(deps, run.id, opts);
  }

  /** Stops a background run of this process (shutdown) and waits for it to have given up. */
  async function stop(): Promise<void> {
    if (!running) return;
    running.stop.abort();
    await running.promise;
  }

  async function item(name: string) {
    const run = await ready();
    const found = run ? await results.item(db, run.id, name) : null;
    if (found) return { ...stamp(run), ...found };
    if (!STANDARD_ITEMS.includes(name)) throw notFound(`no business item "${name}"${run ? ' in the latest analysis' : ''}`);
    const empty: ItemInsight = {
      item: name, cases: 0, standard: standardStepsOn(name, '9999-12-31')!.map((s) => s.name),
      steps: [], edges: [], critical_path: { steps: [], days: 0 }, cycle: { p50: null, p90: null },
    };
    return { ...stamp(run), ...empty };
  }

  async function bottlenecks(q: { item?: string }) {
    const run = await ready();
    return { ...stamp(run), items: run ? await results.findings<Bottleneck>(db, run.id, ['bottleneck'], blank(q.item)) : [] };
  }

  async function pairs(q: { kind?: 'mutual' | 'parallel'; item?: string }) {
    const run = await ready();
    const kinds = q.kind ? [q.kind] : [...PAIR_KINDS];
    return { ...stamp(run), items: run ? await results.findings<PairFinding>(db, run.id, kinds, blank(q.item)) : [] };
  }

  const paging = (q: { page?: number; size?: number }) => {
    const page = q.page ?? 1;
    const size = q.size ?? DEFAULT_PAGE_SIZE;
    return { page, size, offset: (page - 1) * size };
  };

  async function deviations(q: { item?: string; kind?: string; page?: number; size?: number }) {
    const run = await ready();
    const { page, size, offset } = paging(q);
    const found = run ? await results.deviations(db, run.id, { item: blank(q.item), kind: blank(q.kind) }, size, offset) : { total: 0, rows: [] };
    return { ...stamp(run), total: found.total, page, size, items: found.rows };
  }

  async function cases(q: { item?: string; page?: number; size?: number }) {
    const run = await ready();
    const { page, size, offset } = paging(q);
    const found = run ? await results.cases(db, run.id, blank(q.item), size, offset) : { total: 0, rows: [] };
    return { ...stamp(run), total: found.total, page, size, items: found.rows };
  }

  return { status, refresh, refreshIfStale, runNow, stop, item, bottlenecks, pairs, deviations, cases };
}

export type InsightService = ReturnType<typeof createInsightService>;
