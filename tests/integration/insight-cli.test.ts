/**
 * `planhub insight` as an operator runs it, over a server database: it analyses the step logs,
 * prints what it found and leaves a ready run for the API; while another process computes a run
 * it refuses, exits 1 and leaves that run alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Db } from '../../services/db/db.ts';
import { migrate } from '../../services/db/migrate.ts';
import { generateCorpus } from '../../services/generate/generate.service.ts';
import { createServerDatabase } from '../helpers/databases.ts';
import { importJsonl } from '../helpers/imports.ts';
import { startCli } from '../helpers/processes.ts';

describe('planhub insight', () => {
  let server: Awaited<ReturnType<typeof createServerDatabase>>;
  let db: Db;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-insight-cli-'));

  beforeAll(async () => {
    server = await createServerDatabase();
    db = openPostgres(server.url, 2);
    await migrate(db);
    const corpus = await generateCorpus({ projects: 300, seed: 3, outDir: dir });
    expect((await importJsonl(db, 'approval', fs.createReadStream(corpus.files.approval!))).rejected).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await server?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('analyses, prints its findings and leaves a ready run', async () => {
    const cli = startCli(['insight'], { DATABASE_URL: server.url, PLANHUB_DATA_DIR: dir });
    expect(await cli.exited, cli.output()).toBe(0);
    expect(cli.output()).toMatch(/analysed \d+ closed cases and \d+ steps of \d+ items/);
    expect(cli.output()).toContain('不合规');
    const runs = await db.query<{ status: string; requested_by: string; cases: number }>('SELECT status, requested_by, cases FROM insight_runs');
    expect(runs.rows).toEqual([{ status: 'ready', requested_by: 'cli', cases: expect.any(Number) }]);
    expect(runs.rows[0]!.cases).toBeGreaterThan(500);
  }, 60_000);

  it('refuses while another process computes a run', async () => {
    await db.query(`INSERT INTO insight_runs (status, requested_by) VALUES ('computing', 'elsewhere')`);
    const cli = startCli(['insight'], { DATABASE_URL: server.url, PLANHUB_DATA_DIR: dir });
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain('already running');
    const computing = await db.query<{ requested_by: string }>(`SELECT requested_by FROM insight_runs WHERE status = 'computing'`);
    expect(computing.rows).toEqual([{ requested_by: 'elsewhere' }]);
  }, 60_000);
});
