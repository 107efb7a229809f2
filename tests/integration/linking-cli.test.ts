/**
 * `planhub link` and `planhub links export` as an operator runs them, on a PostgreSQL server
 * database holding the hand-written linking fixtures: the link run reports per type and exits,
 * the export writes one JSON line per link with its status, score, method and reasons, filters
 * by type and status, and names a bad --type or --status. No petitioner data in the export.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../services/db/db.ts';
import { migrate } from '../../services/db/migrate.ts';
import { createServerDatabase } from '../helpers/databases.ts';
import { importJsonl } from '../helpers/imports.ts';
import { EXPECT, LINKING_RECORDS, PETITION_COUNT, PETITIONER_NAME } from '../helpers/linking-fixtures.ts';
import { startCli } from '../helpers/processes.ts';
import { fromText, jsonl } from '../helpers/streams.ts';

async function run(args: string[], env: Record<string, string>) {
  const child = startCli(args, env);
  const code = await child.exited;
  return { code, out: child.output() };
}

interface Line { resource_type: string; resource_id: string; project_no: string; status: string; score: number; method: string; reasons: { text: string }[] }

describe('planhub link and planhub links export', () => {
  let server: { url: string; drop: () => Promise<void> };
  let env: Record<string, string>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-link-cli-'));

  beforeAll(async () => {
    server = await createServerDatabase();
    env = { DATABASE_URL: server.url, PLANHUB_DATA_DIR: dir };
    const db = openPostgres(server.url, 2);
    await migrate(db);
    for (const [type, records] of LINKING_RECORDS) {
      const r = await importJsonl(db, type, fromText(jsonl(records)));
      if (r.rejected > 0) throw new Error(`${type}: ${r.errors[0]?.message}`);
    }
    await db.close();
  }, 60_000);
  afterAll(async () => {
    await server?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('links every petition, document and meeting, reports per type and exits', { timeout: 120_000 }, async () => {
    const r = await run(['link'], env);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(new RegExp(`petition\\s+${PETITION_COUNT} resources: \\d+ auto, \\d+ suggested links`));
    expect(r.out).toMatch(/meeting\s+1 resources/);
    expect(r.out).toMatch(/linker model v\d+: \d+ resources in [\d.]+ s/);
  });

  it('exports every link as a JSON line, and filters by type and status', { timeout: 60_000 }, async () => {
    const out = path.join(dir, 'links.jsonl');
    const r = await run(['links', 'export', '--type', 'petition', '--out', out], env);
    expect(r.code, r.out).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).not.toContain(PETITIONER_NAME);
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Line);
    expect(lines.every((l) => l.resource_type === 'petition')).toBe(true);
    const estate = lines.find((l) => l.resource_id === EXPECT.estate.id && l.project_no === EXPECT.estate.auto);
    expect(estate).toMatchObject({ status: 'auto', method: 'linkage' });
    expect(estate!.score).toBeGreaterThan(0.9);
    expect(estate!.reasons[0]!.text).toMatch(/澜栖湾/);

    const suggested = await run(['links', 'export', '--type', 'petition', '--status', 'suggested'], env);
    expect(suggested.code, suggested.out).toBe(0);
    const rows = suggested.out.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Line);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((l) => l.status === 'suggested')).toBe(true);
    expect(rows.some((l) => l.resource_id === EXPECT.road.id && l.project_no === EXPECT.road.suggested)).toBe(true);
  });

  it('names a bad --type or --status and exits non-zero', { timeout: 60_000 }, async () => {
    const t = await run(['link', '--type', 'approval'], env);
    expect(t.code).not.toBe(0);
    expect(t.out).toMatch(/--type: "approval"/);
    const s = await run(['links', 'export', '--status', 'maybe'], env);
    expect(s.code).not.toBe(0);
    expect(s.out).toMatch(/status: "maybe"/);
  });
});
