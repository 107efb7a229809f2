/**
 * One case's step log read as events on the working-day clock: which steps ran side by side
 * (a layer), how long each waited before it started and how long it took.
 */
import type { WorkingClock } from '../../rules/index.ts';
import type { CaseEvents, RawCase, StepEvent } from './insight-types.ts';

const BEIJING_MS = 8 * 3_600_000;

/** YYYY-MM-DD of the Beijing date of `ms`. */
export const beijingDay = (ms: number): string => new Date(ms + BEIJING_MS).toISOString().slice(0, 10);

/** Beijing month of `ms` as year × 12 + month − 1. */
export function beijingMonth(ms: number): number {
  const d = new Date(ms + BEIJING_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** `2021-03` for a month index. */
export const monthText = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/**
 * The case's closed steps as events. A step joins the layer before it when it started before
 * that layer's last finish (it overlapped: the co-reviews 消防, 人防, 供电 start together), so
 * concurrency is read from the times, not from any rule. Its waiting is from the previous layer's
 * last finish (the first layer's: from receipt) to its start.
 */
export function toCaseEvents(raw: RawCase, clock: WorkingClock): CaseEvents {
  const closed = raw.steps
    .filter((s) => s.startedMs !== null && s.finishedMs !== null && s.finishedMs >= s.startedMs)
    .sort((x, y) => x.startedMs! - y.startedMs! || x.seq - y.seq);
  const firstStart = closed[0]?.startedMs ?? null;
  const receivedMs = raw.receivedMs !== null && (firstStart === null || raw.receivedMs <= firstStart) ? raw.receivedMs : firstStart;
  const steps: StepEvent[] = [];
  let layer = -1;
  let layerEndMs = 0;
  let arrivalMs = receivedMs ?? 0;
  for (const s of closed) {
    if (layer < 0 || s.startedMs! >= layerEndMs) {
      // A new layer: it was reached when the last one finished.
      if (layer >= 0) arrivalMs = layerEndMs;
      layer++;
      layerEndMs = s.finishedMs!;
    } else {
      layerEndMs = Math.max(layerEndMs, s.finishedMs!);
    }
    const start = clock.at(s.startedMs!);
    const finish = clock.at(s.finishedMs!);
    const arrival = clock.at(arrivalMs);
    steps.push({
      name: s.name,
      office: s.office ?? '（未载明）',
      start,
      finish,
      arrival,
      arrivalMonth: beijingMonth(arrivalMs),
      layer,
      waiting: Math.max(0, start - arrival),
      service: finish - start,
    });
  }
  const complete = raw.status === '办结' && raw.steps.length > 0 && closed.length === raw.steps.length && receivedMs !== null;
  const last = complete ? Math.max(...steps.map((s) => s.finish)) : null;
  return {
    id: raw.id,
    projectNo: raw.projectNo,
    item: raw.item,
    receivedDay: receivedMs === null ? '' : beijingDay(receivedMs),
    complete,
    cycle: last === null ? null : last - clock.at(receivedMs!),
    steps,
  };
}
