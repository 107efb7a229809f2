/** What the session API answers (services/auth): who is signed in. */
import type { UserRole } from './roles';

/** `GET /api/auth/me`. */
export interface SessionUser {
  userId: number;
  username: string;
  displayName: string;
  role: UserRole;
  office: string | null;
}

/** `POST /api/auth/login`; the token is also set as the HttpOnly `planhub_session` cookie, which is what the pages use. */
export interface LoginAnswer {
  token: string;
  expiresAt: string;
  user: Omit<SessionUser, 'userId'>;
}

export interface Credentials {
  username: string;
  password: string;
}
