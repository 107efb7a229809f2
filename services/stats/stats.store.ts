/**
 * The figures, read from the statistics tables: each a range scan over an indexed day (received,
 * closed, ended, due) or a GiST search for the approvals open on a day, grouped by what is asked.
 * SQL only; periods, keys and totals are stats.service.ts's.
 */
import type { Queryable } from '../db/db.ts';

/** What a figure is grouped by: a column, the month of the day it counts, or nothing. */
export type KeyOf = 'item' | 'office' | 'district' | 'month' | 'none';

/** Narrowing of the approvals counted; `districts` are the stored forms of one district (洪山, 洪山区). */
export interface ApprovalFilter {
  districts?: string[];
  office?: string;
  item?: string;
}

export interface KeyCount {
  key: string;
  n: number;
}

function where(f: ApprovalFilter, params: unknown[]): string {
  const parts: string[] = [];
  if (f.districts) parts.push(`district = ANY($${params.push(f.districts)}::text[])`);
  if (f.office !== undefined) parts.push(`office = $${params.push(f.office)}`);
  if (f.item !== undefined) parts.push(`item = $${params.push(f.item)}`);
  return parts.map((p) => ` AND ${p}`).join('');
}

const keyExpr = (key: KeyOf) => (key === 'none' ? `''` : key);

export interface PeriodCount {
  key: string;
  received: number;
  closed: number;
}

/** Approvals received, and closed, in [from, to] per key: one pass over both days' index ranges. */
async function countPeriod(db: Queryable, key: Exclude<KeyOf, 'month'>, from: string, to: string, f: ApprovalFilter): Promise<PeriodCount[]> {
  const params: unknown[] = [from, to];
  const r = await db.query<PeriodCount>(
    `SELECT ${keyExpr(key)} AS key, count(*) FILTER (WHERE received_day BETWEEN $1::date AND $2::date)::int AS received,
       count(*) FILTER (WHERE closed_day BETWEEN $1::date AND $2::date)::int AS closed
     FROM stats_approvals
     WHERE (received_day BETWEEN $1::date AND $2::date OR closed_day BETWEEN $1::date AND $2::date)${where(f, params)} GROUP BY 1`,
    params,
  );
  return r.rows;
}

export interface MonthCount extends PeriodCount {
  /** Approvals whose open span ended in the month (closed, counted for 在办 at its end). */
  ended: number;
}

/**
 * Approvals received, closed and no longer open per month of [from, to], in one pass over the three
 * days' index ranges: rows are grouped by the months their days fall in (null outside the period),
 * so a year is a few dozen groups, added up per month here. Months are numbers (year * 100 + month):
 * formatting a date per row cost more than the scan.
 */
async function countMonths(db: Queryable, from: string, to: string, f: ApprovalFilter): Promise<MonthCount[]> {
  const params: unknown[] = [from, to];
  const inPeriod = (day: string) => `${day} BETWEEN $1::date AND $2::date`;
  const month = (day: string) => `CASE WHEN ${inPeriod(day)} THEN (extract(year FROM ${day}) * 100 + extract(month FROM ${day}))::int END`;
  const r = await db.query<{ rm: number | null; cm: number | null; em: number | null; n: number }>(
    `SELECT ${month('received_day')} AS rm, ${month('closed_day')} AS cm, ${month('ended_day')} AS em, count(*)::int AS n
     FROM stats_approvals WHERE (${inPeriod('received_day')} OR ${inPeriod('closed_day')} OR ${inPeriod('ended_day')})${where(f, params)}
     GROUP BY 1, 2, 3`,
    params,
  );
  const months = new Map<number, MonthCount>();
  const at = (m: number) => {
    let c = months.get(m);
    if (!c) months.set(m, (c = { key: `${String(Math.floor(m / 100)).padStart(4, '0')}-${String(m % 100).padStart(2, '0')}`, received: 0, closed: 0, ended: 0 }));
    return c;
  };
  for (const g of r.rows) {
    if (g.rm !== null) at(g.rm).received += g.n;
    if (g.cm !== null) at(g.cm).closed += g.n;
    if (g.em !== null) at(g.em).ended += g.n;
  }
  return [...months.values()];
}

/** Approvals open (在办) on `day`, per key (not month: a month's open is counted at its end). */
async function countOpenOn(db: Queryable, key: Exclude<KeyOf, 'month'>, day: string, f: ApprovalFilter): Promise<KeyCount[]> {
  const params: unknown[] = [day];
  const r = await db.query<KeyCount>(
    `SELECT ${keyExpr(key)} AS key, count(*)::int AS n FROM stats_approvals
     WHERE open_span @> $1::date${where(f, params)} GROUP BY 1`,
    params,
  );
  return r.rows;
}

export interface CertificateCount {
  unit: string;
  cert_type: string;
  issued: number;
  uploaded: number;
}

/** Certificates issued in [from, to] per 办理部门 and type, and how many of them were uploaded. */
async function countCertificates(db: Queryable, from: string, to: string): Promise<CertificateCount[]> {
  const r = await db.query<CertificateCount>(
    `SELECT unit, cert_type, count(*)::int AS issued, count(*) FILTER (WHERE uploaded)::int AS uploaded
     FROM stats_approvals WHERE closed_day BETWEEN $1::date AND $2::date AND cert_type IS NOT NULL
     GROUP BY unit, cert_type`,
    [from, to],
  );
  return r.rows;
}

/** Projects per district (as stored), per office, or with any approval ('any'); rows with none are left out. */
async function projectCounts(db: Queryable, by: 'district' | 'office' | 'any'): Promise<KeyCount[]> {
  const r = await db.query<KeyCount>('SELECT key, projects AS n FROM stats_project_counts WHERE by = $1 AND projects > 0', [by]);
  return r.rows;
}

/** Every district form projects were counted under (洪山, 洪山区 …), for reading a district filter. */
async function districtForms(db: Queryable): Promise<string[]> {
  const r = await db.query<{ key: string }>(`SELECT key FROM stats_project_counts WHERE by = 'district'`);
  return r.rows.map((x) => x.key);
}

export interface StepCell {
  office: string;
  month: string;
  due: number;
  overdue: number;
}

/**
 * Steps due in [from, to] per office and month of their due day: all of them, and those that
 * finished after it; unfinished steps due before `today` are added from the steps themselves,
 * since whether they are late depends on the day asked. (Two queries: as one UNION ALL the server
 * ran them in parallel workers that cost more to start than the scans.)
 */
async function countSteps(db: Queryable, from: string, to: string, today: string, office: string | undefined): Promise<StepCell[]> {
  const params: unknown[] = [from, to];
  const byOffice = office === undefined ? '' : ` AND office = $${params.push(office)}`;
  const month = `(extract(year FROM due_day) * 100 + extract(month FROM due_day))::int`;
  const due = await db.query<{ office: string; m: number; due: number; late: number }>(
    `SELECT office, ${month} AS m, sum(due)::int AS due, sum(late)::int AS late FROM stats_step_days
     WHERE due_day BETWEEN $1::date AND $2::date${byOffice} GROUP BY 1, 2`,
    params,
  );
  const unfinished = await db.query<{ office: string; m: number; n: number }>(
    `SELECT office, ${month} AS m, count(*)::int AS n FROM stats_steps
     WHERE finished_day IS NULL AND due_day BETWEEN $1::date AND $2::date AND due_day < $${params.push(today)}::date${byOffice} GROUP BY 1, 2`,
    params,
  );
  const cells = new Map<string, StepCell>();
  const at = (office: string, m: number) => {
    const key = `${office}|${m}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { office, month: `${String(Math.floor(m / 100)).padStart(4, '0')}-${String(m % 100).padStart(2, '0')}`, due: 0, overdue: 0 }));
    return c;
  };
  for (const r of due.rows) Object.assign(at(r.office, r.m), { due: r.due, overdue: at(r.office, r.m).overdue + r.late });
  for (const r of unfinished.rows) at(r.office, r.m).overdue += r.n;
  return [...cells.values()];
}

/** When the figures were last brought up to date (ISO), null before the first count. */
async function asOf(db: Queryable): Promise<string | null> {
  const r = await db.query<{ at: string }>(
    `SELECT to_char(refreshed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM stats_state`);
  return r.rows[0]?.at ?? null;
}

export const statsStore = { countPeriod, countMonths, countOpenOn, countCertificates, projectCounts, districtForms, countSteps, asOf };
export type StatsStore = typeof statsStore;
