import { ZenEngine } from '@gorules/zen-engine';
import { describe, expect, it } from 'vitest';
import { describeTrace } from './describe-trace';

/** A petition check as the rule center keeps it: JDM, one decision table between input and output. */
function petitionTable(hitPolicy: 'first' | 'collect') {
  return {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'tbl', type: 'decisionTableNode', name: '信访核查', position: { x: 200, y: 0 },
        content: {
          hitPolicy,
          inputs: [{ id: 'i1', name: '未办结信访', field: 'petitions.open' }, { id: 'i2', name: '失信', field: 'credit.dishonest' }],
          outputs: [{ id: 'o1', name: '结论', field: 'verdict' }],
          rules: [
            { _id: 'r1', i1: '> 0', i2: '', o1: '"alert"' },
            { _id: 'r2', i1: '', i2: 'true', o1: '"block"' },
            { _id: 'r3', _description: '无信访、无失信', i1: '', i2: '', o1: '"pass"' },
          ],
        },
      },
      { id: 'out', type: 'outputNode', name: 'Response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 'tbl', type: 'edge' },
      { id: 'e2', sourceId: 'tbl', targetId: 'out', type: 'edge' },
    ],
  };
}

async function realTrace(hitPolicy: 'first' | 'collect', facts: object): Promise<unknown> {
  const engine = new ZenEngine();
  try {
    const answer = await engine.createDecision(petitionTable(hitPolicy)).evaluate(facts, { trace: true });
    return answer.trace;
  } finally {
    engine.dispose();
  }
}

describe('describeTrace over zen-engine traces', () => {
  it('tells the row that fired, the facts it tested and the verdict', async () => {
    const trace = await realTrace('first', { petitions: { open: 1 }, credit: { dishonest: false } });
    expect(describeTrace(trace)).toEqual(['命中规则「信访核查」第 1 行：未办结信访 1 件 → 预警']);
  });

  it('prefers the table’s own column names, and says yes/no and unknown in Chinese', async () => {
    const trace = await realTrace('first', { petitions: { open: 0 }, credit: { dishonest: true } });
    expect(describeTrace(trace, { 'credit.dishonest': '建设单位失信' })).toEqual(['命中规则「信访核查」第 2 行：建设单位失信：是 → 阻止']);
    const unknown = await realTrace('first', { petitions: { open: 0 }, credit: { dishonest: null } });
    expect(describeTrace(unknown)).toEqual(['命中规则「信访核查」第 3 行：其余情况（无信访、无失信） → 通过']);
  });

  it('tells every row a collect table fired, in order, each with its own output', async () => {
    const trace = await realTrace('collect', { petitions: { open: 2 }, credit: { dishonest: true } });
    expect(describeTrace(trace)).toEqual([
      '命中规则「信访核查」第 1 行：未办结信访 2 件 → 预警',
      '命中规则「信访核查」第 2 行：失信记录：是 → 阻止',
      '命中规则「信访核查」第 3 行：其余情况（无信访、无失信） → 通过',
    ]);
  });

  it('reads a trace wrapped by the service and a single node', async () => {
    const trace = (await realTrace('first', { petitions: { open: 3 }, credit: { dishonest: false } })) as Record<string, unknown>;
    expect(describeTrace({ table: 'petition-check', trace })).toEqual(['命中规则「信访核查」第 1 行：未办结信访 3 件 → 预警']);
    expect(describeTrace(trace.tbl)).toEqual(['命中规则「信访核查」第 1 行：未办结信访 3 件 → 预警']);
  });

  it('tells a function rule’s own account as it is, and nothing for no trace', () => {
    expect(describeTrace('签批顺序为 经办人 → 首席代表，缺少处(科)室负责人')).toEqual(['签批顺序为 经办人 → 首席代表，缺少处(科)室负责人']);
    expect(describeTrace({ lines: ['第一步', '第二步'] })).toEqual(['第一步', '第二步']);
    expect(describeTrace({ sign_off: ['经办人', '首席代表'], 'step.limit_days': 5 })).toEqual(['规则记录：签批顺序：经办人 → 首席代表；办理时限 5 个工作日']);
    expect(describeTrace(null)).toEqual([]);
    expect(describeTrace({})).toEqual([]);
  });
});
