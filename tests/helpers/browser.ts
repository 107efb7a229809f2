/**
 * Real Chromium for the web app's tests: Debian's `chromium` driven by playwright-core (never a
 * downloaded browser), axe-core for accessibility, and screenshots under test-output/.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './processes.ts';
import { needs } from './requirements.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');

/** Whether Chromium is there; see `needs`. */
export function needsChromium(what: string): boolean {
  return needs({
    what,
    available: fs.existsSync(CHROMIUM),
    why: `no ${CHROMIUM}`,
    how: 'apt-get install chromium fonts-noto-cjk (.ci/run does)',
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The serious and critical WCAG A/AA violations axe finds on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
