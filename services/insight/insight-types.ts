/** The analysis's input (a case as its step log reads) and what it finds, in the API's shapes. */

/** A step as logged; times in epoch ms, null when it has not happened. */
export interface RawStep {
  seq: number;
  name: string;
  office: string | null;
  startedMs: number | null;
  finishedMs: number | null;
}

/** An approval case with its step log. */
export interface RawCase {
  id: string;
  projectNo: string;
  item: string;
  status: string;
  office: string | null;
  receivedMs: number | null;
  closedMs: number | null;
  steps: readonly RawStep[];
}

/**
 * A step that started and finished, on the working-day clock (`start`, `finish`, `arrival` in
 * working days). Steps that overlap in time share a layer (the co-reviews); a layer starts when
 * the one before it has finished, which is when its steps' `arrival` is.
 */
export interface StepEvent {
  name: string;
  office: string;
  start: number;
  finish: number;
  /** When the case reached the step: the previous layer's last finish (the first layer: receipt). */
  arrival: number;
  /** Beijing month of the arrival, as year × 12 + month − 1. */
  arrivalMonth: number;
  layer: number;
  waiting: number;
  service: number;
}

export interface CaseEvents {
  id: string;
  projectNo: string;
  item: string;
  /** 收件日, Beijing date (YYYY-MM-DD); the standard sequence in force is that day's. */
  receivedDay: string;
  /** 办结 with every step started and finished: only such cases are judged whole. */
  complete: boolean;
  /** Working days from receipt to the last finish (complete cases), else null. */
  cycle: number | null;
  /** Closed steps in the order done (by start, then by the log's order). */
  steps: StepEvent[];
}

export type Range = { p50: number | null; p90: number | null };

export interface ItemInsight {
  item: string;
  cases: number;
  standard: string[];
  steps: { name: string; office: string; count: number; service: Range; waiting: Range }[];
  edges: { from: string; to: string; count: number; waiting_p50: number | null }[];
  critical_path: { steps: string[]; days: number };
  cycle: Range;
}

export interface Bottleneck {
  item: string;
  step: string;
  office: string;
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

export interface PairFinding {
  kind: PairKind;
  item: string;
  a: string;
  b: string;
  a_first: number;
  b_first: number;
  offices: [string, string];
  /** Working days the b-first order adds to the two steps' combined time (median against median). */
  effect: number;
  saved_days_p50: number;
  saved_days_total: number;
  reason: string;
  example_cases: string[];
}

export type DeviationKind = 'skipped' | 'out_of_order' | 'extra';

export interface Deviation {
  approval_id: string;
  item: string;
  kind: DeviationKind;
  detail: string;
  steps: string[];
}

export interface CaseCycle {
  approval_id: string;
  item: string;
  cycle_days: number;
}

export interface InsightResult {
  /** Complete cases analysed whole. */
  cases: number;
  /** Closed steps read. */
  steps: number;
  items: ItemInsight[];
  bottlenecks: Bottleneck[];
  pairs: PairFinding[];
  deviations: Deviation[];
  caseCycles: CaseCycle[];
}
