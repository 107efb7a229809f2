/**
 * A clock that reads instants in working days (工作日), for process times (流程分析): the
 * working days before an instant's Beijing date plus the share of that day's office hours
 * (08:30–17:30) already gone. Days off count nothing, so a step handed over on Friday at 17:00
 * and taken up on Monday at 09:00 waited 0.1 working days, and a Friday before National Day
 * to the first day after it is one day, not eight. The calendar is the one the time limits use
 * (`chinese-days`: public holidays off, 调休 Saturdays on), so a difference of whole days agrees
 * with `workingDaysBetween`.
 *
 * Each date's ordinal is computed once per process for a range of years and then read from an
 * array: the analysis reads millions of instants, and asking the calendar each time would cost
 * seconds.
 */
import chineseDays from 'chinese-days';

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;
/** Office hours, Beijing time: the working day's fraction runs from OPEN to CLOSE. */
export const OFFICE_OPEN_MINUTES = 8 * 60 + 30;
export const OFFICE_CLOSE_MINUTES = 17 * 60 + 30;
const OPEN_MS = OFFICE_OPEN_MINUTES * 60_000;
const SPAN_MS = (OFFICE_CLOSE_MINUTES - OFFICE_OPEN_MINUTES) * 60_000;

export interface WorkingClock {
  /** The instant (epoch ms) in working days since the clock's first day. */
  at(ms: number): number;
  /** Whether the Beijing date of `ms` is a working day. */
  isWorkday(ms: number): boolean;
}

interface Table { first: number; ordinal: Int32Array; work: Uint8Array }

const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

function buildTable(firstYear: number, lastYear: number): Table {
  const first = Math.floor(Date.UTC(firstYear, 0, 1) / DAY_MS);
  const days = Math.floor(Date.UTC(lastYear + 1, 0, 1) / DAY_MS) - first;
  const ordinal = new Int32Array(days + 1);
  const work = new Uint8Array(days + 1);
  let n = 0;
  for (let d = 0; d <= days; d++) {
    ordinal[d] = n; // working days strictly before this date
    const w = chineseDays.isWorkday(isoDay(first + d)) ? 1 : 0;
    work[d] = w;
    n += w;
  }
  return { first, ordinal, work };
}

let shared: Table | null = null;

/**
 * The clock over `firstYear`–`lastYear` (2000–2040 by default: a table of 15,000 days built in
 * about 40 ms). An instant outside the range throws: its working days would be guessed.
 */
export function createWorkingClock(firstYear = 2000, lastYear = 2040): WorkingClock {
  const table = firstYear === 2000 && lastYear === 2040 ? (shared ??= buildTable(2000, 2040)) : buildTable(firstYear, lastYear);
  const { first, ordinal, work } = table;
  const last = first + ordinal.length - 1;
  const dayOf = (ms: number): number => {
    const day = Math.floor((ms + BEIJING_MS) / DAY_MS);
    if (day < first || day > last || Number.isNaN(day)) throw new RangeError(`no working-day calendar for ${new Date(ms).toISOString()}`);
    return day;
  };
  return {
    at(ms) {
      const day = dayOf(ms);
      const i = day - first;
      if (!work[i]) return ordinal[i]!;
      const into = ms + BEIJING_MS - day * DAY_MS - OPEN_MS;
      return ordinal[i]! + (into <= 0 ? 0 : into >= SPAN_MS ? 1 : into / SPAN_MS);
    },
    isWorkday: (ms) => work[dayOf(ms) - first] === 1,
  };
}
