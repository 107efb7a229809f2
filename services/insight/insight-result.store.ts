/** A run's results: written in batches under the run's id, read back for the API. SQL only. */
import type { Queryable } from '../db/db.ts';
import type { Bottleneck, CaseCycle, Deviation, ItemInsight, PairFinding } from './insight-types.ts';

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

async function writeItems(db: Queryable, runId: number, items: readonly ItemInsight[]): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `INSERT INTO insight_items (run_id, item, cases, detail)
     SELECT $1, r.item, r.cases, r.detail FROM jsonb_to_recordset($2::jsonb) AS r(item text, cases integer, detail jsonb)`,
    [runId, JSON.stringify(items.map((i) => ({ item: i.item, cases: i.cases, detail: i })))],
  );
}

async function writeFindings(db: Queryable, runId: number, kind: 'bottleneck' | 'mutual' | 'parallel', rows: readonly (Bottleneck | PairFinding)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO insight_findings (run_id, kind, rank, item, body)
     SELECT $1, $2, r.rank, r.item, r.body FROM jsonb_to_recordset($3::jsonb) AS r(rank integer, item text, body jsonb)`,
    [runId, kind, JSON.stringify(rows.map((body, rank) => ({ rank: rank + 1, item: body.item, body })))],
  );
}

async function writeDeviations(db: Queryable, runId: number, rows: readonly Deviation[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO insight_deviations (run_id, approval_id, item, kind, detail, steps)
     SELECT $1, r.approval_id, r.item, r.kind, r.detail, ARRAY(SELECT jsonb_array_elements_text(r.steps))
     FROM jsonb_to_recordset($2::jsonb) AS r(approval_id text, item text, kind text, detail text, steps jsonb)`,
    [runId, JSON.stringify(rows)],
  );
}

/** Case cycle times, as three parallel arrays (the cheapest way to send 10,000 rows at once). */
async function writeCases(db: Queryable, runId: number, rows: readonly CaseCycle[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO insight_cases (run_id, approval_id, item, cycle_days)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::real[])`,
    [runId, rows.map((r) => r.approval_id), rows.map((r) => r.item), rows.map((r) => r.cycle_days)],
  );
}

/** Removes what a run wrote (a run that failed half way). */
async function dropResults(db: Queryable, runId: number): Promise<void> {
  for (const table of ['insight_items', 'insight_findings', 'insight_deviations', 'insight_cases']) {
    await db.query(`DELETE FROM ${table} WHERE run_id = $1`, [runId]);
  }
}

async function item(db: Queryable, runId: number, name: string): Promise<ItemInsight | null> {
  const r = await db.query<{ detail: ItemInsight }>('SELECT detail FROM insight_items WHERE run_id = $1 AND item = $2', [runId, name]);
  return r.rows[0]?.detail ?? null;
}

async function findings<T>(db: Queryable, runId: number, kinds: readonly string[], itemName: string | null): Promise<T[]> {
  const r = await db.query<{ body: T }>(
    `SELECT body FROM insight_findings WHERE run_id = $1 AND kind = ANY($2::text[]) AND ($3::text IS NULL OR item = $3)
     ORDER BY array_position($2::text[], kind), rank`,
    [runId, kinds, itemName],
  );
  return r.rows.map((x) => x.body);
}

export interface DeviationFilter { item: string | null; kind: string | null }
export interface DeviationRow extends Deviation { project_no: string | null }

async function deviations(db: Queryable, runId: number, f: DeviationFilter, limit: number, offset: number): Promise<{ total: number; rows: DeviationRow[] }> {
  const where = 'd.run_id = $1 AND ($2::text IS NULL OR d.item = $2) AND ($3::text IS NULL OR d.kind = $3)';
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM insight_deviations d WHERE ${where}`, [runId, f.item, f.kind]);
  const r = await db.query<DeviationRow>(
    `SELECT d.approval_id, a.project_no, d.item, d.kind, d.detail, d.steps
     FROM insight_deviations d LEFT JOIN approvals a ON a.id = d.approval_id
     WHERE ${where} ORDER BY d.item, d.kind, d.approval_id LIMIT $4 OFFSET $5`,
    [runId, f.item, f.kind, limit, offset],
  );
  return { total: total.rows[0]!.n, rows: r.rows };
}

export interface CaseRow {
  approval_id: string;
  project_no: string | null;
  item: string;
  office: string | null;
  cycle_days: number;
  received_at: string | null;
  closed_at: string | null;
}

async function cases(db: Queryable, runId: number, itemName: string | null, limit: number, offset: number): Promise<{ total: number; rows: CaseRow[] }> {
  const total = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM insight_cases WHERE run_id = $1 AND ($2::text IS NULL OR item = $2)', [runId, itemName],
  );
  const r = await db.query<CaseRow>(
    `SELECT c.approval_id, a.project_no, c.item, a.office, c.cycle_days, ${iso('a.received_at')} AS received_at, ${iso('a.closed_at')} AS closed_at
     FROM (SELECT approval_id, item, cycle_days FROM insight_cases WHERE run_id = $1 AND ($2::text IS NULL OR item = $2)
           ORDER BY cycle_days DESC, approval_id LIMIT $3 OFFSET $4) c
     LEFT JOIN approvals a ON a.id = c.approval_id
     ORDER BY c.cycle_days DESC, c.approval_id`,
    [runId, itemName, limit, offset],
  );
  return { total: total.rows[0]!.n, rows: r.rows.map((x) => ({ ...x, cycle_days: Math.round(x.cycle_days * 10) / 10 })) };
}

export const insightResultStore = { writeItems, writeFindings, writeDeviations, writeCases, dropResults, item, findings, deviations, cases };
export type InsightResultStore = typeof insightResultStore;
