/**
 * 统计 and 流程分析 in real Chromium against the real hub (issue #16): `planhub serve` on the
 * embedded store with a small generated corpus and the demo users. The officer reads 业务办理情况
 * with its 合计 row and 证照情况统计 with 总计 and the four certificate types as the API counts
 * them, sees each chart drawn, opens figures (a table's link, a heatmap cell) down to the
 * approvals behind them and finds as many as the figure said, downloads a CSV with its BOM, and is
 * told 流程分析 needs another role; the supervisor starts the analysis with 重新分析, waits for
 * 「分析于」, and reads the item's graph, steps, bottlenecks, pairs and deviations as the API
 * answers them. No console errors and no CSP violations on any page; axe on each; screenshots.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, needsChromium, screenshot, seriousViolations } from '../helpers/browser.ts';
import type { Child } from '../helpers/processes.ts';
import { addDemoUsers, apiAs, runCli as run, serveHub, signIn, stopHub, type DemoUser } from '../helpers/web-hub.ts';

type Api = (p: string, init?: RequestInit) => Promise<Response>;
interface Counts { received: number; open: number; closed: number }
interface Handling { from: string; to: string; rows: (Counts & { key: string })[]; total: Counts & { key: string } }
interface TypeCounts { issued: number; uploaded: number; not_uploaded: number; rate: string }
interface CertRow { unit: string; issued: number; by_type: Record<string, TypeCounts> }
interface Certificates { types: string[]; rows: CertRow[]; total: CertRow }
interface Overdue { from: string; to: string; months: string[]; offices: string[]; cells: { office: string; month: string; overdue: number; due: number }[] }
interface Summary { status: string; computed_at: string | null; items: { item: string; cases: number }[] }

/** The page reports every CSP violation on its console, where the test collects errors. */
const WATCH_CSP = `document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline')));`;

/** How many pixels of a canvas are painted (not transparent): evaluated in the page. */
const PAINTED_PIXELS = new Function('c', `
  const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n += 1;
  return n;
`) as (c: unknown) => number;

const TYPES = ['选址意见书', '用地规划许可证', '工程规划许可证', '规划条件核实证明'];
/** The whole corpus (CORPUS_START…CORPUS_END of services/generate/calendar.ts), for 证照情况统计. */
const ALL = { from: '2012-01-01', to: '2025-12-31' };

describe.runIf(needsChromium('statistics and process insight in Chromium (tests/e2e/stats.test.ts)'))('统计 and 流程分析 in Chromium', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-stats-'));
  const env = { PLANHUB_DATA_DIR: path.join(dir, 'data') };
  let hub: Child;
  let base: string;
  let browser: Browser;
  let officer: Api;
  let supervisor: Api;
  /** The corpus's busiest year: the one the officer's page shows. */
  let year: number;
  const json = async <T>(api: Api, p: string): Promise<T> => {
    const res = await api(p);
    expect(res.status, `${p}: ${await res.clone().text()}`).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    const generated = path.join(dir, 'generated');
    await run(['generate', '--projects', '80', '--seed', '1', '--out', generated], env);
    await run(['import', '--dir', generated], env);
    await addDemoUsers(env);
    ({ hub, base } = await serveHub(env));
    officer = await apiAs(base, 'officer');
    supervisor = await apiAs(base, 'supervisor');
    let best = -1;
    for (let y = 2012; y <= 2025; y += 1) {
      const h = await json<Handling>(officer, `/api/stats/handling?from=${y}-01-01&to=${y}-12-31`);
      if (h.total.received > best) [best, year] = [h.total.received, y];
    }
    browser = await launchChromium();
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await stopHub(hub);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A signed-in page that records console errors, uncaught errors and CSP violations. */
  async function open(user: DemoUser, url: string): Promise<{ page: Page; problems: string[] }> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    await signIn(ctx, base, user);
    await ctx.addInitScript(WATCH_CSP);
    const page = await ctx.newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}${url}`);
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    return { page, problems };
  }

  async function check(page: Page, problems: string[], name: string): Promise<void> {
    await screenshot(page, name);
    expect(await seriousViolations(page), name).toEqual([]);
    expect(problems, name).toEqual([]);
  }

  /** A chart drawn: ECharts ready with series data, and its canvas not blank. */
  async function expectDrawn(page: Page, name: string): Promise<Locator> {
    const chart = page.locator(`[data-chart="${name}"][data-ready="true"]`);
    await chart.waitFor();
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(0);
    const painted = await chart.locator('canvas').first().evaluate(PAINTED_PIXELS);
    expect(painted).toBeGreaterThan(1000);
    return chart;
  }

  const cells = (row: Locator) => row.locator('td').allTextContents();
  const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });
  const statsUrl = () => `/stats?year=${year}&cfrom=${ALL.from}&cto=${ALL.to}`;

  it('shows the officer 业务办理情况 and 证照情况统计 as the API counts them, each chart drawn', async () => {
    const { page, problems } = await open('officer', statsUrl());
    const handling = await json<Handling>(officer, `/api/stats/handling?from=${year}-01-01&to=${year}-12-31`);
    expect(handling.total.received).toBeGreaterThan(0);
    const table = page.locator('[data-table="handling"]');
    expect(await cells(table.locator('tr[data-row="合计"]'))).toEqual([handling.total.received, handling.total.open, handling.total.closed].map(String));
    for (const r of handling.rows) expect(await cells(table.locator(`tr[data-row="${r.key}"]`)), r.key).toEqual([r.received, r.open, r.closed].map(String));

    const certs = await json<Certificates>(officer, `/api/stats/certificates?from=${ALL.from}&to=${ALL.to}`);
    expect(certs.types).toEqual(TYPES);
    const certTable = page.locator('[data-table="certificates"]');
    const expectRow = (r: CertRow) => [String(r.issued), ...TYPES.flatMap((t) => [r.by_type[t]!.issued, r.by_type[t]!.uploaded, r.by_type[t]!.not_uploaded, r.by_type[t]!.rate].map(String))];
    expect(await certTable.locator('tbody tr').first().getAttribute('data-row')).toBe('总计');
    expect(await cells(certTable.locator('tr[data-row="总计"]'))).toEqual(expectRow(certs.total));
    expect(certs.total.issued).toBeGreaterThan(0);
    for (const r of certs.rows) expect(await cells(certTable.locator(`tr[data-row="${r.unit}"]`)), r.unit).toEqual(expectRow(r));
    expect(await certTable.locator('thead').textContent()).toMatch(/类型发证数选址意见书用地规划许可证工程规划许可证规划条件核实证明发证数证照上传上传率/);

    expect(await nav(page).getByRole('link', { name: '统计' }).count()).toBe(1);
    expect(await nav(page).getByRole('link', { name: '流程分析' }).count()).toBe(0);
    for (const name of ['handling-months', 'certificates-upload', 'overdue-heatmap']) await expectDrawn(page, name);
    await check(page, problems, 'stats-01-page');
    await page.context().close();
  }, 90_000);

  it('opens a figure down to as many approvals as it counts, each linking to its page', async () => {
    const { page, problems } = await open('officer', statsUrl());
    const handling = await json<Handling>(officer, `/api/stats/handling?from=${year}-01-01&to=${year}-12-31`);
    await page.locator('[data-table="handling"] tr[data-row="合计"] td[data-measure="received"] a').click();
    await page.waitForURL(/\/stats\/approvals\?measure=received/);
    const total = page.locator('[data-total]');
    await total.waitFor();
    expect(Number(await total.getAttribute('data-total'))).toBe(handling.total.received);
    const first = page.locator('[data-table="approvals"] tbody tr').first();
    const id = (await first.getAttribute('data-approval'))!;
    expect(await first.getByRole('link', { name: id }).getAttribute('href')).toBe(`/approvals/${id}`);
    await check(page, problems, 'stats-02-drill-down');

    // A certificate type's 未传 (or else 已传) count of the 总计 row.
    const certs = await json<Certificates>(officer, `/api/stats/certificates?from=${ALL.from}&to=${ALL.to}`);
    const type = TYPES.find((t) => certs.total.by_type[t]!.not_uploaded > 0) ?? TYPES.find((t) => certs.total.by_type[t]!.uploaded > 0)!;
    const cell = certs.total.by_type[type]!.not_uploaded > 0 ? 'not_uploaded' : 'uploaded';
    await page.goto(`${base}${statsUrl()}`);
    await page.locator(`[data-table="certificates"] tr[data-row="总计"] td[data-cell="${type}:${cell}"] a`).click();
    await page.waitForURL(/measure=issued/);
    await page.locator('[data-total]').waitFor();
    expect(Number(await page.locator('[data-total]').getAttribute('data-total'))).toBe(certs.total.by_type[type]![cell]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('opens a heatmap cell by clicking the chart', async () => {
    const { page, problems } = await open('officer', statsUrl());
    const overdue = await json<Overdue>(officer, `/api/stats/overdue?from=${year}-01-01&to=${year}-12-31`);
    const cell = [...overdue.cells].sort((a, b) => b.overdue - a.overdue)[0];
    expect(cell?.overdue ?? 0, 'an overdue step in the busiest year').toBeGreaterThan(0);
    const chart = await expectDrawn(page, 'overdue-heatmap');
    // The grid of chart-options.ts overdueOption (left 140, right 24, top 8, bottom 84); the first office is at the bottom.
    const box = (await chart.boundingBox())!;
    const w = (box.width - 164) / overdue.months.length;
    const h = (box.height - 92) / overdue.offices.length;
    const x = 140 + (overdue.months.indexOf(cell!.month) + 0.5) * w;
    const y = 8 + (overdue.offices.length - 1 - overdue.offices.indexOf(cell!.office) + 0.5) * h;
    await chart.click({ position: { x, y } });
    await page.waitForURL(/measure=overdue/);
    const url = new URL(page.url());
    expect([url.searchParams.get('office'), url.searchParams.get('month')]).toEqual([cell!.office, cell!.month]);
    await page.locator('[data-total]').waitFor();
    expect(Number(await page.locator('[data-total]').getAttribute('data-total'))).toBe(cell!.overdue);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('downloads 业务办理情况 and 证照情况统计 as CSV with the byte-order mark and the page’s rows', async () => {
    const { page } = await open('officer', statsUrl());
    /** The CSV behind a section's 导出 CSV link, downloaded as the browser does: its lines, the BOM checked. */
    const download = async (section: string): Promise<string[][]> => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`[data-section="${section}"]`).getByRole('link', { name: /导出 CSV/ }).click(),
      ]);
      const bytes = fs.readFileSync((await file.path())!);
      expect([...bytes.subarray(0, 3)], section).toEqual([0xef, 0xbb, 0xbf]);
      return bytes.subarray(3).toString('utf8').trim().split(/\r?\n/).map((l) => l.split(','));
    };
    /** The page's table, row by row: its header cell, then its figures. */
    const pageRows = async (table: string) => page.locator(`[data-table="${table}"] tbody tr`).evaluateAll(
      (trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())),
    );

    const handling = await json<Handling>(officer, `/api/stats/handling?from=${year}-01-01&to=${year}-12-31`);
    const handlingCsv = await download('handling');
    expect(handlingCsv.find((l) => l[0] === '合计')!.slice(1).map(Number)).toEqual([handling.total.received, handling.total.open, handling.total.closed]);
    expect(handlingCsv.slice(1)).toEqual(await pageRows('handling'));

    const certificatesCsv = await download('certificates');
    expect(certificatesCsv[1]![0]).toBe('总计');
    expect(certificatesCsv.slice(1)).toEqual(await pageRows('certificates'));
    await page.context().close();
  }, 60_000);

  it('tells the officer 流程分析 needs 负责人 or 管理员', async () => {
    const { page, problems } = await open('officer', '/process');
    const refusal = page.getByRole('alert').filter({ hasText: '无权访问' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/需要负责人或(系统)?管理员/);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 30_000);

  it('lets the supervisor run the analysis and read the item’s graph, bottlenecks, pairs and deviations as the API answers them', async () => {
    const { page, problems } = await open('supervisor', '/process');
    expect(await nav(page).getByRole('link', { name: '流程分析' }).count()).toBe(1);
    const before = await json<Summary>(supervisor, '/api/insight');
    if (before.status !== 'ready') {
      await page.getByRole('button', { name: '重新分析' }).click();
    }
    const computedAt = page.locator('[data-computed-at]');
    await computedAt.waitFor({ timeout: 90_000 });
    expect(await computedAt.textContent()).toMatch(/^分析于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const summary = await json<Summary>(supervisor, '/api/insight');
    expect(summary.status).toBe('ready');
    const item = [...summary.items].sort((a, b) => b.cases - a.cases)[0]!.item;
    await readItem(page, item);
    await check(page, problems, 'stats-03-process');

    // Another item, chosen in the URL (the generator plants a mutual prerequisite in it), read as the API answers it.
    await page.goto(`${base}/process?item=${encodeURIComponent('建设工程规划许可证')}`);
    await readItem(page, '建设工程规划许可证');
    await check(page, problems, 'stats-04-process-works-permit');
    await page.context().close();
  }, 150_000);

  async function readItem(page: Page, item: string): Promise<void> {
    const q = encodeURIComponent(item);
    const detail = await json<{ steps: { name: string }[]; critical_path: { steps: string[] } }>(supervisor, `/api/insight/items/${q}`);
    const bottlenecks = await json<{ items: { step: string }[] }>(supervisor, `/api/insight/bottlenecks?item=${q}`);
    const mutual = await json<{ items: { a: string; b: string }[] }>(supervisor, `/api/insight/pairs?kind=mutual&item=${q}`);
    const parallel = await json<{ items: { a: string; b: string }[] }>(supervisor, `/api/insight/pairs?kind=parallel&item=${q}`);
    const deviations = await json<{ total: number }>(supervisor, `/api/insight/deviations?item=${q}`);
    await page.locator('[data-section="flow"] h2', { hasText: item }).waitFor();
    await expectDrawn(page, 'flow-graph');
    // One row per step, and per step and office under 按部门查看.
    expect(await page.locator('[data-table="steps"] tbody tr').count()).toBe(new Set(detail.steps.map((st) => st.name)).size);
    expect(await page.locator('[data-table="step-offices"] tbody tr').count()).toBe(detail.steps.length);
    expect(await page.locator('[data-critical-path]').textContent()).toContain(detail.critical_path.steps.join(' → '));
    expect(await page.locator('[data-bottleneck]').count()).toBe(bottlenecks.items.length);
    expect(await page.locator('[data-table="pairs-mutual"] [data-pair]').count()).toBe(mutual.items.length);
    expect(await page.locator('[data-table="pairs-parallel"] [data-pair]').count()).toBe(parallel.items.length);
    for (const p of mutual.items) await page.locator(`[data-table="pairs-mutual"] [data-pair="${p.a}|${p.b}"]`).waitFor();
    const section = page.locator('[data-section="conformance"]');
    if (deviations.total > 0) expect(Number(await section.locator('[data-total]').getAttribute('data-total'))).toBe(deviations.total);
    else await section.getByText('没有与标准流程不符的案件').waitFor();
  }
});
