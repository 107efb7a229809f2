/** What the statistics count (services/stats/stats-rows.ts) and how their requests are read (stats-params.ts). */
import { describe, expect, it } from 'vitest';
import {
  monthEnd, monthWithin, monthsOf, parseGroup, parseMonth, parsePage, parseText, parseUploaded, resolvePeriod, uploadRate, bureauDay,
} from '../../services/stats/stats-params.ts';
import {
  approvalRowOf, certTypeOf, districtCountDeltas, officeCountDeltas, stepChanges, stepDayDeltas, stepRowsOf, unitOf, type BaseApproval,
} from '../../services/stats/stats-rows.ts';
import { keyLabel } from '../../services/stats/stats.service.ts';
import { certificatesCsv, handlingCsv } from '../../services/stats/stats-csv.ts';

const base = (o: Partial<BaseApproval> = {}): BaseApproval => ({
  id: 'apv-1', project_no: 'HSAA20140001', item: '建设工程规划许可证', status: '办结', office: '洪山分局规划科',
  received_day: '2014-03-03', closed_day: '2014-04-10', certificate_no: '武规建[2014]072号', uploaded: true, district: '洪山区', ...o,
});

describe('an approval as the statistics count it', () => {
  it('has the seed’s 办理部门: 中心城区分局, <X>分局, else 市局', () => {
    expect(unitOf('中心城区分局窗口')).toBe('中心城区分局');
    expect(unitOf('洪山分局规划科')).toBe('洪山分局');
    expect(unitOf('东西湖分局市政科')).toBe('东西湖分局');
    expect(unitOf('行政审批处')).toBe('市局');
    expect(unitOf('市民之家窗口')).toBe('市局');
    expect(unitOf('征地事务中心')).toBe('市局');
    expect(unitOf('')).toBe('未载明');
  });

  it('reads the certificate type from the number’s prefix', () => {
    expect(certTypeOf('武规选[2014]072号')).toBe('选址意见书');
    expect(certTypeOf('武规地[2014]001号')).toBe('用地规划许可证');
    expect(certTypeOf('武规建[2014]344号')).toBe('工程规划许可证');
    expect(certTypeOf('武规验[2014]204号')).toBe('规划条件核实证明');
    expect(certTypeOf('鄂规选址420100201400010')).toBeNull();
    expect(certTypeOf(null)).toBeNull();
  });

  it('is open from the day received until the day closed, and issues its certificate on that day', () => {
    expect(approvalRowOf(base())).toEqual({
      approval_id: 'apv-1', project_no: 'HSAA20140001', item: '建设工程规划许可证', office: '洪山分局规划科', unit: '洪山分局',
      district: '洪山区', received_day: '2014-03-03', closed_day: '2014-04-10', ended_day: '2014-04-10', cert_type: '工程规划许可证', uploaded: true,
    });
  });

  it('is open for good while not 办结, whatever close time it carries, and issues nothing', () => {
    const r = approvalRowOf(base({ status: '在办' }));
    expect([r.closed_day, r.ended_day, r.cert_type]).toEqual([null, null, null]);
  });

  it('was never open when it closed before it was received, or 办结 without a close time', () => {
    expect(approvalRowOf(base({ closed_day: '2014-01-01' })).ended_day).toBe('2014-03-03');
    const undated = approvalRowOf(base({ closed_day: null }));
    expect([undated.closed_day, undated.ended_day, undated.cert_type]).toEqual([null, '2014-03-03', null]);
  });

  it('counts an upload only when the import said true, and names no office or district as empty', () => {
    expect(approvalRowOf(base({ uploaded: null })).uploaded).toBe(false);
    const r = approvalRowOf(base({ office: null, district: null }));
    expect([r.office, r.unit, r.district]).toEqual(['', '未载明', '']);
  });
});

describe('a step’s due day', () => {
  it('counts working days on the official calendar from the day after the start', () => {
    const steps = stepRowsOf([
      // A 5-day step started Monday 2024-09-30: National Day off, Saturday 10-12 worked (its fifth day).
      { approval_id: 'a', seq: 1, office: '规划处', limit_days: 5, started_day: '2024-09-30', finished_day: '2024-10-12' },
      { approval_id: 'a', seq: 2, office: null, limit_days: 0, started_day: '2024-10-05', finished_day: null },
      { approval_id: 'a', seq: 3, office: '规划处', limit_days: null, started_day: '2024-10-08', finished_day: null },
      { approval_id: 'a', seq: 4, office: '规划处', limit_days: 3, started_day: null, finished_day: null },
    ]);
    expect(steps).toEqual([
      { approval_id: 'a', seq: 1, office: '规划处', due_day: '2024-10-12', finished_day: '2024-10-12' },
      { approval_id: 'a', seq: 2, office: '', due_day: '2024-10-08', finished_day: null },
    ]);
  });
});

describe('differences to the roll-ups', () => {
  it('move steps between days and offices, late ones too, and cancel out', () => {
    const before = [{ approval_id: 'a', seq: 1, office: 'x', due_day: '2024-01-05', finished_day: '2024-01-08' }];
    const after = [{ approval_id: 'a', seq: 1, office: 'x', due_day: '2024-01-05', finished_day: '2024-01-04' },
      { approval_id: 'a', seq: 2, office: 'y', due_day: '2024-01-09', finished_day: null }];
    expect(stepDayDeltas(before, after)).toEqual([
      { due_day: '2024-01-05', office: 'x', due: 0, late: -1 },
      { due_day: '2024-01-09', office: 'y', due: 1, late: 0 },
    ]);
    expect(stepDayDeltas(after, after)).toEqual([]);
  });

  it('rewrite only the steps that changed', () => {
    const a = { approval_id: 'a', seq: 1, office: 'x', due_day: '2024-01-05', finished_day: null };
    const b = { approval_id: 'a', seq: 2, office: 'x', due_day: '2024-01-09', finished_day: null };
    expect(stepChanges([a, b], [a, b])).toEqual({ gone: [], added: [] });
    const finished = { ...b, finished_day: '2024-01-08' };
    const c = { ...a, seq: 3 };
    expect(stepChanges([a, b], [finished, c])).toEqual({ gone: [{ approval_id: 'a', seq: 1 }, { approval_id: 'a', seq: 2 }], added: [finished, c] });
  });

  it('count a project once per office and once in all, whatever its approvals', () => {
    const before = new Map([['P1', new Set(['规划处'])], ['P2', new Set(['规划处', '市政处'])]]);
    const after = new Map([['P1', new Set(['规划处', '市政处'])], ['P3', new Set(['规划处'])]]);
    // P1 gains 市政处, P2 loses both its offices, P3 arrives at 规划处: the counts stay.
    expect(officeCountDeltas(before, after)).toEqual([]);
    expect(officeCountDeltas(before, new Map([['P1', new Set(['规划处'])]]))).toEqual([
      { by: 'any', key: '', delta: -1 }, { by: 'office', key: '市政处', delta: -1 }, { by: 'office', key: '规划处', delta: -1 },
    ]);
    expect(officeCountDeltas(new Map(), after)).toEqual([
      { by: 'any', key: '', delta: 2 }, { by: 'office', key: '市政处', delta: 1 }, { by: 'office', key: '规划处', delta: 2 },
    ]);
  });

  it('move a project whose district changed', () => {
    expect(districtCountDeltas(new Map([['P1', '洪山'], ['P2', '江岸']]), new Map([['P1', '洪山区'], ['P2', '江岸'], ['P3', '']]))).toEqual([
      { by: 'district', key: '', delta: 1 }, { by: 'district', key: '洪山', delta: -1 }, { by: 'district', key: '洪山区', delta: 1 },
    ]);
  });
});

describe('a statistics request', () => {
  it('defaults to the year of `to`, and `to` to today in Wuhan', () => {
    expect(bureauDay(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(resolvePeriod({}, '2025-06-30')).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(resolvePeriod({ to: '2014-04-22' }, '2025-06-30')).toEqual({ from: '2014-01-01', to: '2014-04-22' });
  });

  it('is refused with the parameter named', () => {
    expect(() => resolvePeriod({ from: '2014-02-30' }, '2025-06-30')).toThrow(/^from:/);
    expect(() => resolvePeriod({ to: 'yesterday' }, '2025-06-30')).toThrow(/^to:/);
    expect(() => resolvePeriod({ from: '2015-01-01', to: '2014-12-31' }, '2025-06-30')).toThrow(/^from:.*later than to/);
    expect(() => parseGroup('year')).toThrow(/^group:/);
    expect(() => parseMonth('2014-13')).toThrow(/^month:/);
    expect(() => parseUploaded('yes')).toThrow(/^uploaded:/);
    expect(() => parsePage(0, 20)).toThrow(/^page:/);
    expect(() => parsePage(1, 101)).toThrow(/^size:/);
  });

  it('reads 未载明 as “none stated”, and months as the period cuts them', () => {
    expect(parseText(' 未载明 ')).toBe('');
    expect(parseText('  ')).toBeUndefined();
    expect(monthsOf('2014-11-15', '2015-02-01')).toEqual(['2014-11', '2014-12', '2015-01', '2015-02']);
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthWithin('2014-11', { from: '2014-11-15', to: '2015-02-01' })).toEqual({ from: '2014-11-15', to: '2014-11-30' });
    expect(monthWithin('2015-03', { from: '2014-11-15', to: '2015-02-01' })).toBeNull();
  });
});

describe('the figures as written', () => {
  it('give upload rates as the seed prints them', () => {
    expect(uploadRate(123, 126)).toBe('97.6%');
    expect(uploadRate(229, 234)).toBe('97.9%');
    expect(uploadRate(1, 1)).toBe('100.0%');
    expect(uploadRate(0, 0)).toBe('0.0%');
  });

  it('label districts by their short name and the unstated as 未载明', () => {
    expect(keyLabel('district', '洪山区')).toBe('洪山');
    expect(keyLabel('office', '')).toBe('未载明');
  });

  it('are CSV with a byte-order mark, Chinese headers and the total row', () => {
    const h = handlingCsv({ from: '2014-04-01', to: '2014-04-30', group: 'item', filters: {}, as_of: null,
      rows: [{ key: '选址意见书', received: 3, open: 23, closed: 44 }], total: { key: '合计', received: 3, open: 23, closed: 44 } });
    expect(h).toBe('\uFEFF业务事项,新增,在办,办结\r\n选址意见书,3,23,44\r\n合计,3,23,44\r\n');
    const figures = { issued: 1, uploaded: 1, not_uploaded: 0, rate: '100.0%' };
    const row = (unit: string) => ({ unit, issued: 4, by_type: { 选址意见书: figures, 用地规划许可证: figures, 工程规划许可证: figures, 规划条件核实证明: figures } });
    const c = certificatesCsv({ from: 'x', to: 'y', types: ['选址意见书', '用地规划许可证', '工程规划许可证', '规划条件核实证明'], as_of: null, rows: [row('市局')], total: row('总计') });
    const lines = c.slice(1).split('\r\n');
    expect(lines[0]!.split(',').slice(0, 6)).toEqual(['办理部门', '发证数', '选址意见书发证数', '选址意见书已传', '选址意见书未传', '选址意见书上传率']);
    expect(lines[1]!.startsWith('总计,4,1,1,0,100.0%')).toBe(true);
    expect(lines[2]!.startsWith('市局,')).toBe(true);
  });
});
