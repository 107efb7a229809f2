/**
 * The public inquiry API (公众查询, issue #13), through the whole app and without signing in:
 * found by number (as people write it) or by a name (through the search engine's project search,
 * so also by an abbreviated name), it answers only the fields a citizen may know — for every
 * project, whatever its records carry — refuses a bad q in the one error shape, and limits each
 * client to 30 requests a minute while internal routes are not limited; behind a proxy named in
 * PLANHUB_TRUST_PROXY, clients are told apart by X-Forwarded-For. On PGlite, the PostgreSQL
 * server, and OpenSearch when one answers.
 */
import type { FastifyInstance } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessRunner } from '../../services/jobs/in-process-runner.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';
import { loadConfig } from '../../services/config/config.ts';
import { buildApp } from '../../services/server/app.ts';
import { SEARCH_SETUPS } from '../helpers/engines.ts';
import { buildApproval, buildPetition, buildProject } from '../helpers/factories.ts';
import { hubWith } from '../helpers/search-fixture.ts';
import { TEST_PASSWORD, ensureUser } from '../helpers/sign-in.ts';

const HANDLERS = ['王建国', '李秀英', '赵志强', '钱多多'] as const;
const OFFICES = ['行政审批处', '详细规划处', '市民之家窗口', '建筑工程规划处'] as const;
const NOTES = ['内部意见：建设单位需补正日照分析', '领导批示：从严把关', '会议纪要第12号'] as const;

const step = (name: string, stage: string | null, handler: string, office: string, extra: Record<string, unknown> = {}) =>
  ({ name, stage, office, handler, limit_days: 3, started_at: '2019-04-02T09:00:00', finished_at: '2019-04-03T17:00:00', ...extra });

const spring = buildProject({
  id: 'prj-pub-1', project_no: 'HSAA20190012', name: '关山春晓花园一期', district: '洪山',
  builder: '武汉春晓置业有限公司', address: '洪山区关山大道88号', estate_name: '春晓雅苑', aliases: ['老水泥厂地块'],
  internal_note: NOTES[0], score: 0.93,
});
const riverside = buildProject({ id: 'prj-pub-2', project_no: 'JAAA20200005', name: '江岸滨江苑', district: '江岸', builder: '武汉滨江置业有限公司' });
const road = buildProject({ id: 'prj-pub-3', project_no: 'WCSZ20210033', name: '武昌中北路改造工程', district: '武昌', project_type: '市政交通' });
/** Names with LIKE's wildcards, which must match only themselves. */
const percent = buildProject({ id: 'prj-pub-4', project_no: 'QKAA20220001', name: '硚口100%还建房项目', district: '硚口' });
const many = Array.from({ length: 12 }, (_, i) =>
  buildProject({ id: `prj-pub-m${i}`, project_no: `HYAA2023${String(i + 1).padStart(4, '0')}`, name: `汉阳安居示范小区${i + 1}期`, district: '汉阳' }));
/** Registered with its district; people leave the 区 and the 新建工程 out. */
const clinic = buildProject({ id: 'prj-pub-5', project_no: 'JXAA20210007', name: '江夏区妇幼保健院新建工程', district: '江夏' });
const PROJECTS = [spring, riverside, road, percent, clinic, ...many];

const approvals = [
  buildApproval(spring.project_no, {
    id: 'apv-pub-1', item: '建设工程规划许可证', status: '在办', received_at: '2019-04-01T09:30:00', closed_at: null,
    office: OFFICES[0], handler: HANDLERS[0], certificate_no: '武规建证[2019]0099', opinion: NOTES[1], risk_score: 0.7,
    steps: [
      step('受理', '技术审查', HANDLERS[0], OFFICES[2]),
      step('方案会', '技术审查', HANDLERS[1], OFFICES[1], { note: NOTES[2] }),
      step('消防协审', '外部协审', HANDLERS[2], OFFICES[3]),
      step('补正', null, HANDLERS[3], OFFICES[0]),
      step('发证', '工程许可', HANDLERS[0], OFFICES[2]),
    ],
  }),
  buildApproval(spring.project_no, {
    id: 'apv-pub-2', item: '建设用地规划许可证', status: '办结', received_at: '2018-11-20T10:00:00', closed_at: '2018-12-28T16:00:00',
    office: OFFICES[1], handler: HANDLERS[1], steps: [step('核位红线', '技术服务', HANDLERS[1], OFFICES[1])],
  }),
  buildApproval(road.project_no, { id: 'apv-pub-3', item: '市政工程规划许可', status: '新增', received_at: null, handler: HANDLERS[2], office: OFFICES[3], steps: [] }),
  ...many.slice(0, 3).map((p, i) => buildApproval(p.project_no, { id: `apv-pub-m${i}`, handler: HANDLERS[i % 4], office: OFFICES[i % 4] })),
];
const petition = buildPetition({
  id: 'pet-pub-1', subject: '关山春晓工地夜间施工扰民', project_nos: [spring.project_no],
  petitioner: { name: '孙丽华', phone: '13912341736', email: 'sunlh@example.com', address: '关山春晓3栋2单元' },
});

/** What the public may be sent, at each level of the answer. */
const ALLOWED_KEYS = new Set(['q', 'projects', 'project_no', 'name', 'district', 'approvals', 'item', 'status', 'received_at', 'closed_at', 'stages']);
/** Strings of the records that must never reach the public. */
const SECRETS = [
  ...HANDLERS, ...OFFICES, ...NOTES, '武规建证', '受理', '方案会', '消防协审', '补正', '发证', '核位红线',
  '置业有限公司', '关山大道88号', '孙丽华', '13912341736', '夜间施工', 'apv-pub', 'prj-pub',
];

/** Every key anywhere in `value`. */
function keysIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysIn(v, into);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) { into.add(k); keysIn(v, into); }
  return into;
}

function expectErrorShape(body: Record<string, unknown>, statusCode: number) {
  expect(Object.keys(body).sort()).toEqual(['error', 'message', 'reqId', 'statusCode']);
  expect(body).toMatchObject({ statusCode, error: STATUS_CODES[statusCode] });
  expect(body.reqId).toEqual(expect.stringMatching(/\S/));
}

describe.each(SEARCH_SETUPS)('the public inquiry API on %s', (setup) => {
  let rt: Runtime;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  // Each check but the rate limit's own comes from a client of its own, so only that test counts.
  let client = 0;
  const ask = (q: string | null) => app.inject({
    url: q === null ? '/public/api/progress' : `/public/api/progress?q=${encodeURIComponent(q)}`,
    remoteAddress: `198.51.100.${(client = (client + 1) % 250) + 1}`,
  });

  beforeAll(async () => {
    ({ rt, close } = await hubWith(setup, { project: PROJECTS, approval: approvals, petition: [petition] }));
    // A name a person added (the alias table), indexed as the running hub would.
    await rt.aliases.add(riverside.project_no, { alias: '滨江老码头', by: 'test' });
    const runner = createInProcessRunner(rt.db, rt.registry, { idleMs: 3_600_000 });
    await runner.drain();
    await runner.stop();
    app = await buildApp({ ...rt, logLevel: 'silent' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  it('finds a project by its exact number, with each approval’s item, status, dates and stages only', async () => {
    const res = await ask('HSAA20190012');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      q: 'HSAA20190012',
      projects: [{
        project_no: 'HSAA20190012', name: '关山春晓花园一期', district: '洪山',
        approvals: [
          { item: '建设用地规划许可证', status: '办结', received_at: '2018-11-20', closed_at: '2018-12-28', stages: ['技术服务'] },
          { item: '建设工程规划许可证', status: '在办', received_at: '2019-04-01', closed_at: null, stages: ['技术审查', '外部协审', '工程许可'] },
        ],
      }],
    });
  });

  it('needs no sign-in, and a stale session cookie or token does not stop it', async () => {
    for (const headers of [{}, { cookie: 'planhub_session=expired.or.forged' }, { authorization: 'Bearer forged' }]) {
      const res = await app.inject({ url: '/public/api/progress?q=HSAA20190012', headers, remoteAddress: '192.0.2.50' });
      expect(res.statusCode, JSON.stringify(headers)).toBe(200);
      expect(res.json().projects).toHaveLength(1);
    }
    const unknown = await app.inject({ url: '/public/api/nothing', remoteAddress: '192.0.2.50' });
    expect(unknown.statusCode).toBe(404);
    expectErrorShape(unknown.json(), 404);
  });

  it('finds it by the number written loosely: lower case, spaces, dashes', async () => {
    for (const q of ['hsaa20190012', 'hsaa 2019 0012', 'HSAA-2019-0012', '  Hsaa-2019 0012 ']) {
      const res = await ask(q);
      expect(res.statusCode, q).toBe(200);
      expect(res.json().projects.map((p: { project_no: string }) => p.project_no), q).toEqual(['HSAA20190012']);
    }
  });

  it('finds projects by part of the name, the estate name or an alias, and lists 10 at most', async () => {
    const found = async (q: string) => ((await ask(q)).json().projects as { project_no: string }[]).map((p) => p.project_no);
    expect(await found('春晓花园')).toEqual(['HSAA20190012']);
    expect(await found('春晓雅苑')).toEqual(['HSAA20190012']);
    expect(await found('水泥厂')).toEqual(['HSAA20190012']);
    expect(await found('老码头')).toEqual(['JAAA20200005']);
    expect(await found('中北路')).toEqual(['WCSZ20210033']);
    expect(await found('100%还建')).toEqual(['QKAA20220001']);
    expect(await found('没有这个项目')).toEqual([]);
    expect(await found('hsaa-2099-0001')).toEqual([]);
    const anju = await found('安居示范');
    expect(anju).toHaveLength(10);
    expect(new Set(anju).size).toBe(10);
    for (const no of anju) expect(many.map((p) => p.project_no)).toContain(no);
  });

  it('finds a project by the name people say, which no part of its registered name spells: the district dropped or put first', async () => {
    const found = async (q: string) => ((await ask(q)).json().projects as { project_no: string }[]).map((p) => p.project_no);
    // 江夏区妇幼保健院新建工程: neither query is a substring of the name, its estate or an alias.
    expect(await found('江夏妇幼保健院')).toEqual([clinic.project_no]);
    expect(await found('江夏妇幼')).toEqual([clinic.project_no]);
    expect(await found('洪山春晓花园')).toEqual([spring.project_no]);
    const res = await ask('江夏妇幼保健院');
    expect(res.json()).toEqual({ q: '江夏妇幼保健院', projects: [{ project_no: clinic.project_no, name: clinic.name, district: '江夏', approvals: [] }] });
  });

  it('refuses a name with no letter or digit to look for (wildcards are not patterns), in the one error shape', async () => {
    for (const q of ['%', '_', '%%__']) {
      const res = await ask(q);
      expect(res.statusCode, q).toBe(400);
      expectErrorShape(res.json(), 400);
      expect(res.json().message, q).toMatch(/\bq\b/);
    }
  });

  it('never answers a field outside the list, nor a handler, office, note or petitioner, for any project', async () => {
    const queries = [...PROJECTS.flatMap((p) => [p.project_no, p.name]), '春晓', '项目', '安居', '滨江'];
    for (const q of queries) {
      const res = await ask(q);
      expect(res.statusCode, q).toBe(200);
      const body = res.json();
      const extra = [...keysIn(body)].filter((k) => !ALLOWED_KEYS.has(k));
      expect(extra, q).toEqual([]);
      for (const secret of SECRETS) expect(res.body.includes(secret), `${q}: ${secret}`).toBe(false);
      for (const p of body.projects) for (const a of p.approvals) for (const d of [a.received_at, a.closed_at]) {
        if (d !== null) expect(d, q).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    // Every project was reached by at least one query.
    const seen = new Set<string>();
    for (const p of PROJECTS) for (const x of (await ask(p.project_no)).json().projects) seen.add(x.project_no);
    expect([...seen].sort()).toEqual(PROJECTS.map((p) => p.project_no).sort());
  });

  it('refuses a missing, empty or too long q in the one error shape, naming q', async () => {
    for (const q of [null, '', '   ', 'x'.repeat(101), '春'.repeat(101)]) {
      const res = await ask(q);
      expect(res.statusCode, String(q)).toBe(400);
      expectErrorShape(res.json(), 400);
      expect(res.json().message, String(q)).toMatch(/\bq\b/);
    }
    expect((await ask(` ${'春'.repeat(100)} `)).statusCode).toBe(200);
    const unknown = await app.inject({ url: '/public/api/progress?q=x&handler=1', remoteAddress: '192.0.2.99' });
    expect(unknown.statusCode).toBe(400);
    expectErrorShape(unknown.json(), 400);
  });

  it('answers a client’s 31st request in a minute with 429, Retry-After and the error shape; other clients and internal routes go on', async () => {
    const from = (ip: string, url = '/public/api/progress?q=HSAA20190012') => app.inject({ url, remoteAddress: ip });
    for (let i = 1; i <= 30; i++) {
      const res = await from('203.0.113.7');
      expect(res.statusCode, `request ${i}`).toBe(200);
    }
    const refused = await from('203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expectErrorShape(refused.json(), 429);
    expect(refused.json().message).toMatch(/retry/);
    // A bad request counts too, and is refused the same way.
    expect((await from('203.0.113.7', '/public/api/progress')).statusCode).toBe(429);

    expect((await from('203.0.113.8')).statusCode).toBe(200);
    for (let i = 1; i <= 40; i++) {
      const health = await from('203.0.113.7', '/api/health');
      expect(health.statusCode, `health ${i}`).toBe(200);
      expect(health.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });

  it('behind a proxy named in PLANHUB_TRUST_PROXY, counts each client X-Forwarded-For names and believes its https; by default, all share the proxy’s count', async () => {
    const PROXY = '10.0.0.2';
    const ask = (to: FastifyInstance, client: string, remoteAddress = PROXY) =>
      to.inject({ url: '/public/api/progress?q=HSAA20190012', remoteAddress, headers: { 'x-forwarded-for': client } });
    expect(rt.config.trustProxy).toBe(false);
    const behindProxy = await buildApp({ ...rt, config: loadConfig({ PLANHUB_TRUST_PROXY: PROXY }), logLevel: 'silent' });
    const byDefault = await buildApp({ ...rt, logLevel: 'silent' });
    try {
      for (let i = 1; i <= 30; i++) expect((await ask(behindProxy, '198.18.0.1')).statusCode, `request ${i}`).toBe(200);
      expect((await ask(behindProxy, '198.18.0.1')).statusCode).toBe(429);
      expect((await ask(behindProxy, '198.18.0.2')).statusCode).toBe(200);
      // A client that is not the proxy cannot get a fresh count by writing the header itself.
      for (let i = 1; i <= 30; i++) expect((await ask(behindProxy, `198.18.2.${i}`, '203.0.113.50')).statusCode, `direct ${i}`).toBe(200);
      expect((await ask(behindProxy, '198.18.2.99', '203.0.113.50')).statusCode).toBe(429);

      for (let i = 1; i <= 30; i++) expect((await ask(byDefault, `198.18.1.${i}`)).statusCode, `default ${i}`).toBe(200);
      expect((await ask(byDefault, '198.18.1.99')).statusCode).toBe(429);

      // The session cookie is Secure when the browser reached the proxy over https, as the proxy says.
      const username = await ensureUser(rt.db, { role: 'officer' });
      const cookieVia = async (to: FastifyInstance) => {
        const res = await to.inject({
          method: 'POST', url: '/api/auth/login', remoteAddress: PROXY,
          headers: { 'x-forwarded-for': '198.18.3.1', 'x-forwarded-proto': 'https' }, payload: { username, password: TEST_PASSWORD },
        });
        expect(res.statusCode, res.body).toBe(200);
        return String(res.headers['set-cookie']);
      };
      expect(await cookieVia(behindProxy)).toMatch(/;\s*Secure/i);
      expect(await cookieVia(byDefault)).not.toMatch(/;\s*Secure/i);
    } finally {
      await behindProxy.close();
      await byDefault.close();
    }
  });
});
