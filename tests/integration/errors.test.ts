/**
 * Every error answers in one shape, `{ statusCode, error, message, reqId }`, whichever layer
 * refuses the request: Node's HTTP parser (tested over a real socket: `inject` skips the
 * parser), the router, validation, the routes, the importer, a server shutting down. And no
 * input answers a 500: a NUL or other control character in any parameter of any route is a 400
 * naming the parameter (it used to reach PostgreSQL, which cannot store NUL in text).
 */
import type { FastifyInstance } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEngine } from '../../indexers/engines/postgres/postgres-engine.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { createServices } from '../../services/runtime/services.ts';
import { createSearchService } from '../../services/search/search.service.ts';
import { createSuggestService } from '../../services/search/suggest.service.ts';
import { buildApp } from '../../services/server/app.ts';
import { DB_KINDS, createTestDb, type DbKind, type TestDb } from '../helpers/databases.ts';
import { buildProject } from '../helpers/factories.ts';
import { openSocket, rawGet, rawRequest } from '../helpers/raw-http.ts';
import { createRecommendService } from '../../services/recommend/recommend.service.ts';
import { recommendStore } from '../../services/recommend/recommend.store.ts';
import { actAs, signedIn } from '../helpers/sign-in.ts';
import { publicInquiry } from '../helpers/public-inquiry.ts';
import { USER_ROLES } from '../../services/access/roles.ts';

/** The app signed in as admin; `addRoutes` adds test routes first (signing in makes the app ready, after which none can be added). */
async function openApp(kind: DbKind, addRoutes?: (app: FastifyInstance) => void): Promise<{ app: FastifyInstance; t: TestDb }> {
  const t = await createTestDb(kind);
  const engine = createPostgresEngine(t.db);
  await engine.init();
  const app = await buildApp({
    db: t.db, ...createServices(t.db), search: createSearchService({ engine, segmenter: createSegmenter() }), suggest: createSuggestService({ engine }),
      progress: publicInquiry(t.db, engine),
      recommendations: createRecommendService({ db: t.db, store: recommendStore, engine, segmenter: createSegmenter() }), logLevel: 'silent',
  });
  addRoutes?.(app);
  return { app: await actAs(app, t.db, 'admin'), t };
}

/** The one shape, and nothing else unless `extra` names it. */
function expectErrorShape(body: Record<string, unknown>, statusCode: number, extra: string[] = []) {
  expect(Object.keys(body).sort()).toEqual(['error', 'message', 'reqId', 'statusCode', ...extra].sort());
  expect(body).toMatchObject({ statusCode, error: STATUS_CODES[statusCode] });
  expect(body.message).toEqual(expect.stringMatching(/\S/));
  expect(body.reqId).toEqual(expect.stringMatching(/\S/));
}

describe('the error shape', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    ({ app, t } = await openApp('pglite'));
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const json = (url: string, payload: string) => app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });
  const ndjson = (type: string, payload: string, contentType = 'application/x-ndjson') =>
    app.inject({ method: 'POST', url: `/api/import/${type}`, headers: { 'content-type': contentType }, payload });

  it.each([
    ['400 validation', () => app.inject({ url: '/api/search?q=x&size=500' }), 400, /querystring\/size/],
    ['400 invalid JSON', () => json('/api/jobs/dead/replay', '{"ids":[1'), 400, /JSON/],
    ['400 NUL in the query', () => app.inject({ url: '/api/search?q=a%00b' }), 400, /querystring\/q contains a NUL character/],
    ['400 bad percent-encoding in the path', () => app.inject({ url: '/api/projects/%zz' }), 400, /percent-encoded/],
    ['404 route', () => app.inject({ url: '/api/nothing' }), 404, /no route GET \/api\/nothing/],
    ['404 resource', () => app.inject({ url: '/api/projects/JAAA19990001' }), 404, /JAAA19990001/],
    ['413', () => json('/api/jobs/dead/replay', JSON.stringify({ ids: Array.from({ length: 200_000 }, (_, i) => i + 1) })), 413, /too large/],
    ['414 overlong path parameter', () => app.inject({ url: `/api/projects/${'A'.repeat(600)}` }), 414, /path parameter/],
    ['415', () => ndjson('project', 'x', 'image/png'), 415, /.+/],
  ])('%s', async (_what, send, status, message) => {
    const res = await send();
    expect(res.statusCode).toBe(status);
    expectErrorShape(res.json(), status);
    expect(res.json().message).toMatch(message);
  });

  it('422 carries the import report beside the envelope, as the 200 does', async () => {
    const good = buildProject();
    const res = await ndjson('project', `${JSON.stringify(good)}\n{"id":"x","name":123}\n`);
    expect(res.statusCode).toBe(422);
    const report = ['type', 'lines', 'accepted', 'changed', 'unchanged', 'rejected', 'unknownProjectNos', 'errors'];
    expectErrorShape(res.json(), 422, report);
    expect(res.json()).toMatchObject({ lines: 2, accepted: 1, rejected: 1, errors: [{ line: 2, field: 'name' }] });
    const ok = await ndjson('project', `${JSON.stringify(buildProject())}\n`);
    expect(ok.statusCode).toBe(200);
    expect(Object.keys(ok.json()).sort()).toEqual(['message', 'reqId', 'statusCode', ...report].sort());
  });

  it.each([
    ['431 for oversized headers', rawGet('/api/health', [`X-Padding: ${'a'.repeat(20_000)}`]), 431, /headers are larger/],
    ['400 for raw non-ASCII in the URL', rawGet('/api/search?q=规划'), 400, /percent-encoded/],
    ['400 for raw non-ASCII in the path', rawGet('/api/projects/青山'), 400, /percent-encoded/],
    ['400 for a NUL in a header', rawGet('/api/health', ['X-A: a\0b']), 400, /header/],
    // A route open to the public: an internal one would answer an anonymous socket with 401 first.
    ['400 for a NUL in the query', rawGet('/public/api/progress?q=a%00b'), 400, /querystring\/q contains a NUL character/],
  ])('%s, over a real socket', async (_what, bytes, status, message) => {
    const res = await rawRequest(port, bytes);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expectErrorShape(JSON.parse(res.body), status);
    expect(JSON.parse(res.body).message).toMatch(message);
  });
});

describe('a server shutting down', () => {
  it('answers requests still arriving on an open connection with a 503 in the one shape', async () => {
    // A request held open keeps its connection busy, so closing cannot drop it as idle.
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const { app, t } = await openApp('pglite', (a) => a.get('/test/hold', { config: { access: 'health:read' } }, async () => {
      started();
      await new Promise<void>((r) => (release = r));
      return { held: true };
    }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { socket, closed } = openSocket((app.server.address() as AddressInfo).port);
    socket.write('GET /test/hold HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await running;
    const closing = app.close();
    socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await new Promise((r) => setTimeout(r, 200));
    release();
    const [held, refused] = await closed;
    await closing;
    await t.drop();
    expect(held!.status).toBe(200);
    expect(refused!.status).toBe(503);
    expectErrorShape(JSON.parse(refused!.body), 503);
  });
});

describe.each(DB_KINDS)('control characters in parameters, on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app, t } = await openApp(kind));
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it.each([
    ['/api/search?q=%E8%A7%84%E5%88%92%00%E8%AE%B8%E5%8F%AF', 'querystring/q contains a NUL character'],
    ['/api/suggest?q=qing%00shan', 'querystring/q contains a NUL character'],
    ['/api/projects/JAAA2016%000001', 'params/projectNo contains a NUL character'],
    ['/api/projects/JAAA2016%010001', 'params/projectNo contains the control character U+0001'],
    ['/api/search?q=%E8%A7%84%1B', 'querystring/q contains the control character U+001B'],
    ['/docs/static/index.html%00', 'params/* contains a NUL character'],
  ])('GET %s → 400 "%s"', async (url, message) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, error: 'Bad Request', message });
  });

  it.each([
    ['/api/suggest?q=qing&size=1e309', 'querystring/size must be a finite number'],
    ['/api/search?q=%E8%A7%84%E5%88%92&size=Infinity', 'querystring/size must be a finite number'],
    ['/api/jobs/dead?limit=-Infinity', 'querystring/limit must be a finite number'],
  ])('GET %s → 400 "%s" (not LIMIT Infinity in SQL)', async (url, message) => {
    const res = await app.inject({ url });
    expect(res.json()).toMatchObject({ statusCode: 400, message });
  });

  it('keeps tab and line feed, which pasted text carries', async () => {
    expect((await app.inject({ url: '/api/search?q=%E8%A7%84%E5%88%92%09%0A%E8%AE%B8%E5%8F%AF' })).statusCode).toBe(200);
  });

  it('answers a NUL in a JSON body with a 400 naming where it is', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/jobs/dead/replay', headers: { 'content-type': 'application/json' }, payload: '{"ids":[1],"note":"a\\u0000b"}' });
    expect(res.json()).toMatchObject({ statusCode: 400, message: 'body/note contains a NUL character' });
  });

  it('answers a NUL in an imported line with that line in the report, not a 500', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/import/project', headers: { 'content-type': 'application/x-ndjson' }, payload: `${JSON.stringify({ ...buildProject(), name: 'a\u0000b' })}\n` });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ line: 1 })]);
  });

  it('answers a NUL in every parameter of every documented route, and an infinite number in every numeric one, with a 400 naming it', async () => {
    type Param = { in: string; name: string; required?: boolean; schema?: { type?: string } };
    const doc = (await app.inject({ url: '/docs/json' })).json() as { paths: Record<string, Record<string, { parameters?: Param[] }>> };
    // Each request as the first role that may send it (no role may use every route).
    const roles = await Promise.all(USER_ROLES.map((role) => signedIn(app, t.db, role)));
    const inject = async (opts: { method: 'GET'; url: string }) => {
      let res = await app.inject(opts);
      for (const headers of roles) {
        if (res.statusCode !== 401 && res.statusCode !== 403) break;
        res = await app.inject({ ...opts, headers });
      }
      return res;
    };
    const checked: string[] = [];
    for (const [route, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        // Every route also gets an unknown query parameter, so one without parameters is checked too.
        const params = [...(op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'), { in: 'query', name: 'x' }];
        for (const p of params) {
          const path = route.replace(/\{(\w+)\}/g, (_m, name: string) => (p.in === 'path' && name === p.name ? 'a%00b' : 'a'));
          const url = p.in === 'query' ? `${path}?${p.name}=a%00b` : path;
          const res = await inject({ method: method.toUpperCase() as 'GET', url });
          const where = p.in === 'path' ? 'params' : 'querystring';
          expect({ url, status: res.statusCode, message: res.json().message }).toEqual({ url, status: 400, message: `${where}/${p.name} contains a NUL character` });
          checked.push(`${method} ${url}`);
          if (p.in !== 'query' || !['integer', 'number'].includes(('schema' in p ? p.schema?.type : undefined) ?? '')) continue;
          // The other required parameters valid, so that validation passes and the number arrives.
          const others = (op.parameters ?? []).filter((o) => o.in === 'query' && o.required && o.name !== p.name).map((o) => `&${o.name}=a`).join('');
          const infUrl = `${path}?${p.name}=1e309${others}`;
          const inf = await inject({ method: method.toUpperCase() as 'GET', url: infUrl });
          expect({ infUrl, status: inf.statusCode, message: inf.json().message }).toEqual({ infUrl, status: 400, message: `querystring/${p.name} must be a finite number` });
          checked.push(`${method} ${infUrl}`);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(10);
    expect(checked.filter((c) => c.includes('1e309')).length).toBeGreaterThanOrEqual(3);
  });
});
