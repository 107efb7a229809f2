/**
 * Time limits in working days: China's public holidays off, adjusted working days (调休上班,
 * e.g. Saturday 2026-10-10) on, from the `chinese-days` calendar. A limit counts from the day
 * after the step started (the day it started is not counted, as periods are counted in law), so
 * a 5-working-day step started Monday 2026-09-28 is due on 2026-10-10, after National Day.
 */
import chineseDays from 'chinese-days';
import type { ApprovalFacts, DecisionPoint, RuleOutcome } from '../types.ts';
import type { FunctionRule } from './function-rule.ts';

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000; // China keeps UTC+8 all year
/** The calendar day in Beijing: a plain date as it is, a timestamp with its offset converted. */
const day = (iso: string): string => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const t = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(t)) throw new RangeError(`not a date: "${iso}"`);
  // A timestamp without an offset is already Beijing time.
  return /(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? new Date(t + BEIJING_MS).toISOString().slice(0, 10) : iso.slice(0, 10);
};
// Days are stepped as UTC midnights, so no time zone moves them.
const next = (d: string, by = 1): string => new Date(Date.parse(`${d}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);
// The calendar answers in ~2 µs through dayjs; a step's limit asks about the same days again and
// again, so each day is asked once per process (a few thousand days at most).
const workdays = new Map<string, boolean>();
const isWorkday = (d: string): boolean => {
  let w = workdays.get(d);
  if (w === undefined) workdays.set(d, (w = chineseDays.isWorkday(d)));
  return w;
};

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: string, to: string): number {
  const [a, b] = [day(from), day(to)];
  if (a === b) return 0;
  const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let d = next(lo); d <= hi; d = next(d)) if (isWorkday(d)) n++;
  return sign * n;
}

/** The day a step started on `startedAt` with a limit of `limitDays` working days is due (YYYY-MM-DD). */
export function dueDate(startedAt: string, limitDays: number): string {
  if (!Number.isInteger(limitDays) || limitDays < 0) throw new RangeError(`limit must be a whole number of working days, got ${limitDays}`);
  let d = day(startedAt);
  for (let left = limitDays; left > 0; ) {
    d = next(d);
    if (isWorkday(d)) left--;
  }
  // A limit of 0 on a day off falls due on the next working day.
  while (!isWorkday(d)) d = next(d);
  return d;
}

const meta = {
  id: 'overdue',
  name: '环节时限（工作日）',
  version: 1,
  effective: '2026-12-01',
  basis: '《中华人民共和国行政许可法》第八十二条：行政许可的期限以工作日计算，不含法定节假日；国务院办公厅关于部分节假日安排的通知（调休）；《武汉市国土资源和规划局业务规则库》监管规则：环节超过办理时限的予以监管预警',
  points: [
    { step: '*', action: 'start' },
    { step: '*', action: 'finish' },
  ],
  kind: 'function',
} satisfies FunctionRule['meta'];

type StepFacts = Pick<ApprovalFacts, 'step' | 'today'>;

function outcome(facts: StepFacts): Omit<RuleOutcome, 'ruleId' | 'version'> & { due: string | null; late: number } {
  const step = facts.step;
  if (!step || step.started_at === null || step.limit_days === null) {
    const why = !step ? '未载明环节' : step.started_at === null ? `${step.name}环节尚未开始` : `${step.name}环节未设时限`;
    return { verdict: 'pass', reason: `${why}，未作时限核查`, cause: null, options: [], trace: { step }, due: null, late: 0 };
  }
  const due = dueDate(step.started_at, step.limit_days);
  const today = day(facts.today);
  const late = today > due ? workingDaysBetween(due, today) : 0;
  const trace = { step: step.name, started: day(step.started_at), limit_days: step.limit_days, due, today, calendar: 'chinese-days' };
  const when = `${day(step.started_at)} 开始，时限 ${step.limit_days} 个工作日，应于 ${due} 前办结`;
  if (today <= due) {
    const left = workingDaysBetween(today, due);
    return { verdict: 'pass', reason: `${step.name}环节${when}，尚余 ${left} 个工作日`, cause: null, options: [], trace, due, late };
  }
  // Past the due day but only by non-working days (a holiday) is late in calendar, not in working days.
  const by = late > 0 ? `已超期 ${late} 个工作日` : '已过期限日（其后均为非工作日）';
  return { verdict: 'warn', reason: `${step.name}环节超期：${when}，${by}`, cause: `overdue:${step.name}`, options: [], trace, due, late };
}

export const overdueRule: FunctionRule = {
  meta,
  run: (input) => {
    const o = outcome(input as unknown as StepFacts);
    return { verdict: o.verdict, due: o.due, late: o.late, reason: o.reason, cause: o.cause };
  },
  outcomes: (_point: DecisionPoint, facts) => {
    const { due: _due, late: _late, ...o } = outcome(facts);
    return [{ ruleId: meta.id, version: meta.version, ...o }];
  },
};
