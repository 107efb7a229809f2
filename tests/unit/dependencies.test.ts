/**
 * The direction of imports (shared/STYLE.md) as a test: dependency-cruiser with the rules of
 * .dependency-cruiser.cjs over the app's folders must find nothing, and over a small fixture
 * that breaks each rule once it must find exactly those breaks (so the check can fail).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeViolation, findViolations } from '../helpers/dependencies.ts';
import { ROOT } from '../helpers/processes.ts';

describe('imports in the app', () => {
  it('follow the direction of STYLE.md and form no circle', async () => {
    const found = await findViolations(ROOT);
    expect(found.map(describeViolation), `\n${found.map(describeViolation).join('\n')}\n`).toEqual([]);
  }, 120_000);
});

/** One file per line: its path and what it imports. Each comment names the rule it breaks. */
const FIXTURE: Record<string, string[]> = {
  'services/search/a.service.ts': ['./b.service.ts'], // no-circular
  'services/search/b.service.ts': ['./a.service.ts'], // no-circular
  'services/search/search.routes.ts': [],
  'services/search/web-view.ts': ['../../web/page.ts'], // nothing-imports-web
  'services/search/typo.ts': ['./missing.ts'], // no-unresolvable
  'web/page.ts': [],
  'web/features/search/search-page.tsx': ['../../../services/search/search.schema.ts', '../../page.ts'], // web-over-http-only (the first)
  'services/search/search.schema.ts': [],
  'rules/intake.ts': ['../services/common/errors.ts'], // rules-are-pure
  'services/common/errors.ts': [],
  'services/db/db.ts': [],
  'services/config/config.ts': [],
  'services/resources/resource.schema.ts': ['../db/db.ts'], // leaves-import-nothing
  'services/jobs/job-registry.ts': [],
  'services/jobs/runner.ts': ['../cli/main.ts'], // cli-is-an-entry-point
  'indexers/search-index.job.ts': ['../services/jobs/job-registry.ts', '../services/db/db.ts', '../services/common/errors.ts', '../services/config/config.ts', '../services/resources/resource.schema.ts'],
  'services/projects/project.store.ts': ['./project.service.ts'], // stores-below-services
  'services/projects/project.service.ts': ['../server/app.ts', '../search/search.routes.ts'], // services-below-routes (both), routes-registered-by-the-server
  'services/projects/project.routes.ts': [],
  'services/server/app.ts': ['../projects/project.routes.ts'],
  'services/cli/main.ts': ['../server/app.ts'],
  'bin/planhub.js': ['../services/cli/main.ts'],
};

describe('the import check', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-deps-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds a circle and every import against the direction, and nothing else', async () => {
    fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', allowImportingTsExtensions: true, noEmit: true } }));
    for (const [file, imports] of Object.entries(FIXTURE)) {
      fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      const lines = imports.map((spec, i) => `import * as m${i} from '${spec}';`);
      fs.writeFileSync(path.join(root, file), `${lines.join('\n')}\nexport const used = [${imports.map((_, i) => `m${i}`).join(', ')}];\n`);
    }
    const found = (await findViolations(root)).map(describeViolation);
    expect(found).toEqual([
      'indexers/search-index.job.ts → services/jobs/job-registry.ts (indexers-below-services)',
      'rules/intake.ts → services/common/errors.ts (rules-are-pure)',
      'services/jobs/runner.ts → services/cli/main.ts (cli-is-an-entry-point)',
      'services/projects/project.service.ts → services/search/search.routes.ts (routes-registered-by-the-server)',
      'services/projects/project.service.ts → services/search/search.routes.ts (services-below-routes)',
      'services/projects/project.service.ts → services/server/app.ts (services-below-routes)',
      'services/projects/project.store.ts → services/projects/project.service.ts (stores-below-services)',
      'services/resources/resource.schema.ts → services/db/db.ts (leaves-import-nothing)',
      'services/search/a.service.ts → services/search/b.service.ts (no-circular): services/search/a.service.ts → services/search/b.service.ts → services/search/a.service.ts',
      'services/search/typo.ts → ./missing.ts (no-unresolvable)',
      'services/search/web-view.ts → web/page.ts (nothing-imports-web)',
      'web/features/search/search-page.tsx → services/search/search.schema.ts (web-over-http-only)',
    ]);
  }, 60_000);
});
