/**
 * The search benchmark's results as markdown. Runs of different sizes and stores are made by
 * separate invocations (a 1M run takes long), so each writes its raw figures into the file too
 * (an HTML comment at the end) and the tables are rebuilt from every run recorded so far.
 */
import fs from 'node:fs';
import { percentile, table } from './machine.ts';
import { QUERY_CLASSES } from './search-queries.ts';

export interface Timed {
  cls: string;
  ms: number;
  found: boolean;
}

export interface SystemRun {
  system: string;
  timings: Timed[];
  /** Queries the time budget left out (baselines only). */
  skipped: number;
}

export interface StoreRun {
  key: string;
  size: number;
  store: string;
  date: string;
  machine: string;
  version: string;
  lcCtype: string;
  settings: string;
  contents: string;
  records: number;
  importSeconds: number;
  lawImportSeconds: number;
  /** The laws, indexed afterwards through indexRecords (the path import jobs take). */
  lawIndexSeconds: number;
  reindex: { records: number; docs: number; seconds: number; phases: string };
  searchBytes: { heap: number; indexes: number; total: number };
  baselineBytes: { heap: number; trgm: number; trgmBuildSeconds: number };
  diskBytes: number | null;
  rssMb: number;
  maxRssMb: number;
  systems: SystemRun[];
  laws: { system: string; n: number; top1: number; ms: number[] }[];
  trgmPlans: string[];
  wallSeconds: number;
}

const MARK = '<!-- search-bench runs: ';
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const sizeLabel = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

export function readRuns(file: string): StoreRun[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  const at = text.lastIndexOf(MARK);
  if (at < 0) return [];
  return JSON.parse(text.slice(at + MARK.length, text.lastIndexOf(' -->'))) as StoreRun[];
}

function triple(t: Timed[]): string {
  const s = t.map((x) => x.ms).sort((a, b) => a - b);
  return s.length ? `${ms(percentile(s, 50))} / ${ms(percentile(s, 95))} / ${ms(percentile(s, 99))}` : '—';
}
const found = (t: Timed[]) => (t.length ? `${Math.round((100 * t.filter((x) => x.found).length) / t.length)}%` : '—');

export function render(runs: StoreRun[]): string {
  runs.sort((a, b) => a.size - b.size || a.store.localeCompare(b.store));
  const indexing = table(
    ['resources', 'store', 'records in the store', 'import', 'reindex of the generated corpus (segmentation included)', 'records/s', 'laws: import + index', 'search table + indexes', 'RSS now / peak', 'run took'],
    runs.map((r) => [
      sizeLabel(r.size), r.store, r.contents,
      `${r.importSeconds.toFixed(0)} s (${Math.round(r.records / r.importSeconds).toLocaleString('en')}/s)`,
      `${r.reindex.records.toLocaleString('en')} records → ${r.reindex.docs.toLocaleString('en')} docs in ${r.reindex.seconds.toFixed(0)} s`,
      Math.round(r.reindex.records / r.reindex.seconds).toLocaleString('en'),
      `${r.lawImportSeconds.toFixed(0)} s + ${r.lawIndexSeconds.toFixed(0)} s`,
      `${mb(r.searchBytes.total)} (heap+toast ${mb(r.searchBytes.total - r.searchBytes.indexes)}, indexes ${mb(r.searchBytes.indexes)})${r.diskBytes ? `; data dir ${mb(r.diskBytes)}` : ''}`,
      `${r.rssMb} / ${r.maxRssMb} MiB`, `${(r.wallSeconds / 60).toFixed(1)} min`,
    ]),
  );
  const latencyRows: string[][] = [];
  for (const r of runs) {
    const [hub, plain, trgm] = r.systems;
    for (const cls of [...QUERY_CLASSES, 'all']) {
      const pick = (s: SystemRun | undefined) => (s ? s.timings.filter((t) => cls === 'all' || t.cls === cls) : []);
      const n = (s: SystemRun | undefined) => `${pick(s).length}`;
      latencyRows.push([
        sizeLabel(r.size), r.store, cls === 'all' ? '**all**' : cls,
        `${triple(pick(hub))} (n ${n(hub)}, found ${found(pick(hub))})`,
        `${triple(pick(plain))} (n ${n(plain)}, found ${found(pick(plain))})`,
        `${triple(pick(trgm))} (n ${n(trgm)}, found ${found(pick(trgm))})`,
      ]);
    }
  }
  const latency = table(
    ['resources', 'store', 'query class', 'PlanHub, ranked: p50 / p95 / p99 ms', "ILIKE '%…%', no index", 'ILIKE, pg_trgm GIN index'],
    latencyRows,
  );
  const laws = table(
    ['resources', 'store', 'system', 'titles', 'top-1', 'p50 / p95 ms'],
    runs.flatMap((r) =>
      r.laws.map((l) => {
        const s = [...l.ms].sort((a, b) => a - b);
        return [sizeLabel(r.size), r.store, l.system, `${l.n}`, `${((100 * l.top1) / Math.max(1, l.n)).toFixed(1)}%`, `${ms(percentile(s, 50))} / ${ms(percentile(s, 95))}`];
      }),
    ),
  );
  const notes = runs.map((r) => [
    `- **${sizeLabel(r.size)} on ${r.store}** (${r.date}): ${r.version}; lc_ctype ${r.lcCtype}; ${r.settings}.`,
    `  Reindex phases: ${r.reindex.phases}.`,
    `  Baseline table \`bench_text\`: ${mb(r.baselineBytes.heap)}; its two pg_trgm GIN indexes ${mb(r.baselineBytes.trgm)}, built in ${r.baselineBytes.trgmBuildSeconds.toFixed(0)} s.`,
    ...r.systems.filter((s) => s.skipped > 0).map((s) => `  ${s.system}: the time budget left out ${s.skipped} of the queries.`),
    `  Plans of the trgm baseline: ${r.trgmPlans.join('; ')}.`,
  ].join('\n'));
  return [
    `# Search benchmark`,
    ``,
    `Machine: ${runs[0]?.machine ?? ''}.`,
    `\`node tests/bench/search.bench.ts --sizes … --stores …\`; each run generates \`--projects N --seed 7\`, imports it with the`,
    `real importer and times \`indexer.reindex()\` over it (jieba + bigram segmentation, tsvectors, bulk insert, GIN`,
    `indexes, switch). Then the 3,417 laws of shared/corpus/laws.jsonl (read in place) are imported as regulations and`,
    `indexed with \`indexer.indexRecords\` (the path import jobs take); queries run against all of it.`,
    `Queries run one at a time after a warm-up: PlanHub through \`search.search({ q, size: 20 })\` (analysis, tiered`,
    `ranking, counts, snippets); the baselines are \`SELECT … WHERE title ILIKE $1 OR body ILIKE $1 LIMIT 20\`, unranked,`,
    `on a plain copy (\`bench_text\`) of the very rows of the live search table, first without an index, then with`,
    `\`gin (title gin_trgm_ops)\` and \`gin (body gin_trgm_ops)\`. "found" = share of queries with at least one hit.`,
    `Law top-1: a law's full title as the query; a hit when the first result's title is that title (baselines: \`LIMIT 1\`).`,
    ``,
    `## Indexing`,
    ``,
    indexing,
    ``,
    `## Search latency`,
    ``,
    latency,
    ``,
    `## Law titles: top-1`,
    ``,
    laws,
    ``,
    `## Notes`,
    ``,
    ...notes,
    ``,
    `${MARK}${JSON.stringify(runs)} -->`,
    ``,
  ].join('\n');
}
