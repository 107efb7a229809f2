/**
 * One analysis run: reads every approval's step log a page at a time, analyses it, writes the
 * results under the run's id and only then marks the run ready, so readers never see half a run.
 * Progress is written with every page and batch (it is the run's heartbeat too). A run that
 * fails or is stopped leaves nothing but its row, marked failed with the reason.
 */
import { createAnalysis } from './insight-analysis.ts';
import type { InsightResultStore } from './insight-result.store.ts';
import type { InsightRunStore } from './insight-run.store.ts';
import type { InsightSourceStore } from './insight-source.store.ts';
import type { InsightResult } from './insight-types.ts';
import type { Queryable } from '../db/db.ts';

export type Phase = 'reading' | 'analysing' | 'saving';

export interface JobDeps {
  db: Queryable;
  source: InsightSourceStore;
  runs: Pick<InsightRunStore, 'progress' | 'finish' | 'fail' | 'pruneBefore'>;
  results: Pick<InsightResultStore, 'writeItems' | 'writeFindings' | 'writeDeviations' | 'writeCases' | 'dropResults'>;
}

export interface JobOptions {
  signal?: AbortSignal;
  onProgress?: (phase: Phase, done: number, total: number) => void;
  /** Approvals per read (their steps come with them); PAGE by default. */
  pageSize?: number;
}

/** Approvals per read (≈ 30,000 steps, a text of some 2 MB). */
const PAGE = 5_000;
/** Rows per insert when saving. */
const CASE_BATCH = 10_000;
const DEVIATION_BATCH = 2_000;

export interface JobSummary { runId: number; durationMs: number; cases: number; steps: number; result: InsightResult }

export async function computeInsight(deps: JobDeps, runId: number, opts: JobOptions = {}): Promise<JobSummary> {
  const { db, source, runs, results } = deps;
  const started = performance.now();
  const report = async (phase: Phase, done: number, total: number) => {
    opts.signal?.throwIfAborted();
    opts.onProgress?.(phase, done, total);
    await runs.progress(db, runId, phase, done, total);
  };
  try {
    const total = await source.countApprovals(db);
    await report('reading', 0, total);
    const analysis = createAnalysis();
    const size = opts.pageSize ?? PAGE;
    // The next page is read while this one is analysed: on the server the database and this
    // process then work at the same time.
    let next = source.casesAfter(db, null, size);
    for (;;) {
      const page = await next;
      if (page.length === 0) break;
      next = source.casesAfter(db, page.at(-1)!.id, size);
      next.catch(() => {}); // awaited on the next turn; a failure then is this run's
      for (const c of page) analysis.add(c);
      await report('reading', analysis.size, Math.max(total, analysis.size));
    }
    await report('analysing', 0, 1);
    const result = analysis.result();

    const rows = result.items.length + result.bottlenecks.length + result.pairs.length + result.deviations.length + result.caseCycles.length;
    let saved = 0;
    await report('saving', saved, rows);
    await results.writeItems(db, runId, result.items);
    await results.writeFindings(db, runId, 'bottleneck', result.bottlenecks);
    await results.writeFindings(db, runId, 'mutual', result.pairs.filter((p) => p.kind === 'mutual'));
    await results.writeFindings(db, runId, 'parallel', result.pairs.filter((p) => p.kind === 'parallel'));
    saved += result.items.length + result.bottlenecks.length + result.pairs.length;
    for (let i = 0; i < result.deviations.length; i += DEVIATION_BATCH) {
      const batch = result.deviations.slice(i, i + DEVIATION_BATCH);
      await results.writeDeviations(db, runId, batch);
      await report('saving', (saved += batch.length), rows);
    }
    for (let i = 0; i < result.caseCycles.length; i += CASE_BATCH) {
      const batch = result.caseCycles.slice(i, i + CASE_BATCH);
      await results.writeCases(db, runId, batch);
      await report('saving', (saved += batch.length), rows);
    }
    const durationMs = Math.round(performance.now() - started);
    const summary = { items: result.items.map((i) => ({ item: i.item, cases: i.cases, cycle: i.cycle })) };
    if (!(await runs.finish(db, runId, { durationMs, cases: result.cases, steps: result.steps, summary }))) {
      throw new Error('the run was declared stopped while it was saving (no progress for too long)');
    }
    // The results of earlier runs are of no further use.
    await runs.pruneBefore(db, runId);
    return { runId, durationMs, cases: result.cases, steps: result.steps, result };
  } catch (err) {
    const reason = opts.signal?.aborted ? '分析被中止（进程关闭）' : `分析失败：${(err as Error).message}`;
    await results.dropResults(db, runId).catch(() => {});
    await runs.fail(db, runId, reason).catch(() => {});
    throw err;
  }
}
