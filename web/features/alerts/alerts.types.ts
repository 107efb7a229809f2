/** What the alert and rule-result APIs answer (services/alerts, rules/types.ts), as the pages read them. */

/** A rule's verdict: `block` refuses the move, `alert` raises an alert to decide, `warn` is a supervision warning, `pass` found nothing. */
export type Verdict = 'pass' | 'block' | 'alert' | 'warn';
export type AlertStatus = 'open' | 'acknowledged' | 'decided';
export const DECISIONS = ['提醒', '退件', '暂停'] as const;
export type Decision = (typeof DECISIONS)[number];

/** `GET /api/alerts` items. */
export interface Alert {
  id: number;
  rule_id: string;
  rule_version: number;
  approval_id: string;
  project_no: string | null;
  step: string;
  cause: string | null;
  office: string | null;
  status: AlertStatus;
  verdict: Verdict;
  /** In Chinese, citing the record it rests on. */
  reason: string;
  options: string[];
  decision: string | null;
  acknowledged_by?: string | null;
  acknowledged_at?: string | null;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
  facts: unknown;
  trace: unknown;
  created_at: string;
}

export interface AlertsPage {
  items: Alert[];
  total?: number;
  next_before?: number | null;
}

/** One rule's answer at a decision point (rules/types.ts RuleOutcome). */
export interface RuleOutcome {
  ruleId: string;
  version: number;
  verdict: Verdict;
  reason: string;
  cause: string | null;
  options: string[];
  trace: unknown;
}

/** `POST /api/approvals/:id/advance` when the move is allowed. */
export interface AdvanceAnswer {
  approval_id: string;
  step: string;
  action: 'start' | 'finish';
  allowed: true;
  outcomes: RuleOutcome[];
  alerts: Alert[];
}

/** One step's latest rule results on an approval. */
export interface StepRules {
  step: string;
  action: 'start' | 'finish' | null;
  evaluated_at: string | null;
  outcomes: RuleOutcome[];
}
