/**
 * Managing users (the CLI's `planhub users`, and an admin API if one comes): add, list, disable,
 * enable, set a password, and the demo users. Disabling a user or setting their password ends
 * their sessions, so a stolen or shared token stops working at once.
 */
import type { Db } from '../db/db.ts';
import type { AuditStore } from '../audit/audit.store.ts';
import { badRequest, notFound } from '../common/errors.ts';
import { USER_ROLES, isUserRole } from '../access/roles.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';
import { checkPasswordPolicy, hashPassword } from './password.ts';
import type { SessionStore } from './session.store.ts';
import type { UserRow, UserStore } from './user.store.ts';

export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  office?: string | null;
  password: string;
}

export interface UserSummary {
  username: string;
  displayName: string;
  role: string;
  office: string | null;
  disabled: boolean;
  createdAt: string;
}

/** Usernames are compared lower-cased and trimmed, as people type them. */
export const normalizeUsername = (s: string): string => s.trim().toLowerCase();
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export const summaryOf = (u: UserRow): UserSummary => ({
  username: u.username, displayName: u.display_name, role: u.role, office: u.office, disabled: u.disabled_at !== null, createdAt: u.created_at,
});

export function createUserAdmin(deps: {
  db: Db;
  users: Pick<UserStore, 'findByUsername' | 'insert' | 'list' | 'setPasswordHash' | 'disable' | 'enable'>;
  sessions: Pick<SessionStore, 'revokeAllOf'>;
  audit: Pick<AuditStore, 'append'>;
  now: () => Date;
}) {
  const { db, users } = deps;

  async function existing(usernameInput: string): Promise<UserRow> {
    const user = await users.findByUsername(db, normalizeUsername(usernameInput));
    if (!user) throw notFound(`no user named "${normalizeUsername(usernameInput)}"`);
    return user;
  }

  /** Adds a user; 400 naming the field for a bad username, name, role or password, or a taken username. */
  async function addUser(input: NewUser, by = 'cli'): Promise<UserSummary> {
    const username = normalizeUsername(input.username ?? '');
    if (!USERNAME.test(username)) throw badRequest('username: 2–40 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit');
    const displayName = (input.displayName ?? '').trim();
    if (!displayName || [...displayName].length > 80) throw badRequest('displayName: a name of 1–80 characters is needed');
    if (!isUserRole(input.role)) throw badRequest(`role: "${input.role}" is not a role (one of ${USER_ROLES.join(', ')})`);
    const office = input.office?.trim() || null;
    checkPasswordPolicy(input.password ?? '');
    const passwordHash = await hashPassword(input.password);
    return db.transaction(async (tx) => {
      const row = await users.insert(tx, { username, display_name: displayName, role: input.role, office, password_hash: passwordHash });
      if (!row) throw badRequest(`username: "${username}" is taken`);
      await deps.audit.append(tx, { actor: by, action: 'user.add', resource_type: 'user', resource_id: username, detail: { role: input.role, office } });
      return summaryOf(row);
    });
  }

  async function listUsers(): Promise<UserSummary[]> {
    return (await users.list(db)).map(summaryOf);
  }

  /** Disables the user and revokes their sessions; returns how many sessions ended. */
  async function disableUser(usernameInput: string, by = 'cli'): Promise<{ username: string; sessionsRevoked: number }> {
    const user = await existing(usernameInput);
    return db.transaction(async (tx) => {
      await users.disable(tx, user.id);
      const sessionsRevoked = await deps.sessions.revokeAllOf(tx, user.id, deps.now());
      await deps.audit.append(tx, { actor: by, action: 'user.disable', resource_type: 'user', resource_id: user.username, detail: { sessionsRevoked } });
      return { username: user.username, sessionsRevoked };
    });
  }

  async function enableUser(usernameInput: string, by = 'cli'): Promise<{ username: string }> {
    const user = await existing(usernameInput);
    await db.transaction(async (tx) => {
      await users.enable(tx, user.id);
      await deps.audit.append(tx, { actor: by, action: 'user.enable', resource_type: 'user', resource_id: user.username });
    });
    return { username: user.username };
  }

  /** Sets a new password and revokes the user's sessions; returns how many ended. */
  async function setPassword(usernameInput: string, password: string, by = 'cli'): Promise<{ username: string; sessionsRevoked: number }> {
    const user = await existing(usernameInput);
    checkPasswordPolicy(password ?? '');
    const passwordHash = await hashPassword(password);
    return db.transaction(async (tx) => {
      await users.setPasswordHash(tx, user.id, passwordHash);
      const sessionsRevoked = await deps.sessions.revokeAllOf(tx, user.id, deps.now());
      await deps.audit.append(tx, { actor: by, action: 'user.set-password', resource_type: 'user', resource_id: user.username, detail: { sessionsRevoked } });
      return { username: user.username, sessionsRevoked };
    });
  }

  /** Creates the demo users that do not exist yet; returns all of them, saying which were created now. */
  async function demoUsers(by = 'cli'): Promise<Array<UserSummary & { created: boolean; password: string }>> {
    const out = [];
    for (const demo of DEMO_USERS) {
      const found = await users.findByUsername(db, demo.username);
      if (found) {
        out.push({ ...summaryOf(found), created: false, password: DEMO_PASSWORD });
        continue;
      }
      try {
        out.push({ ...(await addUser({ ...demo, password: DEMO_PASSWORD }, by)), created: true, password: DEMO_PASSWORD });
      } catch (err) {
        // Another process created it between the look-up and the insert.
        const raced = await users.findByUsername(db, demo.username);
        if (!raced) throw err;
        out.push({ ...summaryOf(raced), created: false, password: DEMO_PASSWORD });
      }
    }
    return out;
  }

  return { addUser, listUsers, disableUser, enableUser, setPassword, demoUsers };
}
