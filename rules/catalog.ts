/**
 * What a rule is, apart from its logic: the metadata every table and function rule carries,
 * a table version as the rule center publishes it, and the test cases kept beside it. Loads
 * the tables kept as files under rules/tables/<id>/ (table.json, meta.json, cases.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DecisionPoint } from './types.ts';

export interface TableMeta {
  id: string;
  /** The rule's name in Chinese, as the rule center lists it. */
  name: string;
  version: number;
  /** When the version takes effect (YYYY-MM-DD). */
  effective: string;
  /** The legal or policy basis, in Chinese. */
  basis: string;
  /** Where it runs; step `*` means every step with a time limit. */
  points: DecisionPoint[];
  kind: 'table' | 'function';
  /**
   * Evaluate the table once per item of a list in the facts (e.g. each open petition), the item
   * under `as` in the table's input; once with `as` = null when the list is empty.
   */
  each?: { list: string; as: string };
}

export interface TableVersion {
  id: string;
  version: number;
  /** The JDM decision graph (JSON). */
  content: unknown;
  meta: TableMeta;
}

export interface RuleCase {
  name: string;
  /** For a table: its input (the facts, or the part of them it reads); for a function: its own input. */
  input: Record<string, unknown>;
  /** The outputs the case checks; outputs not named here are not compared. */
  expected: Record<string, unknown>;
}

export const TABLES_DIR = path.join(import.meta.dirname, 'tables');

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Every table kept as files, with its cases; a folder missing a file stops the load with its name. */
export function loadFileTables(dir = TABLES_DIR): { version: TableVersion; cases: RuleCase[] }[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((id) => {
      const folder = path.join(dir, id);
      const meta = { ...(readJson(path.join(folder, 'meta.json')) as Omit<TableMeta, 'kind'>), kind: 'table' as const };
      if (meta.id !== id) throw new Error(`rules/tables/${id}/meta.json names the table "${meta.id}", not "${id}"`);
      const content = readJson(path.join(folder, 'table.json'));
      const cases = readJson(path.join(folder, 'cases.json')) as RuleCase[];
      return { version: { id, version: meta.version, content, meta }, cases };
    });
}

/** Whether a rule with these points runs at this decision point. */
export const runsAt = (points: DecisionPoint[], point: DecisionPoint): boolean =>
  points.some((p) => p.action === point.action && (p.step === point.step || p.step === '*'));
