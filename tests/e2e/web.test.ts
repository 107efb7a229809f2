/**
 * The web app in real Chromium against the real hub: `planhub serve` on the embedded store
 * (PGlite in a temp folder) with a small generated corpus and the hand-written records of
 * web-corpus.ts. `serve` builds the web app first when the build is missing or stale, as on a
 * fresh clone. Pages are opened signed in as the demo supervisor (who may use every page tested
 * here), the petition as the demo officer (who is sent its petitioner masked). Each page is checked with axe (no serious or critical violation) and saved as a
 * screenshot under test-output/screenshots/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_ORDER } from '../../services/cli/commands/import.command.ts';
import { launchChromium, needsChromium, screenshot, seriousViolations } from '../helpers/browser.ts';
import { waitFor, type Child } from '../helpers/processes.ts';
import { addDemoUsers, apiAs, runCli as run, serveHub, signIn, stopHub, type DemoUser } from '../helpers/web-hub.ts';
import { CORPUS, OTHER, SHOWCASE } from './web-corpus.ts';


describe.runIf(needsChromium('the web app in Chromium (tests/e2e/web.test.ts)'))('the web app in Chromium', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-web-'));
  const env = { PLANHUB_DATA_DIR: path.join(dir, 'data') };
  let hub: Child;
  let base: string;
  let browser: Browser;
  /** The API as the supervisor, for the test's own reads. */
  let api: Awaited<ReturnType<typeof apiAs>>;

  beforeAll(async () => {
    const hand = path.join(dir, 'hand');
    fs.mkdirSync(hand);
    for (const [name, records] of Object.entries(CORPUS)) {
      fs.writeFileSync(path.join(hand, `${name}.jsonl`), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
    const generated = path.join(dir, 'generated');
    await run(['generate', '--projects', '30', '--seed', '7', '--out', generated], env);
    const files = IMPORT_ORDER.flatMap((type) => [generated, hand].map((d) => path.join(d, `${type}s.jsonl`))).filter((f) => fs.existsSync(f));
    await run(['import', ...files], env);
    // Type-ahead entries are built by a reindex.
    await run(['reindex'], env);
    await addDemoUsers(env);
    ({ hub, base } = await serveHub(env));
    api = await apiAs(base, 'supervisor');
    // Said when it built: on a fresh clone, `serve` builds before it listens.
    if (/web app: building/.test(hub.output())) expect(hub.output()).toMatch(/web app: built in [\d.]+ s/);
    browser = await launchChromium();
  }, 330_000);

  afterAll(async () => {
    await browser?.close();
    await stopHub(hub);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A page in a fresh browser context (as another person opening the link would), signed in as `user`; closing it closes the context. */
  async function open(url: string, user: DemoUser = 'supervisor'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await signIn(context, base, user);
    const page = await context.newPage();
    // The browser may be closing already (afterAll): nothing is left to close then.
    page.on('close', () => void context.close().catch(() => undefined));
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}${url}`);
    return page;
  }

  async function checkPage(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    expect(await seriousViolations(page), name).toEqual([]);
  }

  const summaryLine = (page: Page) => page.locator('.ph-summary').first();

  it('serves pages, the API and its docs on one port', async () => {
    // Without a login the page is served all the same (it sends the browser on to /login).
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(await home.text()).toMatch(/<html lang="zh-CN"/);
    const api404 = await api('/api/no-such-route');
    expect(api404.status).toBe(404);
    expect(await api404.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect((await api('/docs/json')).status).toBe(200);
    const page404 = await fetch(`${base}/no/such/page`);
    expect(page404.status).toBe(404);
    expect(await page404.text()).toMatch(/页面不存在/);
  });

  it('finds a project by the initials of its pinyin and opens it with the keyboard', async () => {
    const page = await open('/');
    const box = page.getByRole('combobox', { name: /检索项目/ });
    await box.waitFor();
    await checkPage(page, '01-search-home');
    // `/` puts the cursor in the box from anywhere on the page.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('combobox');
    await page.keyboard.type(SHOWCASE.initials, { delay: 40 });
    const option = page.getByRole('option').filter({ hasText: SHOWCASE.name }).first();
    await option.waitFor();
    await screenshot(page, '02-type-ahead');
    // Esc closes the list; ↓ opens it again.
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    await page.keyboard.press('ArrowDown');
    await option.waitFor();
    const texts = await page.getByRole('option').allTextContents();
    const index = texts.findIndex((t) => t.includes(SHOWCASE.name));
    for (let i = 0; i <= index; i += 1) await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('option', { selected: true }).textContent()).toContain(SHOWCASE.name);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/projects/${SHOWCASE.projectNo}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(SHOWCASE.name) }).waitFor();
    await page.close();
  });

  it('searches with a tab and a filter, and the URL alone gives the same page', async () => {
    const page = await open('/');
    const box = page.getByRole('combobox', { name: /检索项目/ });
    await box.fill('体育公园');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === '体育公园');
    await summaryLine(page).filter({ hasText: /找到 \d+ 条结果（用时 \d+ 毫秒）/ }).waitFor();

    await page.locator('a[data-tab="approval"]').click();
    await page.waitForURL((u) => u.searchParams.get('type') === 'approval');
    await page.getByRole('combobox', { name: '区' }).selectOption(OTHER.district);
    await page.waitForURL((u) => u.searchParams.get('district') === OTHER.district);

    // The line counts what the API counts for the same search.
    const found = (await (await api(`/api/search?q=${encodeURIComponent('体育公园')}&type=approval&district=${encodeURIComponent(OTHER.district)}`)).json()) as { counts: Record<string, number> };
    await summaryLine(page).filter({ hasText: `找到 ${found.counts.approval} 条结果` }).waitFor();
    const card = page.locator('article.ph-card', { hasText: OTHER.projectNo }).first();
    await card.waitFor();
    // The approval card as the seed shows it: 项目编号, 单位名称, 用地位置, 审批事项, 状态.
    const cardText = await card.textContent();
    for (const part of ['项目编号', OTHER.projectNo, '单位名称', '武汉光谷教育建设有限公司', '用地位置', '洪山区关山大道以东', '审批事项', '建设工程规划许可证', '状态', '在办']) {
      expect(cardText).toContain(part);
    }
    expect(await card.locator('mark').count()).toBeGreaterThan(0);
    const types = await page.locator('article.ph-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    expect(new Set(types)).toEqual(new Set(['approval']));
    expect(await page.locator('article.ph-card', { hasText: SHOWCASE.projectNo }).count()).toBe(0);
    await checkPage(page, '03-search-results');

    const titles = await page.locator('article.ph-card h3').allTextContents();
    const shared = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    await shared.locator('article.ph-card').first().waitFor();
    expect(await shared.locator('article.ph-card h3').allTextContents()).toEqual(titles);
    expect(await shared.getByRole('combobox', { name: /检索项目/ }).inputValue()).toBe('体育公园');
    await shared.close();

    // Back undoes the filter.
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('type') === 'approval' && !u.searchParams.has('district'));
    await page.close();
  });

  it('shows a project’s 360 view, marks the overdue step, and switches between its three views', async () => {
    const page = await open(`/projects/${SHOWCASE.projectNo}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(SHOWCASE.name) }).waitFor();
    const basic = await page.locator('.ph-panel').first().textContent();
    for (const part of [SHOWCASE.projectNo, SHOWCASE.builder, '守信', '青山区和平大道与建设二路交汇处', '公共设施', 'A4 体育用地', '86,500 平方米']) {
      expect(basic).toContain(part);
    }
    // 进度视图: the stages, and the open permit's 消防 step past its ten working days.
    for (const stage of ['选址及用地', '土地批复', '土地征收', '土地供应', '设计方案审核', '竣工验收']) {
      expect(await page.getByText(stage, { exact: true }).count()).toBeGreaterThan(0);
    }
    const overdueRow = page.locator(`[data-approval="${SHOWCASE.openApproval}"] tr`, { hasText: SHOWCASE.overdueStep });
    await overdueRow.locator('[data-overdue="true"]').waitFor();
    expect(await overdueRow.textContent()).toContain('超期');
    const onTime = page.locator('[data-approval="apv-e2e-conditions"] tr', { hasText: '签批' });
    expect(await onTime.locator('[data-overdue="true"]').count()).toBe(0);
    await checkPage(page, '04-project-progress');

    await page.getByRole('tab', { name: '工作视图' }).click();
    await page.waitForURL((u) => u.searchParams.get('view') === 'work');
    const workRow = page.locator('.ph-work-table tr', { hasText: SHOWCASE.overdueStep });
    await workRow.waitFor();
    const work = await workRow.textContent();
    for (const part of ['建设工程规划许可证', '市消防支队', '经办人丁', '2016-06-02', '超期']) expect(work).toContain(part);
    await checkPage(page, '05-project-work');

    await page.getByRole('tab', { name: '资源视图' }).click();
    await page.waitForURL((u) => u.searchParams.get('view') === 'resources');
    const docsTab = page.locator('.ph-resources a[data-tab="document"]');
    await docsTab.locator('.ph-tab-count').waitFor();
    expect(Number(await docsTab.locator('.ph-tab-count').textContent())).toBeGreaterThanOrEqual(1);
    await page.getByLabel('在本项目内检索').fill('批复');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('rq') === '批复');
    await page.locator('article.ph-card', { hasText: '关于青山体育公园建设工程规划许可的批复' }).waitFor();
    await checkPage(page, '06-project-resources');

    // The view is in the URL: Back returns to 工作视图.
    await page.goBack();
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('view') === 'work');
    await page.close();
  });

  it('lists 推荐资源 on the 360 view with reasons a person can check, and opens one', async () => {
    const page = await open(`/projects/${SHOWCASE.projectNo}`);
    const panel = page.getByRole('region', { name: /推荐资源/ });
    const permit = panel.locator('li.ph-recommendation', { hasText: '关于青山体育公园建设工程规划许可的批复' });
    await permit.waitFor();
    expect(await permit.textContent()).toContain('公文登记时写明本项目');
    const credit = panel.locator('li.ph-recommendation', { hasText: '建设单位信用' });
    expect(await credit.textContent()).toContain(`建设单位「${SHOWCASE.builder}」的信用记录：守信`);
    await checkPage(page, '06b-project-recommendations');
    await permit.getByRole('link', { name: '关于青山体育公园建设工程规划许可的批复' }).click();
    await page.waitForURL(/\/documents\//);
    await page.getByRole('heading', { level: 1, name: /关于青山体育公园建设工程规划许可的批复/ }).waitFor();
    await page.close();
  });

  it('adds a name people use for the project, and search then finds the project by it', async () => {
    const alias = '老体育场那块地';
    const page = await open(`/projects/${SHOWCASE.projectNo}`);
    const panel = page.getByRole('region', { name: /又称/ });
    await panel.getByLabel('添加别名').fill(alias);
    await panel.getByRole('button', { name: '添加' }).click();
    await panel.locator('li.ph-alias', { hasText: alias }).waitFor();
    await checkPage(page, '06c-project-aliases');
    // The outbox job re-indexes the project; the 项目 tab then finds it by the new name.
    await waitFor('the project to be found by its new name', async () => {
      const res = await api(`/api/search?type=project&q=${encodeURIComponent(alias)}`);
      return ((await res.json()) as { hits: { project_no: string }[] }).hits[0]?.project_no === SHOWCASE.projectNo;
    }, 30_000, 250);
    await panel.getByRole('button', { name: `删除别名“${alias}”` }).click();
    await waitFor('the name to go', async () => (await panel.locator('li.ph-alias', { hasText: alias }).count()) === 0, 10_000, 100);
    await page.close();
  });

  it('follows a 文号 cited in a 公文 to the document it names, with the query marked', async () => {
    const page = await open(`/documents/${SHOWCASE.citingDoc}?q=${encodeURIComponent('体育公园')}`);
    await page.getByRole('heading', { level: 1, name: /关于青山体育公园建设工程规划许可的批复/ }).waitFor();
    expect(await page.locator('.ph-fulltext mark', { hasText: '体育公园' }).count()).toBeGreaterThan(0);
    // The project number in the text links to its 360 view.
    expect(await page.locator(`.ph-fulltext a[href="/projects/${SHOWCASE.projectNo}"]`).count()).toBe(1);
    await checkPage(page, '07-document');
    await page.locator('.ph-fulltext a.ph-ref', { hasText: SHOWCASE.citedDocNoAsWritten }).click();
    await page.waitForURL(`**/documents/${SHOWCASE.citedDoc}`);
    await page.getByRole('heading', { level: 1, name: SHOWCASE.citedTitle }).waitFor();
    await checkPage(page, '08-document-cited');
    await page.close();
  });

  it('shows an approval’s steps as a timeline and a petition without its petitioner’s personal data', async () => {
    const page = await open(`/approvals/${SHOWCASE.openApproval}`);
    const step = page.locator(`.ph-step[data-step="${SHOWCASE.overdueStep}"]`);
    await step.waitFor();
    expect(await step.locator('[data-overdue="true"]').count()).toBe(1);
    expect(await page.locator(`a[href="/projects/${SHOWCASE.projectNo}"]`).count()).toBeGreaterThan(0);
    // 办件推荐: what the handler of this permit should read, with reasons.
    const advice = page.getByRole('region', { name: /办件推荐/ }).locator('li.ph-recommendation', { hasText: '关于青山体育公园建设工程规划许可的批复' });
    await advice.waitFor();
    expect(await advice.textContent()).toContain('公文登记时写明本项目');
    await checkPage(page, '09-approval');
    await page.close();

    // An officer is sent the petitioner masked.
    const petition = await open(`/petitions/${SHOWCASE.petition}`, 'officer');
    await petition.locator('[data-field="petitioner"]').waitFor();
    const body = (await petition.locator('body').textContent()) ?? '';
    expect(body).toContain('138****0000');
    for (const secret of ['13800000000', 'someone@example.com', '测试来信人', '某小区']) expect(body).not.toContain(secret);
    await checkPage(petition, '10-petition');
    await petition.close();
  });

  it('says in Chinese when a record or a page does not exist', async () => {
    const page = await open('/projects/XXAA20990001');
    await page.getByText('没有找到编号为 XXAA20990001 的项目。').waitFor();
    await checkPage(page, '11-project-missing');
    await page.goto(`${base}/no/such/page`);
    await page.getByRole('heading', { name: '页面不存在' }).waitFor();
    await page.locator('html[data-hydrated]').waitFor();
    await checkPage(page, '12-not-found');
    await page.close();
  });
});
