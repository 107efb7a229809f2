/**
 * How long the rule book takes at 受理/start (credit, materials, one outcome per open petition,
 * the time limit) over realistic facts: median and p95 per evaluate() call, sequentially.
 *
 *   node tests/bench/rules-evaluate.bench.ts [--runs 10000]
 */
import { parseArgs } from 'node:util';
import { createRuleBook, type ApprovalFacts } from '../../rules/index.ts';
import { describeMachine, percentile } from './machine.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' } } });
const runs = Number(values.runs);

const facts: ApprovalFacts = {
  project: { project_no: 'JAAA20260012', name: '江岸区金色家园二期', district: '江岸', project_type: '房屋建筑', land_use: '居住', level: '一般项目', municipal: false, transport: false, allocated: false, cross_district: false },
  approval: { id: 'ap-1', item: '建设工程规划许可证', status: '在办', office: '规划处', received_at: '2026-11-20', suspended: false },
  step: { name: '受理', started_at: '2026-09-28T09:00:00+08:00', limit_days: 5 },
  petitions: { open: 2, items: [
    { id: 'pet-12', subject: '反映金色家园旁工地夜间施工扰民', status: '办理中', link: 'auto' },
    { id: 'pet-13', subject: '对金色家园二期规划公示有异议', status: '受理', link: 'confirmed' },
  ] },
  credit: { dishonest: true, record: { id: 'cr-7', status: '有效', reason: '未批先建', date: '2024-03-01' } },
  materials: { complete: true, genuine: true, expired: false, uploaded: true },
  results: { uploaded: null },
  gis: { red_line_stored: null, red_line_valid: null, map_consistent: null },
  sign_off: [],
  today: '2026-10-12',
};

const book = await createRuleBook();
const point = { step: '受理', action: 'start' } as const;
for (let i = 0; i < 500; i++) await book.evaluate(point, facts); // warm up
const us: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = process.hrtime.bigint();
  await book.evaluate(point, facts);
  us.push(Number(process.hrtime.bigint() - t) / 1000);
}
us.sort((a, b) => a - b);
const outcomes = await book.evaluate(point, facts);
console.log(describeMachine());
console.log(`evaluate(受理/start): ${outcomes.length} outcomes (${outcomes.map((o) => `${o.ruleId}:${o.verdict}`).join(', ')})`);
console.log(`${runs} evaluations: median ${percentile(us, 50).toFixed(0)} µs, p95 ${percentile(us, 95).toFixed(0)} µs, max ${us.at(-1)!.toFixed(0)} µs`);
