/**
 * The audit log over HTTP (GET /api/audit, issue #13), for admins: entries appended by the services are
 * listed newest first, filtered by who, what, which record and when, a page at a time by id; the
 * CSV export opens in Excel (byte-order mark, Chinese header) and quotes as RFC 4180 says. On
 * PGlite and the PostgreSQL server.
 */
import type { FastifyInstance } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEngine } from '../../indexers/engines/postgres/postgres-engine.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { appendAudit } from '../../services/audit/audit.store.ts';
import type { Db } from '../../services/db/db.ts';
import { createRecommendService } from '../../services/recommend/recommend.service.ts';
import { recommendStore } from '../../services/recommend/recommend.store.ts';
import { createServices } from '../../services/runtime/services.ts';
import { createSearchService } from '../../services/search/search.service.ts';
import { createSuggestService } from '../../services/search/suggest.service.ts';
import { buildApp } from '../../services/server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../helpers/databases.ts';
import { signedIn } from '../helpers/sign-in.ts';
import { publicInquiry } from '../helpers/public-inquiry.ts';

/** The whole API as the server runs it. */
async function openApp(db: Db): Promise<FastifyInstance> {
  const engine = createPostgresEngine(db);
  await engine.init();
  const segmenter = createSegmenter();
  return buildApp({
    db, ...createServices(db), search: createSearchService({ engine, segmenter }), suggest: createSuggestService({ engine }),
    progress: publicInquiry(db, engine),
    recommendations: createRecommendService({ db, store: recommendStore, engine, segmenter }), logLevel: 'silent',
  });
}

/** RFC 4180 read back: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  expect(field === '' && row.length === 0, 'the file ends with CRLF').toBe(true);
  return rows;
}

interface Entry { id: number; at: string; actor: string; action: string; resource_type: string | null; resource_id: string | null; detail: Record<string, unknown> }

function expectErrorShape(body: Record<string, unknown>, statusCode: number) {
  expect(Object.keys(body).sort()).toEqual(['error', 'message', 'reqId', 'statusCode']);
  expect(body).toMatchObject({ statusCode, error: STATUS_CODES[statusCode] });
}

/** Who did what, and when (set after the append: the log stamps entries with now()). */
const LOG = [
  { at: '2020-11-30T08:00:00Z', actor: 'admin', action: 'import', resource_type: 'project', detail: { accepted: 3 } },
  { at: '2020-12-01T01:30:00Z', actor: 'supervisor', action: 'petitioner.read', resource_type: 'petition', resource_id: 'pet-1', detail: { fields: ['name', 'phone'] } },
  { at: '2020-12-01T23:59:59Z', actor: 'handler', action: 'alias.add', resource_type: 'project', resource_id: 'HSAA20190012', detail: { alias: '老水泥厂' } },
  { at: '2020-12-02T00:00:00Z', actor: 'supervisor', action: 'petitioner.read', resource_type: 'petition', resource_id: 'pet-2', detail: { fields: ['address'] } },
  {
    at: '2020-12-02T09:15:00Z', actor: '王, 建国', action: 'say "hi"', resource_type: 'project', resource_id: 'HSAA20190012',
    detail: { note: '第一行\n第二行, 带逗号', quote: '"引号"' },
  },
  { at: '2020-12-03T10:00:00Z', actor: '=HYPERLINK("http://x")', action: 'link.decide', resource_type: 'petition', resource_id: 'pet-1' },
] as const;

describe.each(DB_KINDS)('the audit API on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let admin: { authorization: string };
  const get = (query: string, headers = admin) => app.inject({ url: `/api/audit${query ? `?${query}` : ''}`, headers });
  const entries = async (query: string): Promise<Entry[]> => {
    const res = await get(query);
    expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
    return res.json().entries;
  };

  beforeAll(async () => {
    t = await createTestDb(kind);
    app = await openApp(t.db);
    admin = await signedIn(app, t.db, { role: 'admin', username: 'auditor' });
    // The sign-in wrote the log's first entry; the fixture's follow, dated in 2020 so that the
    // sign-in's time (now) stays outside every time filter below.
    for (const e of LOG) {
      await appendAudit(t.db, e);
      await t.db.query('UPDATE audit_log SET at = $1 WHERE id = (SELECT max(id) FROM audit_log)', [e.at]);
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('lists the entries appended, newest first, with who, what, which record, when and the detail', async () => {
    const res = await get('');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.next_before).toBeNull();
    // Newest by id, the order they were written in: the sign-in came first.
    expect(body.entries.map((e: Entry) => e.actor)).toEqual([...[...LOG].reverse().map((e) => e.actor), 'auditor']);
    expect(body.entries[6]).toMatchObject({ action: 'auth.login', resource_type: 'user', resource_id: 'auditor' });
    expect(body.entries[1]).toEqual({
      id: expect.any(Number), at: '2020-12-02T09:15:00.000Z', actor: '王, 建国', action: 'say "hi"',
      resource_type: 'project', resource_id: 'HSAA20190012', detail: { note: '第一行\n第二行, 带逗号', quote: '"引号"' },
    });
    expect(body.entries[5]).toMatchObject({ actor: 'admin', resource_id: null, detail: { accepted: 3 } });
    const ids = body.entries.map((e: Entry) => e.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));
  });

  it('filters by actor, action, record and time', async () => {
    expect((await entries('actor=supervisor')).map((e) => e.resource_id)).toEqual(['pet-2', 'pet-1']);
    expect((await entries('action=petitioner.read&resource_id=pet-1')).map((e) => e.at)).toEqual(['2020-12-01T01:30:00.000Z']);
    expect((await entries('resource_type=project&resource_id=HSAA20190012')).map((e) => e.action)).toEqual(['say "hi"', 'alias.add']);
    expect(await entries('actor=nobody')).toEqual([]);
    // A date alone: `from` at its first instant, `to` through its last.
    expect((await entries('from=2020-12-01&to=2020-12-01')).map((e) => e.at)).toEqual(['2020-12-01T23:59:59.000Z', '2020-12-01T01:30:00.000Z']);
    expect((await entries('from=2020-12-02&to=2020-12-31')).map((e) => e.at)).toEqual(['2020-12-03T10:00:00.000Z', '2020-12-02T09:15:00.000Z', '2020-12-02T00:00:00.000Z']);
    // A date-time: `from` inclusive, `to` exclusive; one with an offset is read in it.
    expect((await entries('from=2020-12-01T23:59:59Z&to=2020-12-02T09:15:00Z')).map((e) => e.at)).toEqual(['2020-12-02T00:00:00.000Z', '2020-12-01T23:59:59.000Z']);
    expect((await entries(`to=${encodeURIComponent('2020-12-01T09:30:00+08:00')}`)).map((e) => e.at)).toEqual(['2020-11-30T08:00:00.000Z']);
    expect((await entries('from=2020-12-02T17:00&action=link.decide')).map((e) => e.actor)).toEqual(['=HYPERLINK("http://x")']);
  });

  it('pages by id: each next_before asks for the page after, until null', async () => {
    const seen: Entry[] = [];
    let query = 'limit=4';
    for (let page = 0; page < 10; page++) {
      const body = (await get(query)).json();
      seen.push(...body.entries);
      if (body.next_before === null) break;
      expect(body.entries).toHaveLength(4);
      expect(body.next_before).toBe(body.entries[3].id);
      query = `limit=4&before=${body.next_before}`;
    }
    expect(seen.map((e) => e.actor)).toEqual([...[...LOG].reverse().map((e) => e.actor), 'auditor']);
    // A page that ends exactly at the last entry says there is none after it.
    expect((await get('limit=7')).json().next_before).toBeNull();
    expect((await get('limit=6')).json().next_before).not.toBeNull();
    expect((await entries('actor=supervisor&limit=1')).map((e) => e.resource_id)).toEqual(['pet-2']);
  });

  it('exports CSV with the byte-order mark, the Chinese header and fields quoted as RFC 4180 says', async () => {
    const res = await get('format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit.csv"');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body.startsWith('\uFEFF时间,操作人,操作,资源类型,资源编号,详情\r\n')).toBe(true);
    expect(res.body).toContain('"王, 建国","say ""hi"""');
    const rows = parseCsv(res.body.slice(1));
    expect(rows[0]).toEqual(['时间', '操作人', '操作', '资源类型', '资源编号', '详情']);
    expect(rows).toHaveLength(LOG.length + 2);
    for (const row of rows) expect(row).toHaveLength(6);
    const quoted = rows.find((r) => r[1] === '王, 建国')!;
    expect(quoted).toEqual(['2020-12-02T09:15:00.000Z', '王, 建国', 'say "hi"', 'project', 'HSAA20190012', JSON.stringify({ note: '第一行\n第二行, 带逗号', quote: '"引号"' })]);
    // A field Excel would run as a formula is written as text.
    expect(rows[1]![1]).toBe('\'=HYPERLINK("http://x")');
    expect(rows[LOG.length + 1]!.slice(1, 3)).toEqual(['auditor', 'auth.login']);
    expect(rows[LOG.length]).toEqual(['2020-11-30T08:00:00.000Z', 'admin', 'import', 'project', '', '{"accepted":3}']);
  });

  it('exports what the filter matches, every page of it', async () => {
    const filtered = parseCsv((await get('format=csv&actor=supervisor')).body.slice(1));
    expect(filtered.slice(1).map((r) => r[4])).toEqual(['pet-2', 'pet-1']);
    expect(parseCsv((await get('format=csv&limit=2')).body.slice(1))).toHaveLength(3);
    await t.db.query(
      `INSERT INTO audit_log (at, actor, action, resource_type, resource_id)
       SELECT '2020-12-04T00:00:00Z'::timestamptz + n * interval '1 second', 'bulk', 'search', 'petition', 'pet-' || n FROM generate_series(1, 2500) n`,
    );
    const all = parseCsv((await get('format=csv&actor=bulk')).body.slice(1));
    expect(all).toHaveLength(2501);
    expect(all[1]![4]).toBe('pet-2500');
    expect(all[2500]![4]).toBe('pet-1');
    expect((await entries('actor=bulk'))).toHaveLength(100);
  });

  it('refuses a bad from, to or limit in the one error shape, naming it', async () => {
    for (const [query, name] of [
      ['from=yesterday', 'from'], ['from=2026-02-30', 'from'], ['to=2026-12-02T25:00', 'to'], ['from=2026-12-02&to=2026-12-01', 'from'],
      ['limit=0', 'limit'], ['limit=1001', 'limit'], ['before=x', 'before'], ['format=xml', 'format'], ['from=12/01/2026&format=csv', 'from'],
    ] as const) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(400);
      expectErrorShape(res.json(), 400);
      expect(res.json().message, query).toContain(name);
    }
    expect((await get('who=admin')).statusCode).toBe(400);
  });

  it('is for admins: anonymous callers are told to sign in, other roles are refused', async () => {
    const anonymous = await app.inject({ url: '/api/audit?format=csv' });
    expect(anonymous.statusCode).toBe(401);
    expectErrorShape(anonymous.json(), 401);
    for (const role of ['officer', 'handler', 'supervisor'] as const) {
      const res = await get('format=csv', await signedIn(app, t.db, role));
      expect(res.statusCode, role).toBe(403);
      expectErrorShape(res.json(), 403);
    }
  });
});
