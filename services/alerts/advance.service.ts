/**
 * Moves an approval through its steps under the rules: gathers the facts, runs the decision
 * point's rules, stores the alerts they raise (always, even when the move is blocked: an open
 * petition found while the credit check refuses the move still has to reach the office), and
 * records the step's time only when no rule blocks. Re-running never duplicates an alert (one per
 * rule, approval, step and cause). The same evaluation runs from the outbox when a petition, a
 * credit record or a link of the project changes (`reevaluate`).
 */
import type { DecisionPoint, RuleBook, RuleOutcome } from '../../rules/index.ts';
import { AppError, badRequest, forbidden, notFound } from '../common/errors.ts';
import type { Db, Queryable } from '../db/db.ts';
import { withinGrant, type Grant } from '../access/policy.ts';
import type { Principal } from '../access/principal.ts';
import type { AuditStore } from '../audit/audit.store.ts';
import { CLOSED_APPROVAL_STATUS } from '../resources/resource.schema.ts';
import type { ApprovalFactsStore, ApprovalRow } from './approval-facts.store.ts';
import type { FactsGatherer } from './approval-facts.service.ts';
import type { AlertRow, AlertStore, NewAlert } from './alert.store.ts';
import type { RuleBookHolder } from './rule-book.holder.ts';

export const ACTIONS = ['start', 'finish'] as const;
/** Steps whose start the outbox re-evaluates when a project's petitions, credit or links change. */
export const RECHECKED_STEPS = ['受理', '公示'] as const;
/** Open approvals one sweep looks at, at most. */
export const SWEEP_APPROVALS = 100_000;

/** Who is asking: a handler's grant covers only their office's approvals. */
export interface Viewer {
  grant: Grant;
  principal: Pick<Principal, 'office' | 'username'>;
}

export const conflict = (message: string) => new AppError(409, message);

export interface AdvanceResult {
  approval_id: string;
  step: string;
  action: 'start' | 'finish';
  allowed: boolean;
  outcomes: RuleOutcome[];
  /** The alerts these outcomes stand for, raised now (`raised: true`) or earlier. */
  alerts: (AlertRow & { raised: boolean })[];
}

type Deps = {
  db: Db;
  facts: Pick<ApprovalFactsStore, 'approval' | 'steps' | 'openApprovalsAt'>;
  gather: FactsGatherer;
  alerts: Pick<AlertStore, 'insertNew' | 'existing' | 'saveEvaluation' | 'markStep'>;
  audit: Pick<AuditStore, 'append'>;
  rules: Pick<RuleBookHolder, 'get'>;
  now: () => Date;
};

const suspendedMessage = (a: ApprovalRow) =>
  `approval ${a.id} is suspended (暂停) since ${a.suspended_at} by alert ${a.suspended_by ?? '?'}; a supervisor must resume it first`;

export function createAdvanceService(deps: Deps) {
  const { db } = deps;

  /**
   * Runs the point's rules and stores what they raised; returns the outcomes and their alerts.
   * The book is fetched before the transaction: it reads the store itself, and PGlite has one
   * connection, which the transaction holds.
   */
  async function evaluateAndStore(tx: Queryable, book: RuleBook, a: ApprovalRow, point: DecisionPoint, by: string, only?: 'warn') {
    const steps = await deps.facts.steps(tx, a.id);
    const facts = await deps.gather(tx, a, steps, point.step);
    const outcomes = await book.evaluate(point, facts);
    const allowed = !outcomes.some((o) => o.verdict === 'block');
    const raised: NewAlert[] = outcomes.flatMap((o) => o.verdict === 'pass' || (only && o.verdict !== only) ? [] : [{
      rule_id: o.ruleId, rule_version: o.version, approval_id: a.id, project_no: a.project_no, step: point.step, action: point.action,
      cause: o.cause ?? '', office: a.office, verdict: o.verdict, reason: o.reason, options: o.options, facts, trace: o.trace ?? null,
    }]);
    const inserted = new Set((await deps.alerts.insertNew(tx, raised)).map((r) => r.id));
    const stored = await deps.alerts.existing(tx, a.id, point.step, raised.map((r) => ({ rule_id: r.rule_id, cause: r.cause })));
    if (!only) await deps.alerts.saveEvaluation(tx, a.id, { step: point.step, action: point.action, allowed, outcomes, evaluated_by: by });
    return { steps, outcomes, allowed, alerts: stored.map((r) => ({ ...r, raised: inserted.has(r.id) })) };
  }

  async function advance(approvalId: string, input: { step: string; action: string }, viewer: Viewer): Promise<AdvanceResult> {
    const step = input.step?.trim();
    if (!step) throw badRequest('step: name the step (受理, 公示 …)');
    if (!(ACTIONS as readonly string[]).includes(input.action)) throw badRequest(`action: expected one of ${ACTIONS.join(', ')}`);
    const action = input.action as 'start' | 'finish';
    const found = await deps.facts.approval(db, approvalId.trim());
    if (!found) throw notFound(`no approval with id "${approvalId}"`);
    if (!withinGrant(viewer.grant, viewer.principal, found.office)) {
      throw forbidden(`approval ${found.id} is handled by ${found.office ?? 'no office'}, not by your office (${viewer.principal.office ?? 'none'})`);
    }
    const by = viewer.principal.username;
    const book = await deps.rules.get();
    return db.transaction(async (tx) => {
      // Locked, so a suspension decided meanwhile is seen and two advances do not interleave.
      const a = (await deps.facts.approval(tx, found.id, true))!;
      if (a.status === CLOSED_APPROVAL_STATUS) throw conflict(`approval ${a.id} is ${CLOSED_APPROVAL_STATUS}: it no longer moves`);
      if (a.suspended_at) throw conflict(suspendedMessage(a));
      const r = await evaluateAndStore(tx, book, a, { step, action }, by);
      const target = r.steps.find((s) => s.name === step);
      if (!target) throw notFound(`approval ${a.id} has no step "${step}"; its steps are ${r.steps.map((s) => s.name).join(', ') || 'none'}`);
      if (r.allowed) await deps.alerts.markStep(tx, a.id, target.seq, action, deps.now());
      await deps.audit.append(tx, {
        actor: by, action: 'approval.advance', resource_type: 'approval', resource_id: a.id,
        detail: {
          step, action, allowed: r.allowed,
          blocked_by: r.outcomes.filter((o) => o.verdict === 'block').map((o) => `${o.ruleId}@${o.version}`),
          alerts_raised: r.alerts.filter((x) => x.raised).map((x) => x.id),
        },
      });
      return { approval_id: a.id, step, action, allowed: r.allowed, outcomes: r.outcomes, alerts: r.alerts };
    });
  }

  /**
   * Re-runs the rules at the start of each given approval's current step (from the outbox: the
   * project's petitions, credit or links changed). Raises the alerts not raised yet; moves nothing.
   */
  async function reevaluate(items: { id: string; step: string }[], only?: 'warn'): Promise<number> {
    let raised = 0;
    if (items.length === 0) return raised;
    const book = await deps.rules.get();
    for (const item of items) {
      raised += await db.transaction(async (tx) => {
        const a = await deps.facts.approval(tx, item.id, true);
        if (!a || a.status === CLOSED_APPROVAL_STATUS || a.suspended_at) return 0;
        const r = await evaluateAndStore(tx, book, a, { step: item.step, action: 'start' }, 'rules', only);
        return r.alerts.filter((x) => x.raised).length;
      });
    }
    return raised;
  }

  /**
   * The supervision sweep: the open approvals' current steps evaluated again for their warnings
   * only (a step past its time limit in working days, 'warn'); petition alerts and blocks have
   * their own triggers (advance, the outbox). Meant to run daily; raises each warning once.
   */
  async function sweep(limit = SWEEP_APPROVALS): Promise<{ evaluated: number; raised: number }> {
    const items = await deps.facts.openApprovalsAt(db, null, limit);
    return { evaluated: items.length, raised: await reevaluate(items, 'warn') };
  }

  return { advance, reevaluate, sweep };
}

export type AdvanceService = ReturnType<typeof createAdvanceService>;
