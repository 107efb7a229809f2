/**
 * The naming benchmark's results as markdown (tests/bench/naming.bench.ts). Like search-report.ts,
 * each run writes its raw figures into the file (an HTML comment at the end) and the tables are
 * rebuilt from every run recorded so far, so sizes and stores can be run separately.
 */
import fs from 'node:fs';
import { percentile, table } from './machine.ts';
import { QUERY_CLASSES } from '../../services/generate/officer-queries.ts';

/** One query through one search service. */
export interface Scored {
  cls: string;
  ms: number;
  /** Rank (1-based) among the distinct projects of the results of the first expected project; 0 when none is in the page. */
  rank: number;
  /** How the first hit matched (key, title, phrase, words, chars, or partial: the fallback), or 'none'. */
  tier: string;
}

export interface ServiceRun {
  /** 'today' (the baseline), 'naming' (the service as wired now) or 'fallback' (naming, each query with a word no record holds). */
  system: string;
  scored: Scored[];
  errors: number;
}

export interface NamingRun {
  key: string;
  size: number;
  projects: number;
  store: string;
  date: string;
  machine: string;
  version: string;
  contents: string;
  tab: string;
  importSeconds: number;
  reindexSeconds: number;
  /** Scored on a database filled and indexed before the run (naming.bench.ts --db): no import or reindex figures. */
  reused?: boolean;
  /** The words appended for the fallback run (the 'fallback' ServiceRun), one per query in turn. */
  fallbackWords?: string[];
  /** False while the baseline is the same service as the other column (no switch wired yet). */
  baselineDistinct: boolean;
  runs: ServiceRun[];
  wallSeconds: number;
}

const MARK = '<!-- naming-bench runs: ';
const sizeLabel = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : `${n}`);
const ms = (x: number) => (Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

export function readNamingRuns(file: string): NamingRun[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  const at = text.lastIndexOf(MARK);
  if (at < 0) return [];
  return JSON.parse(text.slice(at + MARK.length, text.lastIndexOf(' -->'))) as NamingRun[];
}

/** Rank of the first expected project among the distinct projects of the hits (1-based), 0 when absent. */
export function rankOf(hits: readonly { project_no: string | null }[], expected: readonly string[]): number {
  const seen: string[] = [];
  for (const h of hits) {
    if (!h.project_no || seen.includes(h.project_no)) continue;
    seen.push(h.project_no);
    if (expected.includes(h.project_no)) return seen.length;
  }
  return 0;
}

/** top-1 / top-3 / in the page, as shares of the queries. */
export function accuracy(s: readonly Scored[]): { top1: number; top3: number; page: number } {
  return {
    top1: s.filter((x) => x.rank === 1).length,
    top3: s.filter((x) => x.rank >= 1 && x.rank <= 3).length,
    page: s.filter((x) => x.rank >= 1).length,
  };
}

function cells(s: readonly Scored[]): [string, string] {
  const a = accuracy(s);
  const t = s.map((x) => x.ms).sort((x, y) => x - y);
  return [`${pct(a.top1, s.length)} / ${pct(a.top3, s.length)} / ${pct(a.page, s.length)}`, `${ms(percentile(t, 50))} / ${ms(percentile(t, 95))}`];
}

export function renderNaming(runs: NamingRun[]): string {
  runs.sort((a, b) => a.size - b.size || a.store.localeCompare(b.store));
  const rows: string[][] = [];
  for (const r of runs) {
    const [today, naming] = [r.runs.find((x) => x.system === 'today'), r.runs.find((x) => x.system === 'naming')];
    for (const cls of [...QUERY_CLASSES, 'all']) {
      const pick = (x: ServiceRun | undefined) => (x ? x.scored.filter((s) => cls === 'all' || s.cls === cls) : []);
      const [ta, tl] = cells(pick(today));
      const [na, nl] = cells(pick(naming));
      rows.push([sizeLabel(r.size), r.store, cls === 'all' ? '**all**' : cls, `${pick(naming).length}`, ta, tl, na, nl]);
    }
  }
  const results = table(
    ['resources', 'store', 'class', 'n', "today's behaviour: top-1 / top-3 / in 20", 'p50 / p95 ms', 'naming: top-1 / top-3 / in 20', 'p50 / p95 ms'],
    rows,
  );
  // A first hit matched 'partial' means no record held every term: the fallback answered (issue #10).
  const tiers = table(
    ['resources', 'store', 'system', 'first hit matched by: key / title / phrase / words / chars / partial (fallback) / none', 'fallback: p50 / p95 ms'],
    runs.flatMap((r) => r.runs.map((x) => {
      const n = (t: string) => x.scored.filter((s) => s.tier === t).length;
      const fallback = x.scored.filter((s) => s.tier === 'partial').map((s) => s.ms).sort((a, b) => a - b);
      return [
        sizeLabel(r.size), r.store, x.system, ['key', 'title', 'phrase', 'words', 'chars', 'partial', 'none'].map(n).join(' / '),
        `${ms(percentile(fallback, 50))} / ${ms(percentile(fallback, 95))}`,
      ];
    })),
  );
  // Every query again with a word no record holds: the fallback's own accuracy and latency.
  const fallbackRows = runs.flatMap((r) => {
    const f = r.runs.find((x) => x.system === 'fallback');
    if (!f) return [];
    const [acc, all] = cells(f.scored);
    const answered = f.scored.filter((s) => s.tier === 'partial');
    const [, own] = cells(answered);
    return [[sizeLabel(r.size), r.store, `${f.scored.length}`, `${answered.length}`, acc, all, own]];
  });
  const fallback = table(
    ['resources', 'store', 'n', 'answered by the fallback', 'top-1 / top-3 / in 20', 'p50 / p95 ms (all)', 'p50 / p95 ms (answered by the fallback)'],
    fallbackRows,
  );
  const notes = runs.map((r) => [
    `- **${sizeLabel(r.size)} on ${r.store}** (${r.date}): ${r.version}; ${r.contents}; ${r.projects.toLocaleString('en')} projects;`,
    r.reused
      ? `  scored on a database imported and indexed before the run (\`--db\`); tab \`${r.tab}\`; run took ${(r.wallSeconds / 60).toFixed(1)} min.`
      : `  import ${r.importSeconds.toFixed(0)} s, reindex ${r.reindexSeconds.toFixed(0)} s; tab \`${r.tab}\`; run took ${(r.wallSeconds / 60).toFixed(1)} min.`,
    r.fallbackWords ? `  fallback words (appended in turn): ${r.fallbackWords.join(' ')}.` : '',
    ...r.runs.filter((x) => x.errors > 0).map((x) => `  ${x.system}: ${x.errors} queries answered with an error (counted as misses).`),
    r.baselineDistinct ? '' : "  **The baseline is the current service itself** (no switch to turn the naming features off is wired yet): both columns measure today's behaviour.",
  ].filter(Boolean).join('\n'));
  return [
    `# Naming benchmark: search as officers name projects (issue #10)`,
    ``,
    `Machine: ${runs[0]?.machine ?? ''}.`,
    `\`node tests/bench/naming.bench.ts --sizes … --stores …\`; each run generates \`--seed 7\` with the number of projects that`,
    `makes about that many resources (9.6 a project), imports it, reindexes it through the real runtime, and sends the first`,
    `queries of its \`officer-queries.jsonl\` (services/generate/README.md) one at a time through \`search.search({ q, size: 20 })\``,
    `after a warm-up. A query scores at rank k when the k-th distinct project among its hits (each hit's \`project_no\`, in`,
    `order; hits without one skipped) is one of the projects it means. top-1, top-3: share of queries scoring at rank 1, at`,
    `ranks 1–3; "in 20": some expected project among the 20 hits. "today's behaviour" is the search service with the naming`,
    `features switched off, "naming" the service as wired; same corpus, same queries, same run, taking turns query by query.`,
    `Goals (issue #10): top-3 ≥ 95% overall and ≥ 90% in every class; p95 of the fallback ≤ 50 ms at 1M on the PostgreSQL server.`,
    ``,
    `## Accuracy and latency per class`,
    ``,
    results,
    ``,
    `## How the first hit matched`,
    ``,
    tiers,
    ``,
    `## The fallback on its own`,
    ``,
    `Each query again with a word appended that no record of the corpus holds (屋顶绿化, 充电桩, …, listed in the notes):`,
    `no record holds every term, so the fallback answers; scored as above against the projects the query without the word`,
    `means. The goal's p95 is the last column's.`,
    ``,
    fallbackRows.length ? fallback : '(no run with the fallback set yet)',
    ``,
    `## Notes`,
    ``,
    ...notes,
    ``,
    `${MARK}${JSON.stringify(runs)} -->`,
    ``,
  ].join('\n');
}
