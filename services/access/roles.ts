/**
 * Who uses PlanHub, lowest first. `public` is anyone without a login; the others are the
 * bureau's users, as the `roles` table of the first migration describes them.
 */
export const ROLES = ['public', 'officer', 'handler', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles a user account may hold (nobody signs in as `public`). */
export const USER_ROLES = ['officer', 'handler', 'supervisor', 'admin'] as const satisfies readonly Role[];
export type UserRole = (typeof USER_ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  public: '公众',
  officer: '工作人员',
  handler: '经办人',
  supervisor: '负责人',
  admin: '系统管理员',
};

export const isUserRole = (v: unknown): v is UserRole => (USER_ROLES as readonly unknown[]).includes(v);
