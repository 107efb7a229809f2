/** Who is asking: a signed-in user, or the anonymous public. A leaf every layer may import. */
import type { Role } from './roles.ts';

export interface Principal {
  /** null for the anonymous public. */
  userId: number | null;
  username: string;
  displayName: string;
  role: Role;
  /** The office a user works in (行政审批处, 洪山分局 …); scopes what a handler may do. */
  office: string | null;
}

export const ANONYMOUS: Principal = Object.freeze({ userId: null, username: 'anonymous', displayName: '公众', role: 'public', office: null });

/** Who may read a petitioner's personal data whole (name, phone, e-mail, address, and in the text). */
export const seesPersonalData = (p: Pick<Principal, 'role'>): boolean => p.role === 'supervisor';
