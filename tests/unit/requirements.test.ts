/**
 * Suites that need the real corpus, an OpenSearch node or an Elasticsearch node: in CI a missing one fails the run,
 * elsewhere the suite is skipped with one line saying what and how. Checked in child processes,
 * since the decision is taken when the helper modules load.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/processes.ts';

const NO_ENGINE = 'http://127.0.0.1:1';

/** Loads a helper in a fresh Node with this environment (CI and the search URLs cleared first) and runs `code` after it. */
function load(helper: string, code: string, env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['CI', 'TEST_SEARCH_URL', 'SEARCH_URL', 'TEST_ES_URL', 'ELASTICSEARCH_URL'].includes(k)));
  const url = new URL(`file://${path.join(ROOT, 'tests', 'helpers', helper)}`).href;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(url)}); ${code}`], {
    env: { ...clean, ...env }, encoding: 'utf8', timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

/** As `load`, without blocking this process (which may be serving the child). */
function loadAsync(helper: string, code: string, env: Record<string, string>): Promise<ReturnType<typeof load>> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['CI', 'TEST_SEARCH_URL', 'SEARCH_URL', 'TEST_ES_URL', 'ELASTICSEARCH_URL'].includes(k)));
  const url = new URL(`file://${path.join(ROOT, 'tests', 'helpers', helper)}`).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(url)}); ${code}`], {
    env: { ...clean, ...env }, timeout: 30_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout: stdout.trim(), stderr: stderr.trim() })));
}

describe('a missing OpenSearch node', () => {
  const probe = 'console.log(JSON.stringify(m.SEARCH_SETUPS));';
  const noNodes = { SEARCH_URL: NO_ENGINE, ELASTICSEARCH_URL: NO_ENGINE };

  it('fails in CI', () => {
    const r = load('engines.ts', probe, { CI: 'true', ...noNodes });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`must run here but cannot: no OpenSearch answers at ${NO_ENGINE}`);
  });

  it('fails wherever TEST_SEARCH_URL names it', () => {
    const r = load('engines.ts', probe, { TEST_SEARCH_URL: NO_ENGINE, ELASTICSEARCH_URL: NO_ENGINE });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`no OpenSearch answers at ${NO_ENGINE}`);
  });

  it('is skipped elsewhere, with one line saying what and how to run it', () => {
    const r = load('engines.ts', probe, noNodes);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(['pglite', 'postgres']);
    expect(r.stderr.split('\n')).toEqual([
      `skipped: the OpenSearch runs of this file (no OpenSearch answers at ${NO_ENGINE}); run \`npm run engine\` and set TEST_SEARCH_URL=http://127.0.0.1:9200`,
      `skipped: the Elasticsearch runs of this file (no Elasticsearch answers at ${NO_ENGINE}); run \`npm run engine -- --kind elasticsearch\` and set TEST_ES_URL=http://127.0.0.1:9201`,
    ]);
  });
});

describe('a missing Elasticsearch node', () => {
  const probe = 'console.log(JSON.stringify(m.CLUSTER_SETUPS));';

  it('fails wherever TEST_ES_URL names it, though OpenSearch is not required', () => {
    const r = load('engines.ts', probe, { SEARCH_URL: NO_ENGINE, TEST_ES_URL: NO_ENGINE });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`the Elasticsearch runs of this file must run here but cannot: no Elasticsearch answers at ${NO_ENGINE}`);
  });

  it('is not an OpenSearch node answering at its URL', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ version: { distribution: 'opensearch', number: '2.19.6' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const r = await loadAsync('engines.ts', probe, { SEARCH_URL: url, ELASTICSEARCH_URL: url });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(['opensearch']);
      expect(r.stderr).toContain(`no Elasticsearch answers at ${url}`);
    } finally {
      server.close();
    }
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
