'use client';
/**
 * One JDM decision table as a plain HTML table: a row per rule, its condition cells (inputs) then
 * its conclusion cells (outputs). Read-only, or with every cell in a text field when `onCell` is given.
 */
import type { JdmTable } from './jdm-table';
import { RULE_TEXTS as T } from './texts';

interface Props {
  table: JdmTable;
  onCell?: (row: number, columnId: string, value: string) => void;
  onAddRow?: (after: number) => void;
  onRemoveRow?: (row: number) => void;
}

/** A field as wide as its expression (within reason), so a long reason template can be read while edited; the table scrolls sideways. */
const cellSize = (value: string | undefined) => Math.min(60, Math.max(8, (value ?? '').length + 2));

export function DecisionTableView({ table, onCell, onAddRow, onRemoveRow }: Props) {
  const editing = onCell !== undefined;
  const columns = [...table.inputs.map((c) => ({ ...c, side: 'input' as const })), ...table.outputs.map((c) => ({ ...c, side: 'output' as const }))];
  return (
    <div className="ph-jdm" data-node={table.nodeId}>
      <div className="ph-jdm-head">
        <strong>{table.name}</strong>
        <span className="ph-muted">{T.hitPolicy[table.hitPolicy] ?? table.hitPolicy}</span>
      </div>
      <div className="ph-jdm-scroll">
        <table className="ph-jdm-table">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>{T.row}</th>
              {table.inputs.length > 0 ? <th scope="colgroup" colSpan={table.inputs.length} className="ph-jdm-in">{T.inputs}</th> : null}
              {table.outputs.length > 0 ? <th scope="colgroup" colSpan={table.outputs.length} className="ph-jdm-out">{T.outputs}</th> : null}
              <th scope="col" rowSpan={2}>{T.description}</th>
              {editing ? <th scope="col" rowSpan={2}><span className="ph-sr-only">{T.removeRow}</span></th> : null}
            </tr>
            <tr>
              {columns.map((c) => (
                <th key={c.id} scope="col" className={c.side === 'input' ? 'ph-jdm-in' : 'ph-jdm-out'} title={c.field}>
                  {c.name}{c.field && c.field !== c.name ? <div className="ph-jdm-field">{c.field}</div> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rules.map((r, i) => (
              <tr key={r._id ?? i} data-row={i + 1}>
                <th scope="row">{i + 1}</th>
                {columns.map((c) => (
                  <td key={c.id} className={c.side === 'input' ? 'ph-jdm-in' : 'ph-jdm-out'}>
                    {editing ? (
                      <input className="ph-jdm-cell" aria-label={T.cellLabel(i + 1, c.name)} value={r[c.id] ?? ''} size={cellSize(r[c.id])} onChange={(e) => onCell(i, c.id, e.target.value)} />
                    ) : (r[c.id] ?? '').trim() ? <code>{r[c.id]}</code> : <span className="ph-muted">{c.side === 'input' ? T.anyValue : '—'}</span>}
                  </td>
                ))}
                <td>
                  {editing ? (
                    <input className="ph-jdm-cell" aria-label={T.cellLabel(i + 1, T.description)} value={r._description ?? ''} size={cellSize(r._description)} onChange={(e) => onCell(i, '_description', e.target.value)} />
                  ) : r._description ?? ''}
                </td>
                {editing ? (
                  <td className="ph-nowrap">
                    <button type="button" className="ph-link-button" onClick={() => onAddRow?.(i)}>{T.addRow}</button>{' '}
                    <button type="button" className="ph-link-button" onClick={() => onRemoveRow?.(i)}>{T.removeRow}</button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
