/**
 * Who sees what, in real Chromium against the real hub (issue #13): `planhub serve` on the
 * embedded store with a small generated corpus and the demo users. Without a login the hub's
 * pages send the browser to /login, which returns to the page afterwards; an officer and a
 * supervisor open the same petition and see its petitioner masked and whole; each is offered
 * only the pages their role may use; 公众查询 answers without a login and asks nothing else of
 * the API. Every page runs under the hub's Content-Security-Policy without a violation, and is
 * checked with axe.
 */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, needsChromium, screenshot, seriousViolations } from '../helpers/browser.ts';
import type { Child } from '../helpers/processes.ts';
import { DEMO_PASSWORD, addDemoUsers, apiAs, runCli as run, serveHub, signIn, stopHub, type DemoUser } from '../helpers/web-hub.ts';

interface Petitioner { name?: string | null; phone?: string | null; email?: string | null; address?: string | null }
interface PetitionReading { record: { id: string; subject: string; petitioner: Petitioner | null } }
interface PublicAnswer { projects: { project_no: string; name: string }[] }

/** Two letters from one person (the same phone): the later one's page shows the earlier as 重复信访 to a supervisor. */
const REPEATED = { name: '重复来信人', phone: '13900001111', email: 'repeat@example.com', address: '洪山区某小区2栋' };
const LETTER = (id: string, n: number, received: string) => ({
  id, letter_no: `[2026]9100${n}`, subject: `关于小区旁道路施工扬尘的第${n}次反映`, text: '小区旁道路施工扬尘严重，请督促施工单位洒水降尘。',
  received_at: received, channel: '网上信访', category: '城乡建设', office: '信访中心', deadline: '2026-12-31', status: '办理中',
  petitioner: REPEATED, project_nos: [],
});
const FIRST_LETTER = LETTER('pet-access-first', 1, '2026-09-01T09:00:00');
const SECOND_LETTER = LETTER('pet-access-second', 2, '2026-10-15T09:00:00');

/** Reported by the page itself: every `securitypolicyviolation` event, and console lines about the policy. */
const WATCH_CSP = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
  });
`;

describe.runIf(needsChromium('access in Chromium (tests/e2e/access.test.ts)'))('who sees what, in Chromium', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-access-'));
  const env = { PLANHUB_DATA_DIR: path.join(dir, 'data') };
  let hub: Child;
  let base: string;
  let browser: Browser;
  /** A petition with a petitioner, as the supervisor and as the officer are sent it. */
  let petition: { id: string; whole: Petitioner; masked: Petitioner };
  let project: { project_no: string; name: string };
  const consoleCsp: string[] = [];

  beforeAll(async () => {
    const generated = path.join(dir, 'generated');
    await run(['generate', '--projects', '12', '--seed', '11', '--out', generated], env);
    await run(['import', '--dir', generated], env);
    const hand = path.join(dir, 'hand');
    fs.mkdirSync(hand);
    fs.writeFileSync(path.join(hand, 'petitions.jsonl'), [FIRST_LETTER, SECOND_LETTER].map((r) => JSON.stringify(r)).join('\n') + '\n');
    await run(['import', '--dir', hand], env);
    await addDemoUsers(env);
    ({ hub, base } = await serveHub(env));

    // A petition whose petitioner has a name and a phone, found through the API as the supervisor.
    const supervisor = await apiAs(base, 'supervisor');
    const officer = await apiAs(base, 'officer');
    const search = (await (await supervisor('/api/search?type=petition&size=50')).json()) as { hits: { id: string }[] };
    for (const hit of search.hits) {
      const whole = ((await (await supervisor(`/api/petitions/${encodeURIComponent(hit.id)}`)).json()) as PetitionReading).record.petitioner;
      if (!whole?.name || !whole.phone) continue;
      const res = await officer(`/api/petitions/${encodeURIComponent(hit.id)}`);
      expect(res.status).toBe(200);
      petition = { id: hit.id, whole, masked: ((await res.json()) as PetitionReading).record.petitioner! };
      break;
    }
    expect(petition, 'a generated petition with a petitioner').toBeDefined();
    const projects = (await (await supervisor('/api/search?type=project&size=5')).json()) as { hits: { project_no: string; title?: string; name?: string }[] };
    const first = projects.hits[0]!;
    const detail = (await (await supervisor(`/api/projects/${first.project_no}`)).json()) as { project: { project_no: string; name: string } };
    project = detail.project;
    browser = await launchChromium();
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await stopHub(hub);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh browser context (a person of their own), signed in as `user` or not at all. */
  async function context(user?: DemoUser): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await ctx.addInitScript(WATCH_CSP);
    if (user) await signIn(ctx, base, user);
    return ctx;
  }

  async function open(ctx: BrowserContext, url: string): Promise<Page> {
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) consoleCsp.push(`${page.url()}: ${m.text()}`);
    });
    await page.goto(`${base}${url}`);
    return page;
  }

  async function checkPage(page: Page, name: string): Promise<void> {
    await page.locator('html[data-hydrated]').waitFor();
    await screenshot(page, name);
    expect(await seriousViolations(page), name).toEqual([]);
    expect(await page.evaluate('window.__cspViolations'), `CSP violations on ${name}`).toEqual([]);
  }

  const petitioner = (page: Page) => page.locator('[data-field="petitioner"]');
  const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });
  const appHeader = (page: Page) => page.locator('header.ph-app-header');

  it('serves its pages under the Content-Security-Policy', async () => {
    const res = await fetch(`${base}/login`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) expect(csp).toContain(directive);
  });

  it('sends a visitor without a login to /login, and back to the page after signing in as an officer, who sees the petitioner masked', async () => {
    const ctx = await context();
    const page = await open(ctx, '/');
    await page.waitForURL((u) => u.pathname === '/login');
    await page.goto(`${base}/petitions/${encodeURIComponent(petition.id)}`);
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === `/petitions/${petition.id}`);
    await checkPage(page, 'access-01-login');

    // A wrong password is said in Chinese, and the page stays.
    await page.locator('input[name="username"]').fill('officer');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    expect(await page.locator('input[name="username"]').getAttribute('autocomplete')).toBe('username');
    expect(await page.locator('input[name="password"]').getAttribute('autocomplete')).toBe('current-password');

    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => u.pathname === `/petitions/${petition.id}`);
    await petitioner(page).getByText('个人信息已按权限隐藏').waitFor();
    const shown = (await petitioner(page).textContent()) ?? '';
    // As the API sent it to an officer: masked, with the note; nothing of the whole.
    expect(shown).toContain(petition.masked.name!);
    expect(shown).toContain(petition.masked.phone!);
    expect(shown).toContain('个人信息已按权限隐藏');
    const body = (await page.locator('body').textContent()) ?? '';
    for (const secret of [petition.whole.name!, petition.whole.phone!, petition.whole.email, petition.whole.address]) {
      if (secret) expect(body).not.toContain(secret);
    }
    // The officer is named in the header, and offered no 关联审核.
    await page.getByText('张科员').waitFor();
    expect(await appHeader(page).textContent()).toContain('工作人员');
    expect(await nav(page).getByRole('link', { name: '关联审核' }).count()).toBe(0);
    await checkPage(page, 'access-02-petition-officer');

    // A project's 360 view: the officer reads its 又称 but is offered no field to add one, and no 推荐资源.
    await page.goto(`${base}/projects/${project.project_no}`);
    await page.getByRole('region', { name: /又称/ }).waitFor();
    await appHeader(page).getByText('张科员').waitFor();
    expect(await page.getByLabel('添加别名').count()).toBe(0);
    expect(await page.getByRole('region', { name: /推荐资源/ }).count()).toBe(0);

    // 关联审核 by its address: refused in Chinese, not a crash.
    await page.goto(`${base}/links/review`);
    await page.getByRole('alert').filter({ hasText: '无权访问：需要负责人角色' }).first().waitFor();
    await checkPage(page, 'access-03-review-refused');

    // 退出 ends the session: the hub's pages ask for a login again.
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.goto(`${base}/`);
    await page.waitForURL((u) => u.pathname === '/login');
    await ctx.close();
  });

  it('shows the supervisor the same petition’s petitioner whole, and offers them 关联审核', async () => {
    const ctx = await context('supervisor');
    const page = await open(ctx, `/petitions/${encodeURIComponent(petition.id)}`);
    await petitioner(page).waitFor();
    await page.getByText('王主任').waitFor();
    const shown = (await petitioner(page).textContent()) ?? '';
    expect(shown).toContain(petition.whole.name!);
    expect(shown).toContain(petition.whole.phone!);
    expect(shown).not.toContain('个人信息已按权限隐藏');
    // Not what the officer saw.
    expect(petition.whole.name).not.toBe(petition.masked.name);
    expect(petition.whole.phone).not.toBe(petition.masked.phone);
    expect(shown).not.toContain(petition.masked.phone!);
    expect(await appHeader(page).textContent()).toContain('负责人');
    await nav(page).getByRole('link', { name: '关联审核' }).waitFor();
    await checkPage(page, 'access-04-petition-supervisor');
    // The same project as the officer saw: the supervisor may add a name and reads 推荐资源.
    await page.goto(`${base}/projects/${project.project_no}`);
    await page.getByLabel('添加别名').waitFor();
    await page.getByRole('region', { name: /推荐资源/ }).waitFor();
    await ctx.close();
  });

  it('shows the supervisor a petitioner’s earlier letter as 重复信访, and the officer nothing of it', async () => {
    const sup = await context('supervisor');
    const page = await open(sup, `/petitions/${SECOND_LETTER.id}`);
    const repeats = page.getByRole('region', { name: /重复信访/ });
    const earlier = repeats.getByRole('link', { name: FIRST_LETTER.subject });
    await earlier.waitFor();
    expect(await earlier.getAttribute('href')).toBe(`/petitions/${FIRST_LETTER.id}`);
    expect(await petitioner(page).textContent()).toContain(REPEATED.phone);
    await checkPage(page, 'access-04b-repeat-petitions');
    await earlier.click();
    await page.waitForURL((u) => u.pathname === `/petitions/${FIRST_LETTER.id}`);
    await sup.close();

    const off = await context('officer');
    const seen = await open(off, `/petitions/${SECOND_LETTER.id}`);
    await petitioner(seen).getByText('个人信息已按权限隐藏').waitFor();
    expect(await seen.getByRole('region', { name: /重复信访/ }).count()).toBe(0);
    const body = (await seen.locator('body').textContent()) ?? '';
    for (const secret of Object.values(REPEATED)) expect(body).not.toContain(secret);
    expect(body).not.toContain(FIRST_LETTER.subject);
    await off.close();
  });

  it('lists the supervisor’s read of the petitioner in 审计日志, offered to the admin only', async () => {
    const ctx = await context('admin');
    const page = await open(ctx, '/');
    await nav(page).getByRole('link', { name: '审计日志' }).click();
    await page.waitForURL((u) => u.pathname === '/audit');
    expect(await nav(page).getByRole('link', { name: '关联审核' }).count()).toBe(0);
    await page.getByLabel('操作人（用户名）').fill('supervisor');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL((u) => u.searchParams.get('actor') === 'supervisor');
    await page.locator('.ph-audit-table tr', { hasText: petition.id }).first().waitFor();
    expect(await page.getByRole('link', { name: /导出 CSV/ }).getAttribute('href')).toBe('/api/audit?actor=supervisor&format=csv');
    await checkPage(page, 'access-05-audit');
    await ctx.close();
  });

  it('answers 公众查询 without a login, by project number and by name, asking the API nothing else', async () => {
    const ctx = await context();
    const asked: string[] = [];
    ctx.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/') || u.pathname.startsWith('/public/api/')) asked.push(u.pathname);
    });
    const page = await open(ctx, '/public');
    await page.getByRole('heading', { level: 1, name: '项目审批进度公众查询' }).waitFor();
    // Its own bar: the bureau and 公众查询, none of the hub's entries or users.
    const header = (await appHeader(page).textContent()) ?? '';
    expect(header).toContain('公众查询');
    expect(await appHeader(page).locator('a, button').count()).toBe(0);
    await page.locator('html[data-hydrated]').waitFor();

    const box = page.getByLabel('项目编号或项目名称');
    await box.fill(project.project_no);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === project.project_no);
    const card = page.locator(`[data-project="${project.project_no}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain(project.name);
    for (const column of ['审批事项', '办理状态', '受理日期', '办结日期', '办理环节']) expect(await card.textContent()).toContain(column);
    await checkPage(page, 'access-06-public-by-number');

    // By its name.
    const part = project.name;
    await box.fill(part);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === part);
    await page.locator(`[data-project="${project.project_no}"]`).waitFor();
    const answer = (await (await fetch(`${base}/public/api/progress?q=${encodeURIComponent(part)}`)).json()) as PublicAnswer;
    expect(answer.projects.map((p) => p.project_no)).toContain(project.project_no);

    expect(new URL(page.url()).pathname).toBe('/public');
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set(['/public/api/progress']));
    await ctx.close();
  });

  it('logged no Content-Security-Policy complaint in any page’s console', () => {
    expect(consoleCsp).toEqual([]);
  });
});
