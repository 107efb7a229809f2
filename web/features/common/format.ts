/**
 * How dates, areas and counts are written on the pages. Deterministic (no locale lookups), so
 * the server's HTML and the browser's render agree; times are the bureau's (UTC+8).
 */

const BUREAU_OFFSET_MS = 8 * 3_600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An instant as the bureau's wall clock, `YYYY-MM-DDTHH:mm`; null when absent or unreadable. */
function bureauClock(value: string | null | undefined): string | null {
  if (!value) return null;
  if (DATE_ONLY.test(value)) return `${value}T00:00`;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  return new Date(t + BUREAU_OFFSET_MS).toISOString().slice(0, 16);
}

/** `2023-03-15`: a date as is, a timestamp as its day in Wuhan; `—` when absent. */
export function formatDate(value: string | null | undefined, none = '—'): string {
  return bureauClock(value)?.slice(0, 10) ?? none;
}

/** `2023-03-15 17:36` in Wuhan; a bare date stays a date. */
export function formatDateTime(value: string | null | undefined, none = '—'): string {
  if (value && DATE_ONLY.test(value)) return value;
  return bureauClock(value)?.replace('T', ' ') ?? none;
}

/** 1234567.8 → `1,234,567.8`. */
export function formatNumber(n: number): string {
  const [int, frac] = String(Math.round(n * 100) / 100).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** `67,656.82 平方米`; `—` when absent. */
export function formatArea(m2: number | null | undefined, none = '—'): string {
  return m2 === null || m2 === undefined ? none : `${formatNumber(m2)} 平方米`;
}
