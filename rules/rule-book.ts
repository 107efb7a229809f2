/**
 * The rule book: the tables under rules/tables/ (published versions overriding them) and the
 * function rules, evaluated at a decision point over the facts the service gathered. One
 * engine for the process; each table version is parsed once and kept.
 */
import { isDeepStrictEqual } from 'node:util';
import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import { loadFileTables, runsAt, type RuleCase, type TableMeta, type TableVersion } from './catalog.ts';
import { FUNCTION_RULES } from './functions/registry.ts';
import { functionCases } from './functions/function-rule.ts';
import { condenseTrace, toOutcome } from './outcomes.ts';
import { checkTableContent, RuleTableError } from './table-check.ts';
import type { ApprovalFacts, DecisionPoint, RuleOutcome } from './types.ts';

export interface CaseResult { name: string; ok: boolean; got: unknown; expected: unknown }

export interface RuleBook {
  /** Every table and function rule, current versions. */
  tables(): TableMeta[];
  table(id: string): { meta: TableMeta; content: unknown | null; cases: RuleCase[] } | null;
  /** Runs every rule of the decision point over the facts; pure apart from the engine. */
  evaluate(point: DecisionPoint, facts: ApprovalFacts): Promise<RuleOutcome[]>;
  /** Runs one table's own test cases (with `content` instead of the current one when given). */
  runCases(id: string, content?: unknown): Promise<CaseResult[]>;
  /** One table's answer over a context (intake window, lead office): the row's outputs and trace. */
  decide(id: string, context: Record<string, unknown>): Promise<{ result: Record<string, unknown> | null; trace: unknown }>;
}

/**
 * The book over rules/tables/ with published versions (kept by the services in the database)
 * overriding the files': per table the highest version wins, a published one on a tie. A
 * published version that is not a valid table is refused with RuleTableError.
 */
export async function createRuleBook(published: TableVersion[] = []): Promise<RuleBook> {
  const current = new Map<string, TableVersion>();
  const cases = new Map<string, RuleCase[]>();
  for (const { version, cases: c } of loadFileTables()) {
    current.set(version.id, version);
    cases.set(version.id, c);
  }
  for (const p of published) {
    if (FUNCTION_RULES.some((f) => f.meta.id === p.id)) throw new RuleTableError(p.id, p.version, 'it is a function rule, kept as code');
    const have = current.get(p.id);
    if (!have || p.version >= have.version) current.set(p.id, { ...p, meta: { ...p.meta, id: p.id, version: p.version, kind: 'table' } });
  }
  const decisions = new Map<string, ZenDecision>();
  for (const t of current.values()) decisions.set(t.id, decisionOf(t));

  async function run(decision: ZenDecision, meta: TableMeta, context: Record<string, unknown>) {
    const response = await decision.evaluate(context, { trace: 'string' });
    return { result: response.result as Record<string, unknown> | null, trace: condenseTrace(meta, response) };
  }

  async function evaluateTable(t: TableVersion, point: DecisionPoint, facts: ApprovalFacts): Promise<RuleOutcome[]> {
    const decision = decisions.get(t.id)!;
    const context = { ...facts, point };
    const each = t.meta.each;
    const items = each ? listAt(context, each.list) : [null];
    const contexts = each ? (items.length ? items : [null]).map((item) => ({ ...context, [each.as]: item })) : [context];
    return Promise.all(
      contexts.map(async (c) => {
        const { result, trace } = await run(decision, t.meta, c);
        return toOutcome(t.meta, result, trace);
      }),
    );
  }

  return {
    tables: () => [...[...current.values()].map((t) => t.meta), ...FUNCTION_RULES.map((f) => f.meta)],

    table(id) {
      const t = current.get(id);
      if (t) return { meta: t.meta, content: t.content, cases: cases.get(id) ?? [] };
      const f = FUNCTION_RULES.find((r) => r.meta.id === id);
      return f ? { meta: f.meta, content: null, cases: functionCases(id) } : null;
    },

    async evaluate(point, facts) {
      const tableOutcomes = await Promise.all([...current.values()].filter((t) => runsAt(t.meta.points, point)).map((t) => evaluateTable(t, point, facts)));
      const functionOutcomes = FUNCTION_RULES.filter((f) => runsAt(f.meta.points, point)).map((f) => f.outcomes(point, facts));
      return [...tableOutcomes, ...functionOutcomes].flat();
    },

    async runCases(id, content) {
      const f = FUNCTION_RULES.find((r) => r.meta.id === id);
      if (f) return functionCases(id).map((c) => compare(c, f.run(c.input)));
      const t = current.get(id);
      if (!t && content === undefined) throw new Error(`no rule "${id}"`);
      let decision = decisions.get(id)!;
      if (content !== undefined) {
        checkTableContent(engine, id, null, content);
        decision = engine.createDecision(content as object);
      }
      const meta = t?.meta ?? ({ id, version: 0 } as TableMeta);
      const results: CaseResult[] = [];
      for (const c of cases.get(id) ?? []) {
        const { result } = await run(decision, meta, c.input);
        results.push(compare(c, result));
      }
      return results;
    },

    async decide(id, context) {
      const t = current.get(id);
      if (!t) throw new Error(`no table "${id}"`);
      return run(decisions.get(id)!, t.meta, context);
    },
  };
}

// One engine for the process; a table version is checked and parsed once, however many books
// are built (the services build a new book each time a version is published).
const engine = new ZenEngine();
const parsed = new Map<string, { json: string; decision: ZenDecision }>();

function decisionOf(t: TableVersion): ZenDecision {
  const key = `${t.id}@${t.version}`;
  const json = JSON.stringify(t.content);
  const hit = parsed.get(key);
  if (hit?.json === json) return hit.decision;
  checkTableContent(engine, t.id, t.version, t.content);
  const decision = engine.createDecision(t.content as object);
  parsed.set(key, { json, decision });
  return decision;
}

/** A case passes when every output it names is what the rule answered (the engine leaves out an output a row set to null). */
function compare(c: RuleCase, got: unknown): CaseResult {
  const answer = (got ?? {}) as Record<string, unknown>;
  const ok = got !== null && got !== undefined && Object.entries(c.expected).every(([k, v]) => isDeepStrictEqual(answer[k] ?? null, v));
  return { name: c.name, ok, got: got ?? null, expected: c.expected };
}

function listAt(context: Record<string, unknown>, dotted: string): unknown[] {
  const value = dotted.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), context);
  return Array.isArray(value) ? value : [];
}
