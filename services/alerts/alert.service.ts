/**
 * What people do with alerts: list them (a handler their office's), acknowledge one, decide it
 * (提醒 / 退件 / 暂停: a 暂停 suspends the approval until a supervisor resumes it; a 退件 is kept
 * on the alert and in the audit log, the approval's status left to the approval system that owns
 * it), and read an approval's latest rule results per step. Every change is audited.
 */
import { badRequest, forbidden, notFound } from '../common/errors.ts';
import type { Db, Queryable } from '../db/db.ts';
import { withinGrant } from '../access/policy.ts';
import type { AuditStore } from '../audit/audit.store.ts';
import type { ApprovalFactsStore } from './approval-facts.store.ts';
import type { AlertFilter, AlertRow, AlertStore } from './alert.store.ts';
import { conflict, type Viewer } from './advance.service.ts';

export const DECISIONS = ['提醒', '退件', '暂停'] as const;
export const ALERT_STATUSES = ['open', 'acknowledged', 'decided'] as const;
export const DEFAULT_ALERTS = 50;
export const MAX_ALERTS = 200;

export interface AlertQuery {
  status?: string;
  office?: string;
  project?: string;
  rule?: string;
  approval?: string;
  limit?: number;
  before?: number;
}

export function createAlertService(deps: {
  db: Db;
  store: Pick<AlertStore, 'list' | 'byId' | 'acknowledge' | 'decide' | 'suspend' | 'lift' | 'evaluations'>;
  facts: Pick<ApprovalFactsStore, 'approval'>;
  audit: Pick<AuditStore, 'append'>;
}) {
  const { db, store } = deps;

  const outside = (viewer: Viewer, office: string | null) =>
    forbidden(`this is ${office ?? 'no office'}'s, not your office's (${viewer.principal.office ?? 'none'})`);

  /** Newest first; a handler's own-office grant sees only their office's alerts. */
  async function list(q: AlertQuery, viewer: Viewer) {
    if (q.status && !(ALERT_STATUSES as readonly string[]).includes(q.status)) {
      throw badRequest(`status: expected one of ${ALERT_STATUSES.join(', ')}`);
    }
    const f: AlertFilter = { status: q.status, office: q.office, project: q.project?.trim().toUpperCase(), rule: q.rule, approval: q.approval, before: q.before };
    if (viewer.grant !== 'all') {
      if (!viewer.principal.office) return { items: [], next_before: null };
      if (f.office && f.office !== viewer.principal.office) throw outside(viewer, f.office);
      f.office = viewer.principal.office;
    }
    const limit = Math.min(q.limit ?? DEFAULT_ALERTS, MAX_ALERTS);
    const items = await store.list(db, f, limit);
    return { items, next_before: items.length === limit ? items[items.length - 1]!.id : null };
  }

  async function locked(tx: Queryable, id: number, viewer: Viewer): Promise<AlertRow> {
    const alert = await store.byId(tx, id, true);
    if (!alert) throw notFound(`no alert with id ${id}`);
    if (!withinGrant(viewer.grant, viewer.principal, alert.office)) throw outside(viewer, alert.office);
    return alert;
  }

  async function acknowledge(id: number, viewer: Viewer) {
    return db.transaction(async (tx) => {
      const alert = await locked(tx, id, viewer);
      if (alert.status !== 'open') throw conflict(`alert ${id} is already ${alert.status}`);
      await store.acknowledge(tx, id, viewer.principal.username);
      await deps.audit.append(tx, {
        actor: viewer.principal.username, action: 'alert.acknowledge', resource_type: 'alert', resource_id: String(id),
        detail: { approval_id: alert.approval_id, rule_id: alert.rule_id, rule_version: alert.rule_version },
      });
      return (await store.byId(tx, id))!;
    });
  }

  async function decide(id: number, input: { decision: string; note?: string | null }, viewer: Viewer) {
    if (!(DECISIONS as readonly string[]).includes(input.decision)) throw badRequest(`decision: expected one of ${DECISIONS.join(', ')}`);
    const note = input.note?.trim() || null;
    return db.transaction(async (tx) => {
      const alert = await locked(tx, id, viewer);
      if (alert.status === 'decided') throw conflict(`alert ${id} was already decided (${alert.decision} by ${alert.decided_by})`);
      if (alert.options.length > 0 && !alert.options.includes(input.decision)) {
        throw badRequest(`decision: alert ${id} offers ${alert.options.join(', ')}`);
      }
      await store.decide(tx, id, { decision: input.decision, note, by: viewer.principal.username });
      const approval = await deps.facts.approval(tx, alert.approval_id, true);
      const suspends = input.decision === '暂停' && approval !== null && approval.suspended_at === null;
      if (suspends) await store.suspend(tx, alert.approval_id, id);
      await deps.audit.append(tx, {
        actor: viewer.principal.username, action: 'alert.decide', resource_type: 'alert', resource_id: String(id),
        detail: { approval_id: alert.approval_id, rule_id: alert.rule_id, rule_version: alert.rule_version, decision: input.decision, note, suspended: suspends },
      });
      return (await store.byId(tx, id))!;
    });
  }

  /** Lifts a 暂停: the approval moves again. */
  async function resume(approvalId: string, viewer: Viewer) {
    return db.transaction(async (tx) => {
      const a = await deps.facts.approval(tx, approvalId.trim(), true);
      if (!a) throw notFound(`no approval with id "${approvalId}"`);
      if (!withinGrant(viewer.grant, viewer.principal, a.office)) throw outside(viewer, a.office);
      if (!a.suspended_at) throw conflict(`approval ${a.id} is not suspended`);
      await store.lift(tx, a.id);
      await deps.audit.append(tx, {
        actor: viewer.principal.username, action: 'approval.resume', resource_type: 'approval', resource_id: a.id,
        detail: { suspended_at: a.suspended_at, suspended_by: a.suspended_by },
      });
      return { approval_id: a.id, suspended: false, was_suspended_at: a.suspended_at, was_suspended_by: a.suspended_by };
    });
  }

  /** The latest rule results at each step of an approval, in step order, with its open alerts. */
  async function rulesOf(approvalId: string) {
    const a = await deps.facts.approval(db, approvalId.trim());
    if (!a) throw notFound(`no approval with id "${approvalId}"`);
    const [evaluations, alerts] = await Promise.all([
      store.evaluations(db, a.id),
      store.list(db, { approval: a.id }, MAX_ALERTS),
    ]);
    return {
      approval_id: a.id, project_no: a.project_no, suspended: a.suspended_at !== null, suspended_at: a.suspended_at, suspended_by: a.suspended_by,
      evaluations, alerts,
    };
  }

  return { list, acknowledge, decide, resume, rulesOf };
}

export type AlertService = ReturnType<typeof createAlertService>;
