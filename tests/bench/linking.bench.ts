/**
 * Linking benchmark (issue #12): generates a corpus, imports it, runs the linker (`linkAll`, as
 * `planhub link` does) and compares the links it inferred with ground-truth.jsonl, per type,
 * beside a baseline in the same run (a project is linked when its exact name appears in the
 * text). Declared links (a record's own project numbers) are left out of both sides.
 *
 *   node tests/bench/linking.bench.ts [--projects 10000] [--seed 1] [--store server|pglite]
 *     [--corpus DIR] [--db URL] [--misses N]
 *
 * --corpus reuses a generated corpus; --db reuses a database already holding it (no import), so
 * a tuning round is one link run. --misses prints that many misses of each kind per type.
 * Results go to tests/bench/results/linking.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../services/config/config.ts';
import { generateCorpus } from '../../services/generate/generate.service.ts';
import { normalizeText } from '../../indexers/segment/normalize.ts';
import { LINK_TYPES, type LinkType } from '../../services/linking/link-model.ts';
import { openRuntime, type Runtime } from '../../services/runtime/runtime.ts';
import { createServerDatabase } from '../helpers/databases.ts';
import { readJsonl } from '../helpers/search-fixture.ts';
import { importAll } from './bench-corpus.ts';
import { describeMachine, table } from './machine.ts';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    store: { type: 'string', default: 'server' },
    corpus: { type: 'string' },
    db: { type: 'string' },
    misses: { type: 'string', default: '0' },
  },
});
const started = performance.now();
const log = (msg: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}\n`);
const RESULTS = path.join(import.meta.dirname, 'results');
const projects = Number(values.projects);
const seed = Number(values.seed);

interface Truth { type: string; id: string; project_nos: string[] }
interface Rec { id: string; project_nos?: string[]; subject?: string; title?: string | null; text?: string | null }

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-linking-'));
const corpusDir = values.corpus ?? path.join(tmp, 'corpus');
if (!values.corpus) {
  log(`generating ${projects} projects (seed ${seed})`);
  await generateCorpus({ projects, seed, outDir: corpusDir });
}
const files = (type: string) => path.join(corpusDir, `${type}s.jsonl`);

const server = values.store === 'server' && !values.db ? await createServerDatabase() : null;
const url = values.db ?? server?.url;
const rt: Runtime = await openRuntime(loadConfig({ PLANHUB_DATA_DIR: path.join(tmp, 'data'), ...(url ? { DATABASE_URL: url } : {}) }));
if (!values.db) {
  log(`importing into ${rt.db.kind}${url ? ` (${url})` : ''}`);
  await importAll(rt, {
    files: Object.fromEntries(['project', 'approval', 'document', 'meeting', 'petition', 'credit', 'regulation'].map((t) => [t, files(t)])),
  } as Parameters<typeof importAll>[1], log);
}

log('linking');
let lastTick = 0;
const linkStarted = performance.now();
const summary = await rt.linking.linkAll({
  onProgress: (done, total) => {
    if (performance.now() - lastTick > 5000) {
      lastTick = performance.now();
      log(`  ${done}/${total}`);
    }
  },
});
const resourcesLinked = LINK_TYPES.reduce((s, t) => s + (summary.byType[t]?.resources ?? 0), 0);
const rate = resourcesLinked / summary.seconds;
const wall = (performance.now() - linkStarted) / 1000;
log(`linked ${resourcesLinked} resources in ${summary.seconds.toFixed(1)} s (${Math.round(rate)}/s), model v${summary.modelVersion}`);

// What the linker inferred (its own rows), and the truth.
const rows = await rt.db.query<{ resource_type: string; resource_id: string; project_no: string; status: string }>(
  `SELECT resource_type, resource_id, project_no, status FROM resource_links WHERE method IN ('key', 'linkage')`,
);
const truth = new Map(readJsonl<Truth>(path.join(corpusDir, 'ground-truth.jsonl')).map((t) => [`${t.type}:${t.id}`, new Set(t.project_nos)]));
const projectNames = readJsonl<{ project_no: string; name: string }>(files('project')).map((p) => ({ no: p.project_no, name: normalizeText(p.name) }));
const byFirst = new Map<string, { no: string; name: string }[]>();
for (const p of projectNames) {
  const k = p.name.slice(0, 2);
  byFirst.set(k, [...(byFirst.get(k) ?? []), p]);
}
/** The baseline: every project whose exact (normalized) name is in the text. */
function baseline(text: string): Set<string> {
  const out = new Set<string>();
  for (let at = 0; at + 1 < text.length; at++) for (const p of byFirst.get(text.slice(at, at + 2)) ?? []) if (text.startsWith(p.name, at)) out.add(p.no);
  return out;
}

interface Figures { resources: number; truePairs: number; auto: number; autoRight: number; autoFound: number; anyFound: number; suggested: number;
  base: number; baseRight: number; baseFound: number }
const figures = new Map<LinkType, Figures>();
const misses: string[] = [];
const wantMisses = Number(values.misses);
const projectByNo = new Map(readJsonl<Record<string, unknown>>(files('project')).map((p) => [p.project_no as string, p]));
const describe = (no: string) => {
  const p = projectByNo.get(no);
  return p ? `${no} ${p.name}${p.estate_name ? ` [${p.estate_name}]` : ''}` : no;
};
for (const type of LINK_TYPES) {
  const linked = new Map<string, { auto: Set<string>; suggested: Set<string> }>();
  for (const r of rows.rows.filter((x) => x.resource_type === type)) {
    const e = linked.get(r.resource_id) ?? { auto: new Set(), suggested: new Set() };
    if (r.status === 'auto') e.auto.add(r.project_no);
    else if (r.status === 'suggested') e.suggested.add(r.project_no);
    linked.set(r.resource_id, e);
  }
  const f: Figures = { resources: 0, truePairs: 0, auto: 0, autoRight: 0, autoFound: 0, anyFound: 0, suggested: 0, base: 0, baseRight: 0, baseFound: 0 };
  let shownFp = 0;
  let shownFn = 0;
  for (const rec of readJsonl<Rec>(files(type))) {
    f.resources++;
    const declared = new Set(rec.project_nos ?? []);
    const all = truth.get(`${type}:${rec.id}`) ?? new Set<string>();
    const wanted = [...all].filter((no) => !declared.has(no));
    const got = linked.get(rec.id) ?? { auto: new Set<string>(), suggested: new Set<string>() };
    f.truePairs += wanted.length;
    f.auto += got.auto.size;
    f.suggested += got.suggested.size;
    for (const no of got.auto) if (all.has(no)) f.autoRight++;
    for (const no of wanted) {
      if (got.auto.has(no)) f.autoFound++;
      if (got.auto.has(no) || got.suggested.has(no)) f.anyFound++;
    }
    const text = normalizeText(`${rec.subject ?? rec.title ?? ''}\n${rec.text ?? ''}`);
    const base = [...baseline(text)].filter((no) => !declared.has(no));
    f.base += base.length;
    for (const no of base) if (all.has(no)) f.baseRight++;
    for (const no of wanted) if (base.includes(no)) f.baseFound++;
    const wrong = [...got.auto].filter((no) => !all.has(no));
    const missed = wanted.filter((no) => !got.auto.has(no));
    if (wantMisses > 0 && ((wrong.length > 0 && shownFp < wantMisses) || (missed.length > 0 && shownFn < wantMisses))) {
      if (wrong.length > 0) shownFp++;
      else shownFn++;
      const reasons = await rt.db.query<{ project_no: string; status: string; score: number; reasons: unknown }>(
        `SELECT project_no, status, score, reasons FROM resource_links WHERE resource_type = $1 AND resource_id = $2 AND method IN ('key', 'linkage')`,
        [type, rec.id],
      );
      misses.push([
        `### ${type} ${rec.id}: ${wrong.length > 0 ? 'WRONG AUTO' : 'MISSED'}`,
        `truth: ${[...all].map(describe).join('; ') || '(none)'}; declared: ${[...declared].join(', ') || '-'}`,
        '```', text.slice(0, 700), '```',
        ...reasons.rows.map((r) => `- ${r.status} ${describe(r.project_no)} p=${r.score.toFixed(3)}: ${JSON.stringify(r.reasons)}`),
      ].join('\n'));
    }
  }
  figures.set(type, f);
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const body = LINK_TYPES.map((type) => {
  const f = figures.get(type)!;
  return [type, f.resources, f.truePairs, pct(f.autoRight, f.auto), pct(f.autoFound, f.truePairs), pct(f.anyFound, f.truePairs),
    (f.suggested / f.resources).toFixed(2), pct(f.baseRight, f.base), pct(f.baseFound, f.truePairs)];
});
const report = [
  '# Linking benchmark (issue #12)',
  '',
  `Machine: ${describeMachine()}.`,
  `\`node tests/bench/linking.bench.ts --projects ${projects} --seed ${seed} --store ${values.store}\`: a generated corpus of ${projects} projects,`,
  `imported, then \`linkAll\` (what \`planhub link\` runs: estimate the model, link every petition, document and meeting) on ${rt.db.kind}.`,
  'Only inferred links count: pairs a record declares itself are left out of the truth and of the baseline. Precision of auto:',
  'auto links that are in ground-truth.jsonl; recall: true undeclared pairs linked auto (or auto or suggested); suggestions per',
  'resource: suggested links over all resources of the type. Baseline: a project is linked when its exact name is in the text.',
  'Goals: precision(auto) ≥ 0.98, recall(auto) ≥ 0.90, recall(auto+suggested) ≥ 0.97 with ≤ 3 suggestions per resource; ≥ 1,000 resources/s.',
  '',
  table(['type', 'resources', 'true pairs', 'precision auto', 'recall auto', 'recall auto+suggested', 'suggestions / resource', 'baseline precision', 'baseline recall'], body),
  '',
  `Link run: ${resourcesLinked.toLocaleString('en')} resources in ${summary.seconds.toFixed(1)} s = **${Math.round(rate).toLocaleString('en')} resources/s**, after the model estimate`
    + ` (${(wall - summary.seconds).toFixed(1)} s; the whole of \`planhub link\` ${(resourcesLinked / wall).toFixed(0)} resources/s; linker model v${summary.modelVersion}).`,
  '',
].join('\n');
console.log(report);
if (!values.db) fs.writeFileSync(path.join(RESULTS, 'linking.md'), report);
if (misses.length > 0) fs.writeFileSync(path.join(RESULTS, 'linking-misses.md'), `# Linking misses\n\n${misses.join('\n\n')}\n`);
await rt.close();
if (server && !process.env.KEEP_DB) await server.drop();
else if (server) log(`kept database ${server.url}`);
fs.rmSync(tmp, { recursive: true, force: true });
