/**
 * Turns what a table answered into a RuleOutcome: the verdict and reason the row wrote, the
 * cause it named (so an alert is never raised twice for the same thing), and a trace short
 * enough to store beside the alert: which row of which table fired, with the inputs it saw.
 */
import type { ZenEngineResponse, ZenEngineTrace } from '@gorules/zen-engine';
import type { TableMeta } from './catalog.ts';
import { VERDICTS } from './table-check.ts';
import type { RuleOutcome, Verdict } from './types.ts';

export interface TableTrace {
  rule: string;
  version: number;
  /** One entry per decision table the graph ran, in order. */
  rows: { table: string; row: number | null; rowId: string | null; description: string | null; inputs: Record<string, unknown>; output: unknown }[];
}

interface TableTraceData {
  index?: number;
  reference_map?: Record<string, unknown>;
  rule?: Record<string, unknown>;
}

/** The decision tables' part of the engine's trace: row numbers count from 1, null when no row fired. */
export function condenseTrace(meta: Pick<TableMeta, 'id' | 'version'>, response: ZenEngineResponse): TableTrace {
  // Asked for as a string: the engine hands it over as JSON text, half the cost of building it as objects.
  const raw: unknown = response.trace ?? {};
  const trace = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, ZenEngineTrace>;
  const steps = Object.values(trace).sort((a, b) => a.order - b.order);
  const rows = steps
    .filter((s) => s.traceData && typeof s.traceData === 'object' && 'reference_map' in s.traceData)
    .map((s) => {
      const data = s.traceData as TableTraceData;
      return {
        table: s.name,
        row: typeof data.index === 'number' ? data.index + 1 : null,
        rowId: typeof data.rule?._id === 'string' ? data.rule._id : null,
        description: typeof data.rule?._description === 'string' ? data.rule._description : null,
        inputs: data.reference_map ?? {},
        output: s.output,
      };
    });
  return { rule: meta.id, version: meta.version, rows };
}

/** A table's answer as a RuleOutcome; a table no row of which fired passes and says so. */
export function toOutcome(meta: Pick<TableMeta, 'id' | 'version'>, result: unknown, trace: unknown): RuleOutcome {
  const base = { ruleId: meta.id, version: meta.version, trace };
  if (result === null || result === undefined || (Array.isArray(result) && result.length === 0)) {
    return { ...base, verdict: 'pass', reason: '规则表未命中任何行，视为通过', cause: null, options: [] };
  }
  // A collect table answers with every row that fired: the strictest verdict speaks for it.
  const answer = (Array.isArray(result) ? strictest(result as Record<string, unknown>[]) : result) as Record<string, unknown>;
  const verdict = answer.verdict as Verdict;
  if (!VERDICTS.includes(verdict)) throw new Error(`rule ${meta.id} v${meta.version} answered verdict ${JSON.stringify(answer.verdict)}`);
  return {
    ...base,
    verdict,
    reason: String(answer.reason ?? ''),
    cause: typeof answer.cause === 'string' && answer.cause !== '' ? answer.cause : null,
    options: Array.isArray(answer.options) ? answer.options.map(String) : [],
  };
}

const SEVERITY: Record<Verdict, number> = { pass: 0, warn: 1, alert: 2, block: 3 };

function strictest(rows: Record<string, unknown>[]): Record<string, unknown> {
  return rows.reduce((a, b) => (SEVERITY[b.verdict as Verdict] > SEVERITY[a.verdict as Verdict] ? b : a));
}
