/**
 * The auth routes over HTTP, in a minimal Fastify (cookie plugin, error handler, access hook, the
 * routes) so they are tested apart from the full app: the cookie's flags, Bearer and cookie
 * credentials, logout, `me`, and 429 with Retry-After.
 */
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccess } from '../../services/access/access.hook.ts';
import { auditStore } from '../../services/audit/audit.store.ts';
import { authRoutes } from '../../services/auth/auth.routes.ts';
import { createAuthService } from '../../services/auth/auth.service.ts';
import { SESSION_COOKIE, credentialOf } from '../../services/auth/credential.ts';
import { secretStore } from '../../services/auth/secret.store.ts';
import { sessionStore } from '../../services/auth/session.store.ts';
import { userStore } from '../../services/auth/user.store.ts';
import { registerErrorHandler } from '../../services/server/error-handler.ts';
import { createTestDb, DB_KINDS, type TestDb } from '../helpers/databases.ts';

describe.each(DB_KINDS)('auth routes on %s', (kind) => {
  let tdb: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    tdb = await createTestDb(kind);
    const auth = createAuthService({ db: tdb.db, users: userStore, sessions: sessionStore, secrets: secretStore, audit: auditStore, sessionHours: 8 });
    await auth.addUser({ username: 'zhao', displayName: '赵科员', role: 'officer', office: '信访办', password: 'zhao-password' });
    // The app's validation options (server/app.ts): unknown fields are refused, not dropped.
    app = Fastify({ logger: false, trustProxy: true, ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } } });
    registerErrorHandler(app);
    await app.register(cookie);
    registerAccess(app, auth);
    await app.register(authRoutes({ auth }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await tdb.drop();
  });

  const login = (body: unknown, headers: Record<string, string> = {}, remoteAddress = '10.9.0.1') =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: body as object, headers, remoteAddress });

  it('signs in: token in the body, an HttpOnly SameSite=Strict cookie of the session length, Secure only over https', async () => {
    const res = await login({ username: 'zhao', password: 'zhao-password' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toEqual({ username: 'zhao', displayName: '赵科员', role: 'officer', office: '信访办' });
    expect(res.headers['cache-control']).toBe('no-store');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toContain(`${SESSION_COOKIE}=${body.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=28800/);
    expect(setCookie).not.toMatch(/Secure/);

    const overHttps = await login({ username: 'zhao', password: 'zhao-password' }, { 'x-forwarded-proto': 'https' });
    expect(String(overHttps.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('answers me by Bearer header or by cookie, 401 without either or after logout', async () => {
    const { token } = (await login({ username: 'zhao', password: 'zhao-password' })).json();
    const byBearer = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(byBearer.statusCode).toBe(200);
    expect(byBearer.json()).toMatchObject({ username: 'zhao', role: 'officer', office: '信访办', userId: expect.any(Number) });
    const byCookie = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [SESSION_COOKIE]: token } });
    expect(byCookie.json().username).toBe('zhao');
    const anonymous = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });

    // A cookie-borne write must come from a page of this site (the access hook's Origin check).
    const crossSite = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { [SESSION_COOKIE]: token } });
    expect(crossSite.statusCode).toBe(403);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { [SESSION_COOKIE]: token }, headers: { host: 'hub.test', origin: 'http://hub.test' } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Expires=Thu, 01 Jan 1970`));
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().message).toMatch(/sign in again/);
    // Logging out without a session is not an error.
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
  });

  it('refuses wrong credentials with 401, bad bodies with 400, and limits failures with 429 and Retry-After', async () => {
    const wrong = await login({ username: 'zhao', password: 'nope-nope' }, {}, '10.9.1.1');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toBe('wrong username or password');
    expect((await login({ username: 'zhao' })).statusCode).toBe(400);
    expect((await login({ username: 'zhao', password: 'zhao-password', role: 'admin' })).statusCode).toBe(400);
    const huge = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhao', password: 'x'.repeat(5000) } });
    expect(huge.statusCode).toBe(413);

    for (let i = 0; i < 4; i++) expect((await login({ username: 'zhao', password: `nope-${i}` }, {}, '10.9.1.1')).statusCode).toBe(401);
    const limited = await login({ username: 'zhao', password: 'zhao-password' }, {}, '10.9.1.2');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(900);
    expect(limited.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });

  it('credentialOf prefers the Bearer header, ignores other schemes and oversized tokens', () => {
    expect(credentialOf({ headers: { authorization: 'Bearer abc' }, cookies: { [SESSION_COOKIE]: 'def' } })).toEqual({ token: 'abc', via: 'bearer' });
    expect(credentialOf({ headers: { authorization: 'Basic abc' }, cookies: { [SESSION_COOKIE]: 'def' } })).toEqual({ token: 'def', via: 'cookie' });
    expect(credentialOf({ headers: { authorization: `Bearer ${'a'.repeat(3000)}` } })).toBeNull();
    expect(credentialOf({ headers: {} })).toBeNull();
  });
});
