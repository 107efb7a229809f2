/**
 * The rule center's answers read tolerantly where the contract leaves their wrapping open: the
 * list as an array or under `tables`/`items`, a dry-run's alerts to open and to close, a refused
 * publish's failing cases. Pure.
 */
import type { CaseResult, RuleMeta } from './rules.types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function ruleList(answer: unknown): RuleMeta[] {
  if (Array.isArray(answer)) return answer as RuleMeta[];
  if (isObj(answer)) for (const key of ['tables', 'items', 'rules']) if (Array.isArray(answer[key])) return answer[key] as RuleMeta[];
  return [];
}

/** An alert a dry-run names: what it would be about, on which approval and project. */
export interface DryRunAlert {
  approval_id: string | null;
  project_no: string | null;
  step: string | null;
  reason: string | null;
  cause: string | null;
}

function firstArray(obj: Obj, keys: string[]): unknown[] {
  for (const key of keys) if (Array.isArray(obj[key])) return obj[key] as unknown[];
  return [];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : null);

function dryRunAlert(v: unknown): DryRunAlert {
  const o = isObj(v) ? v : {};
  return {
    approval_id: str(o.approval_id ?? o.approvalId),
    project_no: str(o.project_no ?? o.projectNo),
    step: str(o.step),
    reason: str(o.reason),
    cause: str(o.cause),
  };
}

export interface DryRunSummary {
  open: DryRunAlert[];
  close: DryRunAlert[];
  /** The table's own cases, when the dry-run ran them too. */
  cases: CaseResult[];
}

export function dryRunSummary(answer: unknown): DryRunSummary {
  const o = isObj(answer) ? answer : {};
  return {
    open: firstArray(o, ['open', 'opened', 'would_open', 'wouldOpen']).map(dryRunAlert),
    close: firstArray(o, ['close', 'closed', 'would_close', 'wouldClose']).map(dryRunAlert),
    cases: failingCases(o),
  };
}

/** The cases a refusal (or a dry-run) lists, failing ones only. */
export function failingCases(body: unknown): CaseResult[] {
  if (!isObj(body)) return [];
  const list = firstArray(body, ['failures', 'failing', 'cases']);
  return list.filter((c): c is CaseResult => isObj(c) && typeof c.name === 'string' && c.ok !== true) as CaseResult[];
}
