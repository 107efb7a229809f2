/**
 * The analysis after imports, in whichever process runs the jobs: every ten minutes it asks
 * whether approvals changed since the latest run and that run is at least six hours old, and
 * if so starts one in the background. At 100,000 projects a run costs well under a minute of
 * one core (tests/bench/results/insight-100000-server.md), so a few a day cost nothing, and a
 * busy day of imports is analysed at most every six hours. Several processes checking at once
 * only find the run another claimed.
 */
import type { InsightService } from './insight.service.ts';

export interface InsightSchedule {
  stop(): Promise<void>;
}

export const SCHEDULE_MIN_HOURS = 6;

export function startInsightSchedule(
  insight: Pick<InsightService, 'refreshIfStale'>,
  opts: { checkEveryMs?: number; minHours?: number; onError?: (err: Error) => void } = {},
): InsightSchedule {
  let check: Promise<unknown> = Promise.resolve();
  let checking = false;
  const tick = () => {
    if (checking) return;
    checking = true;
    check = insight.refreshIfStale(opts.minHours ?? SCHEDULE_MIN_HOURS).catch((err: Error) => opts.onError?.(err)).finally(() => (checking = false));
  };
  const timer = setInterval(tick, opts.checkEveryMs ?? 10 * 60 * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await check;
    },
  };
}
