/**
 * Rules at approval steps and the rule center, in real Chromium against the real hub (issue #14):
 * `planhub serve` on the embedded store with a small generated corpus, the demo users, and one
 * hand-written case — a project whose builder has a 失信 record and an open petition naming it,
 * its approval waiting at 受理 in the demo handler's office. The handler advances it through the
 * API (refused by the credit table; the credit and petition alerts stored), then presses 开始「受理」
 * on the approval's page and reads the refusal in Chinese; the supervisor finds the petition alert
 * on 预警 with its reason and trace, decides 暂停, and sees the approval suspended on its page; the
 * 360 view lists the credit alert still open; an officer reads the rule center's list, an admin a
 * table, its dry run, and a publish refused with the failing cases. Each page is checked with axe.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, needsChromium, screenshot, seriousViolations } from '../helpers/browser.ts';
import type { Child } from '../helpers/processes.ts';
import { addDemoUsers, apiAs, runCli as run, serveHub, signIn, stopHub, type DemoUser } from '../helpers/web-hub.ts';

/** The demo handler's and supervisor's office (services/auth/demo-users.ts). */
const OFFICE = '行政审批处';
const CASE = {
  projectNo: 'HSAA20260901',
  approval: 'apv-e2e-rules',
  petition: 'pet-e2e-rules',
  credit: 'crd-e2e-rules',
  builder: '武汉测试失信置业有限公司',
} as const;

const HAND = {
  projects: [{
    id: 'prj-e2e-rules', project_no: CASE.projectNo, name: '洪山区测试澜岸地块', builder: CASE.builder,
    builder_credit_code: '91420100MA4KE2E0R1', address: '洪山区测试大道以南', district: '洪山',
    project_type: '房屋建筑', land_use: 'R2 二类居住用地', scale_m2: 52000, created_at: '2026-10-01',
  }],
  credits: [{ id: CASE.credit, builder: CASE.builder, credit_code: '91420100MA4KE2E0R1', status: '失信', reason: '未批先建', date: '2026-03-01' }],
  approvals: [{
    id: CASE.approval, project_no: CASE.projectNo, item: '建设工程规划许可证', status: '在办',
    received_at: '2026-11-30T09:00:00', closed_at: null, office: OFFICE, handler: '李经办', certificate_no: null,
    steps: [
      { name: '收件', stage: '技术审查', office: OFFICE, handler: '李经办', limit_days: null, started_at: '2026-11-30T09:00:00', finished_at: '2026-11-30T10:00:00' },
      { name: '受理', stage: '技术审查', office: OFFICE, handler: null, limit_days: null, started_at: null, finished_at: null },
      { name: '公示', stage: '技术审查', office: OFFICE, handler: null, limit_days: null, started_at: null, finished_at: null },
    ],
  }],
  petitions: [{
    id: CASE.petition, letter_no: '[2026]90901', subject: '反映测试澜岸地块工地夜间施工扰民',
    text: '测试澜岸地块工地夜间施工，影响附近居民休息。', received_at: '2026-11-20T10:00:00',
    channel: '市长专线', category: '城乡建设', office: '信访中心', deadline: '2026-12-31', status: '办理中',
    petitioner: { name: '测试来信人', phone: '13800000001' }, project_nos: [CASE.projectNo],
  }],
};

interface Alert { id: number; rule_id: string; cause: string; status: string; decision: string | null; decided_by: string | null }

describe.runIf(needsChromium('rules in Chromium (tests/e2e/rules.test.ts)'))('rules at approval steps and the rule center, in Chromium', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-rules-'));
  const env = { PLANHUB_DATA_DIR: path.join(dir, 'data') };
  let hub: Child;
  let base: string;
  let browser: Browser;
  let supervisor: (p: string, init?: RequestInit) => Promise<Response>;
  const alertsOfCase = async () => ((await (await supervisor(`/api/alerts?approval=${CASE.approval}`)).json()) as { items: Alert[] }).items;

  beforeAll(async () => {
    const hand = path.join(dir, 'hand');
    fs.mkdirSync(hand);
    for (const [name, records] of Object.entries(HAND)) fs.writeFileSync(path.join(hand, `${name}.jsonl`), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const generated = path.join(dir, 'generated');
    await run(['generate', '--projects', '12', '--seed', '11', '--out', generated], env);
    await run(['import', '--dir', generated], env);
    await run(['import', '--dir', hand], env);
    await addDemoUsers(env);
    ({ hub, base } = await serveHub(env));
    supervisor = await apiAs(base, 'supervisor');
    browser = await launchChromium();
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await stopHub(hub);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(user: DemoUser, url: string): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await signIn(ctx, base, user);
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}${url}`);
    await page.locator('html[data-hydrated]').waitFor();
    return page;
  }

  async function check(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    expect(await seriousViolations(page), name).toEqual([]);
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

  it('refuses 受理 for the 失信 builder through the API and stores the credit and petition alerts', async () => {
    const handler = await apiAs(base, 'handler');
    const res = await handler(`/api/approvals/${CASE.approval}/advance`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ step: '受理', action: 'start' }),
    });
    expect(res.status, await res.clone().text()).toBe(409);
    const alerts = await alertsOfCase();
    expect(alerts.map((a) => a.rule_id).sort()).toEqual(['acceptance-credit', 'petition-check']);
    expect(alerts.find((a) => a.rule_id === 'petition-check')!.cause).toBe(CASE.petition);
  }, 30_000);

  it('shows the handler the step’s rule results and, on 开始「受理」, the refusal in Chinese — and no second alert', async () => {
    const page = await open('handler', `/approvals/${CASE.approval}`);
    const panel = page.getByRole('region', { name: /规则检查/ });
    await panel.locator('[data-step="受理"] [data-rule="acceptance-credit"][data-verdict="block"]').waitFor();
    expect(await nav(page).getByRole('link', { name: '预警' }).count()).toBe(1);
    await panel.getByRole('button', { name: '开始「受理」' }).click();
    const refusal = panel.getByRole('alert').filter({ hasText: '规则不允许这一步' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(CASE.credit);
    await check(page, 'rules-01-approval-blocked');
    expect((await alertsOfCase()).length).toBe(2);
    // 分件推荐: the office's handlers best first, with the rules' reasons, and who holds the case now.
    const assignees = page.getByRole('region', { name: /分件推荐/ });
    await assignees.locator('[data-handler]').first().waitFor();
    expect(await assignees.locator('[data-handler]').first().textContent()).toMatch(/在办 \d+ 件.*(办过相似案件|未办过相似案件)/);
    expect(await assignees.textContent()).toContain('现承办人：李经办');
    await page.context().close();
  }, 60_000);

  it('lets the supervisor read the petition alert’s reason and trace on 预警 and decide 暂停, suspending the approval', async () => {
    const page = await open('supervisor', `/alerts?project=${CASE.projectNo}`);
    const petitionAlert = (await alertsOfCase()).find((a) => a.rule_id === 'petition-check')!;
    const card = page.locator(`[data-alert="${petitionAlert.id}"]`);
    await card.waitFor();
    expect(await card.getByRole('link', { name: CASE.projectNo }).getAttribute('href')).toBe(`/projects/${CASE.projectNo}`);
    expect(await card.getByRole('link', { name: CASE.approval }).getAttribute('href')).toBe(`/approvals/${CASE.approval}`);
    expect(await card.locator('.ph-alert-reason').textContent()).toContain(CASE.petition);
    const trace = (await card.getByRole('list', { name: '规则如何判断' }).textContent()) ?? '';
    expect(trace).toMatch(/命中规则「信访核查[^」]*」第 \d+ 行：/);
    expect(trace).toContain(`信访编号：${CASE.petition}`);
    await check(page, 'rules-02-alerts');

    await card.getByRole('textbox').fill('信访未办结，暂停办理');
    await card.getByRole('button', { name: '暂停' }).click();
    // Decided, it leaves the list of open alerts.
    await card.waitFor({ state: 'detached' });
    const decided = (await alertsOfCase()).find((a) => a.id === petitionAlert.id)!;
    expect(decided).toMatchObject({ status: 'decided', decision: '暂停', decided_by: 'supervisor' });

    await page.goto(`${base}/approvals/${CASE.approval}`);
    const panel = page.getByRole('region', { name: /规则检查/ });
    await panel.locator('[data-suspended="true"]').waitFor();
    await panel.getByRole('button', { name: '恢复办理' }).waitFor();
    expect(await panel.getByRole('button', { name: '开始「受理」' }).isDisabled()).toBe(true);
    await check(page, 'rules-03-approval-suspended');

    // The 360 view lists what is still open: the credit alert.
    const creditAlert = (await alertsOfCase()).find((a) => a.rule_id === 'acceptance-credit')!;
    await page.goto(`${base}/projects/${CASE.projectNo}`);
    const open360 = page.getByRole('region', { name: /待处理预警/ });
    await open360.locator(`[data-alert="${creditAlert.id}"]`).waitFor();
    expect(await open360.locator(`[data-alert="${petitionAlert.id}"]`).count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('lists the rule tables for an officer, who is offered 业务规则 but not 预警', async () => {
    const page = await open('officer', '/rules');
    await page.locator('[data-rule="petition-check"]').waitFor();
    for (const id of ['acceptance-credit', 'acceptance-materials']) expect(await page.locator(`[data-rule="${id}"]`).count()).toBe(1);
    expect(await page.locator('[data-rule="petition-check"]').textContent()).toMatch(/第 \d+ 版/);
    expect(await nav(page).getByRole('link', { name: '业务规则' }).count()).toBe(1);
    expect(await nav(page).getByRole('link', { name: '预警' }).count()).toBe(0);
    await check(page, 'rules-04-rule-center');
    await page.context().close();
  }, 40_000);

  it('shows an admin a table, its cases and versions, dry-runs an edit and is refused publishing one that fails its cases', async () => {
    const page = await open('admin', '/rules/petition-check');
    const table = page.locator('.ph-jdm-table');
    await table.waitFor();
    expect(await table.locator('thead').textContent()).toContain('信访编号');
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
    await page.getByRole('region', { name: '测试用例' }).locator('[data-case]').first().waitFor();
    await check(page, 'rules-05-rule-table');

    await page.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('textbox', { name: /第 1 行/ }).first().waitFor();
    await page.getByRole('button', { name: '试运行' }).click();
    await page.locator('[data-dry-run]').waitFor();

    // An open petition made to pass: the table's own cases fail, and the publish is refused with them listed.
    await page.getByRole('textbox', { name: '第 3 行 结论', exact: true }).fill('"pass"');
    await page.getByRole('button', { name: '发布新版本' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '未能发布' });
    await refusal.waitFor();
    expect(await refusal.locator('[data-case]').count()).toBeGreaterThan(0);
    const versions = ((await (await supervisor('/api/rules/petition-check')).json()) as { meta: { version: number } }).meta.version;
    expect(versions).toBe(1);
    await check(page, 'rules-06-publish-refused');
    await page.context().close();
  }, 60_000);
});
