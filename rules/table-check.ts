/**
 * Refuses a decision graph the engine would choke on, or that does not answer what a rule must
 * (a verdict and a reason), before it is cached or published: the rule center shows this message.
 */
import { evaluateExpressionSync, evaluateUnaryExpressionSync, type ZenEngine } from '@gorules/zen-engine';
import type { Verdict } from './types.ts';

export class RuleTableError extends Error {
  constructor(id: string, version: number | null, detail: string) {
    super(`rule table "${id}"${version === null ? '' : ` v${version}`} is not a valid decision table: ${detail}`);
    this.name = 'RuleTableError';
  }
}

export const VERDICTS: readonly Verdict[] = ['pass', 'block', 'alert', 'warn'];

interface Node { id?: unknown; type?: unknown; name?: unknown; content?: unknown }
interface TableContent { hitPolicy?: unknown; inputs?: unknown; outputs?: unknown; rules?: unknown }

/** Throws RuleTableError naming what is wrong; returns quietly for a usable table. */
export function checkTableContent(engine: ZenEngine, id: string, version: number | null, content: unknown): void {
  const fail = (detail: string): never => {
    throw new RuleTableError(id, version, detail);
  };
  if (typeof content !== 'object' || content === null) fail('the content is not a JSON object');
  const graph = content as { nodes?: unknown; edges?: unknown };
  if (!Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) fail('it needs "nodes" and "edges" arrays');
  const nodes = graph.nodes as Node[];
  for (const n of nodes) {
    if (typeof n?.id !== 'string' || typeof n.type !== 'string' || typeof n.name !== 'string') fail('every node needs a string id, type and name');
  }
  const ids = new Set(nodes.map((n) => n.id));
  for (const e of graph.edges as { sourceId?: unknown; targetId?: unknown }[]) {
    if (!ids.has(e?.sourceId) || !ids.has(e?.targetId)) fail(`an edge joins a node that does not exist (${String(e?.sourceId)} → ${String(e?.targetId)})`);
  }
  if (nodes.filter((n) => n.type === 'inputNode').length !== 1) fail('it needs exactly one inputNode');
  if (!nodes.some((n) => n.type === 'outputNode')) fail('it needs an outputNode');
  const tables = nodes.filter((n) => n.type === 'decisionTableNode');
  if (tables.length === 0) fail('it needs a decisionTableNode');
  for (const t of tables) checkDecisionTable(t.name as string, (t.content ?? {}) as TableContent, fail);
  try {
    engine.createDecision(content as object).validate();
  } catch (err) {
    fail(`the engine refuses it: ${(err as Error).message.split('\n')[0]}`);
  }
}

function checkDecisionTable(name: string, table: TableContent, fail: (d: string) => never): void {
  if (table.hitPolicy !== 'first' && table.hitPolicy !== 'collect') fail(`table "${name}" needs hitPolicy "first" or "collect"`);
  if (!Array.isArray(table.inputs) || !Array.isArray(table.outputs) || !Array.isArray(table.rules)) fail(`table "${name}" needs inputs, outputs and rules`);
  const outputs = table.outputs as { id?: string; field?: string }[];
  const verdict = outputs.find((o) => o.field === 'verdict');
  if (!verdict || !outputs.some((o) => o.field === 'reason')) fail(`table "${name}" must output "verdict" and "reason"`);
  for (const [i, row] of (table.rules as Record<string, unknown>[]).entries()) {
    const cell = row[verdict!.id ?? ''];
    // A verdict is a quoted literal so a reader (and this check) sees what the row decides.
    const literal = typeof cell === 'string' ? /^"(\w+)"$/.exec(cell.trim())?.[1] : undefined;
    if (!literal || !(VERDICTS as string[]).includes(literal)) fail(`row ${i + 1} of table "${name}" has verdict ${JSON.stringify(cell)}; it must be one of ${VERDICTS.map((v) => `"${v}"`).join(', ')}`);
    checkCells(name, i + 1, row, table.inputs as Column[], table.outputs as Column[], fail);
  }
}

interface Column { id: string; name?: string; field?: string }

/**
 * The engine skips a row whose cell does not parse, silently: a 失信 row with a typo would let
 * everyone through. So every cell must parse (what it does with real facts is for the cases).
 */
function checkCells(table: string, n: number, row: Record<string, unknown>, inputs: Column[], outputs: Column[], fail: (d: string) => never): void {
  const columns = [...inputs.map((c) => ({ ...c, unary: Boolean(c.field) })), ...outputs.map((c) => ({ ...c, unary: false }))];
  for (const col of columns) {
    const cell = row[col.id];
    if (cell === undefined || (typeof cell === 'string' && cell.trim() === '')) continue;
    if (typeof cell !== 'string') fail(`row ${n} of table "${table}", column "${col.name ?? col.id}": a cell must be text, got ${JSON.stringify(cell)}`);
    try {
      if (col.unary) evaluateUnaryExpressionSync(cell as string, { $: null });
      else evaluateExpressionSync(cell as string, {});
    } catch (err) {
      const message = (err as Error).message.split('\n')[0]!;
      // Only a cell that does not parse is wrong here; one that fails on empty facts may be fine.
      if (/"type":"(parserError|lexerError)"/.test(message)) fail(`row ${n} of table "${table}", column "${col.name ?? col.id}": cannot read ${JSON.stringify(cell)} (${message})`);
    }
  }
}
