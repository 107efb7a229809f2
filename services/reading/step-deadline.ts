/**
 * When an approval step is due, and whether it ran over. Time limits are in working days, and
 * the repo has no holiday calendar: a working day here is Monday to Friday, so public holidays
 * and the Saturdays worked in their place are not known. That is also the rule the demo corpus
 * schedules its steps by (generate/calendar.ts `addWorkingDays`), so its late steps are the ones
 * flagged here. Days are the bureau's (UTC+8): a step finished at 23:00 in Wuhan finished that day.
 */

const DAY_MS = 86_400_000;
const BUREAU_OFFSET_MS = 8 * 3_600_000;

export interface TimedStep {
  limit_days: number | null;
  started_at: string | null;
  finished_at: string | null;
}

/** The bureau's calendar day of an instant, as the UTC midnight of that date. */
function bureauDay(instant: number): number {
  const local = instant + BUREAU_OFFSET_MS;
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
}

const isWeekend = (day: number): boolean => {
  const d = new Date(day).getUTCDay();
  return d === 0 || d === 6;
};

/** The last day a step may finish on: `limitDays` working days after the day it started, never a weekend. */
export function dueDay(startedAt: string, limitDays: number): string {
  let day = bureauDay(Date.parse(startedAt));
  for (let left = limitDays; left > 0;) {
    day += DAY_MS;
    if (!isWeekend(day)) left -= 1;
  }
  while (isWeekend(day)) day += DAY_MS;
  return new Date(day).toISOString().slice(0, 10);
}

/**
 * The step's due day, and whether it is overdue: finished after that day, or still open after it
 * as of `now`. A step not started, or without a limit, has no due day and is never overdue.
 */
export function stepDeadline(step: TimedStep, now: Date): { due: string | null; overdue: boolean } {
  if (step.started_at === null || step.limit_days === null) return { due: null, overdue: false };
  const due = dueDay(step.started_at, step.limit_days);
  const done = step.finished_at === null ? now.getTime() : Date.parse(step.finished_at);
  const doneDay = new Date(bureauDay(done)).toISOString().slice(0, 10);
  return { due, overdue: doneDay > due };
}
