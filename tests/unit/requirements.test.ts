/**
 * Suites that need the real corpus or an OpenSearch node: in CI a missing one fails the run,
 * elsewhere the suite is skipped with one line saying what and how. Checked in child processes,
 * since the decision is taken when the helper modules load.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/processes.ts';

const NO_ENGINE = 'http://127.0.0.1:1';

/** Loads a helper in a fresh Node with this environment (CI and the search URLs cleared first) and runs `code` after it. */
function load(helper: string, code: string, env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['CI', 'TEST_SEARCH_URL', 'SEARCH_URL'].includes(k)));
  const url = new URL(`file://${path.join(ROOT, 'tests', 'helpers', helper)}`).href;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(url)}); ${code}`], {
    env: { ...clean, ...env }, encoding: 'utf8', timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe('a missing OpenSearch node', () => {
  const probe = 'console.log(JSON.stringify(m.SEARCH_SETUPS));';

  it('fails in CI', () => {
    const r = load('engines.ts', probe, { CI: 'true', SEARCH_URL: NO_ENGINE });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`must run here but cannot: no OpenSearch answers at ${NO_ENGINE}`);
  });

  it('fails wherever TEST_SEARCH_URL names it', () => {
    expect(load('engines.ts', probe, { TEST_SEARCH_URL: NO_ENGINE }).status).not.toBe(0);
  });

  it('is skipped elsewhere, with one line saying what and how to run it', () => {
    const r = load('engines.ts', probe, { SEARCH_URL: NO_ENGINE });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(['pglite', 'postgres']);
    expect(r.stderr.split('\n')).toEqual([
      `skipped: the OpenSearch runs of this file (no OpenSearch answers at ${NO_ENGINE}); run \`npm run engine\` and set TEST_SEARCH_URL=http://127.0.0.1:9200`,
    ]);
  });
});

describe('a missing corpus file', () => {
  const probe = "console.log(m.needsCorpus('the corpus suite', ['laws.jsonl', 'no-such-file.jsonl']));";

  it('fails in CI', () => {
    const r = load('requirements.ts', probe, { CI: 'true' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/the corpus suite must run here but cannot: no no-such-file\.jsonl in \S+shared\/corpus/);
  });

  it('is skipped elsewhere, with one line', () => {
    const r = load('requirements.ts', probe, {});
    expect(r).toMatchObject({ status: 0, stdout: 'false' });
    expect(r.stderr).toMatch(/^skipped: the corpus suite \(no no-such-file\.jsonl in \S+\); put the shared corpus at \.\.\/shared\/corpus beside the project$/);
  });
});
