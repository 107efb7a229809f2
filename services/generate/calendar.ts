/**
 * Dates for the demo corpus. Times are kept as "local milliseconds": Date.UTC of the bureau's
 * wall-clock time (UTC+8), so arithmetic never depends on the zone of the generating machine.
 */
import type { Rng } from './rng.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;

export function localMs(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** The corpus's "today": nothing happens after it, and cases open on it are still 在办. */
export const CORPUS_END = localMs(2025, 12, 20, 18, 0);
export const CORPUS_START = localMs(2012, 1, 4, 9, 0);

export function yearOf(ms: number): number {
  return new Date(ms).getUTCFullYear();
}

export function addDays(ms: number, days: number): number {
  return ms + days * DAY;
}

export function addMinutes(ms: number, minutes: number): number {
  return ms + minutes * MINUTE;
}

function isWeekend(ms: number): boolean {
  const d = new Date(ms).getUTCDay();
  return d === 0 || d === 6;
}

/** Counts working days the way the bureau's time limits do (weekends skipped, holidays not). */
export function addWorkingDays(ms: number, days: number): number {
  let t = ms;
  let left = days;
  while (left > 0) {
    t += DAY;
    if (!isWeekend(t)) left--;
  }
  while (isWeekend(t)) t += DAY;
  return t;
}

/** Moves a time to a random office hour (08:30–17:30) of its own day. */
export function atOfficeHour(ms: number, rng: Rng): number {
  const midnight = ms - (((ms % DAY) + DAY) % DAY);
  return midnight + (8 * 60 + 30 + rng.int(0, 9 * 60)) * MINUTE + rng.int(0, 59) * 1000;
}

/** A time on `dayMs`'s day, in office hours and strictly after `afterMs`. */
export function officeTimeAfter(afterMs: number, dayMs: number, rng: Rng): number {
  const t = atOfficeHour(dayMs, rng);
  return t > afterMs ? t : afterMs + rng.int(15, 180) * MINUTE;
}

/** The next working day's morning when `ms` falls on a weekend, else `ms`. */
export function toWorkingDay(ms: number): number {
  let t = ms;
  while (isWeekend(t)) t += DAY;
  return t;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2016-03-14T09:32:05+08:00`. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${formatDate(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
}

/** `2016-03-14`. */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `2016年3月14日`, as official prose writes dates. */
export function chineseDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** `2016年3月`. */
export function chineseMonth(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 45 → 四十五, 108 → 一百零八 (enough for article and item numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}
