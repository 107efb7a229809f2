/** What the rule center's API answers (services/rules over rules/index.ts), as the pages read it. */

export interface RulePoint {
  step: string;
  action: 'start' | 'finish';
}

/** One table or function rule at its current version (`GET /api/rules`). */
export interface RuleMeta {
  id: string;
  name: string;
  version: number;
  /** YYYY-MM-DD. */
  effective: string;
  /** Its legal or policy basis, in Chinese. */
  basis: string;
  points: RulePoint[];
  kind: 'table' | 'function';
}

export interface RuleCase {
  name: string;
  input: unknown;
  expected: Record<string, unknown>;
}

export interface RuleVersion {
  version: number;
  published_by: string | null;
  published_at: string | null;
}

/** `GET /api/rules/:id`. */
export interface RuleDetail {
  meta: RuleMeta;
  /** GoRules JDM JSON; null for a function rule. */
  content: unknown | null;
  cases: RuleCase[];
  versions: RuleVersion[];
}

/** A test case as a publish or a dry-run ran it. */
export interface CaseResult {
  name: string;
  ok: boolean;
  got: unknown;
  expected: unknown;
}
