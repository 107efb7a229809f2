/**
 * The process analysis (services/insight) on hand-made step logs: each finding where it was
 * made to be, and nothing where the variation is real but no finding (concurrent co-reviews,
 * stuck cases, design reviews before 海绵城市, an order seen in a few cases, a slow but steady step).
 */
import { describe, expect, it } from 'vitest';
import { createWorkingClock } from '../../rules/index.ts';
import { createRng } from '../../services/generate/rng.ts';
import { toCaseEvents } from '../../services/insight/case-events.ts';
import { createAnalysis } from '../../services/insight/insight-analysis.ts';
import type { RawCase } from '../../services/insight/insight-types.ts';
import { rankSumZ } from '../../services/insight/numbers.ts';

const clock = createWorkingClock();
const DAY = 86_400_000;
// Working days from 2019-01-02 on, as Beijing midnights: the k-th working day at a share of office hours.
const WORKDAYS: number[] = [];
for (let t = Date.parse('2019-01-01T16:00:00Z'); WORKDAYS.length < 2000; t += DAY) if (clock.isWorkday(t)) WORKDAYS.push(t);
/** The instant `x` working days into the calendar (office hours 08:30–17:30). */
const at = (x: number) => WORKDAYS[Math.floor(x)]! + 8.5 * 3_600_000 + (x - Math.floor(x)) * 9 * 3_600_000;

type Spec = [name: string, office: string, waiting: number, service: number, together?: boolean];
let serial = 0;
/** A closed case that starts `from` working days in; each step waits then takes its time, `together` starting with the one before. */
function closed(item: string, from: number, steps: Spec[], opts: { status?: string; id?: string } = {}): RawCase {
  let cursor = from;
  let layerStart = from;
  const out = steps.map(([name, office, waiting, service, together], seq) => {
    const start = together ? layerStart : cursor + waiting;
    if (!together) layerStart = start;
    const finish = start + service;
    cursor = together ? Math.max(cursor, finish) : finish;
    return { seq: seq + 1, name, office, startedMs: at(start), finishedMs: at(finish) };
  });
  return {
    id: opts.id ?? `apv-${String(++serial).padStart(6, '0')}`, projectNo: 'JAAA20190001', item, status: opts.status ?? '办结', office: '规划处',
    receivedMs: at(from), closedMs: Math.max(...out.map((s) => s.finishedMs)), steps: out,
  };
}

const VERIFY = (w = 0.05): Spec[] => [['受理', '市民之家窗口', 0, 1], ['面积校核', '武汉市测绘研究院', w, 3], ['核位红线', '武汉市测绘研究院', 0.05, 2], ['签批', '规划处', 0.05, 1], ['发证', '市民之家窗口', 0.05, 0.5]];

describe('a case read as events', () => {
  it('puts co-reviews that overlap in one layer, and measures waiting from the layer before', () => {
    const c = toCaseEvents(closed('建设工程规划许可证', 10, [
      ['受理', '窗口', 0, 1], ['消防', '市消防支队', 0.5, 4], ['人防', '市人防办', 0, 2, true], ['供电', '市供电公司', 0, 3, true], ['面积校核', '武汉市测绘研究院', 1, 2],
    ]), clock);
    expect(c.steps.map((s) => [s.name, s.layer])).toEqual([['受理', 0], ['消防', 1], ['人防', 1], ['供电', 1], ['面积校核', 2]]);
    expect(c.steps[4]!.waiting).toBeCloseTo(1, 6); // from the last co-review's finish, not the first's
    expect(c.steps[1]!.waiting).toBeCloseTo(0.5, 6);
    expect(c.cycle).toBeCloseTo(1 + 0.5 + 4 + 1 + 2, 6);
    expect(c.complete).toBe(true);
  });

  it('counts a stuck case\'s closed steps only, and does not judge it whole', () => {
    const raw = closed('规划条件核实', 5, VERIFY());
    const stuck = { ...raw, status: '在办', closedMs: null, steps: raw.steps.map((s, i) => (i < 2 ? s : { ...s, startedMs: i === 2 ? s.startedMs : null, finishedMs: null })) };
    const c = toCaseEvents(stuck, clock);
    expect(c.complete).toBe(false);
    expect(c.cycle).toBeNull();
    expect(c.steps.map((s) => s.name)).toEqual(['受理', '面积校核']);
  });

  it('reads times in working days: a weekend and National Day cost nothing', () => {
    const raw: RawCase = {
      id: 'x', projectNo: 'p', item: '征收完毕确认', status: '办结', office: null, receivedMs: Date.parse('2024-09-30T10:00:00+08:00'), closedMs: null,
      steps: [
        { seq: 1, name: '受理', office: 'a', startedMs: Date.parse('2024-09-30T10:00:00+08:00'), finishedMs: Date.parse('2024-09-30T16:00:00+08:00') },
        { seq: 2, name: '签批', office: 'b', startedMs: Date.parse('2024-10-08T09:00:00+08:00'), finishedMs: Date.parse('2024-10-08T17:30:00+08:00') },
      ],
    };
    const c = toCaseEvents(raw, clock);
    expect(c.steps[1]!.waiting).toBeCloseTo((1.5 + 0.5) / 9, 6);
    expect(c.cycle).toBeCloseTo(2 - 1.5 / 9, 6);
  });
});

describe('item statistics', () => {
  it('give each step per office, the directly-follows graph with its ends, the critical path over the co-review group and the cycle', () => {
    const an = createAnalysis(clock);
    for (let i = 0; i < 4; i++) {
      an.add(closed('建设工程规划许可证', 10 + i, [
        ['受理', '窗口', 0, 1], ['消防', '市消防支队', 0.5, 6], ['人防', '市人防办', 0, 2, true], ['供电', '市供电公司', 0, 3, true],
        ['面积校核', i < 3 ? '武汉市测绘研究院' : '另一测绘单位', 0.5, 2], ['核位红线', '武汉市测绘研究院', 0, 1], ['蓝图审签', '规划处', 0, 1],
        ['审批表签批', '规划处', 0, 1], ['缴费', '窗口', 0, 2], ['发证', '窗口', 0, 0.5],
      ]));
    }
    const item = an.result().items.find((i) => i.item === '建设工程规划许可证')!;
    expect(item.cases).toBe(4);
    expect(item.standard).toEqual(['受理', '消防', '人防', '供电', '面积校核', '核位红线', '蓝图审签', '审批表签批', '缴费', '发证']);
    expect(item.steps.filter((s) => s.name === '面积校核').map((s) => [s.office, s.count])).toEqual([['武汉市测绘研究院', 3], ['另一测绘单位', 1]]);
    expect(item.steps.find((s) => s.name === '消防')!.service.p50).toBe(6);
    const edge = (from: string, to: string) => item.edges.find((e) => e.from === from && e.to === to);
    expect(edge('开始', '受理')!.count).toBe(4);
    expect(edge('受理', '人防')!.count).toBe(4);
    expect(edge('人防', '面积校核')!.waiting_p50).toBe(4.5); // 人防 finished 4 days before 消防, then the hand-over
    expect(edge('发证', '结束')!.count).toBe(4);
    expect(edge('受理', '面积校核')).toBeUndefined();
    expect(item.critical_path.steps).toEqual(['受理', '消防', '面积校核', '核位红线', '蓝图审签', '审批表签批', '缴费', '发证']);
    expect(item.critical_path.days).toBe(1 + 6.5 + 2.5 + 1 + 1 + 1 + 2 + 0.5);
    expect(item.cycle.p50).toBe(15.5);
  });
});

/** Calendar month (YYYY-MM, Beijing) of an instant. */
const monthOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);
const FIRST = monthOf(at(0));
/** Months since the first case's month. */
const monthsIn = (ms: number) => {
  const [y, m] = monthOf(ms).split('-').map(Number);
  const [y0, m0] = FIRST.split('-').map(Number);
  return (y! - y0!) * 12 + m! - m0!;
};

/** Cases of 规划条件核实 over two years, `extra(month)` more waiting before 面积校核 by the month it was reached. */
function verifyMonths(extra: (month: number) => number) {
  const an = createAnalysis(clock);
  const rng = createRng('insight-test', 'verify');
  const planted: string[] = [];
  for (let k = 0; k < 500; k++) {
    const from = k + rng.float(0, 0.5);
    const more = extra(monthsIn(at(from + 1))); // 受理 takes one day
    const raw = closed('规划条件核实', from, VERIFY(0.05 + rng.float(0, 0.1) + more));
    if (more > 0) planted.push(raw.id);
    an.add(raw);
  }
  return { r: an.result(), planted };
}

describe('bottlenecks', () => {
  it('find the step, office and months where waiting grew, with what it cost', () => {
    const { r, planted } = verifyMonths((m) => (m >= 10 && m <= 13 ? 2 * (m - 9) : 0));
    expect(r.bottlenecks).toHaveLength(1);
    const b = r.bottlenecks[0]!;
    const month = (k: number) => { const [y, m] = FIRST.split('-').map(Number); const t = y! * 12 + m! - 1 + k; return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`; };
    expect(b).toMatchObject({ item: '规划条件核实', step: '面积校核', office: '武汉市测绘研究院', from: month(10), to: month(13), cases: planted.length });
    expect(b.baseline_waiting_p50).toBeLessThan(0.3);
    // Each planted case waited 2–8 days more than the baseline; 20 or so a month.
    expect(b.cost_days).toBeGreaterThan(planted.length * 2);
    expect(b.cost_days).toBeLessThan(planted.length * 8);
    expect(b.queue_growth).toBeGreaterThan(0);
    expect(b.wait_share).toBeGreaterThan(0.5);
    expect(b.reason).toContain('武汉市测绘研究院');
    expect(b.example_cases).toHaveLength(5);
    for (const id of b.example_cases) expect(planted).toContain(id);
  });

  it('are not a single bad month, nor a step that is always slow', () => {
    expect(verifyMonths((m) => (m === 7 ? 6 : 0)).r.bottlenecks).toEqual([]);
    expect(verifyMonths(() => 5).r.bottlenecks).toEqual([]);
    expect(verifyMonths(() => 0).r.bottlenecks).toEqual([]);
  });
});

/** 地图编制审批 (受理, 三维, 签批, 发证) with 三维 and 签批 swapped in `rate` of the cases. */
function mapCases(rate: number, opts: { rework?: number; sameOffice?: boolean; n?: number } = {}) {
  const an = createAnalysis(clock);
  const rng = createRng('insight-test', 'pairs', rate, opts.rework ?? 0);
  const ids: string[] = [];
  for (let i = 0; i < (opts.n ?? 200); i++) {
    const swap = rng.next() < rate;
    const third: Spec = ['三维', opts.sameOffice ? '测绘管理处' : '信息中心', 0.1, 1 + rng.float(0, 2)];
    const sign: Spec = ['签批', '测绘管理处', 0.1, 1 + rng.float(0, 2) + (swap ? opts.rework ?? 0 : 0)];
    const raw = closed('地图编制审批', i * 3, [['受理', '窗口', 0, 1], ...(swap ? [sign, third] : [third, sign]), ['发证', '窗口', 0.1, 0.5]]);
    if (swap) ids.push(raw.id);
    an.add(raw);
  }
  return { r: an.result(), ids };
}

describe('pairs', () => {
  it('are parallel when both orders are common, the order changes nothing and different offices do them', () => {
    const { r } = mapCases(0.3);
    expect(r.pairs).toHaveLength(1);
    const p = r.pairs[0]!;
    expect(p).toMatchObject({ kind: 'parallel', item: '地图编制审批', a: '三维', b: '签批', offices: ['信息中心', '测绘管理处'] });
    expect(p.a_first + p.b_first).toBe(200);
    expect(Math.abs(p.effect)).toBeLessThan(1);
    // Side by side, a case saves the hand-over and the shorter step: about 1.1 to 3.1 days.
    expect(p.saved_days_p50).toBeGreaterThan(1.2);
    expect(p.saved_days_p50).toBeLessThan(2.8);
    expect(r.deviations, 'the pair\'s reorderings are the pair\'s finding').toEqual([]);
  });

  it('are mutual when the order costs time, whatever the offices', () => {
    const { r, ids } = mapCases(0.3, { rework: 3 });
    expect(r.pairs.map((p) => [p.kind, p.a, p.b])).toEqual([['mutual', '三维', '签批']]);
    expect(r.pairs[0]!.effect).toBeGreaterThan(2);
    expect(r.pairs[0]!.saved_days_p50).toBeGreaterThan(2);
    expect(ids).toContain(r.pairs[0]!.example_cases[0]);
  });

  it('are neither when one office does both in either order to no effect, nor when an order is rare (then each case deviates)', () => {
    expect(mapCases(0.3, { sameOffice: true }).r.pairs).toEqual([]);
    const { r, ids } = mapCases(0.02, { n: 300 });
    expect(r.pairs).toEqual([]);
    expect(r.deviations.map((d) => d.approval_id).sort()).toEqual([...ids].sort());
    expect(r.deviations[0]).toMatchObject({ kind: 'out_of_order', detail: '「签批」先于「三维」（三传件次序不符）', steps: ['受理', '签批', '三维', '发证'] });
  });

  it('tests the order\'s effect by ranks', () => {
    expect(Math.abs(rankSumZ([1, 2, 3, 4, 5, 6], [1.5, 2.5, 3.5, 4.5, 5.5]))).toBeLessThan(1);
    expect(rankSumZ([1, 2, 3, 4, 5, 6, 7, 8], [11, 12, 13, 14, 15, 16, 17, 18])).toBeGreaterThan(3);
  });
});

describe('conformance', () => {
  const DESIGN = (sponge: boolean): Spec[] => [
    ['进件', '窗口', 0, 1], ['交评', '市政处', 0.1, 2], ...(sponge ? [['海绵城市', '市政处', 0.1, 2] as Spec] : []), ['三维', '信息中心', 0.1, 1],
    ['受理', '窗口', 0.1, 1], ['方案会', '规划处', 0.1, 5], ['签批', '规划处', 0.1, 1], ['方案批准', '规划处', 0.1, 1], ['公示', '规划处', 0.1, 7],
  ];
  it('lists a skipped step, 签批 before 方案会 and an extra step, and nothing for conforming or unfinished cases', () => {
    const an = createAnalysis(clock);
    const design = DESIGN(true);
    const swapped = [...design.slice(0, 5), design[6]!, design[5]!, ...design.slice(7)];
    an.add(closed('规划条件核实', 10, VERIFY().filter(([n]) => n !== '核位红线'), { id: 'skip' }));
    an.add(closed('规划设计方案审查', 10, swapped, { id: 'early' }));
    an.add(closed('规划设计方案审查', 10, [...design, ['公示', '规划处', 0.1, 7]], { id: 'twice' }));
    an.add(closed('规划设计方案审查', 10, design, { id: 'ok' }));
    an.add(closed('规划条件核实', 10, VERIFY().slice(0, 3), { id: 'open', status: '在办' }));
    an.add(closed('建设工程规划许可证', 10, [
      ['受理', '窗口', 0, 1], ['供电', '市供电公司', 0.1, 1], ['消防', '市消防支队', 0.1, 2], ['人防', '市人防办', 0.1, 1],
      ['面积校核', '武汉市测绘研究院', 0.1, 2], ['核位红线', '武汉市测绘研究院', 0, 1], ['蓝图审签', '规划处', 0, 1], ['审批表签批', '规划处', 0, 1], ['缴费', '窗口', 0, 2], ['发证', '窗口', 0, 0.5],
    ], { id: 'co-reviews one by one' }));
    const r = an.result();
    expect(r.deviations.map((d) => [d.approval_id, d.kind, d.detail])).toEqual([
      ['skip', 'skipped', '缺少「核位红线」'],
      ['early', 'out_of_order', '「签批」先于「方案会」（三传件次序不符）'],
      ['twice', 'extra', '多出「公示」（标准环节之外或重复办理）'],
    ]);
    expect(r.cases).toBe(5);
  });

  it('judges a design review received before 2015 by the standard of its day, without 海绵城市', () => {
    const an = createAnalysis(clock);
    const from2014 = Date.parse('2014-06-03T09:00:00+08:00');
    const raw = closed('规划设计方案审查', 0, DESIGN(false));
    const shift = from2014 - raw.receivedMs!;
    const old: RawCase = { ...raw, receivedMs: from2014, closedMs: raw.closedMs! + shift, steps: raw.steps.map((s) => ({ ...s, startedMs: s.startedMs! + shift, finishedMs: s.finishedMs! + shift })) };
    an.add(old);
    an.add(closed('规划设计方案审查', 0, DESIGN(false), { id: 'recent' }));
    expect(an.result().deviations.map((d) => [d.approval_id, d.detail])).toEqual([['recent', '缺少「海绵城市」']]);
  });
});
