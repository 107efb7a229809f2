/**
 * A rule written as a function rather than a table (scoring, calendars, formats): the same
 * metadata as a table, its cases in rules/functions/<id>.cases.json, and the outcomes it gives
 * at its decision points.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RuleCase, TableMeta } from '../catalog.ts';
import type { ApprovalFacts, DecisionPoint, RuleOutcome } from '../types.ts';

export interface FunctionRule {
  meta: TableMeta & { kind: 'function' };
  /** The rule over its own input, as its cases state it. */
  run(input: Record<string, unknown>): Record<string, unknown>;
  /** Its outcomes at one of its decision points. */
  outcomes(point: DecisionPoint, facts: ApprovalFacts): RuleOutcome[];
}

/** The cases kept beside a function rule. */
export const functionCases = (id: string): RuleCase[] =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, `${id}.cases.json`), 'utf8')) as RuleCase[];
