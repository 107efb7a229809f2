/**
 * The README's pictures of the web app, taken in real Chromium from a running hub (`npm start`
 * first): the search page with results and a project's 360 view (each of its three views).
 * Written to web/screenshots/ and committed; run again when the pages change.
 *
 *   node tests/bench/web-screenshots.ts [--url http://127.0.0.1:3000] [--query 青山] --project NO
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../helpers/browser.ts';
import { ROOT } from '../helpers/processes.ts';
import { benchSignIn } from './bench-login.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    query: { type: 'string', default: '青山' },
    project: { type: 'string' },
    user: { type: 'string', default: 'officer' },
    password: { type: 'string', default: 'planhub-demo' },
  },
});
if (!values.project) {
  console.error('--project NO: the project whose 360 view to show (planhub generate prints the showcase project)');
  process.exit(2);
}
const base = values.url!.replace(/\/$/, '');
const out = path.join(ROOT, 'web', 'screenshots');
fs.mkdirSync(out, { recursive: true });

const shots = [
  { file: 'search.png', url: `/search?q=${encodeURIComponent(values.query!)}`, ready: 'article.ph-card' },
  { file: 'project-progress.png', url: `/projects/${values.project}`, ready: '.ph-step-table, .ph-stage' },
  { file: 'project-work.png', url: `/projects/${values.project}?view=work`, ready: 'main' },
  { file: 'project-resources.png', url: `/projects/${values.project}?view=resources`, ready: 'main' },
];

const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await (await benchSignIn(base, values.user, values.password)).enter(context);
  const page = await context.newPage();
  for (const s of shots) {
    await page.goto(`${base}${s.url}`);
    await page.locator(s.ready).first().waitFor({ timeout: 30_000 });
    await page.locator('html[data-hydrated]').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(out, s.file) });
    console.log(`web/screenshots/${s.file}  ${s.url}`);
  }
} finally {
  await browser.close();
}
