import { describe, expect, it } from 'vitest';
import { spanText, summariseSteps } from './step-summary';

const step = (name: string, office: string, count: number, service: number | null, waiting: number | null) =>
  ({ name, office, count, service: { p50: service, p90: service }, waiting: { p50: waiting, p90: waiting } });

describe('an item’s steps, one row each', () => {
  it('adds up a step’s cases at every office and spans their median times', () => {
    const rows = summariseSteps([
      step('受理', '青山分局政务服务窗口', 7, 0.7, 0), step('受理', '市民之家窗口', 3, 1.3, 0), step('消防', '市消防支队', 32, 6.6, null),
      step('受理', '武昌分局政务服务窗口', 9, 1.1, 0.2),
    ]);
    expect(rows.map((r) => [r.name, r.offices, r.count, r.service, r.waiting])).toEqual([
      ['受理', 3, 19, [0.7, 1.3], [0, 0.2]],
      ['消防', 1, 32, [6.6, 6.6], null],
    ]);
    expect(rows[0]!.rows.map((r) => r.office)).toEqual(['武昌分局政务服务窗口', '青山分局政务服务窗口', '市民之家窗口']);
  });

  it('writes a span, a single value, or — when unknown', () => {
    expect(spanText([0.7, 1.3])).toBe('0.7–1.3');
    expect(spanText([6.6, 6.6])).toBe('6.6');
    expect(spanText(null)).toBe('—');
  });
});
