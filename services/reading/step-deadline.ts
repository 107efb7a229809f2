/**
 * When an approval step is due, and whether it ran over. Time limits are in working days on
 * China's official calendar — public holidays off, the Saturdays worked in their place on — as
 * the rules count them (rules/ `dueDate`, from `chinese-days`), so the reading page and the
 * supervision warning never disagree about a step. Days are the bureau's (UTC+8): a step
 * finished at 23:00 in Wuhan finished that day. (The demo corpus schedules its steps Monday to
 * Friday, generate/calendar.ts, so a few of its steps around holidays read late.)
 */
import { dueDate } from '../../rules/index.ts';

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

/** The last day a step may finish on: `limitDays` working days after the day it started, never a day off. */
export const dueDay = (startedAt: string, limitDays: number): string => dueDate(startedAt, limitDays);

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
