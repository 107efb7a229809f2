/**
 * The statistics API (issue #16) on PGlite and on the PostgreSQL server, over a generated corpus
 * imported through the real import and counted by the real jobs: every figure equals the test's
 * own count over the base tables (approvals, approval_steps, projects), the CSV says what the JSON
 * says, a figure opened as its approvals has that many, the figures follow an approval closed and
 * a project moved to another district, and bad or anonymous requests are refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueDate } from '../../rules/index.ts';
import type { Queryable } from '../../services/db/db.ts';
import { generateCorpus } from '../../services/generate/generate.service.ts';
import { createInProcessRunner } from '../../services/jobs/in-process-runner.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';
import { buildApp } from '../../services/server/app.ts';
import { createStatsDrillService } from '../../services/stats/stats-drill.service.ts';
import { statsDrillStore } from '../../services/stats/stats-drill.store.ts';
import { createStatsService } from '../../services/stats/stats.service.ts';
import { statsStore } from '../../services/stats/stats.store.ts';
import { DB_KINDS } from '../helpers/databases.ts';
import { importJsonl } from '../helpers/imports.ts';
import { openHub, readJsonl } from '../helpers/search-fixture.ts';
import { signedIn } from '../helpers/sign-in.ts';
import { fromText, jsonl } from '../helpers/streams.ts';

const NOW = new Date('2025-12-20T12:00:00+08:00');
const TODAY = '2025-12-20';
/** Set from the corpus: from a day some approval closed on, to a day some approval was received on (the edges count). */
const PERIOD = { from: '', to: '' };
const THIS_YEAR = { from: '2025-01-01', to: TODAY };
const BJ = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')::date`;
const TYPES: Record<string, string> = { 武规选: '选址意见书', 武规地: '用地规划许可证', 武规建: '工程规划许可证', 武规验: '规划条件核实证明' };

type Figures = { received: number; open: number; closed: number };
type Counts = Map<string, number>;
const qs = (o: Record<string, string | undefined>) => new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined)).toString();
const add = (m: Counts, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);
const lastDay = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

async function grouped(db: Queryable, sql: string, params: unknown[]): Promise<Counts> {
  return new Map((await db.query<{ k: string; n: number }>(sql, params)).rows.map((r) => [r.k, r.n]));
}

/** 新增, 在办 at the end, 办结 per key, counted over approvals and projects by the test's own SQL. */
async function directHandling(db: Queryable, key: 'item' | 'office' | 'district', from: string, to: string): Promise<Map<string, Figures>> {
  const k = key === 'district' ? 'p.district' : `a.${key}`;
  const src = 'FROM approvals a LEFT JOIN projects p ON p.project_no = a.project_no';
  const received = await grouped(db, `SELECT ${k} AS k, count(*)::int AS n ${src} WHERE ${BJ('a.received_at')} BETWEEN $1 AND $2 GROUP BY 1`, [from, to]);
  const closed = await grouped(db, `SELECT ${k} AS k, count(*)::int AS n ${src} WHERE a.status = '办结' AND ${BJ('a.closed_at')} BETWEEN $1 AND $2 GROUP BY 1`, [from, to]);
  const open = await grouped(db, `SELECT ${k} AS k, count(*)::int AS n ${src} WHERE ${BJ('a.received_at')} <= $1
    AND NOT (a.status = '办结' AND (a.closed_at IS NULL OR ${BJ('a.closed_at')} <= $1)) GROUP BY 1`, [to]);
  const keys = new Set([...received.keys(), ...closed.keys(), ...open.keys()]);
  return new Map([...keys].map((x) => [x, { received: received.get(x) ?? 0, open: open.get(x) ?? 0, closed: closed.get(x) ?? 0 }]));
}

async function directCertificates(db: Queryable, from: string, to: string): Promise<Map<string, Counts>> {
  const rows = (await db.query<{ office: string; certificate_no: string; up: boolean }>(
    `SELECT office, certificate_no, coalesce(extra ->> 'certificate_uploaded', '') = 'true' AS up FROM approvals
     WHERE status = '办结' AND certificate_no IS NOT NULL AND ${BJ('closed_at')} BETWEEN $1 AND $2`, [from, to])).rows;
  const out = new Map<string, Counts>();
  for (const r of rows) {
    const type = TYPES[r.certificate_no.slice(0, 3)];
    if (!type) continue;
    const unit = r.office.startsWith('中心城区分局') ? '中心城区分局' : (/^(.+?分局)/.exec(r.office)?.[1] ?? '市局');
    for (const u of [unit, '总计']) {
      const c = out.get(u) ?? new Map();
      add(c, `${type}/issued`);
      if (r.up) add(c, `${type}/uploaded`);
      out.set(u, c);
    }
  }
  return out;
}

/** Steps due in the period per office and month (due in working days by the rules' dueDate), and the overdue ones. */
async function directOverdue(db: Queryable, from: string, to: string): Promise<Map<string, { due: number; overdue: number }>> {
  const steps = (await db.query<{ office: string; limit_days: number; started: string; finished: string | null }>(
    `SELECT office, limit_days, to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS started, ${BJ('finished_at')}::text AS finished
     FROM approval_steps WHERE limit_days IS NOT NULL AND started_at IS NOT NULL`)).rows;
  const out = new Map<string, { due: number; overdue: number }>();
  for (const s of steps) {
    const due = dueDate(s.started, s.limit_days);
    if (due < from || due > to) continue;
    const cell = out.get(`${s.office}|${due.slice(0, 7)}`) ?? { due: 0, overdue: 0 };
    cell.due++;
    if (s.finished ? s.finished > due : TODAY > due) cell.overdue++;
    out.set(`${s.office}|${due.slice(0, 7)}`, cell);
  }
  return out;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"', i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\r' && text[i + 1] === '\n') (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    else field += ch;
  }
  return rows;
}

describe.each(DB_KINDS)('the statistics API on %s', (kind) => {
  let rt: Runtime;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  let auth: { authorization: string };
  let approvals: Record<string, unknown>[];
  let projects: Record<string, unknown>[];
  const drain = async () => {
    const runner = createInProcessRunner(rt.db, rt.registry, { idleMs: 3_600_000 });
    await runner.drain();
    await runner.stop();
  };
  const get = async <T = Record<string, unknown>>(url: string, expected = 200): Promise<T> => {
    const res = await app.inject({ url, headers: auth });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(expected);
    return res.json<T>();
  };
  type Handling = { rows: ({ key: string } & Figures)[]; total: { key: string } & Figures; as_of: string };
  const handling = (q: Record<string, string | undefined>) => get<Handling>(`/api/stats/handling?${qs(q)}`);
  const drillTotal = async (q: Record<string, string | undefined>) => (await get<{ total: number }>(`/api/stats/approvals?${qs(q)}`)).total;

  /** Every group of 业务办理情况 and the certificates, overdue and project figures, against the test's own counts. */
  async function expectFiguresMatchBaseTables(period: { from: string; to: string }) {
    for (const group of ['item', 'office', 'district'] as const) {
      const api = await handling({ ...period, group });
      const direct = await directHandling(rt.db, group, period.from, period.to);
      expect(new Map(api.rows.map(({ key, ...f }) => [key, f])), group).toEqual(direct);
      const sum = (k: keyof Figures) => [...direct.values()].reduce((n, f) => n + f[k], 0);
      expect(api.total).toEqual({ key: '合计', received: sum('received'), open: sum('open'), closed: sum('closed') });
    }
    const months = await handling({ ...period, group: 'month' });
    for (const row of months.rows) {
      const end = lastDay(row.key) < period.to ? lastDay(row.key) : period.to;
      const start = `${row.key}-01` > period.from ? `${row.key}-01` : period.from;
      const direct = [...(await directHandling(rt.db, 'item', start, end)).values()];
      expect(row, row.key).toEqual({ key: row.key, received: direct.reduce((n, f) => n + f.received, 0), open: direct.reduce((n, f) => n + f.open, 0), closed: direct.reduce((n, f) => n + f.closed, 0) });
    }
    expect(months.total.open).toBe(months.rows.at(-1)!.open);

    const certs = await get<{ rows: { unit: string; issued: number; by_type: Record<string, { issued: number; uploaded: number; not_uploaded: number; rate: string }> }[]; total: { unit: string; issued: number; by_type: Record<string, { issued: number; uploaded: number }> } }>(`/api/stats/certificates?${qs(period)}`);
    const direct = await directCertificates(rt.db, period.from, period.to);
    for (const row of [certs.total, ...certs.rows]) {
      const d = direct.get(row.unit) ?? new Map();
      for (const [type, f] of Object.entries(row.by_type)) {
        expect([f.issued, f.uploaded], `${row.unit} ${type}`).toEqual([d.get(`${type}/issued`) ?? 0, d.get(`${type}/uploaded`) ?? 0]);
      }
    }
    expect(new Set(certs.rows.filter((r) => r.issued > 0).map((r) => r.unit))).toEqual(new Set([...direct.keys()].filter((u) => u !== '总计')));

    const overdue = await get<{ cells: { office: string; month: string; overdue: number; due: number }[] }>(`/api/stats/overdue?${qs(period)}`);
    expect(new Map(overdue.cells.map((c) => [`${c.office}|${c.month}`, { due: c.due, overdue: c.overdue }]))).toEqual(await directOverdue(rt.db, period.from, period.to));

    const byDistrict = await get<{ rows: { key: string; projects: number }[]; total: { projects: number } }>('/api/stats/projects?by=district');
    expect(new Map(byDistrict.rows.map((r) => [r.key, r.projects]))).toEqual(await grouped(rt.db, 'SELECT district AS k, count(*)::int AS n FROM projects GROUP BY 1', []));
    const byOffice = await get<{ rows: { key: string; projects: number }[]; total: { projects: number } }>('/api/stats/projects?by=office');
    expect(new Map(byOffice.rows.map((r) => [r.key, r.projects]))).toEqual(await grouped(rt.db, 'SELECT office AS k, count(DISTINCT project_no)::int AS n FROM approvals GROUP BY 1', []));
    expect(byOffice.total.projects).toBe((await rt.db.query<{ n: number }>('SELECT count(DISTINCT project_no)::int AS n FROM approvals')).rows[0]!.n);
  }

  beforeAll(async () => {
    const hub = await openHub(kind);
    ({ rt, close } = hub);
    const corpus = await generateCorpus({ projects: 80, seed: 16, outDir: path.join(hub.dir, 'corpus') });
    for (const type of ['project', 'approval'] as const) {
      const r = await importJsonl(rt.db, type, fs.createReadStream(corpus.files[type]!));
      expect(r.rejected).toBe(0);
    }
    approvals = readJsonl(corpus.files.approval!);
    projects = readJsonl(corpus.files.project!);
    const day = (field: string, year: string) => String(approvals.find((a) => String(a[field] ?? '').startsWith(year))![field]).slice(0, 10);
    Object.assign(PERIOD, { from: day('closed_at', '2014-03'), to: day('received_at', '2016-06') });
    await drain();
    const now = () => NOW;
    app = await buildApp({
      ...rt, logLevel: 'silent',
      stats: createStatsService({ db: rt.db, store: statsStore, now }),
      statsDrill: createStatsDrillService({ db: rt.db, store: statsDrillStore, figures: statsStore, now }),
    });
    auth = await signedIn(app, rt.db, 'officer');
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  it('counts every figure as the base tables do, for a period cutting months and for this year by default', async () => {
    await expectFiguresMatchBaseTables(PERIOD);
    const defaults = await handling({});
    expect([defaults.rows.length > 0, (defaults as unknown as typeof THIS_YEAR).from, (defaults as unknown as typeof THIS_YEAR).to]).toEqual([true, THIS_YEAR.from, THIS_YEAR.to]);
    await expectFiguresMatchBaseTables(THIS_YEAR);
  });

  it('has the seed tables’ shape: the four certificate types, 总计 first in CSV, 合计 rows, rates like 97.6%', async () => {
    const c = await get<{ types: string[]; rows: { unit: string; by_type: Record<string, { rate: string }> }[]; total: { unit: string } }>(`/api/stats/certificates?${qs(PERIOD)}`);
    expect(c.types).toEqual(['选址意见书', '用地规划许可证', '工程规划许可证', '规划条件核实证明']);
    expect([c.total.unit, c.rows[0]!.unit, c.rows[1]!.unit]).toEqual(['总计', '中心城区分局', '市局']);
    for (const r of c.rows) for (const f of Object.values(r.by_type)) expect(f.rate).toMatch(/^\d{1,3}\.\d%$/);
    expect((await handling(PERIOD)).total.key).toBe('合计');
  });

  it('answers CSV with a byte-order mark, Chinese headers and the JSON’s rows and total', async () => {
    for (const [url, toRows] of [
      [`/api/stats/handling?${qs({ ...PERIOD, group: 'month' })}`, (j: Handling) => [...j.rows, j.total].map((r) => [r.key, r.received, r.open, r.closed].map(String))],
      [`/api/stats/projects?by=office`, (j: { rows: { key: string; projects: number }[]; total: { key: string; projects: number } }) => [...j.rows, j.total].map((r) => [r.key, String(r.projects)])],
      [`/api/stats/overdue?${qs(PERIOD)}`, (j: { cells: { office: string; month: string; overdue: number; due: number }[]; total: { overdue: number; due: number } }) =>
        [...j.cells.map((c) => [c.office, c.month, String(c.overdue), String(c.due)]), ['合计', '', String(j.total.overdue), String(j.total.due)]]],
      [`/api/stats/certificates?${qs(PERIOD)}`, (j: { types: string[]; rows: { unit: string; issued: number; by_type: Record<string, { issued: number; uploaded: number; not_uploaded: number; rate: string }> }[]; total: { unit: string; issued: number; by_type: Record<string, { issued: number; uploaded: number; not_uploaded: number; rate: string }> } }) =>
        [j.total, ...j.rows].map((r) => [r.unit, String(r.issued), ...j.types.flatMap((t) => [r.by_type[t]!.issued, r.by_type[t]!.uploaded, r.by_type[t]!.not_uploaded, r.by_type[t]!.rate].map(String))])],
    ] as [string, (j: never) => string[][]][]) {
      const json = await get<never>(url);
      const res = await app.inject({ url: `${url}&format=csv`, headers: auth });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\w.-]+\.csv"$/);
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const [header, ...rows] = parseCsv(res.body.slice(1));
      expect(header!.every((h) => /[\u4e00-\u9fff]/.test(h)), header!.join()).toBe(true);
      expect(rows, url).toEqual(toRows(json));
    }
  });

  it('opens a figure as the approvals behind it, as many as the figure says', async () => {
    const items = await handling({ ...PERIOD, group: 'item' });
    for (const row of items.rows.slice(0, 3)) {
      for (const measure of ['received', 'open', 'closed'] as const) expect(await drillTotal({ measure, ...PERIOD, item: row.key }), `${row.key} ${measure}`).toBe(row[measure]);
    }
    const months = (await handling({ ...PERIOD, group: 'month' })).rows.filter((r) => r.received > 0);
    for (const row of [months[0]!, months.at(-1)!]) {
      for (const measure of ['received', 'open', 'closed'] as const) expect(await drillTotal({ measure, ...PERIOD, month: row.key }), `${row.key} ${measure}`).toBe(row[measure]);
    }
    const district = (await handling({ ...PERIOD, group: 'district' })).rows[0]!;
    expect(await drillTotal({ measure: 'open', ...PERIOD, district: `${district.key}区` })).toBe(district.open);
    const certs = await get<{ rows: { unit: string; issued: number; by_type: Record<string, { issued: number; not_uploaded: number }> }[] }>(`/api/stats/certificates?${qs(PERIOD)}`);
    const unit = certs.rows.find((r) => r.issued > 0)!;
    const [type, f] = Object.entries(unit.by_type).find(([, x]) => x.issued > 0)!;
    expect(await drillTotal({ measure: 'issued', ...PERIOD, unit: unit.unit, type })).toBe(f.issued);
    expect(await drillTotal({ measure: 'issued', ...PERIOD, unit: unit.unit, type, uploaded: 'false' })).toBe(f.not_uploaded);
    const cell = (await get<{ cells: { office: string; month: string; overdue: number }[] }>(`/api/stats/overdue?${qs(PERIOD)}`)).cells.find((c) => c.overdue > 0)!;
    const late = await get<{ total: number; items: { step: { office: string; due: string } }[] }>(`/api/stats/approvals?${qs({ measure: 'overdue', ...PERIOD, office: cell.office, month: cell.month })}`);
    expect(late.total).toBe(cell.overdue);
    expect(late.items.every((i) => i.step.office === cell.office && i.step.due.startsWith(cell.month))).toBe(true);
    const lateCsv = parseCsv((await app.inject({ url: `/api/stats/approvals?${qs({ measure: 'overdue', ...PERIOD, office: cell.office, month: cell.month, format: 'csv' })}`, headers: auth })).body.slice(1));
    expect([lateCsv[0]!.at(-4), lateCsv.length - 1]).toEqual(['超期环节', cell.overdue]);
    const [p1, p2] = [await get<{ items: { id: string }[] }>(`/api/stats/approvals?${qs({ measure: 'received', ...PERIOD, size: '5' })}`),
      await get<{ items: { id: string }[] }>(`/api/stats/approvals?${qs({ measure: 'received', ...PERIOD, size: '5', page: '2' })}`)];
    expect(p1.items).toHaveLength(5);
    expect(p2.items.some((i) => p1.items.some((j) => j.id === i.id))).toBe(false);
    const past = await get<{ total: number; items: unknown[] }>(`/api/stats/approvals?${qs({ measure: 'received', ...PERIOD, page: '9999' })}`);
    expect([past.total, past.items.length]).toEqual([items.total.received, 0]);
    const csv = await app.inject({ url: `/api/stats/approvals?${qs({ measure: 'received', ...PERIOD, format: 'csv' })}`, headers: auth });
    expect(parseCsv(csv.body.slice(1)).length - 1).toBe(items.total.received);
  });

  it('follows an approval closed and a project moved to another district, once the jobs have run', async () => {
    const before = await handling(THIS_YEAR);
    const open = approvals.find((a) => a.status !== '办结' && String(a.received_at) <= '2025-12-01')!;
    const closedAt = '2025-12-01T10:00:00';
    const steps = (open.steps as { started_at: string | null; finished_at: string | null }[])
      .map((s) => ({ ...s, started_at: s.started_at ?? closedAt, finished_at: s.finished_at ?? closedAt }));
    const changed = { ...open, status: '办结', closed_at: closedAt, certificate_no: '武规建[2025]999号', certificate_uploaded: true, steps };
    const project = projects.find((p) => p.district !== '江夏')!;
    // A step that ran late now finished on time, and an approval moved to a project of another office's.
    type Step = { limit_days: number | null; started_at: string | null; finished_at: string | null };
    const isLate = (s: Step) => s.limit_days !== null && s.started_at !== null && s.finished_at !== null
      && s.finished_at.slice(0, 10) > dueDate(s.started_at, s.limit_days);
    const late = approvals.find((a) => a.id !== open.id && (a.steps as Step[]).some(isLate))!;
    const onTime = { ...late, steps: (late.steps as Step[]).map((s) => (isLate(s) ? { ...s, finished_at: s.started_at } : s)) };
    // The only approval of its project at its office, moved to a project with none there: both projects' office counts move.
    const pairs = (a: Record<string, unknown>) => approvals.filter((b) => b.project_no === a.project_no && b.office === a.office).length;
    const moved = approvals.find((a) => a.id !== open.id && a.id !== late.id && pairs(a) === 1)!;
    const target = projects.find((p) => !approvals.some((a) => a.project_no === p.project_no && a.office === moved.office))!;
    expect((await importJsonl(rt.db, 'approval', fromText(jsonl([changed, onTime, { ...moved, project_no: target.project_no }])))).accepted).toBe(3);
    expect((await importJsonl(rt.db, 'project', fromText(jsonl([{ ...project, district: '江夏' }])))).accepted).toBe(1);
    await drain();
    const after = await handling(THIS_YEAR);
    expect([after.total.closed, after.total.open]).toEqual([before.total.closed + 1, before.total.open - 1]);
    expect(after.as_of > before.as_of).toBe(true);
    await expectFiguresMatchBaseTables(THIS_YEAR);
    await expectFiguresMatchBaseTables(PERIOD);
    await expectFiguresMatchBaseTables({ from: '2012-01-01', to: TODAY });
  });

  it('refuses bad parameters with a 400 that names them, and anonymous callers with a 401', async () => {
    for (const [url, name] of [
      ['/api/stats/handling?from=2014-02-30', 'from'], ['/api/stats/handling?to=soon', 'to'], ['/api/stats/handling?group=year', 'group'],
      ['/api/stats/handling?from=2015-01-01&to=2014-12-31', 'from'], ['/api/stats/handling?district=火星区', 'district'],
      ['/api/stats/certificates?from=20140101', 'from'], ['/api/stats/projects?by=street', 'by'], ['/api/stats/overdue?to=2014-13-01', 'to'],
      ['/api/stats/approvals?from=2014-01-01', 'measure'], ['/api/stats/approvals?measure=open&month=2014-13', 'month'],
      ['/api/stats/approvals?measure=issued&type=房产证', 'type'], ['/api/stats/approvals?measure=open&month=2013-05&from=2014-01-01', 'month'],
    ]) {
      const res = await app.inject({ url: url!, headers: auth });
      expect(res.statusCode, url).toBe(400);
      expect(res.json<{ message: string }>().message, url).toContain(name);
    }
    for (const url of ['/api/stats/handling', '/api/stats/certificates', '/api/stats/projects', '/api/stats/overdue', '/api/stats/approvals?measure=open']) {
      expect((await app.inject({ url })).statusCode, url).toBe(401);
    }
  });
});
