import { describe, expect, it } from 'vitest';
import { monthlyClick, monthlyOption, overdueClick, overdueOption, rate, seriesPoints, unitTotals, uploadClick, uploadOption } from './chart-options';
import type { CertificatesAnswer, HandlingAnswer, OverdueAnswer } from './stats.types';

const MONTHS: HandlingAnswer = {
  from: '2014-01-01', to: '2014-03-31', group: 'month', filters: {}, as_of: '2026-12-02T00:00:00Z',
  rows: [
    { key: '2014-01', received: 3, open: 10, closed: 2 },
    { key: '2014-02', received: 0, open: 9, closed: 1 },
    { key: '2014-03', received: 5, open: 12, closed: 2 },
  ],
  total: { key: '合计', received: 8, open: 12, closed: 5 },
};

const by = (issued: number, uploaded: number) => ({ issued, uploaded, not_uploaded: issued - uploaded, rate: rate(uploaded, issued) });
const TYPES = ['选址意见书', '用地规划许可证', '工程规划许可证', '规划条件核实证明'];
const CERTS: CertificatesAnswer = {
  from: '2014-01-01', to: '2014-04-22', types: TYPES, as_of: '2026-12-02T00:00:00Z',
  rows: [
    { unit: '中心城区分局', issued: 9, by_type: { 选址意见书: by(4, 3), 用地规划许可证: by(5, 5), 工程规划许可证: by(0, 0), 规划条件核实证明: by(0, 0) } },
    { unit: '市局', issued: 2, by_type: { 选址意见书: by(2, 1), 用地规划许可证: by(0, 0), 工程规划许可证: by(0, 0), 规划条件核实证明: by(0, 0) } },
    { unit: '东湖分局', issued: 0, by_type: { 选址意见书: by(0, 0), 用地规划许可证: by(0, 0), 工程规划许可证: by(0, 0), 规划条件核实证明: by(0, 0) } },
  ],
  total: { unit: '总计', issued: 11, by_type: { 选址意见书: by(6, 4), 用地规划许可证: by(5, 5), 工程规划许可证: by(0, 0), 规划条件核实证明: by(0, 0) } },
};

const OVERDUE: OverdueAnswer = {
  from: '2014-01-01', to: '2014-12-31', months: ['2014-05', '2014-06'], offices: ['市消防支队', '行政审批处'], as_of: '2026-12-02T00:00:00Z',
  cells: [{ office: '行政审批处', month: '2014-06', overdue: 2, due: 7 }, { office: '市消防支队', month: '2014-05', overdue: 1, due: 1 }],
  total: { overdue: 3, due: 8 },
};

type Series = { id: string; data: unknown[] };
const series = (o: object) => (o as { series: Series[] }).series;

describe('统计’s charts', () => {
  it('draws each month’s 新增, 办结 and 在办 as the API counted them, and a click opens that month’s approvals', () => {
    const o = monthlyOption(MONTHS);
    expect(series(o).map((s) => [s.id, s.data])).toEqual([['received', [3, 0, 5]], ['closed', [2, 1, 2]], ['open', [10, 9, 12]]]);
    expect(seriesPoints(o)).toBe(9);
    expect(monthlyClick(MONTHS, { district: '洪山', office: null }, { seriesId: 'open', dataIndex: 2 }))
      .toMatchObject({ measure: 'open', month: '2014-03', from: '2014-01-01', to: '2014-03-31', district: '洪山' });
    expect(monthlyClick(MONTHS, { district: null, office: null }, { seriesId: 'other', dataIndex: 0 })).toBe(null);
  });

  it('writes rates as the API does and stacks each unit’s uploads', () => {
    expect(rate(123, 126)).toBe('97.6%');
    expect(rate(0, 0)).toBe('0.0%');
    expect(unitTotals(CERTS.rows[0]!)).toEqual({ issued: 9, uploaded: 8, notUploaded: 1, rate: '88.9%' });
    const o = uploadOption(CERTS);
    expect(series(o).map((s) => [s.id, s.data])).toEqual([['uploaded', [8, 1, 0]], ['not_uploaded', [1, 1, 0]], ['rate', [88.9, 50, null]]]);
    expect(uploadClick(CERTS, { seriesId: 'not_uploaded', dataIndex: 1 })).toMatchObject({ measure: 'issued', unit: '市局', uploaded: false, type: null });
    expect(uploadClick(CERTS, { seriesId: 'rate', dataIndex: 0 })).toMatchObject({ unit: '中心城区分局', uploaded: null });
  });

  it('places each overdue cell at its month and office, and a click opens it', () => {
    const o = overdueOption(OVERDUE);
    expect(series(o)[0]!.data).toEqual([{ value: [1, 1, 2], due: 7 }, { value: [0, 0, 1], due: 1 }]);
    expect(overdueClick(OVERDUE, { dataIndex: 0, value: [1, 1, 2] })).toMatchObject({ measure: 'overdue', office: '行政审批处', month: '2014-06', from: '2014-01-01' });
    expect(overdueClick(OVERDUE, { dataIndex: 0, value: [5, 0, 2] })).toBe(null);
  });
});
