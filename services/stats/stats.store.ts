/**
 * The figures, read from the statistics tables: each a range scan over an indexed day (received,
 * closed, ended, due) or a GiST search for the approvals open on a day, grouped by what is asked.
 * SQL only; periods, keys and totals are stats.service.ts's.
 */
import type { Queryable } from '../db/db.ts';

/** What a figure is grouped by: a column, or the month of the day it counts. */
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

const keyExpr = (key: KeyOf, day: string) => (key === 'month' ? `to_char(${day}, 'YYYY-MM')` : key === 'none' ? `''` : key);

/** Approvals whose `day` (received_day, closed_day or ended_day) falls in [from, to], per key. */
async function countByDay(db: Queryable, day: 'received_day' | 'closed_day' | 'ended_day', key: KeyOf, from: string, to: string, f: ApprovalFilter): Promise<KeyCount[]> {
  const params: unknown[] = [from, to];
  const r = await db.query<KeyCount>(
    `SELECT ${keyExpr(key, day)} AS key, count(*)::int AS n FROM stats_approvals
     WHERE ${day} BETWEEN $1::date AND $2::date${where(f, params)} GROUP BY 1`,
    params,
  );
  return r.rows;
}

/** Approvals open (在办) on `day`, per key (not month: a month's open is counted at its end). */
async function countOpenOn(db: Queryable, key: Exclude<KeyOf, 'month'>, day: string, f: ApprovalFilter): Promise<KeyCount[]> {
  const params: unknown[] = [day];
  const r = await db.query<KeyCount>(
    `SELECT ${keyExpr(key, '')} AS key, count(*)::int AS n FROM stats_approvals
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
 * since whether they are late depends on the day asked.
 */
async function countSteps(db: Queryable, from: string, to: string, today: string, office: string | undefined): Promise<StepCell[]> {
  const params: unknown[] = [from, to, today];
  const byOffice = office === undefined ? '' : ` AND office = $${params.push(office)}`;
  const r = await db.query<StepCell>(
    `SELECT office, month, sum(due)::int AS due, sum(overdue)::int AS overdue FROM (
       SELECT office, to_char(due_day, 'YYYY-MM') AS month, due, late AS overdue FROM stats_step_days
       WHERE due_day BETWEEN $1::date AND $2::date${byOffice}
       UNION ALL
       SELECT office, to_char(due_day, 'YYYY-MM'), 0, 1 FROM stats_steps
       WHERE finished_day IS NULL AND due_day BETWEEN $1::date AND $2::date AND due_day < $3::date${byOffice}
     ) s GROUP BY office, month`,
    params,
  );
  return r.rows;
}

/** When the figures were last brought up to date (ISO), null before the first count. */
async function asOf(db: Queryable): Promise<string | null> {
  const r = await db.query<{ at: string }>(
    `SELECT to_char(refreshed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM stats_state`);
  return r.rows[0]?.at ?? null;
}

export const statsStore = { countByDay, countOpenOn, countCertificates, projectCounts, districtForms, countSteps, asOf };
export type StatsStore = typeof statsStore;
