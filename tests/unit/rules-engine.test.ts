/**
 * The rule book at its decision points over realistic facts: 受理 blocks on a 失信 record and
 * raises one alert per open petition, each with its cause and the row that fired; unknown facts
 * never block; 公示 checks petitions again; a published version overrides the file's; a broken
 * table is refused with a message that says what is wrong. Evaluation reads only the facts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkSignOff, createRuleBook, dueDate, intakeWindow, isProjectNo, leadOffice, rankHandlers, RuleTableError, workingDaysBetween,
  type ApprovalFacts, type RuleOutcome, type TableVersion,
} from '../../rules/index.ts';
import { loadFileTables } from '../../rules/catalog.ts';
import type { TableTrace } from '../../rules/outcomes.ts';
import { ROOT } from '../helpers/processes.ts';

/** Facts as the service gathers them for an approval; nothing stated unless overridden. */
function buildFacts(overrides: Partial<ApprovalFacts> = {}): ApprovalFacts {
  return {
    project: { project_no: 'JAAA20260012', name: '江岸区金色家园二期', district: '江岸', project_type: '房屋建筑', land_use: '居住', level: '一般项目', municipal: false, transport: false, allocated: false, cross_district: false },
    approval: { id: 'ap-1', item: '建设工程规划许可证', status: '在办', office: '规划处', received_at: '2026-11-20', suspended: false },
    step: { name: '受理', started_at: '2026-11-30T09:00:00+08:00', limit_days: 5 },
    petitions: { open: 0, items: [] },
    credit: { dishonest: false, record: null },
    materials: { complete: null, genuine: null, expired: null, uploaded: null },
    results: { uploaded: null },
    gis: { red_line_stored: null, red_line_valid: null, map_consistent: null },
    sign_off: [],
    today: '2026-12-01',
    ...overrides,
  };
}

const PETITIONS: ApprovalFacts['petitions'] = {
  open: 2,
  items: [
    { id: 'pet-12', subject: '反映金色家园旁工地夜间施工扰民', status: '办理中', link: 'auto' },
    { id: 'pet-13', subject: '对金色家园二期规划公示有异议', status: '受理', link: 'confirmed' },
  ],
};
const DISHONEST: ApprovalFacts['credit'] = { dishonest: true, record: { id: 'cr-7', status: '有效', reason: '未批先建', date: '2024-03-01' } };

const byRule = (outcomes: RuleOutcome[], id: string) => outcomes.filter((o) => o.ruleId === id);
const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') for (const v of Object.values(Object.freeze(o))) deepFreeze(v);
  return o;
};

describe('受理/start', async () => {
  const book = await createRuleBook();

  it('blocks a builder with a 失信 record, citing it, and raises one alert per open petition with its cause and trace', async () => {
    const facts = deepFreeze(buildFacts({ credit: DISHONEST, petitions: PETITIONS, materials: { complete: true, genuine: true, expired: false, uploaded: true } }));
    const outcomes = await book.evaluate({ step: '受理', action: 'start' }, facts);

    const [credit] = byRule(outcomes, 'acceptance-credit');
    expect(credit).toMatchObject({ verdict: 'block', version: 1, cause: 'cr-7', reason: '建设单位有失信记录（cr-7，2024-03-01：未批先建），不予受理' });
    const trace = credit!.trace as TableTrace;
    expect(trace.rows[0]).toMatchObject({ row: 1, rowId: 'acceptance-credit-r1', inputs: { 'credit.dishonest': true, 'credit.record.id': 'cr-7' } });
    expect(trace.rows[0]!.description).toContain('失信');

    const petitions = byRule(outcomes, 'petition-check');
    expect(petitions.map((p) => [p.verdict, p.cause])).toEqual([['alert', 'pet-12'], ['alert', 'pet-13']]);
    expect(petitions[0]!.reason).toBe('项目有未办结信访（pet-12「反映金色家园旁工地夜间施工扰民」，办理中），请决定：提醒、退件或暂停');
    expect(petitions.every((p) => p.options.join() === '提醒,退件,暂停')).toBe(true);
    expect((petitions[1]!.trace as TableTrace).rows[0]!.inputs).toMatchObject({ 'petition.id': 'pet-13' });

    expect(byRule(outcomes, 'acceptance-materials')[0]).toMatchObject({ verdict: 'pass' });
    // The step started 2026-11-30 with 5 working days: due 2026-12-07, not yet overdue.
    expect(byRule(outcomes, 'overdue')[0]).toMatchObject({ verdict: 'pass', cause: null });
    expect(outcomes.map((o) => o.ruleId).sort()).toEqual(['acceptance-credit', 'acceptance-materials', 'overdue', 'petition-check', 'petition-check']);
  });

  it('with nothing stated (null facts) passes every rule and says why', async () => {
    const outcomes = await book.evaluate({ step: '受理', action: 'start' }, buildFacts());
    expect(outcomes.map((o) => o.verdict)).toEqual(outcomes.map(() => 'pass'));
    expect(byRule(outcomes, 'acceptance-credit')[0]!.reason).toBe('建设单位无失信记录');
    expect(byRule(outcomes, 'acceptance-materials')[0]!.reason).toContain('未载明');
    expect(byRule(outcomes, 'petition-check')).toEqual([expect.objectContaining({ verdict: 'pass', cause: null, reason: '项目无未办结信访（受理前核查）' })]);
  });

  it('blocks materials stated incomplete (an explicit false), and gives the same answer each time', async () => {
    const facts = buildFacts({ materials: { complete: false, genuine: null, expired: null, uploaded: null } });
    const once = await book.evaluate({ step: '受理', action: 'start' }, facts);
    expect(byRule(once, 'acceptance-materials')[0]).toMatchObject({ verdict: 'block', reason: '申报材料不齐全，不予受理' });
    expect(await book.evaluate({ step: '受理', action: 'start' }, facts)).toEqual(once);
  });
});

describe('other decision points', async () => {
  const book = await createRuleBook();

  it('公示/start checks petitions again and not the credit', async () => {
    const outcomes = await book.evaluate({ step: '公示', action: 'start' }, buildFacts({ credit: DISHONEST, petitions: PETITIONS, step: { name: '公示', started_at: '2026-12-01', limit_days: 10 } }));
    expect(outcomes.map((o) => [o.ruleId, o.verdict, o.cause])).toEqual([
      ['petition-check', 'alert', 'pet-12'],
      ['petition-check', 'alert', 'pet-13'],
      ['overdue', 'pass', null],
    ]);
  });

  it('finishing 受理 without the materials uploaded is blocked; finishing 发证 checks results and the red line', async () => {
    const notUploaded = await book.evaluate({ step: '受理', action: 'finish' }, buildFacts({ materials: { complete: true, genuine: true, expired: false, uploaded: false } }));
    expect(byRule(notUploaded, 'upload-gate')[0]).toMatchObject({ verdict: 'block', reason: '申报材料未上传，受理环节禁止发送到下一环节' });

    const issuing = await book.evaluate(
      { step: '发证', action: 'finish' },
      buildFacts({ step: { name: '发证', started_at: '2026-12-01', limit_days: 3 }, results: { uploaded: true }, gis: { red_line_stored: true, red_line_valid: true, map_consistent: false } }),
    );
    expect(issuing.map((o) => [o.ruleId, o.verdict])).toEqual([['supervision-gis', 'warn'], ['upload-gate', 'pass'], ['overdue', 'pass']]);
  });

  it('a step past its limit across National Day 2026 raises a warning with the step as its cause', async () => {
    const facts = buildFacts({ step: { name: '审查', started_at: '2026-09-28T10:00:00+08:00', limit_days: 5 }, today: '2026-10-12' });
    const [overdue] = byRule(await book.evaluate({ step: '审查', action: 'finish' }, facts), 'overdue');
    expect(overdue).toMatchObject({ verdict: 'warn', cause: 'overdue:审查', reason: '审查环节超期：2026-09-28 开始，时限 5 个工作日，应于 2026-10-10 前办结，已超期 1 个工作日' });
    const onTime = byRule(await book.evaluate({ step: '审查', action: 'finish' }, { ...facts, today: '2026-10-09' }), 'overdue');
    expect(onTime[0]!.verdict).toBe('pass');
  });

  it('三传件 out of order is recorded as a warning on finishing 签批', async () => {
    const outcomes = await book.evaluate({ step: '签批', action: 'finish' }, buildFacts({ sign_off: ['经办人', '首席代表'] }));
    expect(byRule(outcomes, 'sign-off')[0]).toMatchObject({ verdict: 'warn', cause: 'sign-off' });
  });

  it('收件 routes the application and checks the project number', async () => {
    const facts = buildFacts({ project: { ...buildFacts().project, municipal: true, transport: true, cross_district: true, level: '一般项目' } });
    expect((await intakeWindow(facts)).window).toBe('市民之家窗口');
    expect((await intakeWindow({ ...facts, project: { ...facts.project, cross_district: false } })).window).toBe('中心城区分局窗口');
    const lead = await leadOffice(facts, book);
    expect(lead.office).toBe('市政处');
    expect((lead.trace as TableTrace).rows[0]).toMatchObject({ rowId: 'lead-office-r4' });
    const outcomes = await book.evaluate({ step: '收件', action: 'start' }, { ...facts, project: { ...facts.project, project_no: 'JA-2026-12' } });
    expect(byRule(outcomes, 'project-no')[0]).toMatchObject({ verdict: 'warn', cause: 'project-no' });
  });
});

describe('versions', () => {
  const file = (id: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'tables', id, 'table.json'), 'utf8'));
  const meta = (id: string) => ({ ...JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'tables', id, 'meta.json'), 'utf8')), kind: 'table' as const });

  /** acceptance-credit with its first row's reason reworded. */
  function reworded(): unknown {
    const content = file('acceptance-credit');
    const row = content.nodes.find((n: { type: string }) => n.type === 'decisionTableNode').content.rules[0];
    row.reason = '`失信主体（${credit.record.id}），依国发〔2016〕33号不予受理`';
    return content;
  }

  it('a published version overrides the file version, and the outcome names it', async () => {
    const v2: TableVersion = { id: 'acceptance-credit', version: 2, content: reworded(), meta: { ...meta('acceptance-credit'), version: 2 } };
    const book = await createRuleBook([v2]);
    expect(book.tables().find((t) => t.id === 'acceptance-credit')!.version).toBe(2);
    const [credit] = byRule(await book.evaluate({ step: '受理', action: 'start' }, buildFacts({ credit: DISHONEST })), 'acceptance-credit');
    expect(credit).toMatchObject({ version: 2, verdict: 'block', reason: '失信主体（cr-7），依国发〔2016〕33号不予受理' });
    expect((credit!.trace as TableTrace).version).toBe(2);
    // Its own cases still expect the old wording: the rule center would refuse to publish it.
    expect((await book.runCases('acceptance-credit')).filter((r) => !r.ok).map((r) => r.name)).toEqual(['失信记录齐全：不予受理并引用记录', '失信记录缺日期与事由：仍不予受理，说明未载明']);
    // A book without it still answers with version 1.
    expect(byRule(await (await createRuleBook()).evaluate({ step: '受理', action: 'start' }, buildFacts({ credit: DISHONEST })), 'acceptance-credit')[0]!.version).toBe(1);
  });

  it('runCases over a draft checks the draft without publishing it', async () => {
    const book = await createRuleBook();
    expect((await book.runCases('acceptance-credit', reworded())).some((r) => !r.ok)).toBe(true);
    expect((await book.runCases('acceptance-credit')).every((r) => r.ok)).toBe(true);
  });

  it('a broken table is refused with a message saying what is wrong', async () => {
    const noOutput = file('petition-check');
    noOutput.nodes = noOutput.nodes.filter((n: { type: string }) => n.type !== 'outputNode');
    noOutput.edges = noOutput.edges.filter((e: { targetId: string }) => e.targetId !== 'response');
    const publish = (content: unknown) => createRuleBook([{ id: 'petition-check', version: 2, content, meta: { ...meta('petition-check'), version: 2 } }]);
    await expect(publish(noOutput)).rejects.toThrow(new RuleTableError('petition-check', 2, 'it needs an outputNode'));
    await expect(publish({ nodes: 'x' })).rejects.toThrow(/"petition-check" v2 is not a valid decision table: it needs "nodes" and "edges" arrays/);

    const badVerdict = file('petition-check');
    badVerdict.nodes[1].content.rules[2].verdict = '"suspend"';
    await expect(publish(badVerdict)).rejects.toThrow(/row 3 of table .* has verdict "\\"suspend\\""/);
    await expect((await createRuleBook()).runCases('petition-check', badVerdict)).rejects.toThrow(RuleTableError);

    const badExpression = file('petition-check');
    badExpression.nodes[1].content.rules[0].petition = '== == (';
    await expect(publish(badExpression)).rejects.toThrow(/row 1 of table "信访核查（受理、公示）", column "信访编号": cannot read "== == \("/);
    await expect(createRuleBook([{ id: 'overdue', version: 2, content: file('petition-check'), meta: meta('petition-check') }])).rejects.toThrow(/function rule/);
  });
});

describe('the tables kept as files', () => {
  it('a folder whose meta.json names another table stops the load, naming both', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-rules-'));
    try {
      fs.cpSync(path.join(ROOT, 'rules', 'tables', 'upload-gate'), path.join(dir, 'upload-gates'), { recursive: true });
      expect(() => loadFileTables(dir)).toThrow('rules/tables/upload-gates/meta.json names the table "upload-gate", not "upload-gates"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the function rules', () => {
  it('count working days with public holidays and adjusted workdays', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-08')).toBe(1); // 10-01…10-07 off
    expect(workingDaysBetween('2026-09-28', '2026-10-10')).toBe(5); // Saturday 10-10 is worked
    expect(workingDaysBetween('2026-10-10', '2026-09-28')).toBe(-5);
    expect(workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2); // 2-14 worked, 2-15…2-23 off
    expect(dueDate('2026-09-28', 5)).toBe('2026-10-10');
    expect(dueDate('2026-10-03', 0)).toBe('2026-10-08'); // a limit of 0 in the holiday falls due when work resumes
    expect(dueDate('2026-09-27T17:00:00Z', 1)).toBe('2026-09-29'); // 17:00 UTC is 01:00 on Monday 09-28 in Wuhan
    expect(() => dueDate('tomorrow', 1)).toThrow(RangeError);
  });

  it('rank handlers, check 三传件 and project numbers', () => {
    const ranked = rankHandlers([
      { handler: '张三', office: '规划处', openCases: 3, relatedness: 0, relatedCases: [] },
      { handler: '李四', office: '规划处', openCases: 3, relatedness: 0.8, relatedCases: ['JAAA20250001', 'JAAA20250002'] },
    ]);
    expect(ranked.map((r) => [r.handler, r.score, r.reasons])).toEqual([
      ['李四', 90, ['在办 3 件（本处最少）', '办过相似案件 2 件：JAAA20250001、JAAA20250002']],
      ['张三', 50, ['在办 3 件（本处最少）', '未办过相似案件']],
    ]);
    expect(checkSignOff(['经办人', '处室负责人', '首席代表']).compliant).toBe(true);
    expect(checkSignOff(['首席代表', '处室负责人', '经办人'])).toEqual({ compliant: false, reason: expect.stringContaining('签批顺序颠倒') });
    expect([isProjectNo('JAAA20160001'), isProjectNo('JAAA2016001'), isProjectNo('JAAA20160000')]).toEqual([true, false, false]);
  });
});
