import { describe, expect, it } from 'vitest';
import { can, navFor, roleName, rolesNeeded } from './roles';

describe('what each role is offered', () => {
  it('offers 关联审核 to supervisors only, 预警 to handlers, supervisors and admins, 统计 and 业务规则 to everyone signed in, 流程分析 to supervisors and admins, 审计日志 to admins only', () => {
    expect(navFor('officer').map((e) => e.href)).toEqual(['/stats', '/rules']);
    expect(navFor('handler').map((e) => e.href)).toEqual(['/alerts', '/stats', '/rules']);
    expect(navFor('supervisor').map((e) => e.href)).toEqual(['/links/review', '/alerts', '/stats', '/process', '/rules']);
    expect(navFor('admin').map((e) => e.href)).toEqual(['/alerts', '/stats', '/process', '/rules', '/audit']);
    expect(navFor(null)).toEqual([]);
  });

  it('mirrors the policy rows the pages act on', () => {
    expect(['officer', 'handler', 'supervisor', 'admin'].filter((r) => can(r, 'aliasWrite'))).toEqual(['handler', 'supervisor', 'admin']);
    expect(['officer', 'handler', 'supervisor', 'admin'].filter((r) => can(r, 'recommendations'))).toEqual(['handler', 'supervisor']);
    expect(['officer', 'handler', 'supervisor', 'admin'].filter((r) => can(r, 'personalData'))).toEqual(['supervisor']);
    expect(can(undefined, 'linkReview')).toBe(false);
    expect(can('public', 'aliasWrite')).toBe(false);
  });

  it('names roles in Chinese, an unknown one as written', () => {
    expect(roleName('supervisor')).toBe('负责人');
    expect(roleName('auditor')).toBe('auditor');
  });

  it('reads the roles a refusal names', () => {
    expect(rolesNeeded('the officer role may not link:review; it needs supervisor')).toEqual(['负责人']);
    expect(rolesNeeded('the officer role may not alias:write; it needs handler, supervisor, admin')).toEqual(['经办人', '负责人', '系统管理员']);
    expect(rolesNeeded('Forbidden')).toEqual([]);
  });
});
