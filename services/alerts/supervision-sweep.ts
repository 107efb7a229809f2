/**
 * The supervision sweep on a timer, in whichever process runs the jobs: every open approval's
 * current step checked against its time limit (working days, holidays counted), each warning
 * raised once (alerts are unique per rule, approval, step and cause, so several processes
 * sweeping at once only repeat each other's work).
 */
import type { AdvanceService } from './advance.service.ts';

export interface SupervisionSweep {
  stop(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;

export function startSupervisionSweep(
  advance: Pick<AdvanceService, 'sweep'>,
  opts: { firstAfterMs?: number; intervalMs?: number; onError?: (err: Error) => void } = {},
): SupervisionSweep {
  let round: Promise<unknown> = Promise.resolve();
  let running = false;
  const tick = () => {
    // A slow round (a large store) is never stacked under the next one.
    if (running) return;
    running = true;
    round = advance.sweep().catch((err: Error) => opts.onError?.(err)).finally(() => (running = false));
  };
  // Not at once: a starting hub has its imports and indexing to do first. Then every six hours,
  // so a step that ran over in the night is flagged by the morning.
  const first = setTimeout(tick, opts.firstAfterMs ?? 10 * 60 * 1000);
  const timer = setInterval(tick, opts.intervalMs ?? 6 * HOUR_MS);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await round;
    },
  };
}
