/**
 * GoRules' JSON Decision Model (JDM) as the rule center shows and edits it: the decision-table
 * nodes of a graph, each with its input and output columns and its rows of cell expressions
 * (an empty cell tests nothing). Edits return a new graph and leave the rest of it as it was. Pure.
 */

export interface JdmColumn {
  id: string;
  name: string;
  /** The fact it reads (`petitions.open`) or the output it writes (`verdict`); absent for a column without one. */
  field?: string;
}

export interface JdmRow {
  _id: string;
  _description?: string;
  [columnId: string]: string | undefined;
}

export interface JdmTable {
  nodeId: string;
  name: string;
  hitPolicy: string;
  inputs: JdmColumn[];
  outputs: JdmColumn[];
  rules: JdmRow[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function columns(v: unknown): JdmColumn[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObj).map((c) => ({
    id: String(c.id ?? ''),
    name: typeof c.name === 'string' && c.name ? c.name : String(c.field ?? c.id ?? ''),
    ...(typeof c.field === 'string' ? { field: c.field } : {}),
  }));
}

function nodes(content: unknown): Obj[] {
  return isObj(content) && Array.isArray(content.nodes) ? content.nodes.filter(isObj) : [];
}

/** The decision tables of a JDM graph, in the graph's order. */
export function decisionTables(content: unknown): JdmTable[] {
  return nodes(content)
    .filter((n) => n.type === 'decisionTableNode' && isObj(n.content))
    .map((n) => {
      const c = n.content as Obj;
      return {
        nodeId: String(n.id),
        name: typeof n.name === 'string' ? n.name : String(n.id),
        hitPolicy: typeof c.hitPolicy === 'string' ? c.hitPolicy : 'first',
        inputs: columns(c.inputs),
        outputs: columns(c.outputs),
        rules: Array.isArray(c.rules) ? (c.rules.filter(isObj) as JdmRow[]) : [],
      };
    });
}

/** Every column's name by the field it reads or writes, for telling traces (`petitions.open` → `未办结信访`). */
export function columnNames(content: unknown): Record<string, string> {
  const names: Record<string, string> = {};
  for (const t of decisionTables(content)) for (const c of [...t.inputs, ...t.outputs]) if (c.field) names[c.field] = c.name;
  return names;
}

function editRules(content: unknown, nodeId: string, edit: (rules: JdmRow[], table: Obj) => JdmRow[]): unknown {
  if (!isObj(content)) return content;
  const copy = structuredClone(content) as Obj;
  for (const n of nodes(copy)) {
    if (n.id !== nodeId || !isObj(n.content)) continue;
    const rules = Array.isArray(n.content.rules) ? (n.content.rules as JdmRow[]) : [];
    n.content.rules = edit(rules, n.content);
  }
  return copy;
}

/** The graph with one cell (or a row's `_description`) set. */
export function setCell(content: unknown, nodeId: string, row: number, columnId: string, value: string): unknown {
  return editRules(content, nodeId, (rules) => rules.map((r, i) => (i === row ? { ...r, [columnId]: value } : r)));
}

/** The graph with an empty row added after `after` (at the end when absent); its id is new in the table. */
export function addRow(content: unknown, nodeId: string, after?: number): unknown {
  return editRules(content, nodeId, (rules, table) => {
    const ids = new Set(rules.map((r) => r._id));
    let n = rules.length + 1;
    while (ids.has(`row-${n}`)) n += 1;
    const empty: JdmRow = { _id: `row-${n}` };
    for (const c of [...columns(table.inputs), ...columns(table.outputs)]) empty[c.id] = '';
    const at = after === undefined ? rules.length : after + 1;
    return [...rules.slice(0, at), empty, ...rules.slice(at)];
  });
}

export function removeRow(content: unknown, nodeId: string, row: number): unknown {
  return editRules(content, nodeId, (rules) => rules.filter((_, i) => i !== row));
}
