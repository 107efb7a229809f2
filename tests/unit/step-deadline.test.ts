/** Approval steps are due a number of working days after they start — official calendar: holidays off, adjusted Saturdays worked — in the bureau's time zone. */
import { describe, expect, it } from 'vitest';
import { dueDay, stepDeadline } from '../../services/reading/step-deadline.ts';

const NOW = new Date('2024-06-03T02:00:00Z'); // Monday 10:00 in Wuhan

describe('dueDay', () => {
  it.each([
    ['2024-05-20T01:30:00Z', 5, '2024-05-27'], // Monday + 5 working days = next Monday
    ['2024-05-23T01:30:00Z', 2, '2024-05-27'], // Thursday + 2 skips the weekend
    ['2024-05-06T01:30:00Z', 5, '2024-05-11'], // Saturday 11 May 2024 was worked (for the May Day holiday)
    ['2024-05-11T01:30:00Z', 0, '2024-05-11'], // a limit of 0 on that worked Saturday falls due that day
    ['2024-05-18T01:30:00Z', 0, '2024-05-20'], // a limit of 0 on an ordinary Saturday falls due on Monday
    ['2024-09-30T01:30:00Z', 1, '2024-10-08'], // National Day: 1–7 October off
    ['2024-05-05T17:00:00Z', 1, '2024-05-07'], // Sunday 17:00 UTC is Monday 01:00 in Wuhan
  ])('%s + %i working days → %s', (start, days, due) => {
    expect(dueDay(start, days)).toBe(due);
  });
});

describe('stepDeadline', () => {
  const step = (started_at: string | null, finished_at: string | null, limit_days: number | null = 5) => ({ started_at, finished_at, limit_days });

  it('is not overdue when finished on the due day, even late in the evening', () => {
    expect(stepDeadline(step('2024-05-20T01:30:00Z', '2024-05-27T14:00:00Z'), NOW)).toEqual({ due: '2024-05-27', overdue: false });
  });

  it('is overdue when finished the day after', () => {
    // 16:30 UTC on the 27th is 00:30 on the 28th in Wuhan.
    expect(stepDeadline(step('2024-05-20T01:30:00Z', '2024-05-27T16:30:00Z'), NOW)).toEqual({ due: '2024-05-27', overdue: true });
  });

  it('judges an open step by now', () => {
    expect(stepDeadline(step('2024-05-06T01:30:00Z', null), NOW).overdue).toBe(true);
    expect(stepDeadline(step('2024-05-31T01:30:00Z', null), NOW).overdue).toBe(false);
  });

  it('has no due day without a start or a limit', () => {
    expect(stepDeadline(step(null, null), NOW)).toEqual({ due: null, overdue: false });
    expect(stepDeadline(step('2020-01-01T00:00:00Z', null, null), NOW)).toEqual({ due: null, overdue: false });
  });
});
