/**
 * Who may do what: one table, role × action on a kind of resource, evaluated by a pure
 * function. Every route names the permission it needs (`config: { access: 'petition:read' }`);
 * a route that names none stops the server at startup (access.hook.ts). Outline's
 * `server/policies/*.ts` is the model: the table is data, and tests/unit/policy.test.ts checks
 * every cell.
 *
 * A grant is `all` (any record of that kind), `own-office` (only records of the user's office:
 * the service compares offices, since only it knows a record's office) or absent (refused).
 */
import type { Principal } from './principal.ts';
import { ROLES, type Role } from './roles.ts';

export type Grant = 'all' | 'own-office';

/** Every permission a route may need, with who holds it. Roles left out are refused. */
export const POLICY = {
  // Open to everyone, signed in or not: the web app's pages (their data comes from the API,
  // which checks it), the API docs, health, the public inquiry, and signing in.
  'page:read': { public: 'all', officer: 'all', handler: 'all', supervisor: 'all', admin: 'all' },
  'docs:read': { public: 'all', officer: 'all', handler: 'all', supervisor: 'all', admin: 'all' },
  'health:read': { public: 'all', officer: 'all', handler: 'all', supervisor: 'all', admin: 'all' },
  'progress:read': { public: 'all', officer: 'all', handler: 'all', supervisor: 'all', admin: 'all' },
  'session:use': { public: 'all', officer: 'all', handler: 'all', supervisor: 'all', admin: 'all' },
  // Searching and reading: every internal page and API needs at least an officer.
  'session:read': { officer: 'all', handler: 'all', supervisor: 'all', admin: 'all' },
  'search:read': { officer: 'all', handler: 'all', supervisor: 'all', admin: 'all' },
  'project:read': { officer: 'all', handler: 'all', supervisor: 'all', admin: 'all' },
  'resource:read': { officer: 'all', handler: 'all', supervisor: 'all', admin: 'all' },
  'petition:read': { officer: 'all', handler: 'all', supervisor: 'all', admin: 'all' },
  'link:read': { officer: 'all', handler: 'all', supervisor: 'all', admin: 'all' },
  // Case work: a handler sees recommendations for the cases of their office.
  'recommendation:read': { handler: 'own-office', supervisor: 'all' },
  'alias:write': { handler: 'all', supervisor: 'all', admin: 'all' },
  // Approvals move through their steps under the rules; the handling office sees its alerts.
  'approval:advance': { handler: 'own-office', supervisor: 'all' },
  'assignment:read': { handler: 'own-office', supervisor: 'all' },
  'alert:read': { handler: 'own-office', supervisor: 'all', admin: 'all' },
  'rule:read': { officer: 'all', handler: 'all', supervisor: 'all', admin: 'all' },
  // The bureau's figures (业务办理情况, 证照情况统计, overdue steps): every internal user.
  'stats:read': { officer: 'all', handler: 'all', supervisor: 'all', admin: 'all' },
  // Process insight (流程分析) is for those who change the process: supervisors and admins.
  'insight:read': { supervisor: 'all', admin: 'all' },
  'insight:refresh': { supervisor: 'all', admin: 'all' },
  // Supervision: the petitioner's personal data and the decisions on links.
  'petitioner:read': { supervisor: 'all' },
  'link:review': { supervisor: 'all' },
  'link:decide': { supervisor: 'all' },
  'alert:decide': { supervisor: 'all' },
  // Administration.
  'import:write': { admin: 'all' },
  'job:read': { admin: 'all' },
  'job:replay': { admin: 'all' },
  'audit:read': { admin: 'all' },
  'user:admin': { admin: 'all' },
  'rule:publish': { admin: 'all' },
} as const satisfies Record<string, Partial<Record<Role, Grant>>>;

export type Permission = keyof typeof POLICY;
export const PERMISSIONS = Object.keys(POLICY) as Permission[];

export const isPermission = (v: unknown): v is Permission => typeof v === 'string' && Object.hasOwn(POLICY, v);

/** What `role` holds of `permission`: a grant, or null when it is refused. */
export function grantOf(role: Role, permission: Permission): Grant | null {
  const row: Partial<Record<Role, Grant>> = POLICY[permission];
  return row[role] ?? null;
}

export type Decision =
  | { allowed: true; grant: Grant }
  | { allowed: false; status: 401 | 403; reason: string };

/** Whether `who` may use `permission`; anonymous callers are told to sign in (401), users that their role falls short (403). */
export function decide(who: Pick<Principal, 'role'>, permission: Permission): Decision {
  const grant = grantOf(who.role, permission);
  if (grant) return { allowed: true, grant };
  if (who.role === 'public') return { allowed: false, status: 401, reason: `sign in to use this (${permission})` };
  const holders = ROLES.filter((r) => grantOf(r, permission)).join(', ');
  return { allowed: false, status: 403, reason: `the ${who.role} role may not ${permission}; it needs ${holders}` };
}

/** Whether a record of `office` lies within `grant` for `who` (own-office grants compare offices). */
export const withinGrant = (grant: Grant, who: Pick<Principal, 'office'>, office: string | null | undefined): boolean =>
  grant === 'all' || (who.office != null && office != null && who.office === office);
