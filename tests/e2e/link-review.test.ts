/**
 * 关联审核 in real Chromium against the real hub (issue #12's pages): the hand-written linking
 * fixtures imported and linked by `planhub link` (as an officer would run it), served by
 * `planhub serve` on the embedded store, the reviewer signed in as the demo supervisor. A reviewer finds the road project the linker only
 * suggested for a petition, confirms it with the keyboard, and the decision shows in the links
 * API and on the project's 360 view as 人工确认 with its confidence. Checked with axe.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, needsChromium, screenshot, seriousViolations } from '../helpers/browser.ts';
import { EXPECT, LINKING_RECORDS, PROJECTS } from '../helpers/linking-fixtures.ts';
import { waitFor, type Child } from '../helpers/processes.ts';
import { addDemoUsers, apiAs, runCli as run, serveHub, signIn, stopHub } from '../helpers/web-hub.ts';


interface Link { project_no: string; status: string; score: number; doubt: number | null; decision: string | null; decided_by: string | null }
interface ProjectResource { resource_type: string; resource_id: string; status: string; score: number }

/** As the page writes it (web/features/projects/link-status.ts). */
const percent = (p: number) => {
  const t = Math.round(p * 1000);
  const shown = t === 1000 && p < 1 ? 999 : t;
  return `${shown % 10 === 0 ? shown / 10 : (shown / 10).toFixed(1)}%`;
};

describe.runIf(needsChromium('关联审核 in Chromium (tests/e2e/link-review.test.ts)'))('关联审核 in Chromium', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-link-review-'));
  const env = { PLANHUB_DATA_DIR: path.join(dir, 'data') };
  const road = { type: 'petition', id: EXPECT.road.id, projectNo: EXPECT.road.suggested };
  const roadKey = `${road.type}:${road.id}:${road.projectNo}`;
  let hub: Child;
  let base: string;
  let browser: Browser;
  /** The API as the supervisor (who may review links). */
  let asSupervisor: Awaited<ReturnType<typeof apiAs>>;

  const api = async <T>(url: string): Promise<T> => {
    const res = await asSupervisor(url);
    expect(res.status, url).toBe(200);
    return (await res.json()) as T;
  };
  const roadLink = async () =>
    (await api<{ links: Link[] }>(`/api/links?resource_type=${road.type}&resource_id=${road.id}`)).links.find((l) => l.project_no === road.projectNo);

  beforeAll(async () => {
    const records = path.join(dir, 'records');
    fs.mkdirSync(records);
    for (const [type, rows] of LINKING_RECORDS) {
      fs.appendFileSync(path.join(records, `${type}s.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
    await run(['import', '--dir', records], env);
    expect(await run(['link'], env)).toMatch(/petition\s+\d+ resources: \d+ auto, [1-9]\d* suggested/);
    await run(['reindex'], env);
    await addDemoUsers(env);
    ({ hub, base } = await serveHub(env));
    asSupervisor = await apiAs(base, 'supervisor');
    browser = await launchChromium();
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await stopHub(hub);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A page as the supervisor: 关联审核 is theirs. */
  async function open(url: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    await signIn(context, base, 'supervisor');
    const page = await context.newPage();
    page.on('close', () => void context.close().catch(() => undefined));
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}${url}`);
    return page;
  }

  async function checkPage(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    expect(await seriousViolations(page), name).toEqual([]);
  }

  const queueKeys = (page: Page) => page.locator('.ph-review-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
  const focusedKey = (page: Page) => page.evaluate<string | null>('document.activeElement?.getAttribute("data-key") ?? null');

  it('lists the suggestion as 待审核 on the project page before anyone decides', async () => {
    expect((await roadLink())?.status).toBe('suggested');
    const detail = await api<{ resources: ProjectResource[] }>(`/api/projects/${road.projectNo}`);
    const mine = detail.resources.find((r) => r.resource_type === road.type && r.resource_id === road.id);
    expect(mine?.status).toBe('suggested');
    const page = await open(`/projects/${road.projectNo}?view=resources`);
    const pending = page.locator(`.ph-suggested-links [data-resource="${road.type}:${road.id}"]`);
    await pending.waitFor();
    expect(await pending.textContent()).toContain('待审核');
    expect(await pending.textContent()).toContain(`置信度 ${percent(mine!.score)}`);
    await page.close();
  });

  it('confirms a suggested link with the keyboard, focus going on to the next item, and marks one unsure', async () => {
    const page = await open('/links/review');
    await page.getByRole('heading', { level: 1, name: '关联审核' }).waitFor();
    await page.locator('.ph-review-item').first().waitFor();
    await page.locator('html[data-hydrated]').waitFor();
    const keys = await queueKeys(page);
    const queue = await api<{ total: number; items: unknown[] }>('/api/links/review?status=suggested');
    expect(keys).toHaveLength(queue.items.length);
    await page.getByText(`共 ${queue.total} 条待审核`).waitFor();
    const at = keys.indexOf(roadKey);
    expect(at, `${roadKey} in ${keys.join(', ')}`).toBeGreaterThanOrEqual(0);
    // Focus must have somewhere to go: the next item, or the one before when the road is the last (queue-navigation.ts).
    expect(keys.length, 'another item besides the road suggestion').toBeGreaterThan(1);
    const next = keys[at + 1] ?? keys[at - 1]!;
    // The first item is selected; j and ↓ step down, k and ↑ step up.
    expect(await page.locator('.ph-review-item[aria-current="true"]').getAttribute('data-key')).toBe(keys[0]);
    if (keys.length > 1) {
      await page.keyboard.press('j');
      expect(await focusedKey(page)).toBe(keys[1]);
      await page.keyboard.press('k');
      expect(await focusedKey(page)).toBe(keys[0]);
    }
    for (let i = 0; i < at; i += 1) await page.keyboard.press(i % 2 ? 'ArrowDown' : 'j');
    await page.locator(`.ph-review-item[aria-current="true"][data-key="${roadKey}"]`).waitFor();
    expect(await focusedKey(page)).toBe(roadKey);

    // The detail: the petition's text with the roads marked, the candidate project, the reasons with weights.
    const detail = page.locator(`.ph-review-detail[data-selected="${roadKey}"]`);
    await detail.waitFor();
    await detail.locator('[data-evidence-text] mark').first().waitFor();
    const marked = await detail.locator('[data-evidence-text] mark').allTextContents();
    expect(marked.some((t) => /临湖大道|沁湖路/.test(t)), marked.join(',')).toBe(true);
    await detail.getByText('青湾路(临湖大道-沁湖路)道路工程').first().waitFor();
    await detail.getByText('武汉市某某市政建设有限公司').waitFor();
    expect(await detail.locator('.ph-reasons li[data-feature="road"]').count()).toBeGreaterThan(0);
    expect(await detail.locator('.ph-reasons').textContent()).toMatch(/权重 [+−]\d+\.\d\d/);
    await checkPage(page, 'link-review-01-queue');

    await page.keyboard.press('y');
    await page.getByText(/已确认：/).waitFor();
    // The decided item left the queue; the next one is selected and focused.
    await page.locator(`.ph-review-item[data-key="${roadKey}"]`).waitFor({ state: 'detached' });
    expect(await page.locator('.ph-review-item[aria-current="true"]').getAttribute('data-key')).toBe(next);
    expect(await focusedKey(page)).toBe(next);
    await checkPage(page, 'link-review-02-decided');

    // 存疑 (u): the link stays in the queue, marked, and the selection goes on past it.
    const [type, id, projectNo] = next.split(':') as [string, string, string];
    await page.keyboard.press('u');
    await page.locator(`.ph-review-item[data-key="${next}"]`, { hasText: '存疑' }).waitFor();
    const afterUnsure = keys.filter((k) => k !== roadKey);
    const expected = afterUnsure[afterUnsure.indexOf(next) + 1] ?? next;
    expect(await page.locator('.ph-review-item[aria-current="true"]').getAttribute('data-key')).toBe(expected);
    expect(await focusedKey(page)).toBe(expected);
    const unsure = (await api<{ links: Link[] }>(`/api/links?resource_type=${type}&resource_id=${id}`)).links.find((l) => l.project_no === projectNo);
    expect(unsure).toMatchObject({ status: 'suggested', decision: 'unsure', decided_by: 'supervisor' });
    await page.close();

    const link = await roadLink();
    expect(link).toMatchObject({ status: 'confirmed', decision: 'confirm', decided_by: 'supervisor' });
    const after = await api<{ items: { resource_id: string; project_no: string }[] }>('/api/links/review?status=suggested');
    expect(after.items.some((i) => i.resource_id === road.id && i.project_no === road.projectNo)).toBe(false);
  });

  it('shows the confirmed link on the project page as 人工确认 with its confidence', async () => {
    const link = (await roadLink())!;
    const page = await open(`/projects/${road.projectNo}?view=resources`);
    const standing = page.locator(`[data-hit="${road.type}:${road.id}"] [data-link-status]`);
    // The search index takes the decision in a background job: reload until the petition is found.
    await waitFor('the confirmed petition in the project’s resources', async () => {
      if (await standing.count()) return true;
      await page.reload();
      await page.locator('.ph-resources .ph-summary').waitFor();
      return (await standing.count()) > 0;
    }, 30_000, 500);
    expect(await standing.getAttribute('data-link-status')).toBe('confirmed');
    const text = await standing.textContent();
    expect(text).toContain('人工确认');
    expect(text).toContain(`置信度 ${percent(link.score)}`);
    expect(await page.locator(`.ph-suggested-links [data-resource="${road.type}:${road.id}"]`).count()).toBe(0);
    await checkPage(page, 'link-review-03-project');
    await page.close();
  });

  it('turns the queue’s page when j or ↓ steps past its last item and k back onto its last, and brings the next page’s first up after a decision on the last', async () => {
    // A letter about no project, held as unsure against every project: more than a page of suggestions.
    for (const p of PROJECTS) {
      const res = await asSupervisor('/api/links/decision', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ resource_type: 'petition', resource_id: EXPECT.none.id, project_no: p.project_no, decision: 'unsure' }),
      });
      expect(res.status).toBe(200);
    }
    const queue = await api<{ total: number; size: number }>('/api/links/review?status=suggested');
    expect(queue.total).toBeGreaterThan(queue.size);
    const page = await open('/links/review');
    await page.locator('html[data-hydrated]').waitFor();
    await page.locator('.ph-review-item').nth(queue.size - 1).waitFor();
    const first = await queueKeys(page);
    expect(first).toHaveLength(queue.size);
    for (let i = 0; i < queue.size - 1; i += 1) await page.keyboard.press('j');
    expect(await focusedKey(page)).toBe(first[queue.size - 1]);
    await page.keyboard.press('ArrowDown');
    await page.waitForURL((u) => u.searchParams.get('page') === '2');
    const second = await api<{ items: { resource_type: string; resource_id: string; project_no: string }[] }>('/api/links/review?status=suggested&page=2');
    const secondFirst = `${second.items[0]!.resource_type}:${second.items[0]!.resource_id}:${second.items[0]!.project_no}`;
    await page.locator(`.ph-review-item[aria-current="true"][data-key="${secondFirst}"]`).waitFor();
    await waitFor('focus on the second page’s first item', async () => (await focusedKey(page)) === secondFirst, 5_000);
    await page.keyboard.press('k');
    await page.waitForURL((u) => !u.searchParams.has('page'));
    await page.locator(`.ph-review-item[aria-current="true"][data-key="${first[queue.size - 1]}"]`).waitFor();
    await waitFor('focus back on the first page’s last item', async () => (await focusedKey(page)) === first[queue.size - 1], 5_000);

    // Deciding on the page's last item brings up the next page's first in its place, selected and focused.
    await page.keyboard.press('n');
    await page.locator(`.ph-review-item[data-key="${first[queue.size - 1]}"]`).waitFor({ state: 'detached' });
    await page.locator(`.ph-review-item[aria-current="true"][data-key="${secondFirst}"]`).waitFor();
    await waitFor('focus on the item that came up', async () => (await focusedKey(page)) === secondFirst, 5_000);
    expect(await queueKeys(page)).toHaveLength(queue.size);
    await page.close();
  });
});
