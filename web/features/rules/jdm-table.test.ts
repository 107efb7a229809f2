import { describe, expect, it } from 'vitest';
import { addRow, columnNames, decisionTables, removeRow, setCell } from './jdm-table';

const graph = {
  nodes: [
    { id: 'in', type: 'inputNode', name: 'Request' },
    {
      id: 'tbl', type: 'decisionTableNode', name: '信访核查',
      content: {
        hitPolicy: 'first',
        inputs: [{ id: 'i1', name: '未办结信访', field: 'petitions.open' }],
        outputs: [{ id: 'o1', name: '结论', field: 'verdict' }],
        rules: [{ _id: 'r1', i1: '> 0', o1: '"alert"' }, { _id: 'r2', i1: '', o1: '"pass"' }],
      },
    },
    { id: 'out', type: 'outputNode', name: 'Response' },
  ],
  edges: [{ id: 'e1', sourceId: 'in', targetId: 'tbl' }],
};

describe('JDM decision tables', () => {
  it('finds the tables with their columns and rows', () => {
    const [t] = decisionTables(graph);
    expect(t).toMatchObject({ nodeId: 'tbl', name: '信访核查', hitPolicy: 'first' });
    expect(t!.inputs).toEqual([{ id: 'i1', name: '未办结信访', field: 'petitions.open' }]);
    expect(t!.rules).toHaveLength(2);
    expect(decisionTables(null)).toEqual([]);
    expect(columnNames(graph)).toEqual({ 'petitions.open': '未办结信访', verdict: '结论' });
  });

  it('edits a copy: a cell set, a row added with a fresh id, a row removed', () => {
    const edited = setCell(graph, 'tbl', 0, 'i1', '>= 2');
    expect(decisionTables(edited)[0]!.rules[0]!.i1).toBe('>= 2');
    expect(graph.nodes[1]!.content!.rules[0]!.i1).toBe('> 0');
    expect((edited as typeof graph).edges).toEqual(graph.edges);

    const added = addRow(graph, 'tbl', 0);
    expect(decisionTables(added)[0]!.rules.map((r) => r._id)).toEqual(['r1', 'row-3', 'r2']);
    expect(decisionTables(added)[0]!.rules[1]).toEqual({ _id: 'row-3', i1: '', o1: '' });

    expect(decisionTables(removeRow(graph, 'tbl', 0))[0]!.rules.map((r) => r._id)).toEqual(['r2']);
  });
});
