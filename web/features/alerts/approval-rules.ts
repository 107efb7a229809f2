/**
 * An approval's rule results (`GET /api/approvals/:id/rules`: the latest outcomes per step under
 * `evaluations`, `suspended`) read tolerantly (a list under `steps`/`items` or as the answer itself,
 * or outcomes keyed by step), and which step comes next. Pure.
 */
import type { RuleOutcome, StepRules } from './alerts.types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ApprovalRules {
  /** null when the answer does not say. */
  suspended: boolean | null;
  steps: StepRules[];
}

function stepRules(v: unknown, stepName?: string): StepRules | null {
  if (Array.isArray(v)) return stepName ? { step: stepName, action: null, evaluated_at: null, outcomes: v as RuleOutcome[] } : null;
  if (!isObj(v)) return null;
  const step = typeof v.step === 'string' ? v.step : stepName;
  if (!step) return null;
  const action = v.action === 'start' || v.action === 'finish' ? v.action : null;
  const at = v.evaluated_at ?? v.evaluatedAt ?? v.at;
  return { step, action, evaluated_at: typeof at === 'string' ? at : null, outcomes: Array.isArray(v.outcomes) ? (v.outcomes as RuleOutcome[]) : [] };
}

export function readApprovalRules(answer: unknown): ApprovalRules {
  const o = isObj(answer) ? answer : {};
  const suspended = typeof o.suspended === 'boolean' ? o.suspended : null;
  let list: unknown = Array.isArray(answer) ? answer : (o.evaluations ?? o.steps ?? o.items ?? o.outcomes);
  if (isObj(list)) list = Object.entries(list).map(([step, v]) => stepRules(v, step));
  const steps = Array.isArray(list) ? list.map((v) => stepRules(v)).filter((s): s is StepRules => s !== null) : [];
  return { suspended, steps };
}

/** The step to act on: the first one not finished; `start` it when it has not started, else `finish` it. */
export function nextMove(steps: { name: string; started_at: string | null; finished_at: string | null }[]): { step: string; action: 'start' | 'finish' } | null {
  const open = steps.find((s) => !s.finished_at);
  if (!open) return null;
  return { step: open.name, action: open.started_at ? 'finish' : 'start' };
}

/** Whether the approval record says it is suspended (a `suspended` flag or the status 暂停). */
export function recordSuspended(record: Record<string, unknown>): boolean | null {
  if (typeof record.suspended === 'boolean') return record.suspended;
  if (typeof record.status === 'string') return record.status.includes('暂停');
  return null;
}
