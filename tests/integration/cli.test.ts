/**
 * The CLI as an operator uses it: generate a corpus, import every file with nothing rejected,
 * then import a corrupted copy and see each bad line reported while the good ones land.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../services/db/db.ts';
import { buildProgram } from '../../services/cli/program.ts';
import { createServerDatabase } from '../helpers/databases.ts';
import { startCli } from '../helpers/processes.ts';

async function run(args: string[], env: Record<string, string>) {
  const child = startCli(args, env);
  const code = await child.exited;
  return { code, out: child.output() };
}

describe('planhub CLI', () => {
  let server: { url: string; drop: () => Promise<void> };
  let env: Record<string, string>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-cli-'));

  beforeAll(async () => {
    server = await createServerDatabase();
    env = { DATABASE_URL: server.url };
  });
  afterAll(async () => {
    await server.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // One process per command (about 2 s each when the machine is idle, far more when it is not).
  it('has --help for every command', { timeout: 180_000 }, async () => {
    for (const name of buildProgram().commands.map((c) => c.name())) {
      const r = await run([name, '--help'], env);
      expect(r.code, name).toBe(0);
      expect(r.out).toMatch(new RegExp(`Usage: planhub ${name}`));
    }
  });

  it('stops on a malformed variable, naming it', async () => {
    const r = await run(['migrate'], { ...env, PORT: 'abc' });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/PORT: must be a port number/);
  });

  it('generates 2,000 projects and imports every file with nothing rejected', { timeout: 240_000 }, async () => {
    const corpus = path.join(dir, 'corpus');
    const g = await run(['generate', '--projects', '2000', '--seed', '3', '--out', corpus], env);
    expect(g.code, g.out).toBe(0);
    const i = await run(['import', '--dir', corpus], env);
    expect(i.code, i.out).toBe(0);
    const reports = i.out.split('\n').filter((l) => /\.jsonl: /.test(l));
    expect(reports).toHaveLength(7);
    for (const line of reports) expect(line).toMatch(/, 0 rejected/);
    const db = openPostgres(server.url, 1);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM projects');
    await db.close();
    expect(rows[0]!.n).toBe(2000);

    const again = await run(['import', '--dir', corpus], env);
    for (const line of again.out.split('\n').filter((l) => /\.jsonl: /.test(l))) expect(line).toMatch(/\(0 changed/);
  });

  it('reindexes, reconciles to nothing, and serves search over HTTP', { timeout: 240_000 }, async () => {
    const re = await run(['reindex'], env);
    expect(re.code, re.out).toBe(0);
    expect(re.out).toMatch(/search index generation \d+: \d+ records/);
    const rc = await run(['reconcile', '--dry-run'], env);
    expect(rc.code, rc.out).toBe(0);
    expect(rc.out).toMatch(/found 0 missing, 0 stale, 0 extra/);

    const port = String(3900 + Math.floor(Math.random() * 90));
    const server = startCli(['serve', '--no-web'], { ...env, PORT: port });
    try {
      const url = `http://127.0.0.1:${port}`;
      let res: Response | undefined;
      for (let i = 0; i < 100 && !res; i += 1) {
        res = await fetch(`${url}/api/health`).catch(() => undefined);
        if (!res) await new Promise((r) => setTimeout(r, 200));
      }
      expect(res?.status, server.output()).toBe(200);
      // A server database has no demo users: an officer is added with the CLI, then signs in.
      expect((await fetch(`${url}/api/search?q=x`)).status).toBe(401);
      const added = await run(['users', 'add', 'cli-officer', '--role', 'officer', '--name', '测试科员', '--password', 'cli-test-password'], env);
      expect(added.code, added.out).toBe(0);
      const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cli-officer', password: 'cli-test-password' }) });
      expect(login.status).toBe(200);
      const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
      const search = (await (await fetch(`${url}/api/search?q=${encodeURIComponent('规划许可')}&size=3`, { headers })).json()) as { total: number; hits: unknown[] };
      expect(search.total).toBeGreaterThan(0);
      expect(search.hits).toHaveLength(3);
      const docs = await fetch(`${url}/docs/json`);
      expect(docs.status).toBe(200);
    } finally {
      server.proc.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });

  it('reports every line of a corrupted copy and lands the good ones', { timeout: 120_000 }, async () => {
    const corpus = path.join(dir, 'corpus');
    const lines = fs.readFileSync(path.join(corpus, 'documents.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 50);
    const docs = lines.map((l) => JSON.parse(l));
    const bad: (string | Buffer)[] = lines.map((l, i) => `${JSON.stringify({ ...docs[i], id: `corrupt-${i}` })}\n`);
    bad[4] = `${JSON.stringify({ ...docs[4], id: 'corrupt-4' }).slice(0, 60)}\n`; // truncated
    bad[9] = `${JSON.stringify({ ...docs[9], id: 'corrupt-9', date: 20170101 })}\n`; // wrong type
    bad[14] = `${JSON.stringify({ ...docs[14], id: 'corrupt-14', text: '规'.repeat(7 * 1024 * 1024) })}\n`; // ~20 MB
    bad[19] = Buffer.concat([Buffer.from(`{"id":"corrupt-19","title":"`), Buffer.from([0xc3, 0x28]), Buffer.from(`"}\n`)]); // invalid UTF-8
    const file = path.join(dir, 'documents-corrupt.jsonl');
    fs.writeFileSync(file, Buffer.concat(bad.map((b) => (typeof b === 'string' ? Buffer.from(b) : b))));

    const r = await run(['import', file, '--type', 'document'], env);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/50 lines, 46 imported .* 4 rejected/);
    expect(r.out).toMatch(/line 5: not valid JSON/);
    expect(r.out).toMatch(/line 10: date: /);
    expect(r.out).toMatch(/line 15: text: is [\d,]+ bytes, over the 5 MB limit/);
    expect(r.out).toMatch(/line 20: not valid UTF-8/);

    const unknown = await run(['import', file, '--type', 'spaceship'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toMatch(/unknown type "spaceship": expected one of project, approval/);
  });
});
