/**
 * Import throughput into PostgreSQL (server and PGlite), beside the naive baseline of one
 * INSERT per record on the same rows in the same run.
 *
 *   npm run bench:import -- [--projects 10000]
 *
 * Prints a table with the machine and writes it to tests/bench/results/import.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openPglite, type Db } from '../../services/db/db.ts';
import { migrate } from '../../services/db/migrate.ts';
import { generateCorpus } from '../../services/generate/generate.service.ts';
import { IMPORT_ORDER } from '../../services/cli/commands/import.command.ts';
import { importJsonl } from '../helpers/imports.ts';
import { createServerDatabase } from '../helpers/databases.ts';
import { openPostgres } from '../../services/db/db.ts';
import { describeMachine, percentile, table } from './machine.ts';

const { values } = parseArgs({ options: { projects: { type: 'string', default: '10000' } } });
const projects = Number(values.projects);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-bench-'));
console.log(`generating ${projects} projects into ${dir} …`);
const corpus = await generateCorpus({ projects, seed: 7, outDir: dir });
const files = IMPORT_ORDER.map((type) => ({ type, file: corpus.files[type]! }));
const records = Object.values(corpus.counts).reduce((a, b) => a + b, 0);

interface Run {
  store: string;
  pass: string;
  records: number;
  seconds: number;
  per1000: number[];
}

async function importAll(db: Db, store: string, pass: string): Promise<Run> {
  const per1000: number[] = [];
  let n = 0;
  const t0 = performance.now();
  for (const { type, file } of files) {
    let last = performance.now();
    let lastLines = 0;
    const r = await importJsonl(db, type, fs.createReadStream(file, { highWaterMark: 1 << 20 }), {
      onProgress: ({ lines }) => {
        const now = performance.now();
        if (lines - lastLines >= 1000) per1000.push(((now - last) / (lines - lastLines)) * 1000);
        last = now;
        lastLines = lines;
      },
    });
    if (r.rejected > 0) throw new Error(`${type}: ${r.rejected} lines rejected: ${r.errors[0]?.message}`);
    n += r.accepted;
  }
  return { store, pass, records: n, seconds: (performance.now() - t0) / 1000, per1000: per1000.sort((a, b) => a - b) };
}

/** The baseline: what a straightforward importer does, one INSERT … ON CONFLICT per record. */
async function naive(db: Db, store: string, limit: number): Promise<Run> {
  const lines = fs.readFileSync(corpus.files.document!, 'utf8').split('\n').filter(Boolean).slice(0, limit);
  const per1000: number[] = [];
  const t0 = performance.now();
  let last = t0;
  for (const [i, line] of lines.entries()) {
    const d = JSON.parse(line);
    await db.query(
      `INSERT INTO documents (id, doc_no, title, date, issuer, body, project_nos, content_hash) VALUES ($1,$2,$3,$4,$5,$6,$7,'x')
       ON CONFLICT (id) DO UPDATE SET title = excluded.title`,
      [`naive-${d.id}`, d.doc_no, d.title, d.date, d.issuer, d.text, d.project_nos],
    );
    if ((i + 1) % 1000 === 0) {
      const now = performance.now();
      per1000.push(now - last);
      last = now;
    }
  }
  return { store, pass: `baseline: 1 INSERT per record (${lines.length} documents)`, records: lines.length, seconds: (performance.now() - t0) / 1000, per1000: per1000.sort((a, b) => a - b) };
}

/** PlanHub's importer on the very rows of the baseline, for a like-for-like figure. */
async function sameRows(db: Db, store: string, limit: number): Promise<Run> {
  const lines = fs.readFileSync(corpus.files.document!, 'utf8').split('\n').filter(Boolean).slice(0, limit)
    .map((l) => JSON.stringify({ ...JSON.parse(l), id: `same-${JSON.parse(l).id}` }));
  const t0 = performance.now();
  const r = await importJsonl(db, 'document', (async function* () { yield Buffer.from(lines.join('\n')); })());
  const seconds = (performance.now() - t0) / 1000;
  return { store, pass: `PlanHub on the baseline's ${r.accepted} documents`, records: r.accepted, seconds, per1000: [(seconds * 1000 * 1000) / r.accepted] };
}

const runs: Run[] = [];
const server = await createServerDatabase();
try {
  const pgDb = openPostgres(server.url, 4);
  await migrate(pgDb);
  runs.push(await importAll(pgDb, 'PostgreSQL 15 server', 'first import'));
  runs.push(await importAll(pgDb, 'PostgreSQL 15 server', 're-import (unchanged)'));
  runs.push(await naive(pgDb, 'PostgreSQL 15 server', 5000));
  runs.push(await sameRows(pgDb, 'PostgreSQL 15 server', 5000));
  await pgDb.close();
} finally {
  await server.drop();
}
const liteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-bench-pglite-'));
const lite = await openPglite(path.join(liteDir, 'pg'));
await migrate(lite);
runs.push(await importAll(lite, 'PGlite 0.5 (on disk)', 'first import'));
runs.push(await importAll(lite, 'PGlite 0.5 (on disk)', 're-import (unchanged)'));
runs.push(await naive(lite, 'PGlite 0.5 (on disk)', 5000));
runs.push(await sameRows(lite, 'PGlite 0.5 (on disk)', 5000));
await lite.close();

const out = [
  `# Import benchmark`,
  ``,
  `${new Date().toISOString()} — ${describeMachine()}`,
  ``,
  `Corpus: \`planhub generate --projects ${projects} --seed 7\`, ${records.toLocaleString('en')} records (${Object.entries(corpus.counts).map(([t, n]) => `${t} ${n}`).join(', ')}).`,
  `Time per 1,000 records is measured over each stretch of 1,000 lines (segments at file ends are left out).`,
  ``,
  table(
    ['store', 'pass', 'records', 'seconds', 'records/s', 'ms per 1k, median', 'ms per 1k, p95'],
    runs.map((r) => [
      r.store, r.pass, r.records.toLocaleString('en'), r.seconds.toFixed(1), Math.round(r.records / r.seconds).toLocaleString('en'),
      percentile(r.per1000, 50).toFixed(0), percentile(r.per1000, 95).toFixed(0),
    ]),
  ),
  ``,
].join('\n');
console.log(`\n${out}`);
const resultFile = path.join(import.meta.dirname, 'results', 'import.md');
fs.writeFileSync(resultFile, out);
console.log(`written to ${path.relative(process.cwd(), resultFile)}`);
fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(liteDir, { recursive: true, force: true });
