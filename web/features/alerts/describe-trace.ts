/**
 * A rule's trace told in plain Chinese, one line per decision: the zen-engine trace of a decision
 * table (`{ [nodeId]: { name, order, input, output, traceData: { index, rule, reference_map } } }`,
 * an array of hits for a `collect` table) becomes `命中规则「信访核查」第 1 行：未办结信访 1 件 → 预警`;
 * a function rule's own account (text, lines, or plain fields) is told as it is. Pure.
 */
import type { Verdict } from './alerts.types';
import { FACT_LABELS } from './fact-labels';
import { ALERT_TEXTS, TRACE_TEXTS as T } from './texts';

/** A table's column names by the fact they read (`petitions.open` → `未办结信访`), from its JDM content when the page has it. */
export type ColumnNames = Record<string, string>;

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

/** `未办结信访 1 件`, `失信记录：是`. */
function factText(field: string, value: unknown, columns: ColumnNames): string {
  const known = FACT_LABELS[field];
  const label = columns[field] ?? known?.label ?? field;
  if (typeof value === 'number') return `${label} ${formatValue(value, known?.unit)}`;
  return `${label}：${formatValue(value)}`;
}

/** What the row decided: its verdict in Chinese, or its outputs as written. */
function outcomeText(output: unknown, columns: ColumnNames): string {
  if (!isObj(output)) return output === undefined || output === null ? '' : formatValue(output);
  const verdict = output.verdict;
  if (typeof verdict === 'string' && verdict in ALERT_TEXTS.verdicts) return ALERT_TEXTS.verdicts[verdict as Verdict];
  return Object.entries(output).map(([k, v]) => factText(k, v, columns)).join('，');
}

/** One fired row: the inputs its cells tested (a cell left empty tests nothing), with the values the row saw. */
function hitLine(rule: string, hit: Hit, input: unknown, output: unknown, columns: ColumnNames): string {
  const seen: string[] = [];
  for (const [key, cell] of Object.entries(hit.rule)) {
    if (key.startsWith('_') || typeof cell !== 'string' || cell.trim() === '') continue;
    // Keys are `field[inputId]`; a column without a field keeps its id alone.
    const field = key.replace(/\[[^\]]*\]$/, '');
    const value = hit.reference_map && field in hit.reference_map ? hit.reference_map[field] : at(input, field);
    seen.push(factText(field, value, columns));
  }
  const description = typeof hit.rule._description === 'string' && hit.rule._description.trim() ? `（${hit.rule._description.trim()}）` : '';
  const decided = outcomeText(output, columns);
  return `${T.hit(rule, hit.index + 1)}：${seen.length > 0 ? seen.join('，') : T.otherwise}${description}${decided ? ` → ${decided}` : ''}`;
}

function nodeLines(node: Obj, columns: ColumnNames): string[] {
  const data = node.traceData;
  const name = node.name as string;
  if (isHit(data)) return [hitLine(name, data, node.input, node.output, columns)];
  if (Array.isArray(data) && data.every(isHit)) {
    const outputs = Array.isArray(node.output) ? node.output : [];
    return data.map((hit, i) => hitLine(name, hit, node.input, outputs[i], columns));
  }
  return [];
}

/** Lines for a whole trace, in the engine's order; [] when the rule left none. */
export function describeTrace(trace: unknown, columns: ColumnNames = {}): string[] {
  if (trace === null || trace === undefined || trace === '') return [];
  if (typeof trace === 'string') return [trace];
  if (typeof trace === 'number' || typeof trace === 'boolean') return [String(trace)];
  if (Array.isArray(trace)) return trace.flatMap((t) => describeTrace(t, columns));
  if (!isObj(trace)) return [];
  if (isNode(trace)) return nodeLines(trace, columns);
  const values = Object.values(trace);
  if (values.length > 0 && values.every(isNode)) {
    return (values as Obj[])
      .sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0))
      .flatMap((n) => nodeLines(n, columns));
  }
  // A wrapper around the engine's trace, or a function rule's own lines.
  for (const key of ['trace', 'nodes', 'lines', 'steps', 'reasons']) {
    if (key in trace) {
      const inner = describeTrace(trace[key], columns);
      if (inner.length > 0) return inner;
    }
  }
  // Plain fields (a function's account): `label：value` each.
  const fields = Object.entries(trace).filter(([, v]) => !isObj(v));
  if (fields.length === 0) return [];
  return [`${T.record}：${fields.map(([k, v]) => factText(k, v, columns)).join('；')}`];
}
