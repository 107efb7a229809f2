/**
 * The web app's speed and weight as a person sees them, in real Chromium against a running hub
 * (`npm start` first): for the search page and a project's 360 view, the time to the first
 * results (rendered on the server, so shown before any JavaScript runs), to interactive (React
 * hydrated: `html[data-hydrated]`, set by web/app/providers.tsx), and the JavaScript the first
 * load downloads, gzipped. A measurement, not a test: it prints the figures and writes them to
 * tests/bench/results/web.md.
 *
 * Beside each page, in the same run, its baseline: the API request the page's first data comes
 * from, timed alone from Node — what the page costs above it is the page's own.
 *
 *   node tests/bench/web.bench.ts [--url http://127.0.0.1:3000] [--query 青山] [--project NO] [--runs 20]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { benchSignIn } from './bench-login.ts';
import { describeMachine } from './machine.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    query: { type: 'string', default: '青山' },
    project: { type: 'string' },
    runs: { type: 'string', default: '20' },
    user: { type: 'string', default: 'officer' },
    password: { type: 'string', default: 'planhub-demo' },
  },
});
const base = values.url!.replace(/\/$/, '');
const runs = Number(values.runs);

interface Sample {
  ttfb: number;
  firstResults: number;
  interactive: number;
  jsFiles: number;
  jsBytes: number;
  jsGzip: number;
}

/** One cold load (fresh context: nothing cached in the browser) of a page until `ready` shows. */
async function load(browser: Browser, url: string, ready: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await session.enter(context);
  const page = await context.newPage();
  const scripts: Promise<Buffer>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script' && res.ok()) scripts.push(res.body());
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
  const firstResults = Date.now() - started;
  if (!url.includes('/api/')) await page.locator('html[data-hydrated]').waitFor({ timeout: 30_000 });
  const interactive = Date.now() - started;
  const nav = (await page.evaluate('JSON.stringify(performance.getEntriesByType("navigation")[0])')) as string;
  const timing = JSON.parse(nav) as { responseStart: number };
  const bodies = await Promise.all(scripts);
  await context.close();
  return {
    ttfb: timing.responseStart,
    firstResults,
    interactive,
    jsFiles: bodies.length,
    jsBytes: bodies.reduce((n, b) => n + b.length, 0),
    jsGzip: bodies.reduce((n, b) => n + gzipSync(b).length, 0),
  };
}

/** The q-quantile of the samples, nearest rank over the sorted samples. */
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const p50p95 = (xs: number[]) => `${median(xs).toFixed(0)} / ${quantile(xs, 0.95).toFixed(0)} ms`;

/** The baseline: the page's API request alone, timed from Node (median and p95 over `runs`). */
async function apiTimes(url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i += 1) {
    const started = performance.now();
    const res = await fetch(url, { headers: session.headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    if (i > 0) times.push(performance.now() - started); // the first one warms
  }
  return times;
}
const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

async function projectToShow(): Promise<{ no: string; resources: number }> {
  if (values.project) {
    const r = (await (await fetch(`${base}/api/search?project=${encodeURIComponent(values.project)}&size=1`, { headers: session.headers })).json()) as { total: number };
    return { no: values.project, resources: r.total };
  }
  // The project with the most records among the query's projects.
  const hits = (await (await fetch(`${base}/api/search?q=${encodeURIComponent(values.query!)}&type=project&size=20`, { headers: session.headers })).json()) as { hits: { project_no: string }[] };
  let best = { no: '', resources: -1 };
  for (const h of hits.hits) {
    const r = (await (await fetch(`${base}/api/search?project=${encodeURIComponent(h.project_no)}&size=1`, { headers: session.headers })).json()) as { total: number };
    if (r.total > best.resources) best = { no: h.project_no, resources: r.total };
  }
  if (!best.no) throw new Error(`no project found for "${values.query}"; pass --project`);
  return best;
}

const health = await fetch(`${base}/api/health`).catch(() => undefined);
if (!health?.ok) {
  console.error(`no hub answers at ${base}; start one with \`npm start\` (or pass --url)`);
  process.exit(1);
}
const session = await benchSignIn(base, values.user, values.password);
const project = await projectToShow();
const pages = [
  {
    name: `搜索 /search?q=${values.query}`, url: `${base}/search?q=${encodeURIComponent(values.query!)}`, ready: 'article.ph-card', budget: 1000,
    api: `${base}/api/search?q=${encodeURIComponent(values.query!)}&size=20`,
  },
  {
    name: `360 view /projects/${project.no} (${project.resources} records)`, url: `${base}/projects/${project.no}`, ready: '.ph-step-table, .ph-stage, .ant-empty', budget: 1500,
    api: `${base}/api/projects/${encodeURIComponent(project.no)}`,
  },
];

const browser = await launchChromium();
const rows: string[] = [];
try {
  // The browser's own floor: a fresh context loading a small response of the same server.
  const floor: Sample[] = [];
  for (let i = 0; i <= runs; i += 1) floor.push(await load(browser, `${base}/api/health`, 'body'));
  const floorRow = `| the browser's floor: /api/health in a fresh context | — | ${p50p95(floor.slice(1).map((s) => s.ttfb))} | ${p50p95(floor.slice(1).map((s) => s.firstResults))} | — | — |`;
  rows.push(floorRow);
  console.log(floorRow);
  for (const p of pages) {
    await load(browser, p.url, p.ready); // warm the server and its caches
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i += 1) samples.push(await load(browser, p.url, p.ready));
    const baseline = await apiTimes(p.api);
    const first = median(samples.map((s) => s.firstResults));
    const row = `| ${p.name} | ${p50p95(baseline)} | ${p50p95(samples.map((s) => s.ttfb))} | ${p50p95(samples.map((s) => s.firstResults))} (budget ${p.budget}: ${first <= p.budget ? 'met' : 'not met'}) | ${p50p95(samples.map((s) => s.interactive))} | ${samples[0]!.jsFiles} files, ${kb(samples[0]!.jsBytes)} (${kb(samples[0]!.jsGzip)} gzipped) |`;
    rows.push(row);
    console.log(row);
  }
} finally {
  await browser.close();
}

const report = [
  `# Web app: time to results and first-load JavaScript`,
  '',
  `${new Date().toISOString().slice(0, 10)}, ${describeMachine()}; hub at ${base}, server warm, browser cache cold; median / p95 of ${runs} loads each; load average ${os.loadavg()[0]!.toFixed(1)} at the end.`,
  `Baseline: the page's first data from the API alone (\`GET /api/search\`, \`GET /api/projects/:no\`), timed from Node in the same run.`,
  '',
  '| page | baseline: its API request | first byte | first results | interactive (hydrated) | JavaScript on first load |',
  '|---|---|---|---|---|---|',
  ...rows,
  '',
].join('\n');
const out = path.join(import.meta.dirname, 'results', 'web.md');
fs.writeFileSync(out, report);
console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
