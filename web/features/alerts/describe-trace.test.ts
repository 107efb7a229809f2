import fs from 'node:fs';
import path from 'node:path';
import { ZenEngine } from '@gorules/zen-engine';
import { describe, expect, it } from 'vitest';
import { describeTrace } from './describe-trace';

/** A small JDM graph: one decision table between input and output. */
function petitionTable(hitPolicy: 'first' | 'collect', names = { open: '未办结信访', dishonest: '失信' }) {
  return {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'tbl', type: 'decisionTableNode', name: '信访核查', position: { x: 200, y: 0 },
        content: {
          hitPolicy,
          inputs: [{ id: 'i1', name: names.open, field: 'petitions.open' }, { id: 'i2', name: names.dishonest, field: 'credit.dishonest' }],
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

async function realTrace(content: object, facts: object): Promise<unknown> {
  const engine = new ZenEngine();
  try {
    return (await engine.createDecision(content).evaluate(facts, { trace: true })).trace;
  } finally {
    engine.dispose();
  }
}

describe('describeTrace over zen-engine traces', () => {
  it('tells the row that fired, the facts it tested and the verdict', async () => {
    const trace = await realTrace(petitionTable('first'), { petitions: { open: 1 }, credit: { dishonest: false } });
    expect(describeTrace(trace)).toEqual(['命中规则「信访核查」第 1 行：未办结信访 1 件 → 预警']);
  });

  it('goes by the table’s own column names when its content is given, and says yes/no and unknown in Chinese', async () => {
    const table = petitionTable('first', { open: '未办结信访', dishonest: '建设单位失信' });
    const trace = await realTrace(table, { petitions: { open: 0 }, credit: { dishonest: true } });
    expect(describeTrace(trace, table)).toEqual(['命中规则「信访核查」第 2 行：建设单位失信：是 → 阻止']);
    // A catch-all row tested nothing: the inputs it saw are told.
    const unknown = await realTrace(table, { petitions: { open: 0 }, credit: { dishonest: null } });
    expect(describeTrace(unknown, table)).toEqual(['命中规则「信访核查」第 3 行：未办结信访 0 件，建设单位失信：未说明（无信访、无失信） → 通过']);
  });

  it('tells every row a collect table fired, in order, each with its own output', async () => {
    const trace = await realTrace(petitionTable('collect'), { petitions: { open: 2 }, credit: { dishonest: true } });
    expect(describeTrace(trace)).toEqual([
      '命中规则「信访核查」第 1 行：未办结信访 2 件 → 预警',
      '命中规则「信访核查」第 2 行：失信记录：是 → 阻止',
      // Without the table, in the engine's order.
      '命中规则「信访核查」第 3 行：失信记录：是，未办结信访 2 件（无信访、无失信） → 通过',
    ]);
  });

  it('reads a trace wrapped by the service, and a single node', async () => {
    const trace = (await realTrace(petitionTable('first'), { petitions: { open: 3 }, credit: { dishonest: false } })) as Record<string, unknown>;
    expect(describeTrace({ table: 'petition-check', trace })).toEqual(['命中规则「信访核查」第 1 行：未办结信访 3 件 → 预警']);
    expect(describeTrace(trace.tbl)).toEqual(['命中规则「信访核查」第 1 行：未办结信访 3 件 → 预警']);
  });

  it('tells the shipped petition-check table’s own case through the engine', async () => {
    const dir = path.resolve(__dirname, '../../../rules/tables/petition-check');
    const table = JSON.parse(fs.readFileSync(path.join(dir, 'table.json'), 'utf8')) as object;
    const cases = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8')) as { input: { petition?: { id: string; status: string } }; expected: { verdict: string } }[];
    const alerting = cases.find((c) => c.expected.verdict === 'alert' && c.input.petition)!;
    const [line] = describeTrace(await realTrace(table, alerting.input), table);
    expect(line).toMatch(/^命中规则「信访核查（受理、公示）」第 \d+ 行：/);
    expect(line).toContain(`信访编号：${alerting.input.petition!.id}`);
    expect(line).toContain(`信访状态：${alerting.input.petition!.status}`);
    expect(line!.endsWith('→ 预警')).toBe(true);
  });
});

describe('describeTrace over the rule center’s condensed trace and function accounts', () => {
  // As rules/outcomes.ts condenseTrace stores it beside an alert.
  const condensed = {
    rule: 'petition-check',
    version: 1,
    rows: [{
      table: '信访核查（受理、公示）', row: 3, rowId: 'petition-check-r3', description: '有未办结信访：预警',
      inputs: { 'petition.id': 'pet-12', 'petition.status': '办理中' },
      output: { verdict: 'alert', reason: '…', cause: 'pet-12', options: ['提醒', '退件', '暂停'] },
    }],
  };

  it('tells each table row with the inputs it saw, the row’s description and the verdict', () => {
    expect(describeTrace(condensed)).toEqual(['命中规则「信访核查（受理、公示）」第 3 行：信访编号：pet-12，信访状态：办理中（有未办结信访：预警） → 预警']);
    expect(describeTrace({ rule: 'x', version: 1, rows: [{ table: '材料核验', row: null, rowId: null, description: null, inputs: {}, output: null }] }))
      .toEqual(['规则「材料核验」未命中任何行，视为通过']);
  });

  it('tells only the cells the row tested when the table is known', () => {
    const table = {
      nodes: [{
        id: 't', type: 'decisionTableNode', name: '信用核查',
        content: {
          hitPolicy: 'first',
          inputs: [{ id: 'd', name: '建设单位失信', field: 'credit.dishonest' }, { id: 's', name: '记录状态', field: 'credit.record.status' }],
          outputs: [{ id: 'v', name: '结论', field: 'verdict' }],
          rules: [{ _id: 'c1', d: 'true', s: '', v: '"block"' }],
        },
      }],
    };
    const trace = { rule: 'acceptance-credit', version: 1, rows: [{ table: '信用核查', row: 1, rowId: 'c1', description: null, inputs: { 'credit.dishonest': true, 'credit.record.status': '有效' }, output: { verdict: 'block' } }] };
    expect(describeTrace(trace, table)).toEqual(['命中规则「信用核查」第 1 行：建设单位失信：是 → 阻止']);
  });

  it('tells a function rule’s own account field by field, and nothing for no trace', () => {
    expect(describeTrace({ chain: ['经办人', '首席代表'], expected: ['经办人', '处(科)室负责人', '首席代表'], compliant: false }))
      .toEqual(['规则记录：签批顺序：经办人 → 首席代表；应有顺序：经办人 → 处(科)室负责人 → 首席代表；符合规定：否']);
    expect(describeTrace({ step: '受理', started: '2026-09-28', limit_days: 5, due: '2026-10-13', today: '2026-10-14', calendar: 'chinese-days' }))
      .toEqual(['规则记录：环节：受理；开始日期：2026-09-28；办理时限 5 个工作日；到期日：2026-10-13；今天：2026-10-14']);
    expect(describeTrace('签批顺序缺少处(科)室负责人')).toEqual(['签批顺序缺少处(科)室负责人']);
    expect(describeTrace({ lines: ['第一步', '第二步'] })).toEqual(['第一步', '第二步']);
    expect(describeTrace(null)).toEqual([]);
    expect(describeTrace({})).toEqual([]);
  });
});
