/**
 * What each role may use, as far as the pages need to know: which entries the header offers and
 * which controls a page shows. The API decides (services/access/policy.ts, read over HTTP only:
 * the web app imports nothing of the services); this mirrors the few rows the navigation needs,
 * so that nobody is offered a page that would only answer 无权访问.
 */

export const USER_ROLES = ['officer', 'handler', 'supervisor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** As services/access/roles.ts names them. */
export const ROLE_NAMES: Record<UserRole | 'public', string> = {
  public: '公众',
  officer: '工作人员',
  handler: '经办人',
  supervisor: '负责人',
  admin: '系统管理员',
};

/** The role's name in Chinese; an unknown role as written. */
export const roleName = (role: string): string => (ROLE_NAMES as Record<string, string>)[role] ?? role;

/** The policy rows the pages act on, with the roles that hold them. */
const CAPABILITIES = {
  /** 关联审核 (`link:review`, `link:decide`). */
  linkReview: ['supervisor'],
  /** 推荐资源 and 办件推荐 (`recommendation:read`; a handler's only for their office's cases). */
  recommendations: ['handler', 'supervisor'],
  /** Adding and removing 又称 (`alias:write`). */
  aliasWrite: ['handler', 'supervisor', 'admin'],
  /** A petitioner's personal data whole (`petitioner:read`). */
  personalData: ['supervisor'],
  /** 审计日志 (`audit:read`). */
  audit: ['admin'],
  /** 预警 (`alert:read`; a handler's only for their office's approvals). */
  alerts: ['handler', 'supervisor', 'admin'],
  /** Deciding an alert 提醒 / 退件 / 暂停, and lifting a 暂停 (`alert:decide`). */
  alertDecide: ['supervisor'],
  /** 开始 / 完成 an approval's step (`approval:advance`; a handler's only for their office's approvals). */
  approvalAdvance: ['handler', 'supervisor'],
  /** 分件推荐 (`assignment:read`; a handler's only for their office's approvals). */
  assignment: ['handler', 'supervisor'],
  /** 业务规则 (`rule:read`). */
  rules: ['officer', 'handler', 'supervisor', 'admin'],
  /** Editing a rule table, 试运行 and 发布 (`rule:publish`). */
  rulePublish: ['admin'],
  /** 统计 (`stats:read`). */
  stats: ['officer', 'handler', 'supervisor', 'admin'],
  /** 流程分析 (`insight:read`). */
  insight: ['supervisor', 'admin'],
  /** 重新分析 (`insight:refresh`). */
  insightRefresh: ['supervisor', 'admin'],
} as const satisfies Record<string, readonly UserRole[]>;

export type Capability = keyof typeof CAPABILITIES;

/** Whether `role` may use `capability`; no role (not signed in, or not known yet) may use none. */
export function can(role: string | null | undefined, capability: Capability): boolean {
  return role != null && (CAPABILITIES[capability] as readonly string[]).includes(role);
}

export interface NavEntry {
  href: string;
  label: string;
  needs: Capability;
}

const NAV: readonly NavEntry[] = [
  { href: '/links/review', label: '关联审核', needs: 'linkReview' },
  { href: '/alerts', label: '预警', needs: 'alerts' },
  { href: '/stats', label: '统计', needs: 'stats' },
  { href: '/process', label: '流程分析', needs: 'insight' },
  { href: '/rules', label: '业务规则', needs: 'rules' },
  { href: '/audit', label: '审计日志', needs: 'audit' },
];

/** The header's entries for `role`, in order. */
export const navFor = (role: string | null | undefined): NavEntry[] => NAV.filter((e) => can(role, e.needs));

/**
 * The roles a 403 says would do, in Chinese: the API words its refusal `… it needs supervisor,
 * admin` (services/access/policy.ts `decide`). Empty when the message names none.
 */
export function rolesNeeded(message: string): string[] {
  const m = /\bneeds? ([a-z, ]+?)\.?$/i.exec(message.trim());
  if (!m) return [];
  return m[1]!.split(/[\s,]+/).filter((r): r is UserRole => (USER_ROLES as readonly string[]).includes(r)).map((r) => ROLE_NAMES[r]);
}
