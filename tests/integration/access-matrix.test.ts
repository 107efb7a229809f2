/**
 * Every route × every kind of caller, generated from the routes the app registered and the
 * policy table, so a route added tomorrow is checked without anyone remembering to: the
 * anonymous public, each role, and tokens that must not count (expired, forged, ended by
 * logout, of a disabled user). Allowed callers must get past the gate (any answer but 401/403,
 * and never a 500); refused ones get 401 (no valid session) or 403 (a role that falls short),
 * in the one error shape. On PGlite and on the PostgreSQL server.
 */
import type { FastifyInstance } from 'fastify';
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEngine } from '../../indexers/engines/postgres/postgres-engine.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { decide } from '../../services/access/policy.ts';
import { USER_ROLES, type Role } from '../../services/access/roles.ts';
import { createRecommendService } from '../../services/recommend/recommend.service.ts';
import { recommendStore } from '../../services/recommend/recommend.store.ts';
import { createServices } from '../../services/runtime/services.ts';
import { createSearchService } from '../../services/search/search.service.ts';
import { createSuggestService } from '../../services/search/suggest.service.ts';
import { buildApp } from '../../services/server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../helpers/databases.ts';
import { buildApproval, buildPetition, buildProject } from '../helpers/factories.ts';
import { importJsonl } from '../helpers/imports.ts';
import { signedIn } from '../helpers/sign-in.ts';
import { fromText, jsonl } from '../helpers/streams.ts';
import { publicInquiry } from '../helpers/public-inquiry.ts';

const project = buildProject();
const approval = buildApproval(project.project_no, { office: '行政审批处' });
const petition = buildPetition({ project_nos: [project.project_no] });

/** A value for each path parameter, so that an allowed request reaches a record that exists. */
const PARAMS: Record<string, string> = {
  ':projectNo': project.project_no,
  ':type': 'project',
  '/api/approvals/:id': approval.id,
  '/api/petitions/:id': petition.id,
};
/** Required query parameters, so that an allowed request passes validation too (its answer is then 200 or 404). */
const QUERIES: Record<string, string> = {
  '/api/search': `q=${encodeURIComponent('规划')}`,
  '/api/suggest': 'q=gh',
  '/api/links': `resource_type=petition&resource_id=${petition.id}`,
  '/public/api/progress': `q=${project.project_no}`,
  'DELETE /api/projects/:projectNo/aliases': `alias=${encodeURIComponent('某某旧称')}`,
};

function urlOf(method: string, route: string): string {
  const path = route.replace(/\/:(\w+)/g, (m) => `/${encodeURIComponent(PARAMS[`${route.slice(0, route.indexOf(m))}${m}`] ?? PARAMS[m.slice(1)] ?? 'x')}`)
    .replace(/\*$/, 'index.html');
  const query = QUERIES[`${method} ${route}`] ?? QUERIES[route];
  return query ? `${path}?${query}` : path;
}

type Caller = { name: string; role: Role; headers: Record<string, string>; valid: boolean };

describe.each(DB_KINDS)('every route × every caller on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  const callers: Caller[] = [];

  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const [type, records] of [['project', [project]], ['approval', [approval]], ['petition', [petition]]] as const) {
      const r = await importJsonl(t.db, type, fromText(jsonl(records as unknown as Record<string, unknown>[])));
      if (r.rejected > 0) throw new Error(`${type}: ${r.errors[0]?.message}`);
    }
    const engine = createPostgresEngine(t.db);
    await engine.init();
    app = await buildApp({
      db: t.db, ...createServices(t.db), search: createSearchService({ engine, segmenter: createSegmenter() }), suggest: createSuggestService({ engine }),
      progress: publicInquiry(t.db, engine),
      recommendations: createRecommendService({ db: t.db, store: recommendStore, engine, segmenter: createSegmenter() }), logLevel: 'silent',
    });
    callers.push({ name: 'no login', role: 'public', headers: {}, valid: false });
    for (const role of USER_ROLES) callers.push({ name: role, role, headers: await signedIn(app, t.db, role), valid: true });

    // Signed with the hub's own key, naming a live session, but past its expiry.
    const live = await signedIn(app, t.db, { role: 'admin', username: 'expiring-admin' });
    const claims = decodeJwt(live.authorization.slice('Bearer '.length));
    const key = (await t.db.query<{ value: string }>(`SELECT value FROM secrets WHERE name = 'session-signing-key'`)).rows[0]!.value;
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer('planhub')
      .setSubject(String(claims.sub)).setJti(String(claims.jti)).setIssuedAt(past - 3600).setExpirationTime(past)
      .sign(new Uint8Array(Buffer.from(key, 'base64url')));
    callers.push({ name: 'expired token', role: 'public', headers: { authorization: `Bearer ${expired}` }, valid: false });

    // The same claims as a live admin session, signed with a key that is not the hub's.
    const forged = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer('planhub')
      .setSubject(String(claims.sub)).setJti(String(claims.jti)).setIssuedAt(past).setExpirationTime(past + 7200 * 4)
      .sign(new TextEncoder().encode('not-the-hub-key-not-the-hub-key!'));
    callers.push({ name: 'forged token', role: 'public', headers: { authorization: `Bearer ${forged}` }, valid: false });

    const ended = await signedIn(app, t.db, { role: 'admin', username: 'logged-out-admin' });
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: ended })).statusCode).toBeLessThan(300);
    callers.push({ name: 'token ended by logout', role: 'public', headers: ended, valid: false });

    const disabled = await signedIn(app, t.db, { role: 'supervisor', username: 'disabled-supervisor' });
    await t.db.query(`UPDATE users SET disabled_at = now() WHERE username = 'disabled-supervisor'`);
    callers.push({ name: 'disabled user', role: 'public', headers: disabled, valid: false });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('checks a good number of routes, each with a value for its parameters', () => {
    const routes = app.accessRoutes.filter((r) => r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(25);
    expect(routes.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/import/:type', '/api/auth/login', '/public/api/progress', '/api/audit']));
  });

  it('answers each caller on each route as the policy says', async () => {
    const wrong: string[] = [];
    const routes = app.accessRoutes.filter((r) => r.method !== 'HEAD');
    for (const caller of callers) {
      for (const route of routes) {
        const url = urlOf(route.method, route.url);
        // Logout ends a session of its own, not the one the caller's other requests use.
        const headers = route.url === '/api/auth/logout' && caller.valid ? await signedIn(app, t.db, caller.role as 'admin') : caller.headers;
        const res = await app.inject({
          method: route.method as 'GET', url, headers: { ...headers, ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: '{}' }),
        });
        const decision = decide({ role: caller.role }, route.access);
        const status = res.statusCode;
        const ok = decision.allowed
          ? status !== 401 && status !== 403 && status < 500
          : status === (caller.valid ? decision.status : 401) && res.json().statusCode === status;
        if (!ok) wrong.push(`${caller.name} ${route.method} ${url} (${route.access}) → ${status} ${res.body.slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('refuses an anonymous import with 401, and an officer\'s with 403', async () => {
    const body = `${JSON.stringify(buildProject())}\n`;
    const anonymous = await app.inject({ method: 'POST', url: '/api/import/project', headers: { 'content-type': 'application/x-ndjson' }, payload: body });
    expect(anonymous.statusCode).toBe(401);
    const officer = callers.find((c) => c.name === 'officer')!;
    const refused = await app.inject({ method: 'POST', url: '/api/import/project', headers: { ...officer.headers, 'content-type': 'application/x-ndjson' }, payload: body });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/import:write.*admin/);
  });

  it('keeps a handler to the recommendations of their own office\'s cases', async () => {
    const own = await signedIn(app, t.db, { role: 'handler', office: '行政审批处', username: 'handler-own' });
    const other = await signedIn(app, t.db, { role: 'handler', office: '规划处', username: 'handler-other' });
    expect((await app.inject({ url: `/api/approvals/${approval.id}/recommendations`, headers: own })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/projects/${project.project_no}/recommendations`, headers: own })).statusCode).toBe(200);
    const refused = await app.inject({ url: `/api/approvals/${approval.id}/recommendations`, headers: other });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/not handled by your office \(规划处\)/);
    expect((await app.inject({ url: `/api/projects/${project.project_no}/recommendations`, headers: other })).statusCode).toBe(403);
  });

  it('refuses a write carried by the session cookie unless it comes from this site', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { host: 'hub.test', origin: 'http://hub.test' }, payload: { username: 'handler-own', password: 'test-password-1' } });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'planhub_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const write = (headers: Record<string, string>) => app.inject({
      method: 'POST', url: `/api/projects/${project.project_no}/aliases`,
      headers: { host: 'hub.test', cookie: `planhub_session=${cookie.value}`, ...headers }, payload: { alias: '某某老厂区' },
    });
    expect((await write({ origin: 'http://evil.test' })).statusCode).toBe(403);
    expect((await write({})).statusCode).toBe(403);
    expect((await write({ origin: 'http://hub.test' })).statusCode).toBe(200);
    // The same cookie reads without an Origin: a GET changes nothing.
    expect((await app.inject({ url: `/api/projects/${project.project_no}`, headers: { host: 'hub.test', cookie: `planhub_session=${cookie.value}` } })).statusCode).toBe(200);
  });

  it('sends security headers with a same-origin Content-Security-Policy', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });
});
