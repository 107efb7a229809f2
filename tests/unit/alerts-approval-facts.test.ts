/**
 * The facts a decision point is judged by, built from stored rows (services/alerts/approval-facts.ts):
 * the optional import fields read from `extra` (anything but a boolean is "not stated"), the
 * worst credit record, petition subjects masked, today in the bureau's zone.
 */
import { describe, expect, it } from 'vitest';
import { buildApprovalFacts, bureauDate, type FactRows } from '../../services/alerts/approval-facts.ts';

const rows = (over: Partial<FactRows> = {}): FactRows => ({
  approval: {
    id: 'apv-1', project_no: 'HSAA20260001', item: '建设工程规划许可证', status: '在办', office: '行政审批处',
    received_at: null, suspended_at: null, suspended_by: null, extra: {},
  },
  project: {
    project_no: 'HSAA20260001', name: '洪山区K1地块', builder: '武汉甲置业有限公司', builder_credit_code: null,
    district: '洪山', project_type: '房屋建筑', land_use: null, extra: {},
  },
  steps: [{ seq: 1, name: '受理', office: '行政审批处', limit_days: 1, started_at: '2026-12-01T01:00:00.000Z', finished_at: null }],
  step: '受理',
  petitions: [],
  credits: [],
  today: '2026-12-02',
  ...over,
});

describe('approval facts', () => {
  it('leaves every optional fact unstated when the records do not carry it', () => {
    const f = buildApprovalFacts(rows());
    expect(f.materials).toEqual({ complete: null, genuine: null, expired: null, uploaded: null });
    expect(f.results.uploaded).toBeNull();
    expect(f.gis).toEqual({ red_line_stored: null, red_line_valid: null, map_consistent: null });
    expect(f.project).toMatchObject({ level: null, municipal: false, transport: false, allocated: false, cross_district: false });
    expect(f.sign_off).toEqual([]);
    expect(f.credit).toEqual({ dishonest: false, record: null });
    expect(f.step).toEqual({ name: '受理', started_at: '2026-12-01T01:00:00.000Z', limit_days: 1 });
    expect(f.today).toBe('2026-12-02');
  });

  it('reads the import\'s optional fields from extra, booleans only', () => {
    const r = rows();
    r.approval.extra = { materials_uploaded: false, materials_complete: true, results_uploaded: 'yes', sign_off: ['经办人', 3, '首席代表'] };
    r.project!.extra = { level: '重点', municipal: true, cross_district: 'true' };
    const f = buildApprovalFacts(r);
    expect(f.materials).toMatchObject({ uploaded: false, complete: true });
    expect(f.results.uploaded).toBeNull();
    expect(f.sign_off).toEqual(['经办人', '首席代表']);
    expect(f.project).toMatchObject({ level: '重点项目', municipal: true, cross_district: false });
  });

  it('takes the newest 失信 record over a newer record of another status', () => {
    const f = buildApprovalFacts(rows({
      credits: [
        { id: 'cr-2', status: '守信', reason: null, date: '2026-06-01' },
        { id: 'cr-1', status: '失信', reason: '未批先建', date: '2025-01-01' },
      ],
    }));
    expect(f.credit).toEqual({ dishonest: true, record: { id: 'cr-1', status: '失信', reason: '未批先建', date: '2025-01-01' } });
    expect(buildApprovalFacts(rows({ credits: [{ id: 'cr-2', status: '守信', reason: null, date: null }] })).credit.dishonest).toBe(false);
  });

  it('masks personal data in the petition subjects it keeps', () => {
    const f = buildApprovalFacts(rows({ petitions: [{ id: 'pet-1', subject: '13912345678反映工地扰民', status: '办理中', link: 'auto' }] }));
    expect(f.petitions.open).toBe(1);
    expect(f.petitions.items[0]).toMatchObject({ id: 'pet-1', status: '办理中', link: 'auto' });
    expect(f.petitions.items[0]!.subject).not.toContain('13912345678');
  });

  it('says no step when the approval has none of that name, and dates today in UTC+8', () => {
    expect(buildApprovalFacts(rows({ step: '公示' })).step).toBeNull();
    expect(bureauDate(new Date('2026-12-01T16:30:00Z'))).toBe('2026-12-02');
    expect(bureauDate(new Date('2026-12-01T15:59:00Z'))).toBe('2026-12-01');
  });
});
