/**
 * Signing in for API tests: a user of the role is created in the test's database (with a real
 * Argon2id hash) and signs in through `POST /api/auth/login`, as a client would. `signedIn`
 * returns the Bearer header; `actAs` makes every `app.inject` of the test carry it.
 */
import { hash } from '@node-rs/argon2';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Queryable } from '../../services/db/db.ts';
import type { UserRole } from '../../services/access/roles.ts';

export const TEST_PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | null = null;

export interface TestUser {
  role: UserRole;
  /** Defaults to 行政审批处, the office the factories' approvals are handled by. */
  office?: string | null;
  username?: string;
  displayName?: string;
}

/** Creates the user unless it exists; its username defaults to `<role>-<office>`. */
export async function ensureUser(db: Queryable, user: TestUser): Promise<string> {
  const office = user.office === undefined ? '行政审批处' : user.office;
  const username = user.username ?? `t-${user.role}${office ? `-${Buffer.from(office).toString('hex').slice(0, 12)}` : ''}`;
  passwordHash ??= hash(TEST_PASSWORD);
  await db.query(
    `INSERT INTO users (username, display_name, role, office, password_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (username) DO NOTHING`,
    [username, user.displayName ?? `测试${user.role}`, user.role, office, await passwordHash],
  );
  return username;
}

/** The headers of a signed-in client of that role. */
export async function signedIn(app: FastifyInstance, db: Queryable, user: TestUser | UserRole): Promise<{ authorization: string }> {
  const u = typeof user === 'string' ? { role: user } : user;
  const username = await ensureUser(db, u);
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${res.json<{ token: string }>().token}` };
}

/**
 * Makes the app's `inject` carry the role's Bearer header unless a request sets its own
 * `authorization`. Returns the app, for `app = await actAs(buildApp(…), db, 'officer')`.
 */
export async function actAs<T extends FastifyInstance>(building: T | Promise<T>, db: Queryable, user: TestUser | UserRole): Promise<T> {
  const app = await building;
  const headers = await signedIn(app, db, user);
  const inject = app.inject.bind(app) as (o: InjectOptions | string) => ReturnType<FastifyInstance['inject']>;
  const withAuth = (opts: InjectOptions | string) => {
    const o: InjectOptions = typeof opts === 'string' ? { url: opts } : opts;
    return inject({ ...o, headers: { ...headers, ...(o.headers ?? {}) } });
  };
  (app as { inject: unknown }).inject = withAuth;
  return app;
}
