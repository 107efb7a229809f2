/**
 * Signing in and out, and telling who a token belongs to. A sign-in makes a session row and a
 * signed token naming it; a token counts while its signature and expiry hold AND its session is
 * neither revoked nor expired AND its user is neither disabled nor deleted. The user's role and
 * office are read from the users table on every request, so a change takes effect at once.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/db.ts';
import type { AuditStore } from '../audit/audit.store.ts';
import { tooManyRequests, unauthorized } from '../common/errors.ts';
import type { Principal } from '../access/principal.ts';
import { isUserRole } from '../access/roles.ts';
import { createLoginLimiter, type LoginLimiter } from './login-limiter.ts';
import { MAX_PASSWORD_CHARS, hashPassword, verifyPassword } from './password.ts';
import type { SecretStore } from './secret.store.ts';
import type { SessionStore, SessionUserRow } from './session.store.ts';
import { createTokenSigner } from './session-token.ts';
import { createUserAdmin, normalizeUsername } from './user-admin.service.ts';
import type { UserStore } from './user.store.ts';

export const DEFAULT_SESSION_HOURS = 8;
const SIGNING_KEY = 'session-signing-key';
/** Ended sessions are kept this long (who signed in from where), then deleted at the user's next sign-in. */
const KEEP_ENDED_MS = 30 * 24 * 3600_000;
const WRONG = 'wrong username or password';

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: { username: string; displayName: string; role: string; office: string | null };
}

export interface AuthDeps {
  db: Db;
  users: UserStore;
  sessions: SessionStore;
  secrets: Pick<SecretStore, 'getOrCreate'>;
  audit: Pick<AuditStore, 'append'>;
  sessionHours?: number;
  limiter?: LoginLimiter;
  /** The clock sessions are issued and checked against (tests move it). */
  now?: () => Date;
}

export function createAuthService(deps: AuthDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const sessionMs = (deps.sessionHours ?? DEFAULT_SESSION_HOURS) * 3600_000;
  const limiter = deps.limiter ?? createLoginLimiter(undefined, () => now().getTime());

  let key: Promise<Uint8Array> | null = null;
  const signingKey = (): Promise<Uint8Array> => {
    key ??= deps.secrets
      .getOrCreate(db, SIGNING_KEY, randomBytes(32).toString('base64url'))
      .then((v) => new Uint8Array(Buffer.from(v, 'base64url')));
    key.catch(() => (key = null)); // a failed read is tried again on the next request
    return key;
  };
  const tokens = createTokenSigner({ key: signingKey, now });

  // An unknown username costs a hash check as a known one does, so timing does not tell them apart.
  let decoy: Promise<string> | null = null;
  const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

  const principalOf = (u: SessionUserRow): Principal | null =>
    isUserRole(u.role) ? { userId: u.user_id, username: u.username, displayName: u.display_name, role: u.role, office: u.office } : null;

  /** Signs in: 401 with one message whichever of username or password was wrong; 429 past the failure limits. */
  async function login(input: { username: string; password: string }, client: { ip?: string | null } = {}): Promise<LoginResult> {
    const username = normalizeUsername(typeof input.username === 'string' ? input.username : '');
    const password = typeof input.password === 'string' ? input.password : '';
    const ip = client.ip ?? null;
    const wait = limiter.blockedFor(username, ip);
    if (wait !== null) throw tooManyRequests(`too many failed sign-ins; try again in ${wait} s`, wait);

    const user = username ? await deps.users.findByUsername(db, username) : null;
    const stored = user?.password_hash ?? null;
    const plausible = password.length > 0 && password.length <= MAX_PASSWORD_CHARS;
    const matches = plausible && (await verifyPassword(stored ?? (await decoyHash()), password)) && stored !== null;
    if (!user || !matches) {
      limiter.failed(username, ip);
      throw unauthorized(WRONG);
    }
    // The password was right, so saying the account is disabled tells nothing to a guesser.
    if (user.disabled_at !== null) throw unauthorized('this account is disabled; ask an administrator');
    if (!isUserRole(user.role)) throw unauthorized(WRONG);
    limiter.succeeded(username);

    const issuedAt = now();
    const expiresAt = new Date(issuedAt.getTime() + sessionMs);
    const sessionId = randomBytes(18).toString('base64url');
    await db.transaction(async (tx) => {
      await deps.sessions.pruneEnded(tx, user.id, new Date(issuedAt.getTime() - KEEP_ENDED_MS));
      await deps.sessions.insert(tx, { id: sessionId, userId: user.id, issuedAt, expiresAt, clientIp: ip });
      await deps.audit.append(tx, { actor: user.username, action: 'auth.login', resource_type: 'user', resource_id: user.username, detail: { ip } });
    });
    const token = await tokens.sign({ sessionId, userId: user.id, role: user.role, issuedAt, expiresAt });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      user: { username: user.username, displayName: user.display_name, role: user.role, office: user.office },
    };
  }

  /** Who holds this token, or null for any token that does not count now (never throws for a bad token). */
  async function authenticate(token: unknown): Promise<Principal | null> {
    const claims = await tokens.read(token);
    if (!claims) return null;
    const row = await deps.sessions.findActive(db, claims.sessionId, now());
    if (!row || row.user_id !== claims.userId) return null;
    return principalOf(row);
  }

  /** Ends the token's session for good; false when the token did not count anyway. */
  async function logout(token: unknown): Promise<boolean> {
    const claims = await tokens.read(token);
    if (!claims) return false;
    // Revoked whatever the user's state, so that enabling a disabled user does not bring it back.
    return db.transaction(async (tx) => {
      const username = await deps.sessions.revoke(tx, claims.sessionId, claims.userId, now());
      if (username) await deps.audit.append(tx, { actor: username, action: 'auth.logout', resource_type: 'user', resource_id: username });
      return username !== null;
    });
  }

  const admin = createUserAdmin({ db, users: deps.users, sessions: deps.sessions, audit: deps.audit, now });
  return { login, logout, authenticate, ...admin, sessionHours: sessionMs / 3600_000 };
}

export type AuthService = ReturnType<typeof createAuthService>;
