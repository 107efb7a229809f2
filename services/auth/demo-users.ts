/** The demo users `planhub start` creates on the embedded store, one per role, with a password everybody knows. */
import type { UserRole } from '../access/roles.ts';

export const DEMO_PASSWORD = 'planhub-demo';

export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; role: UserRole; office: string | null }> = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', office: '信息中心' },
  { username: 'supervisor', displayName: '王主任', role: 'supervisor', office: '行政审批处' },
  { username: 'handler', displayName: '李经办', role: 'handler', office: '行政审批处' },
  { username: 'officer', displayName: '张科员', role: 'officer', office: '信访办' },
];
