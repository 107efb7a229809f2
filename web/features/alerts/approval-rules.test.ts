import { describe, expect, it } from 'vitest';
import { nextMove, readApprovalRules, recordSuspended } from './approval-rules';

const outcome = { ruleId: 'petition-check', version: 1, verdict: 'alert', reason: '有未办结信访', cause: 'pt-1', options: ['提醒', '退件', '暂停'], trace: null };

describe('an approval’s rule results', () => {
  it('reads steps listed, keyed by step, or the answer as a list', () => {
    expect(readApprovalRules({ suspended: true, steps: [{ step: '受理', action: 'start', evaluated_at: '2026-12-02T10:00:00Z', outcomes: [outcome] }] })).toEqual({
      suspended: true,
      steps: [{ step: '受理', action: 'start', evaluated_at: '2026-12-02T10:00:00Z', outcomes: [outcome] }],
    });
    expect(readApprovalRules({ approval_id: 'a1', suspended: false, evaluations: [{ step: '受理', action: 'finish', allowed: false, outcomes: [outcome], evaluated_by: 'handler', evaluated_at: '2026-12-02T10:00:00Z' }], alerts: [] }))
      .toEqual({ suspended: false, steps: [{ step: '受理', action: 'finish', evaluated_at: '2026-12-02T10:00:00Z', outcomes: [outcome] }] });
    expect(readApprovalRules({ steps: { 受理: [outcome] } }).steps).toEqual([{ step: '受理', action: null, evaluated_at: null, outcomes: [outcome] }]);
    expect(readApprovalRules([{ step: '公示', outcomes: [] }])).toEqual({ suspended: null, steps: [{ step: '公示', action: null, evaluated_at: null, outcomes: [] }] });
    expect(readApprovalRules(null)).toEqual({ suspended: null, steps: [] });
  });

  it('moves the first unfinished step: start it, or finish it once started', () => {
    const steps = [
      { name: '收件', started_at: '2026-01-01', finished_at: '2026-01-02' },
      { name: '受理', started_at: null, finished_at: null },
      { name: '公示', started_at: null, finished_at: null },
    ];
    expect(nextMove(steps)).toEqual({ step: '受理', action: 'start' });
    expect(nextMove([{ ...steps[0]! }, { name: '受理', started_at: '2026-01-03', finished_at: null }])).toEqual({ step: '受理', action: 'finish' });
    expect(nextMove([steps[0]!])).toBeNull();
  });

  it('tells a suspended approval by its flag or its status', () => {
    expect(recordSuspended({ suspended: true })).toBe(true);
    expect(recordSuspended({ status: '暂停' })).toBe(true);
    expect(recordSuspended({ status: '在办' })).toBe(false);
    expect(recordSuspended({})).toBeNull();
  });
});
