/**
 * How `planhub serve` decides to build the web app, and which paths it leaves to the API.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isApiPath, ownOrigin } from '../../services/server/web-app.ts';
import { buildNeeded } from '../../services/server/web-build.ts';

describe('when the web app is built', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-webbuild-'));
  const web = path.join(root, 'web');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (rel: string, at: number) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x');
    fs.utimesSync(file, at / 1000, at / 1000);
  };
  const t = Date.now() - 3_600_000;

  it('builds when there is no finished build, even when type generation left web/.next behind', () => {
    write('web/app/page.tsx', t);
    write('web/.next/types/routes.d.ts', t + 1000);
    expect(buildNeeded(web)).toBe('no build yet');
  });

  it('keeps a build newer than every source', () => {
    write('web/.next/BUILD_ID', t + 2000);
    expect(buildNeeded(web)).toBeNull();
  });

  it('ignores tests, notes, the README’s screenshots and Next’s own files', () => {
    write('web/features/search/search-state.test.ts', t + 5000);
    write('web/PROGRESS.md', t + 5000);
    write('web/next-env.d.ts', t + 5000);
    write('web/screenshots/search.png', t + 5000);
    write('web/.next/cache/x', t + 5000);
    expect(buildNeeded(web)).toBeNull();
  });

  it('rebuilds when a source or the installed packages changed since', () => {
    write('web/features/search/texts.ts', t + 6000);
    expect(buildNeeded(web)).toBe('sources changed since the last build');
    write('web/.next/BUILD_ID', t + 7000);
    expect(buildNeeded(web)).toBeNull();
    write('package-lock.json', t + 8000);
    expect(buildNeeded(web)).toBe('sources changed since the last build');
  });
});

describe('the paths the web app answers', () => {
  it('leaves /api, /public/api and /docs to the API, and nothing else', () => {
    for (const p of ['/api', '/api/', '/api/search?q=x', '/docs', '/docs/json', '/docs/static/index.html', '/public/api', '/public/api/progress?q=x', '/public/api/nothing']) expect(isApiPath(p), p).toBe(true);
    for (const p of ['/', '/search?q=/api', '/apis', '/documents/doc-1', '/docsx', '/projects/api', '/public', '/public?q=HSAA', '/public/apis', '/publicapi/x']) expect(isApiPath(p), p).toBe(false);
  });

  it('reaches its own API on loopback when it listens on every address', () => {
    expect(ownOrigin('0.0.0.0', 3000)).toBe('http://127.0.0.1:3000');
    expect(ownOrigin('::', 3000)).toBe('http://[::1]:3000');
    expect(ownOrigin('127.0.0.1', 3100)).toBe('http://127.0.0.1:3100');
  });
});
