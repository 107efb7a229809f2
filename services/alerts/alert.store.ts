/**
 * Alerts, the latest rule outcomes per approval step, step times and suspensions. SQL only:
 * which outcomes become alerts and who may change them is advance.service.ts's and
 * alert.service.ts's.
 */
import type { Queryable } from '../db/db.ts';

export interface NewAlert {
  rule_id: string;
  rule_version: number;
  approval_id: string;
  project_no: string;
  step: string;
  action: 'start' | 'finish';
  cause: string;
  office: string | null;
  verdict: 'block' | 'alert' | 'warn';
  reason: string;
  options: string[];
  facts: unknown;
  trace: unknown;
}

export interface AlertRow extends Omit<NewAlert, 'facts' | 'trace'> {
  id: number;
  status: 'open' | 'acknowledged' | 'decided';
  decision: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
  facts: unknown;
  trace: unknown;
  created_at: string;
  updated_at: string;
}

export interface AlertFilter {
  status?: string;
  office?: string;
  project?: string;
  rule?: string;
  approval?: string;
  before?: number;
}

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const COLUMNS = `id, rule_id, rule_version, approval_id, project_no, step, action, cause, office, status, verdict, reason,
  options, decision, acknowledged_by, ${ISO('acknowledged_at')} AS acknowledged_at, decided_by, ${ISO('decided_at')} AS decided_at,
  note, facts, trace, ${ISO('created_at')} AS created_at, ${ISO('updated_at')} AS updated_at`;

/** Inserts the alerts not raised before (one per rule, approval, step and cause); returns those it inserted. */
async function insertNew(tx: Queryable, alerts: NewAlert[]): Promise<AlertRow[]> {
  if (alerts.length === 0) return [];
  const r = await tx.query<AlertRow>(
    `INSERT INTO alerts (rule_id, rule_version, approval_id, project_no, step, action, cause, office, verdict, reason, options, facts, trace)
     SELECT rule_id, rule_version, approval_id, project_no, step, action, cause, office, verdict, reason,
            ARRAY(SELECT jsonb_array_elements_text(options)), facts, trace
     FROM jsonb_to_recordset($1::jsonb) AS r(rule_id text, rule_version integer, approval_id text, project_no text, step text,
       action text, cause text, office text, verdict text, reason text, options jsonb, facts jsonb, trace jsonb)
     ON CONFLICT (rule_id, approval_id, step, cause) DO NOTHING
     RETURNING ${COLUMNS}`,
    [JSON.stringify(alerts)],
  );
  return r.rows;
}

/** The stored alerts of an approval at a step, matching the given rule ids and causes. */
async function existing(db: Queryable, approvalId: string, step: string, keys: { rule_id: string; cause: string }[]): Promise<AlertRow[]> {
  if (keys.length === 0) return [];
  const r = await db.query<AlertRow>(
    `SELECT ${COLUMNS} FROM alerts a
     WHERE approval_id = $1 AND step = $2
       AND EXISTS (SELECT 1 FROM jsonb_to_recordset($3::jsonb) AS k(rule_id text, cause text) WHERE k.rule_id = a.rule_id AND k.cause = a.cause)
     ORDER BY id`,
    [approvalId, step, JSON.stringify(keys)],
  );
  return r.rows;
}

async function byId(db: Queryable, id: number, forUpdate = false): Promise<AlertRow | null> {
  const r = await db.query<AlertRow>(`SELECT ${COLUMNS} FROM alerts WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return r.rows[0] ?? null;
}

/** Newest first (highest id), `limit` at most; `office` null-safe exact match. */
async function list(db: Queryable, f: AlertFilter, limit: number): Promise<AlertRow[]> {
  const r = await db.query<AlertRow>(
    `SELECT ${COLUMNS} FROM alerts
     WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR office = $2) AND ($3::text IS NULL OR project_no = $3)
       AND ($4::text IS NULL OR rule_id = $4) AND ($5::text IS NULL OR approval_id = $5) AND ($6::bigint IS NULL OR id < $6)
     ORDER BY id DESC LIMIT $7`,
    [f.status ?? null, f.office ?? null, f.project ?? null, f.rule ?? null, f.approval ?? null, f.before ?? null, limit],
  );
  return r.rows;
}

/** Every stored alert of a rule for the given approvals. */
async function ofRule(db: Queryable, ruleId: string, approvalIds: string[]): Promise<AlertRow[]> {
  if (approvalIds.length === 0) return [];
  const r = await db.query<AlertRow>(
    `SELECT ${COLUMNS} FROM alerts WHERE rule_id = $1 AND approval_id = ANY($2::text[]) ORDER BY id`,
    [ruleId, approvalIds],
  );
  return r.rows;
}

async function acknowledge(tx: Queryable, id: number, by: string): Promise<void> {
  await tx.query(
    `UPDATE alerts SET status = 'acknowledged', acknowledged_by = $2, acknowledged_at = now(), updated_at = now() WHERE id = $1`,
    [id, by],
  );
}

async function decide(tx: Queryable, id: number, d: { decision: string; note: string | null; by: string }): Promise<void> {
  await tx.query(
    `UPDATE alerts SET status = 'decided', decision = $2, note = $3, decided_by = $4, decided_at = now(), updated_at = now() WHERE id = $1`,
    [id, d.decision, d.note, d.by],
  );
}

async function suspend(tx: Queryable, approvalId: string, alertId: number): Promise<void> {
  await tx.query('UPDATE approvals SET suspended_at = now(), suspended_by = $2 WHERE id = $1', [approvalId, alertId]);
}

async function lift(tx: Queryable, approvalId: string): Promise<void> {
  await tx.query('UPDATE approvals SET suspended_at = NULL, suspended_by = NULL WHERE id = $1', [approvalId]);
}

/** Records a step's start (kept when already started) or finish (starting it too when it never was). */
async function markStep(tx: Queryable, approvalId: string, seq: number, action: 'start' | 'finish', at: Date): Promise<void> {
  const set = action === 'start' ? 'started_at = coalesce(started_at, $3)' : 'started_at = coalesce(started_at, $3), finished_at = $3';
  await tx.query(`UPDATE approval_steps SET ${set} WHERE approval_id = $1 AND seq = $2`, [approvalId, seq, at.toISOString()]);
}

export interface EvaluationRow {
  step: string;
  action: 'start' | 'finish';
  allowed: boolean;
  outcomes: unknown[];
  evaluated_by: string;
  evaluated_at: string;
}

async function saveEvaluation(tx: Queryable, approvalId: string, e: Omit<EvaluationRow, 'evaluated_at'>): Promise<void> {
  await tx.query(
    `INSERT INTO rule_evaluations (approval_id, step, action, allowed, outcomes, evaluated_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (approval_id, step, action) DO UPDATE
       SET allowed = excluded.allowed, outcomes = excluded.outcomes, evaluated_by = excluded.evaluated_by, evaluated_at = now()`,
    [approvalId, e.step, e.action, e.allowed, JSON.stringify(e.outcomes), e.evaluated_by],
  );
}

async function evaluations(db: Queryable, approvalId: string): Promise<EvaluationRow[]> {
  const r = await db.query<EvaluationRow>(
    `SELECT e.step, e.action, e.allowed, e.outcomes, e.evaluated_by, ${ISO('e.evaluated_at')} AS evaluated_at
     FROM rule_evaluations e
     LEFT JOIN approval_steps s ON s.approval_id = e.approval_id AND s.name = e.step
     WHERE e.approval_id = $1
     ORDER BY min(s.seq) OVER (PARTITION BY e.step) NULLS LAST, e.step, e.action DESC`,
    [approvalId],
  );
  // A step name repeated in the steps joins twice; keep one row per (step, action).
  const seen = new Set<string>();
  return r.rows.filter((x) => !seen.has(`${x.step}|${x.action}`) && seen.add(`${x.step}|${x.action}`));
}

export const alertStore = {
  insertNew, existing, byId, list, ofRule, acknowledge, decide, suspend, lift, markStep, saveEvaluation, evaluations,
};
export type AlertStore = typeof alertStore;
