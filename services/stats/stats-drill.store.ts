/**
 * The approvals behind a figure: the same conditions the figures count with (stats.store.ts), as
 * a page of approvals with what a list shows of each, newest first. An overdue figure counts
 * steps, so its list has one entry per overdue step. SQL only.
 */
import type { Queryable } from '../db/db.ts';
import type { Measure } from './stats-params.ts';

export interface DrillSpec {
  measure: Measure;
  /** The days counted (received, closed, issued, overdue: the due day). */
  from: string;
  to: string;
  /** The day an open figure is counted on. */
  on: string;
  /** An overdue step is unfinished past its due day before this day. */
  today: string;
  districts?: string[];
  /** The approval's office; for overdue, the step's. */
  office?: string;
  item?: string;
  unit?: string;
  type?: string;
  uploaded?: boolean;
}

export interface DrillItem {
  id: string;
  project_no: string;
  project_name: string | null;
  item: string;
  office: string | null;
  district: string | null;
  status: string;
  received_at: string | null;
  closed_at: string | null;
  certificate_no: string | null;
  /** The overdue step (overdue lists only). */
  step?: { seq: number; name: string; office: string | null; due: string; finished_at: string | null };
}

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** The hits' query: (approval_id, seq, day) of every approval (or step) the figure counts. */
function hits(spec: DrillSpec, params: unknown[]): string {
  const p = (v: unknown) => `$${params.push(v)}`;
  const s: string[] = [];
  if (spec.districts) s.push(`s.district = ANY(${p(spec.districts)}::text[])`);
  if (spec.item !== undefined) s.push(`s.item = ${p(spec.item)}`);
  const and = (parts: string[]) => parts.map((x) => ` AND ${x}`).join('');
  if (spec.measure === 'overdue') {
    const range = `due_day BETWEEN ${p(spec.from)}::date AND ${p(spec.to)}::date${spec.office !== undefined ? ` AND office = ${p(spec.office)}` : ''}`;
    const steps = `SELECT approval_id, seq, due_day FROM stats_steps WHERE late AND ${range}
      UNION ALL SELECT approval_id, seq, due_day FROM stats_steps WHERE finished_day IS NULL AND ${range} AND due_day < ${p(spec.today)}::date`;
    return s.length === 0
      ? `SELECT approval_id, seq, due_day AS day FROM (${steps}) t`
      : `SELECT t.approval_id, t.seq, t.due_day AS day FROM (${steps}) t JOIN stats_approvals s ON s.approval_id = t.approval_id WHERE true${and(s)}`;
  }
  if (spec.office !== undefined) s.push(`s.office = ${p(spec.office)}`);
  let day: string;
  if (spec.measure === 'open') {
    day = 's.received_day';
    s.unshift(`s.open_span @> ${p(spec.on)}::date`);
  } else {
    day = spec.measure === 'received' ? 's.received_day' : 's.closed_day';
    s.unshift(`${day} BETWEEN ${p(spec.from)}::date AND ${p(spec.to)}::date`);
  }
  if (spec.measure === 'issued') {
    s.push('s.cert_type IS NOT NULL');
    if (spec.unit !== undefined) s.push(`s.unit = ${p(spec.unit)}`);
    if (spec.type !== undefined) s.push(`s.cert_type = ${p(spec.type)}`);
    if (spec.uploaded !== undefined) s.push(`s.uploaded = ${p(spec.uploaded)}`);
  }
  return `SELECT s.approval_id, 0 AS seq, ${day} AS day FROM stats_approvals s WHERE ${s.join(' AND ')}`;
}

async function count(db: Queryable, spec: DrillSpec): Promise<number> {
  const params: unknown[] = [];
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${hits(spec, params)}) h`, params);
  return r.rows[0]!.n;
}

/**
 * The list, newest day first: a page of it with the count of all (`total`, from the same hits; on
 * no row when the page is past the end), or all of it (no limit).
 */
async function list(db: Queryable, spec: DrillSpec, page: { limit?: number; offset?: number } = {}): Promise<{ items: DrillItem[]; total: number | null }> {
  const params: unknown[] = [];
  const inner = hits(spec, params);
  const limit = page.limit === undefined ? '' : `LIMIT $${params.push(page.limit)} OFFSET $${params.push(page.offset ?? 0)}`;
  const total = page.limit === undefined ? '' : ', (SELECT count(*) FROM hits)::int AS total';
  const r = await db.query<DrillItem & { day: string; seq: number; step_name: string | null; step_office: string | null; step_finished: string | null; total?: number }>(
    // The hits first, then their newest: planned together, the planner walks the received-day index
    // backwards for an open list and filters a whole history through the open span (seconds, not ms).
    `WITH hits AS MATERIALIZED (${inner}),
     h AS (SELECT * FROM hits h ORDER BY h.day DESC, h.approval_id DESC, h.seq DESC ${limit})
     SELECT h.day::text AS day, h.seq, a.id, a.project_no, p.name AS project_name, a.item, a.office, p.district, a.status,
       ${ISO('a.received_at')} AS received_at, ${ISO('a.closed_at')} AS closed_at, a.certificate_no,
       st.name AS step_name, st.office AS step_office, ${ISO('st.finished_at')} AS step_finished${total}
     FROM h JOIN approvals a ON a.id = h.approval_id
     LEFT JOIN projects p ON p.project_no = a.project_no
     LEFT JOIN approval_steps st ON h.seq > 0 AND st.approval_id = h.approval_id AND st.seq = h.seq
     ORDER BY h.day DESC, h.approval_id DESC, h.seq DESC`,
    params,
  );
  const items = r.rows.map(({ day, seq, step_name, step_office, step_finished, total: _total, ...item }) => ({
    ...item,
    ...(spec.measure === 'overdue' ? { step: { seq, name: step_name ?? '', office: step_office, due: day, finished_at: step_finished } } : {}),
  }));
  return { items, total: r.rows[0]?.total ?? null };
}

export const statsDrillStore = { count, list };
export type StatsDrillStore = typeof statsDrillStore;
