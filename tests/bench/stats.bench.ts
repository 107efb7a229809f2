/**
 * The statistics API (issue #16), benchmarked: p50/p95 of each endpoint through HTTP (app.inject:
 * routing, the session check, the figures, JSON or CSV) with typical parameters (a month, a year,
 * each grouping, filters, drill-downs), the periods varied from request to request; beside it, in
 * the same run, a plain GROUP BY over the base tables (approvals, approval_steps) computing the same
 * figure per request; and what keeping the figures current costs (the stats job per changed approval
 * and project, and catching up with an import).
 *
 *   node tests/bench/stats.bench.ts [--projects 100000] [--seed 7] [--store server|pglite]
 *     [--corpus DIR] [--db URL] [--requests 50] [--baseline-requests 10] [--keep]
 *
 * --corpus imports a corpus `planhub generate` wrote; --db reuses a server database holding one
 * (its statistics are filled by the migration, or caught up here); --keep keeps the server database
 * this run made. Results go to tests/bench/results/stats-<projects>-<store>.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dueDate } from '../../rules/index.ts';
import type { OutboxRow } from '../../services/jobs/job-types.ts';
import { buildApp } from '../../services/server/app.ts';
import { createStatsDrillService } from '../../services/stats/stats-drill.service.ts';
import { statsDrillStore } from '../../services/stats/stats-drill.store.ts';
import { statsHandler } from '../../services/stats/stats.handler.ts';
import { createStatsService } from '../../services/stats/stats.service.ts';
import { statsStore } from '../../services/stats/stats.store.ts';
import { signedIn } from '../helpers/sign-in.ts';
import { openBenchStore } from './bench-corpus.ts';
import { describeMachine, percentile, table } from './machine.ts';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '7' },
    store: { type: 'string', default: 'server' },
    corpus: { type: 'string' },
    db: { type: 'string' },
    requests: { type: 'string', default: '50' },
    'baseline-requests': { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
  },
});
const started = performance.now();
const log = (msg: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}\n`);
const RESULTS = path.join(import.meta.dirname, 'results');
const N = Number(values.requests);
const NB = Number(values['baseline-requests']);
/** The generated corpus ends on 2025-12-20: "today" for the figures. */
const NOW = new Date('2025-12-20T18:00:00+08:00');
const TODAY = '2025-12-20';

const bench = await openBenchStore({
  name: 'stats', store: values.store!, db: values.db, corpus: values.corpus, projects: Number(values.projects), seed: Number(values.seed), log,
});
const { rt } = bench;
const db = rt.db;
// A fresh store was analyzed after its import (bench-corpus.ts); an existing one is too, as autovacuum would have.
if (values.db) await db.exec('ANALYZE');
const count = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0]!.n;
const [projects, approvals, steps] = [await count('SELECT count(*)::int AS n FROM projects'), await count('SELECT count(*)::int AS n FROM approvals'),
  await count('SELECT count(*)::int AS n FROM approval_steps')];
log(`${projects.toLocaleString('en')} projects, ${approvals.toLocaleString('en')} approvals, ${steps.toLocaleString('en')} steps (${db.kind})`);

// A store filled after the statistics migration ran: the stats job catches up with the import's outbox rows
// (read here without marking them done, so the store's other jobs still see them).
let catchUp = '';
if ((await count('SELECT count(*)::int AS n FROM stats_approvals')) !== approvals) {
  const handle = statsHandler({ projection: rt.statsProjection });
  let after = 0;
  let rows = 0;
  const t0 = performance.now();
  for (;;) {
    const page = (await db.query<OutboxRow<'resource.changed'>>(
      `SELECT id, topic, resource_type, resource_id, version, payload, attempts, generation FROM outbox
       WHERE id > $1 AND topic = 'resource.changed' AND resource_type IN ('approval', 'project') ORDER BY id LIMIT 500`, [after])).rows;
    if (page.length === 0) break;
    await handle(page);
    rows += page.length;
    after = page.at(-1)!.id;
    if (rows % 50_000 < 500) log(`  stats job: ${rows.toLocaleString('en')} outbox rows`);
  }
  const s = (performance.now() - t0) / 1000;
  catchUp = `The stats job caught up with the import: ${rows.toLocaleString('en')} outbox rows (approvals and projects) in batches of 500, ${s.toFixed(1)} s (${Math.round(rows / s)} rows/s).`;
  log(catchUp);
  await db.exec('ANALYZE');
}

const now = () => NOW;
const app = await buildApp({
  ...rt, logLevel: 'silent',
  stats: createStatsService({ db, store: statsStore, now }),
  statsDrill: createStatsDrillService({ db, store: statsDrillStore, figures: statsStore, now }),
});
const headers = await signedIn(app, db, 'officer');

/** The i-th request's period: months of 2024–2025, years 2013–2025 (the corpus runs 2012-01 to 2025-12-20). */
const month = (i: number) => {
  const k = i % 23;
  const m = `${2024 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  return { from: `${m}-01`, to: new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5)), 0)).toISOString().slice(0, 10) };
};
const year = (i: number) => {
  const y = 2013 + (i % 13);
  return { from: `${y}-01-01`, to: y === 2025 ? TODAY : `${y}-12-31` };
};
const q = (o: Record<string, string>) => new URLSearchParams(o).toString();

const cases: [string, (i: number) => string][] = [
  ['handling, group=item, a month', (i) => `/api/stats/handling?${q({ ...month(i), group: 'item' })}`],
  ['handling, group=item, a year', (i) => `/api/stats/handling?${q({ ...year(i), group: 'item' })}`],
  ['handling, group=month, a year', (i) => `/api/stats/handling?${q({ ...year(i), group: 'month' })}`],
  ['handling, group=district, a year', (i) => `/api/stats/handling?${q({ ...year(i), group: 'district' })}`],
  ['handling, group=office, a year', (i) => `/api/stats/handling?${q({ ...year(i), group: 'office' })}`],
  ['handling, group=month, a year, district=洪山区', (i) => `/api/stats/handling?${q({ ...year(i), group: 'month', district: '洪山区' })}`],
  ['handling, group=item, a year, CSV', (i) => `/api/stats/handling?${q({ ...year(i), group: 'item', format: 'csv' })}`],
  ['certificates, a month', (i) => `/api/stats/certificates?${q(month(i))}`],
  ['certificates, a year', (i) => `/api/stats/certificates?${q(year(i))}`],
  ['projects, by=district', () => '/api/stats/projects?by=district'],
  ['projects, by=office', () => '/api/stats/projects?by=office'],
  ['overdue, a year', (i) => `/api/stats/overdue?${q(year(i))}`],
  ['overdue, a month, office=市政处', (i) => `/api/stats/overdue?${q({ ...month(i), office: '市政处' })}`],
  ['approvals: received, a year, page 1', (i) => `/api/stats/approvals?${q({ measure: 'received', ...year(i) })}`],
  ['approvals: open at the end of a year', (i) => `/api/stats/approvals?${q({ measure: 'open', ...year(i) })}`],
  ['approvals: issued, a year, 市局 工程规划许可证', (i) => `/api/stats/approvals?${q({ measure: 'issued', ...year(i), unit: '市局', type: '工程规划许可证' })}`],
  ['approvals: overdue, a year, its June', (i) => `/api/stats/approvals?${q({ measure: 'overdue', ...year(i), month: `${year(i).from.slice(0, 4)}-06` })}`],
];

async function timed(n: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  await run(n); // warm-up, with a period of its own
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run(i);
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

const rows: (string | number)[][] = [];
const row = (what: string, ms: number[]) => rows.push([what, ms.length, percentile(ms, 50).toFixed(1), percentile(ms, 95).toFixed(1), ms.at(-1)!.toFixed(1)]);
const loadAtStart = os.loadavg()[0]!.toFixed(1);
for (const [name, url] of cases) {
  log(name);
  row(name, await timed(N, async (i) => {
    const res = await app.inject({ url: url(i), headers });
    if (res.statusCode !== 200) throw new Error(`${url(i)}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }));
}

// Baselines: the same figures by a plain GROUP BY over the base tables, per request.
const BJ = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')::date`;
const DAYS = `CROSS JOIN LATERAL (SELECT ${BJ('a.received_at')} AS r, CASE WHEN a.status = '办结' THEN ${BJ('a.closed_at')} END AS c) d`;
const OPEN = (at: string) => `r <= ${at} AND NOT (a.status = '办结' AND (c IS NULL OR c <= ${at}))`;
const baselines: [string, (i: number) => Promise<unknown>][] = [
  ['handling, group=item, a year', (i) => db.query(`SELECT a.item, count(*) FILTER (WHERE r BETWEEN $1 AND $2)::int AS received,
      count(*) FILTER (WHERE ${OPEN('$2::date')})::int AS open, count(*) FILTER (WHERE c BETWEEN $1 AND $2)::int AS closed
      FROM approvals a ${DAYS} GROUP BY 1`, [year(i).from, year(i).to])],
  ['handling, group=month, a year', (i) => db.query(`SELECT to_char(m, 'YYYY-MM'), count(*) FILTER (WHERE r BETWEEN m AND e),
      count(*) FILTER (WHERE ${OPEN('e')}), count(*) FILTER (WHERE c BETWEEN m AND e)
      FROM generate_series($1::date, $2::date, interval '1 month') g(m)
      CROSS JOIN LATERAL (SELECT least((m + interval '1 month - 1 day')::date, $2::date) AS e) me
      CROSS JOIN approvals a ${DAYS} GROUP BY 1`, [year(i).from, year(i).to])],
  ['certificates, a year', (i) => db.query(`SELECT a.office, left(a.certificate_no, 3), count(*), count(*) FILTER (WHERE a.extra -> 'certificate_uploaded' = 'true'::jsonb)
      FROM approvals a WHERE a.status = '办结' AND a.certificate_no IS NOT NULL AND ${BJ('a.closed_at')} BETWEEN $1 AND $2 GROUP BY 1, 2`, [year(i).from, year(i).to])],
  ['projects, by=office', () => db.query('SELECT office, count(DISTINCT project_no) FROM approvals GROUP BY 1')],
  ['overdue, a year (steps read, due days by dueDate per request)', async (i) => {
    const { from, to } = year(i);
    const r = await db.query<{ office: string; limit_days: number; started: string; finished: string | null }>(
      `SELECT office, limit_days, ${BJ('started_at')}::text AS started, ${BJ('finished_at')}::text AS finished FROM approval_steps
       WHERE limit_days IS NOT NULL AND started_at >= $1::date - 60 AND started_at < $2::date + 1`, [from, to]);
    const cells = new Map<string, number>();
    for (const s of r.rows) {
      const due = dueDate(s.started, s.limit_days);
      if (due < from || due > to) continue;
      const late = s.finished ? s.finished > due : TODAY > due;
      cells.set(`${s.office}|${due.slice(0, 7)}|${late}`, (cells.get(`${s.office}|${due.slice(0, 7)}|${late}`) ?? 0) + 1);
    }
    return cells;
  }],
];
const baseRows: (string | number)[][] = [];
for (const [name, run] of baselines) {
  log(`baseline: ${name}`);
  const ms = await timed(NB, run);
  baseRows.push([`plain GROUP BY: ${name}`, ms.length, percentile(ms, 50).toFixed(1), percentile(ms, 95).toFixed(1), ms.at(-1)!.toFixed(1)]);
}

// The same figures both ways (a check that the baseline computes what the endpoint does).
const api = (await app.inject({ url: `/api/stats/handling?${q({ ...year(5), group: 'item' })}`, headers })).json<{ total: { received: number; open: number; closed: number } }>();
const plain = (await baselines[0]![1](5) as { rows: { received: number; open: number; closed: number }[] }).rows;
const sums = (['received', 'open', 'closed'] as const).map((k) => plain.reduce((n, r) => n + r[k], 0));
const agree = JSON.stringify(sums) === JSON.stringify([api.total.received, api.total.open, api.total.closed]);
log(`check ${year(5).from.slice(0, 4)}: endpoint ${JSON.stringify(api.total)}, plain GROUP BY ${JSON.stringify(sums)}: ${agree ? 'equal' : 'DIFFERENT'}`);

// Keeping the figures current: the job's transaction for one changed approval (and one changed project).
const sampleIds = (await db.query<{ id: string; project_no: string }>(`SELECT id, project_no FROM approvals ORDER BY md5(id) LIMIT ${N}`)).rows;
const jobRows: (string | number)[][] = [];
for (const [name, run] of [
  ['stats job: one changed approval', (i: number) => rt.statsProjection.refresh({ approvals: [sampleIds[i % sampleIds.length]!.id], projects: [] })],
  ['stats job: one changed project (and its approvals)', (i: number) => rt.statsProjection.refresh({ approvals: [], projects: [sampleIds[i % sampleIds.length]!.project_no] })],
] as const) {
  const ms = await timed(N, run);
  jobRows.push([name, ms.length, percentile(ms, 50).toFixed(1), percentile(ms, 95).toFixed(1), ms.at(-1)!.toFixed(1)]);
}

const store = db.kind === 'pglite' ? 'pglite' : 'server';
const header = ['what', 'requests', 'p50 ms', 'p95 ms', 'max ms'];
const report = [
  `# Statistics benchmark (${store === 'pglite' ? 'PGlite' : 'PostgreSQL server'})`,
  '',
  `\`node tests/bench/stats.bench.ts ${values.db ? '--db URL' : `--store ${values.store}${values.corpus ? ' --corpus DIR' : ''} --projects ${values.projects} --seed ${values.seed}`} --requests ${N} --baseline-requests ${NB}\`${values.db ? ' (on an existing database)' : ''} — ${new Date().toISOString().slice(0, 10)}`,
  `Machine: ${describeMachine()}; load average ${loadAtStart} when the requests began, ${os.loadavg()[0]!.toFixed(1)} at the end (the machine is shared).`,
  `Store: ${db.kind}; ${projects.toLocaleString('en')} projects, ${approvals.toLocaleString('en')} approvals, ${steps.toLocaleString('en')} steps. "Today" is ${TODAY}, the corpus's last day.`,
  ...(catchUp ? ['', catchUp] : []),
  '',
  'Endpoints, through HTTP (app.inject, signed in), each request with its own month (2024-01 … 2025-11) or year (2013 … 2025); one warm-up request first:',
  '',
  table(header, rows),
  '',
  'Beside them, in the same run, the same figures by a plain GROUP BY over the base tables per request:',
  '',
  table(header, baseRows),
  '',
  `Check: for ${year(5).from.slice(0, 4)} the endpoint's 合计 and the plain GROUP BY's sums are ${agree ? 'equal' : 'DIFFERENT'} (${JSON.stringify(api.total)}).`,
  '',
  'What keeping them current costs (the stats job\'s transaction, as the outbox runs it):',
  '',
  table(header, jobRows),
  '',
].join('\n');
process.stdout.write(`${report}\n`);
fs.mkdirSync(RESULTS, { recursive: true });
fs.writeFileSync(path.join(RESULTS, `stats-${projects}-${store}.md`), report);
await app.close();
await bench.close(values.keep ?? false);
