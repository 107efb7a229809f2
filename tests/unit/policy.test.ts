/**
 * The policy table, cell by cell. The expected matrix is written out here a second time, in the
 * order a reader checks it (who may do what), so that any change to services/access/policy.ts
 * must be made twice, on purpose: Outline's policy tests are the model.
 */
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, decide, grantOf, withinGrant, type Grant, type Permission } from '../../services/access/policy.ts';
import { ROLES, type Role } from '../../services/access/roles.ts';

const ALL = 'all';
const OWN = 'own-office';
const NO = null;

/** permission → [public, officer, handler, supervisor, admin] */
const EXPECTED: Record<Permission, [Grant | null, Grant | null, Grant | null, Grant | null, Grant | null]> = {
  'page:read': [ALL, ALL, ALL, ALL, ALL],
  'docs:read': [ALL, ALL, ALL, ALL, ALL],
  'health:read': [ALL, ALL, ALL, ALL, ALL],
  'progress:read': [ALL, ALL, ALL, ALL, ALL],
  'session:use': [ALL, ALL, ALL, ALL, ALL],
  'session:read': [NO, ALL, ALL, ALL, ALL],
  'search:read': [NO, ALL, ALL, ALL, ALL],
  'project:read': [NO, ALL, ALL, ALL, ALL],
  'resource:read': [NO, ALL, ALL, ALL, ALL],
  'petition:read': [NO, ALL, ALL, ALL, ALL],
  'link:read': [NO, ALL, ALL, ALL, ALL],
  'recommendation:read': [NO, NO, OWN, ALL, NO],
  'alias:write': [NO, NO, ALL, ALL, ALL],
  'approval:advance': [NO, NO, OWN, ALL, NO],
  'assignment:read': [NO, NO, OWN, ALL, NO],
  'alert:read': [NO, NO, OWN, ALL, ALL],
  'rule:read': [NO, ALL, ALL, ALL, ALL],
  'stats:read': [NO, ALL, ALL, ALL, ALL],
  'insight:read': [NO, NO, NO, ALL, ALL],
  'insight:refresh': [NO, NO, NO, ALL, ALL],
  'petitioner:read': [NO, NO, NO, ALL, NO],
  'link:review': [NO, NO, NO, ALL, NO],
  'link:decide': [NO, NO, NO, ALL, NO],
  'alert:decide': [NO, NO, NO, ALL, NO],
  'import:write': [NO, NO, NO, NO, ALL],
  'job:read': [NO, NO, NO, NO, ALL],
  'job:replay': [NO, NO, NO, NO, ALL],
  'audit:read': [NO, NO, NO, NO, ALL],
  'user:admin': [NO, NO, NO, NO, ALL],
  'rule:publish': [NO, NO, NO, NO, ALL],
};

const cells = PERMISSIONS.flatMap((permission) => ROLES.map((role, i) => [permission, role, EXPECTED[permission][i]] as const));

describe('the policy table', () => {
  it('has an expected row for every permission, and no expected row without a permission', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  it.each(cells)('%s for %s → %s', (permission: Permission, role: Role, grant) => {
    expect(grantOf(role, permission)).toBe(grant);
    const d = decide({ role }, permission);
    if (grant) {
      expect(d).toEqual({ allowed: true, grant });
    } else {
      // The public is asked to sign in; a signed-in user is told their role falls short, and which roles would do.
      expect(d).toMatchObject({ allowed: false, status: role === 'public' ? 401 : 403 });
      if (!d.allowed && role !== 'public') expect(d.reason).toContain(permission);
    }
  });

  it('keeps every internal permission behind a login: the public holds only the open ones', () => {
    const open = PERMISSIONS.filter((p) => grantOf('public', p));
    expect(open.sort()).toEqual(['docs:read', 'health:read', 'page:read', 'progress:read', 'session:use']);
  });

  it('gives a petitioner\'s personal data to supervisors alone', () => {
    expect(ROLES.filter((r) => grantOf(r, 'petitioner:read'))).toEqual(['supervisor']);
  });
});

describe('office scoping', () => {
  it.each([
    ['all', '行政审批处', '规划处', true],
    ['own-office', '行政审批处', '行政审批处', true],
    ['own-office', '行政审批处', '规划处', false],
    ['own-office', null, '规划处', false],
    ['own-office', '行政审批处', null, false],
  ] as const)('%s grant, user of %s, record of %s → %s', (grant, userOffice, recordOffice, within) => {
    expect(withinGrant(grant, { office: userOffice }, recordOffice)).toBe(within);
  });
});
