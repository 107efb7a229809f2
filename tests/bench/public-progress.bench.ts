/**
 * Public inquiry benchmark (公众查询, issue #13): latency of `GET /public/api/progress` through
 * the whole app (app.inject, no sign-in), for name queries (the search engine's project search,
 * then the allowed columns by number) and for number queries (one indexed row), over the same
 * sampled projects. Beside them, the name queries as the first version answered them (an ILIKE
 * scan of every project's name, estate name and aliases, run on the store directly), so the
 * change shows in one run. "found" is the share of answers that list the sampled project.
 *
 * Name queries, a third each: the registered name; the name without its district prefix and
 * without a trailing 工程/项目 (how people say it); the estate name or an alias when the project
 * has one, else the name's first six characters.
 *
 *   node tests/bench/public-progress.bench.ts [--projects 2000] [--seed 7] [--store server|pglite]
 *     [--corpus DIR] [--db URL] [--requests 200] [--keep]
 *
 * --corpus imports a corpus `planhub generate` wrote; --db reuses a database that holds a corpus
 * already imported and indexed (the sample is then read from its projects table); --keep keeps
 * the server database this run made (its URL is printed).
 * Results go to tests/bench/results/public-progress-<projects>-<store>.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectAliasesSql } from '../../services/db/project-aliases-sql.ts';
import { buildApp } from '../../services/server/app.ts';
import { openBenchStore } from './bench-corpus.ts';
import { describeMachine, percentile, table } from './machine.ts';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '7' },
    store: { type: 'string', default: 'server' },
    corpus: { type: 'string' },
    db: { type: 'string' },
    requests: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
const started = performance.now();
const log = (msg: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}\n`);
const RESULTS = path.join(import.meta.dirname, 'results');
const N = Number(values.requests);

const bench = await openBenchStore({
  name: 'public', store: values.store!, db: values.db, corpus: values.corpus, projects: Number(values.projects), seed: Number(values.seed), index: true, log,
});
const { rt } = bench;

interface P { project_no: string; name: string; estate: string | null; alias: string | null }
const projects = (await rt.db.query<P>(
  `SELECT project_no, name, extra->>'estate_name' AS estate, (${projectAliasesSql('p')})[1] AS alias FROM projects p ORDER BY project_no`,
)).rows;
const step = Math.max(1, Math.floor(projects.length / N));
const sample = projects.filter((_, i) => i % step === 0).slice(0, N);

const DISTRICT_PREFIX = /^(武汉市)?[\u4e00-\u9fff]{1,4}(区|新区|开发区)/;
function nameQuery(p: P, i: number): string {
  if (i % 3 === 0) return p.name;
  if (i % 3 === 1) {
    const said = p.name.replace(DISTRICT_PREFIX, '').replace(/(新建|改扩建)?(工程|项目)$/, '');
    return [...said].length >= 4 ? said : p.name;
  }
  return p.estate ?? p.alias ?? [...p.name].slice(0, 6).join('');
}
/** The number as people write it: lower case, dashes between its parts. */
const numberQuery = (no: string) => `${no.slice(0, 4)}-${no.slice(4, 8)}-${no.slice(8)}`.toLowerCase();

const app = await buildApp({ ...rt, logLevel: 'silent' });
let client = 0;
/** Each request from a client of its own: the route's per-client limit is not what is measured. */
async function ask(q: string): Promise<{ ms: number; nos: string[] }> {
  client++;
  const t0 = performance.now();
  const res = await app.inject({ url: `/public/api/progress?q=${encodeURIComponent(q)}`, remoteAddress: `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}` });
  const ms = performance.now() - t0;
  if (res.statusCode !== 200) throw new Error(`${q}: ${res.statusCode} ${res.body}`);
  return { ms, nos: (res.json().projects as { project_no: string }[]).map((x) => x.project_no) };
}

/** The first version's name lookup (public.store.ts before the engine), for the comparison. */
async function scan(q: string): Promise<{ ms: number; nos: string[] }> {
  const literal = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const t0 = performance.now();
  const r = await rt.db.query<{ project_no: string }>(
    `SELECT p.project_no FROM projects p
     WHERE p.name ILIKE $1
        OR p.extra->>'estate_name' ILIKE $1
        OR ((p.extra ? 'aliases' OR p.project_no IN (SELECT pa.project_no FROM project_aliases pa))
            AND EXISTS (SELECT 1 FROM unnest(${projectAliasesSql('p')}) AS alias WHERE alias ILIKE $1))
     ORDER BY p.name ILIKE $2 DESC, p.project_no
     LIMIT 10`,
    [`%${literal}%`, `${literal}%`],
  );
  return { ms: performance.now() - t0, nos: r.rows.map((x) => x.project_no) };
}

type Kind = 'name (engine)' | 'number' | 'name (ILIKE scan, before)';
const runs = new Map<Kind, { ms: number[]; found: number }>();
async function measure(kind: Kind, fn: (p: P, i: number) => Promise<{ ms: number; nos: string[] }>) {
  // A few warm-up requests, so that first-use caches are not in the figures.
  for (const [i, p] of sample.slice(0, 5).entries()) await fn(p, i);
  const run = { ms: [] as number[], found: 0 };
  for (const [i, p] of sample.entries()) {
    const r = await fn(p, i);
    run.ms.push(r.ms);
    if (r.nos.includes(p.project_no)) run.found++;
  }
  runs.set(kind, run);
}
log(`${sample.length} name and number queries through the app`);
await measure('name (engine)', (p, i) => ask(nameQuery(p, i)));
await measure('number', (p) => ask(numberQuery(p.project_no)));
await measure('name (ILIKE scan, before)', (p, i) => scan(nameQuery(p, i)));

const rows = [...runs].map(([kind, r]) => {
  const s = [...r.ms].sort((a, b) => a - b);
  return [kind, s.length, percentile(s, 50).toFixed(1), percentile(s, 95).toFixed(1), `${((100 * r.found) / s.length).toFixed(0)}%`];
});
const report = [
  '# Public inquiry benchmark',
  '',
  `\`node tests/bench/public-progress.bench.ts --store ${values.store}${values.corpus ? ` --corpus ${values.corpus}` : ` --projects ${values.projects} --seed ${values.seed}`} --requests ${N}\`${values.db ? ' (on an existing database, `--db`)' : ''} — ${new Date().toISOString().slice(0, 10)}`,
  `Machine: ${describeMachine()}`,
  `Store: ${rt.db.kind}, engine ${rt.engine.name}; ${projects.length.toLocaleString('en')} projects.`,
  '',
  table(['query', 'requests', 'median ms', 'p95 ms', 'found'], rows),
  '',
  'Engine and number rows: through app.inject (routing, validation, serialization included); the ILIKE row is the SQL alone.',
  '',
].join('\n');
process.stdout.write(`${report}\n`);
fs.mkdirSync(RESULTS, { recursive: true });
fs.writeFileSync(path.join(RESULTS, `public-progress-${projects.length}-${rt.db.kind === 'pglite' ? 'pglite' : 'server'}.md`), report);
await app.close();
await bench.close(values.keep ?? false);
