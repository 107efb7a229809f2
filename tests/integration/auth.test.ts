/**
 * Signing in (issue #13): Argon2id passwords, signed session tokens that the sessions table can
 * revoke, expiry, forged tokens, disabled and deleted users, new passwords, the failed-login
 * limits and the demo users. On PGlite and on the PostgreSQL server, with a clock the test moves.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditStore } from '../../services/audit/audit.store.ts';
import { createAuthService } from '../../services/auth/auth.service.ts';
import { DEMO_PASSWORD } from '../../services/auth/demo-users.ts';
import { secretStore } from '../../services/auth/secret.store.ts';
import { sessionStore } from '../../services/auth/session.store.ts';
import { userStore } from '../../services/auth/user.store.ts';
import { AppError, TooManyRequestsError } from '../../services/common/errors.ts';
import type { Db } from '../../services/db/db.ts';
import { createTestDb, DB_KINDS, type TestDb } from '../helpers/databases.ts';

const HOUR = 3600_000;

/** An auth service over `db` whose clock the test moves. */
function authOn(db: Db, sessionHours = 8) {
  let t = Date.parse('2026-12-02T08:00:00Z');
  const auth = createAuthService({ db, users: userStore, sessions: sessionStore, secrets: secretStore, audit: auditStore, sessionHours, now: () => new Date(t) });
  return { auth, advance: (ms: number) => (t += ms) };
}

/** The error `p` rejects with (fails the test when it resolves). */
async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe.each(DB_KINDS)('authentication on %s', (kind) => {
  let tdb: TestDb;
  let db: Db;
  beforeAll(async () => {
    tdb = await createTestDb(kind);
    db = tdb.db;
  });
  afterAll(() => tdb.drop());

  let n = 0;
  /** A fresh user of `role` with password `secret-pw-1`. */
  async function newUser(auth: ReturnType<typeof authOn>['auth'], role = 'officer') {
    const username = `user${kind}${++n}`;
    await auth.addUser({ username, displayName: '刘科员', role, office: '行政审批处', password: 'secret-pw-1' });
    return username;
  }

  it('stores an Argon2id hash, signs in with the right password and authenticates the token', async () => {
    const { auth } = authOn(db);
    const username = await newUser(auth, 'handler');
    const row = await userStore.findByUsername(db, username);
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$/);
    expect(row!.password_hash).not.toContain('secret-pw-1');

    const res = await auth.login({ username: ` ${username.toUpperCase()} `, password: 'secret-pw-1' }, { ip: '10.1.0.1' });
    expect(res.user).toEqual({ username, displayName: '刘科员', role: 'handler', office: '行政审批处' });
    expect(Date.parse(res.expiresAt)).toBe(Date.parse('2026-12-02T16:00:00Z'));
    expect(await auth.authenticate(res.token)).toEqual({ userId: row!.id, username, displayName: '刘科员', role: 'handler', office: '行政审批处' });
    const session = await db.query<{ client_ip: string }>('SELECT client_ip FROM sessions WHERE user_id = $1', [row!.id]);
    expect(session.rows).toEqual([{ client_ip: '10.1.0.1' }]);
  });

  it('answers 401 with the same message for a wrong password and an unknown user', async () => {
    const { auth } = authOn(db);
    const username = await newUser(auth);
    const wrongPassword = await failure(auth.login({ username, password: 'not-the-password' }, { ip: '10.1.0.2' }));
    const unknownUser = await failure(auth.login({ username: 'nobody-here', password: 'secret-pw-1' }, { ip: '10.1.0.2' }));
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownUser.statusCode).toBe(401);
    expect(unknownUser.message).toBe(wrongPassword.message);
    expect(wrongPassword.message).not.toMatch(/password is|user is|no user|unknown/i);
  });

  it('accepts tokens in a second process on the same store (one signing key, kept in the database)', async () => {
    const first = authOn(db).auth;
    const username = await newUser(first);
    const { token } = await first.login({ username, password: 'secret-pw-1' });
    const second = authOn(db).auth;
    expect((await second.authenticate(token))?.username).toBe(username);
    const keys = await db.query('SELECT name FROM secrets');
    expect(keys.rows).toEqual([{ name: 'session-signing-key' }]);
  });

  it('refuses a token after logout, and logout of a bad token is a no-op', async () => {
    const { auth } = authOn(db);
    const username = await newUser(auth);
    const a = await auth.login({ username, password: 'secret-pw-1' });
    const b = await auth.login({ username, password: 'secret-pw-1' });
    expect(await auth.logout(a.token)).toBe(true);
    expect(await auth.authenticate(a.token)).toBeNull();
    expect((await auth.authenticate(b.token))?.username).toBe(username); // the other session lives on
    expect(await auth.logout(a.token)).toBe(false);
    expect(await auth.logout('garbage')).toBe(false);
  });

  it('refuses a token once its session has expired', async () => {
    const { auth, advance } = authOn(db, 1);
    const username = await newUser(auth);
    const { token, expiresAt } = await auth.login({ username, password: 'secret-pw-1' });
    expect(Date.parse(expiresAt)).toBe(Date.parse('2026-12-02T09:00:00Z'));
    advance(HOUR - 2000);
    expect(await auth.authenticate(token)).not.toBeNull();
    advance(2000);
    expect(await auth.authenticate(token)).toBeNull();
  });

  it('refuses forged, tampered and malformed tokens without throwing', async () => {
    const { auth } = authOn(db);
    const username = await newUser(auth);
    const { token } = await auth.login({ username, password: 'secret-pw-1' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toMatchObject({ iss: 'planhub', role: 'officer', jti: expect.any(String), sub: expect.any(String), exp: expect.any(Number) });

    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)));
    const promoted = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin', sub: '1' })).toString('base64url')}.${signature}`;
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    for (const bad of [forged, promoted, unsigned, `${token}x`, '', 'a.b.c', 'x'.repeat(5000), null, 42]) {
      expect(await auth.authenticate(bad)).toBeNull();
    }
    expect(await auth.authenticate(token)).not.toBeNull();
  });

  it("refuses a disabled user's tokens and sign-in, and a deleted user's tokens", async () => {
    const { auth } = authOn(db);
    const username = await newUser(auth);
    const { token } = await auth.login({ username, password: 'secret-pw-1' });
    expect(await auth.disableUser(username)).toEqual({ username, sessionsRevoked: 1 });
    expect(await auth.authenticate(token)).toBeNull();
    expect((await failure(auth.login({ username, password: 'secret-pw-1' }))).statusCode).toBe(401);
    expect((await auth.listUsers()).find((u) => u.username === username)?.disabled).toBe(true);

    // Disabled straight in the table (no revocation): the join on users still refuses the token.
    const other = await newUser(auth);
    const t2 = (await auth.login({ username: other, password: 'secret-pw-1' })).token;
    await db.query('UPDATE users SET disabled_at = now() WHERE username = $1', [other]);
    expect(await auth.authenticate(t2)).toBeNull();
    await auth.enableUser(other);
    expect((await auth.authenticate(t2))?.username).toBe(other);
    // Signing out while disabled still ends the session for good.
    await db.query('UPDATE users SET disabled_at = now() WHERE username = $1', [other]);
    expect(await auth.logout(t2)).toBe(true);
    await auth.enableUser(other);
    expect(await auth.authenticate(t2)).toBeNull();

    const gone = await newUser(auth);
    const t3 = (await auth.login({ username: gone, password: 'secret-pw-1' })).token;
    await db.query('DELETE FROM users WHERE username = $1', [gone]);
    expect(await auth.authenticate(t3)).toBeNull();
  });

  it('reads the role from the users table on every request', async () => {
    const { auth } = authOn(db);
    const username = await newUser(auth, 'officer');
    const { token } = await auth.login({ username, password: 'secret-pw-1' });
    await db.query(`UPDATE users SET role = 'supervisor' WHERE username = $1`, [username]);
    expect((await auth.authenticate(token))?.role).toBe('supervisor');
  });

  it('revokes every session when the password is set, and signs in with the new one only', async () => {
    const { auth } = authOn(db);
    const username = await newUser(auth);
    const a = await auth.login({ username, password: 'secret-pw-1' });
    const b = await auth.login({ username, password: 'secret-pw-1' });
    expect(await auth.setPassword(username, 'new-secret-2')).toEqual({ username, sessionsRevoked: 2 });
    expect(await auth.authenticate(a.token)).toBeNull();
    expect(await auth.authenticate(b.token)).toBeNull();
    expect((await failure(auth.login({ username, password: 'secret-pw-1' }))).statusCode).toBe(401);
    expect((await auth.login({ username, password: 'new-secret-2' })).user.username).toBe(username);
  });

  it('checks new users and passwords, naming the field', async () => {
    const { auth } = authOn(db);
    const username = await newUser(auth);
    const cases: Array<[Parameters<typeof auth.addUser>[0], RegExp]> = [
      [{ username: 'x-short-pw', displayName: '甲', role: 'officer', password: 'short' }, /^password: at least 8/],
      [{ username: 'x-role', displayName: '甲', role: 'superuser', password: 'long-enough' }, /^role: "superuser" is not a role/],
      [{ username: 'x-public', displayName: '甲', role: 'public', password: 'long-enough' }, /^role:/],
      [{ username: '王', displayName: '甲', role: 'officer', password: 'long-enough' }, /^username:/],
      [{ username: 'x-name', displayName: ' ', role: 'officer', password: 'long-enough' }, /^displayName:/],
      [{ username, displayName: '甲', role: 'officer', password: 'long-enough' }, /^username: ".*" is taken/],
    ];
    for (const [input, message] of cases) {
      const err = await failure(auth.addUser(input));
      expect(err.statusCode, input.username).toBe(400);
      expect(err.message).toMatch(message);
    }
    expect((await failure(auth.setPassword(username, '1234567'))).message).toMatch(/^password:/);
    expect((await failure(auth.setPassword('nobody-at-all', 'long-enough'))).statusCode).toBe(404);
    expect((await failure(auth.disableUser('nobody-at-all'))).statusCode).toBe(404);
  });

  it('limits failed sign-ins per user (5 in 15 minutes) with a retry-after, and a success clears them', async () => {
    const { auth, advance } = authOn(db);
    const username = await newUser(auth);
    for (let i = 0; i < 5; i++) {
      expect((await failure(auth.login({ username, password: `wrong-${i}` }, { ip: `10.2.0.${i}` }))).statusCode).toBe(401);
      advance(60_000);
    }
    // Refused before the password is checked, even the right one.
    const limited = await failure(auth.login({ username, password: 'secret-pw-1' }, { ip: '10.2.1.1' }));
    expect(limited).toBeInstanceOf(TooManyRequestsError);
    expect(limited.statusCode).toBe(429);
    expect((limited as TooManyRequestsError).retryAfterSeconds).toBe(10 * 60);
    // Another user is not held up.
    const other = await newUser(auth);
    await auth.login({ username: other, password: 'secret-pw-1' }, { ip: '10.2.1.1' });

    advance(10 * 60_000);
    await auth.login({ username, password: 'secret-pw-1' }, { ip: '10.2.1.1' });
    // The success cleared the count: four more failures are not yet over the limit.
    for (let i = 0; i < 4; i++) await failure(auth.login({ username, password: 'wrong' }));
    expect((await auth.login({ username, password: 'secret-pw-1' })).user.username).toBe(username);
  });

  it('limits failed sign-ins per client address (20 in 15 minutes) across usernames', async () => {
    const { auth, advance } = authOn(db);
    const username = await newUser(auth);
    for (let i = 0; i < 20; i++) {
      expect((await failure(auth.login({ username: `guess${i}`, password: 'wrong-guess' }, { ip: '10.3.0.1' }))).statusCode).toBe(401);
    }
    const limited = await failure(auth.login({ username, password: 'secret-pw-1' }, { ip: '10.3.0.1' }));
    expect(limited.statusCode).toBe(429);
    expect((limited as TooManyRequestsError).retryAfterSeconds).toBe(15 * 60);
    expect((await auth.login({ username, password: 'secret-pw-1' }, { ip: '10.3.0.2' })).user.username).toBe(username);
    advance(15 * 60_000);
    expect((await auth.login({ username, password: 'secret-pw-1' }, { ip: '10.3.0.1' })).user.username).toBe(username);
  });

  it('creates the demo users once, one per role, who sign in with the demo password', async () => {
    const { auth } = authOn(db);
    const first = await auth.demoUsers();
    expect(first.map((u) => [u.username, u.role, u.created])).toEqual([
      ['admin', 'admin', true], ['supervisor', 'supervisor', true], ['handler', 'handler', true], ['officer', 'officer', true],
    ]);
    expect(first.find((u) => u.username === 'handler')).toMatchObject({ displayName: '李经办', office: '行政审批处' });
    const again = await auth.demoUsers();
    expect(again.map((u) => u.created)).toEqual([false, false, false, false]);
    const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE username IN ('admin', 'supervisor', 'handler', 'officer')`);
    expect(rows.rows[0]!.n).toBe(4);
    for (const u of first) expect((await auth.login({ username: u.username, password: DEMO_PASSWORD })).user.role).toBe(u.role);
  });

  it('writes sign-ins and user changes to the audit log, without passwords', async () => {
    const { auth } = authOn(db);
    const username = await newUser(auth);
    const { token } = await auth.login({ username, password: 'secret-pw-1' }, { ip: '10.4.0.1' });
    await auth.logout(token);
    await auth.setPassword(username, 'another-pw-3');
    const r = await db.query<{ action: string; detail: unknown }>('SELECT action, detail FROM audit_log WHERE resource_id = $1 ORDER BY id', [username]);
    expect(r.rows.map((x) => x.action)).toEqual(['user.add', 'auth.login', 'auth.logout', 'user.set-password']);
    expect(JSON.stringify(r.rows)).not.toMatch(/secret-pw-1|another-pw-3|argon2/);
  });
});
