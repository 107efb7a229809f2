/** What the process-insight API answers (`GET /api/insight/...`, services/insight/). Times are working days, one decimal. */

export type InsightStatus = 'none' | 'computing' | 'ready' | 'failed';

/** Working days; null when no case had the time (a step never waited, say). */
export interface Spread {
  p50: number | null;
  p90: number | null;
}

/** `GET /api/insight`: the cached run, and each business item's cases and cycle time. */
export interface InsightSummary {
  status: InsightStatus;
  computed_at: string | null;
  duration_ms: number | null;
  cases: number;
  steps: number;
  items: { item: string; cases: number; cycle: Spread }[];
  progress?: { done: number; total: number; phase?: string };
  /** Why the last run failed (status `failed`). */
  error?: string | null;
}

export interface ItemStep {
  name: string;
  office: string | null;
  count: number;
  service: Spread;
  waiting: Spread;
}

/** A directly-follows edge; `from` 开始 and `to` 结束 mark a case's ends. */
export interface FlowEdge {
  from: string;
  to: string;
  count: number;
  waiting_p50: number | null;
}

/** `GET /api/insight/items/:item`. */
export interface ItemInsight {
  item: string;
  computed_at: string | null;
  cases: number;
  standard: string[];
  steps: ItemStep[];
  edges: FlowEdge[];
  critical_path: { steps: string[]; days: number };
  cycle: Spread;
}

export interface Bottleneck {
  item: string;
  step: string;
  office: string | null;
  from: string;
  to: string;
  cases: number;
  waiting_p50: number | null;
  baseline_waiting_p50: number | null;
  cost_days: number;
  wait_share: number;
  queue_growth: number;
  reason: string;
  example_cases: string[];
}

export type PairKind = 'mutual' | 'parallel';

export interface StepPair {
  kind: PairKind;
  item: string;
  a: string;
  b: string;
  a_first: number;
  b_first: number;
  offices: [string | null, string | null];
  effect: number;
  saved_days_p50: number;
  saved_days_total: number;
  reason: string;
  example_cases: string[];
}

export const DEVIATION_KINDS = ['skipped', 'out_of_order', 'extra'] as const;
export type DeviationKind = (typeof DEVIATION_KINDS)[number];

export interface Deviation {
  approval_id: string;
  project_no: string | null;
  item: string;
  kind: DeviationKind;
  detail: string;
  steps: string[];
}

export interface InsightList<T> {
  computed_at: string | null;
  items: T[];
}

export interface InsightPage<T> extends InsightList<T> {
  total: number;
  page?: number;
  size?: number;
}

export interface InsightCase {
  approval_id: string;
  project_no: string | null;
  item: string;
  office: string | null;
  cycle_days: number;
  received_at: string | null;
  closed_at: string | null;
}
