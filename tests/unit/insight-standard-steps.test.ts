/**
 * The bureau's standard step sequences (rules/process) and the generator's items agree, and the
 * working-day clock counts days as the time limits do.
 */
import { describe, expect, it } from 'vitest';
import { STANDARD_ITEMS, createWorkingClock, standardSequence, standardStepsOn, workingDaysBetween } from '../../rules/index.ts';
import { ITEM_SPECS, STEP_DEFS } from '../../services/generate/approval-items.ts';

describe('standard step sequences', () => {
  it('name every item the generator makes, with its steps in its order and its parallel group', () => {
    expect([...STANDARD_ITEMS].sort()).toEqual(Object.keys(ITEM_SPECS).sort());
    for (const [item, spec] of Object.entries(ITEM_SPECS)) {
      const standard = standardSequence(item)!;
      expect(standard.steps.map((s) => s.name), item).toEqual([...spec.steps]);
      for (const s of standard.steps) expect(s.group !== undefined, `${item} ${s.name}`).toBe(STEP_DEFS[s.name]!.parallelGroup !== undefined);
    }
  });

  it('leave 海绵城市 out of design reviews received before 2015, as the generator does', () => {
    expect(standardStepsOn('规划设计方案审查', '2014-12-31')!.map((s) => s.name)).not.toContain('海绵城市');
    expect(standardStepsOn('规划设计方案审查', '2015-01-01')!.map((s) => s.name)).toContain('海绵城市');
    expect(standardStepsOn('规划设计方案审查（市政）', '2014-06-01')!.map((s) => s.name)).not.toContain('海绵城市');
    expect(standardStepsOn('不存在的事项', '2020-01-01')).toBeNull();
  });
});

describe('the working-day clock', () => {
  const clock = createWorkingClock();
  const at = (iso: string) => clock.at(Date.parse(iso));

  it('agrees with workingDaysBetween for whole days, holidays and 调休 Saturdays included', () => {
    const days = ['2024-04-30', '2024-05-06', '2024-05-11', '2024-09-27', '2024-10-08', '2024-10-12', '2025-01-20', '2025-02-10', '2026-09-28', '2026-10-10'];
    for (const from of days) {
      for (const to of days) {
        expect(at(`${to}T10:00:00+08:00`) - at(`${from}T10:00:00+08:00`), `${from} → ${to}`).toBeCloseTo(workingDaysBetween(from, to), 9);
      }
    }
  });

  it('counts office hours as the fraction of a day, and nothing on days off', () => {
    expect(at('2024-05-06T17:30:00+08:00') - at('2024-05-06T08:30:00+08:00')).toBeCloseTo(1, 9);
    expect(at('2024-05-06T13:00:00+08:00') - at('2024-05-06T08:30:00+08:00')).toBeCloseTo(0.5, 9);
    // Friday 17:00 → Monday 09:00: half an hour before close, half an hour after open.
    expect(at('2024-05-20T09:00:00+08:00') - at('2024-05-17T17:00:00+08:00')).toBeCloseTo(1 / 9, 9);
    // National Day: the last working day before it to the first after it is one day.
    expect(at('2024-10-08T10:00:00+08:00') - at('2024-09-30T10:00:00+08:00')).toBeCloseTo(1, 9);
    expect(at('2024-10-03T12:00:00+08:00')).toBe(at('2024-10-08T08:00:00+08:00'));
    expect(clock.isWorkday(Date.parse('2024-10-12T10:00:00+08:00'))).toBe(true); // a worked Saturday
    expect(() => clock.at(Date.parse('1990-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});
