/**
 * A rule's trace told in plain Chinese, one line per decision: the rule center's condensed trace
 * (`{ rule, version, rows: [{ table, row, rowId, description, inputs, output }] }`, rules/outcomes.ts)
 * or the zen-engine's own (`{ [nodeId]: { name, order, input, output, traceData: { index, rule,
 * reference_map } } }`, an array of hits for a `collect` table) becomes
 * `命中规则「信访核查」第 1 行：未办结信访 1 件 → 预警`; a function rule's own account (text, lines,
 * or plain fields) is told field by field. With the table's JDM content at hand, columns go by
 * their own names and only the cells the row tested are told. Pure.
 */
import type { Verdict } from './alerts.types';
import { columnNames, decisionTables } from '../rules/jdm-table';
import { FACT_LABELS } from './fact-labels';
import { ALERT_TEXTS, TRACE_TEXTS as T } from './texts';

/** What the table says about the trace: its columns' names by field, and the fields each row tests (by row id). */
interface TableKnowledge {
  columns: Record<string, string>;
  tested: Map<string, string[]>;
  /** Input fields in the table's column order (the engine lists them alphabetically). */
  order: string[];
}

function knowledge(content: unknown): TableKnowledge {
  const tested = new Map<string, string[]>();
  const order: string[] = [];
  for (const t of decisionTables(content)) {
    for (const c of t.inputs) order.push(c.field ?? c.id);
    const fieldOf = new Map(t.inputs.map((c) => [c.id, c.field ?? c.id]));
    for (const r of t.rules) {
      tested.set(r._id, Object.entries(r).filter(([k, v]) => fieldOf.has(k) && typeof v === 'string' && v.trim() !== '').map(([k]) => fieldOf.get(k)!));
    }
  }
  return { columns: columnNames(content), tested, order };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Hit {
  index: number;
  rule: Obj;
  reference_map?: Obj;
}
const isHit = (v: unknown): v is Hit => isObj(v) && typeof v.index === 'number' && isObj(v.rule);

/** A zen-engine node trace: it has a name, an order and trace data (null for the input and output nodes). */
const isNode = (v: unknown): v is Obj => isObj(v) && typeof v.name === 'string' && 'traceData' in v;

function at(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const part of path.split('.')) {
    if (!isObj(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

export function formatValue(value: unknown, unit?: string): string {
  if (value === null || value === undefined) return T.unknown;
  if (value === true) return T.yes;
  if (value === false) return T.no;
  if (typeof value === 'number') return unit ? `${value} ${unit}` : String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => formatValue(v)).join(' → ');
  return JSON.stringify(value);
}

/** Fields in the table's column order; those it does not know keep theirs, after. */
function inColumnOrder(fields: string[], k: TableKnowledge): string[] {
  const rank = (f: string) => (k.order.includes(f) ? k.order.indexOf(f) : k.order.length);
  return fields.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
}

/** `未办结信访 1 件`, `失信记录：是`. */
function factText(field: string, value: unknown, k: TableKnowledge): string {
  const known = FACT_LABELS[field];
  const label = k.columns[field] ?? known?.label ?? field;
  if (typeof value === 'number') return `${label} ${formatValue(value, known?.unit)}`;
  return `${label}：${formatValue(value)}`;
}

/** What the row decided: its verdict in Chinese, or its outputs as written. */
function outcomeText(output: unknown, k: TableKnowledge): string {
  if (!isObj(output)) return output === undefined || output === null ? '' : formatValue(output);
  const verdict = output.verdict;
  if (typeof verdict === 'string' && verdict in ALERT_TEXTS.verdicts) return ALERT_TEXTS.verdicts[verdict as Verdict];
  return Object.entries(output).map(([f, v]) => factText(f, v, k)).join('，');
}

/** One fired row: the inputs its cells tested (a cell left empty tests nothing), with the values the row saw. */
function hitLine(rule: string, hit: Hit, input: unknown, output: unknown, k: TableKnowledge): string {
  const valueOf = (field: string) => (hit.reference_map && field in hit.reference_map ? hit.reference_map[field] : at(input, field));
  // Keys are `field[inputId]`; a column without a field keeps its id alone.
  const tested = Object.entries(hit.rule)
    .filter(([key, cell]) => !key.startsWith('_') && typeof cell === 'string' && cell.trim() !== '')
    .map(([key]) => key.replace(/\[[^\]]*\]$/, ''));
  // A catch-all row tested nothing: the inputs it saw tell why it was reached.
  const fields = inColumnOrder(tested.length > 0 ? tested : Object.keys(hit.reference_map ?? {}), k);
  const seen = fields.map((f) => factText(f, valueOf(f), k));
  const description = typeof hit.rule._description === 'string' && hit.rule._description.trim() ? `（${hit.rule._description.trim()}）` : '';
  const decided = outcomeText(output, k);
  return `${T.hit(rule, hit.index + 1)}：${seen.length > 0 ? seen.join('，') : T.otherwise}${description}${decided ? ` → ${decided}` : ''}`;
}

function nodeLines(node: Obj, k: TableKnowledge): string[] {
  const data = node.traceData;
  const name = node.name as string;
  if (isHit(data)) return [hitLine(name, data, node.input, node.output, k)];
  if (Array.isArray(data) && data.every(isHit)) {
    const outputs = Array.isArray(node.output) ? node.output : [];
    return data.map((hit, i) => hitLine(name, hit, node.input, outputs[i], k));
  }
  return [];
}

/** One row of the rule center's condensed trace (rules/outcomes.ts TableTrace). */
interface CondensedRow {
  table: string;
  row: number | null;
  rowId?: string | null;
  description?: string | null;
  inputs?: Obj;
  output?: unknown;
}
const isCondensedRow = (v: unknown): v is CondensedRow => isObj(v) && typeof v.table === 'string' && 'row' in v;

function condensedLine(r: CondensedRow, k: TableKnowledge): string {
  if (r.row === null) return T.noRow(r.table);
  const inputs = r.inputs ?? {};
  const tested = r.rowId ? k.tested.get(r.rowId) : undefined;
  // The cells the row tested when the table is known; else (or for a catch-all row) every input it saw.
  const fields = inColumnOrder(tested && tested.length > 0 ? tested.filter((f) => f in inputs) : Object.keys(inputs), k);
  const seen = fields.map((f) => factText(f, inputs[f], k));
  const description = r.description?.trim() ? `（${r.description.trim()}）` : '';
  const decided = outcomeText(r.output, k);
  return `${T.hit(r.table, r.row)}：${seen.length > 0 ? seen.join('，') : T.otherwise}${description}${decided ? ` → ${decided}` : ''}`;
}

/** Fields of a function's account that say nothing to a reader (a regular expression, the calendar's package name). */
const UNTOLD = new Set(['pattern', 'calendar']);

function lines(trace: unknown, k: TableKnowledge): string[] {
  if (trace === null || trace === undefined || trace === '') return [];
  if (typeof trace === 'string') return [trace];
  if (typeof trace === 'number' || typeof trace === 'boolean') return [String(trace)];
  if (Array.isArray(trace)) return trace.flatMap((t) => lines(t, k));
  if (!isObj(trace)) return [];
  if (Array.isArray(trace.rows) && trace.rows.every(isCondensedRow)) return trace.rows.map((r) => condensedLine(r, k));
  if (isNode(trace)) return nodeLines(trace, k);
  const values = Object.values(trace);
  if (values.length > 0 && values.every(isNode)) {
    return (values as Obj[])
      .sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0))
      .flatMap((n) => nodeLines(n, k));
  }
  // A wrapper around the engine's trace, or a function rule's own lines.
  for (const key of ['trace', 'nodes', 'lines', 'steps', 'reasons']) {
    if (key in trace) {
      const inner = lines(trace[key], k);
      if (inner.length > 0) return inner;
    }
  }
  // Plain fields (a function's account): `label：value` each.
  const fields = Object.entries(trace).filter(([f, v]) => !isObj(v) && !UNTOLD.has(f));
  if (fields.length === 0) return [];
  return [`${T.record}：${fields.map(([f, v]) => factText(f, v, k)).join('；')}`];
}

/** Lines for a whole trace, in the engine's order; [] when the rule left none. `content`: the table's JDM, when at hand. */
export function describeTrace(trace: unknown, content: unknown = null): string[] {
  return lines(trace, knowledge(content));
}
