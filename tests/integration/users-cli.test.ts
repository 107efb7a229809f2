/**
 * `planhub users` as an operator uses it, on the PostgreSQL server and on the embedded store:
 * add (given, piped and generated passwords), list, set-password, disable, enable, demo; and
 * `planhub start` creating the demo users on the embedded store only.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditStore } from '../../services/audit/audit.store.ts';
import { createAuthService } from '../../services/auth/auth.service.ts';
import { secretStore } from '../../services/auth/secret.store.ts';
import { sessionStore } from '../../services/auth/session.store.ts';
import { userStore } from '../../services/auth/user.store.ts';
import { openPglite, openPostgres, type Db } from '../../services/db/db.ts';
import { createServerDatabase } from '../helpers/databases.ts';
import { CLI, ROOT, startCli, waitFor } from '../helpers/processes.ts';
import { freePort } from '../helpers/web-hub.ts';

/** Runs the CLI to its end, `stdin` piped in when given. */
function run(args: string[], env: Record<string, string>, stdin?: string): Promise<{ code: number | null; out: string }> {
  const proc = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env },
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  if (stdin !== undefined) proc.stdin!.end(stdin);
  return new Promise((resolve) => proc.on('exit', (code) => resolve({ code, out })));
}

const serviceOn = (db: Db) => createAuthService({ db, users: userStore, sessions: sessionStore, secrets: secretStore, audit: auditStore });

describe('planhub users', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-users-'));
  let server: { url: string; drop: () => Promise<void> };
  let env: Record<string, string>;
  beforeAll(async () => {
    server = await createServerDatabase();
    env = { DATABASE_URL: server.url };
  });
  afterAll(async () => {
    await server?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Signs in against the server database as the API would; the user's role, or the error's status. */
  async function signIn(username: string, password: string): Promise<string | number> {
    const db = openPostgres(server.url, 1);
    try {
      return (await serviceOn(db).login({ username, password })).user.role;
    } catch (err) {
      return (err as { statusCode: number }).statusCode;
    } finally {
      await db.close();
    }
  }

  it('adds users with a given, a piped or a generated password, and refuses a bad role by name', { timeout: 120_000 }, async () => {
    const a = await run(['users', 'add', 'li', '--role', 'handler', '--name', '李经办', '--office', '行政审批处', '--password', 'li-password-1'], env);
    expect(a.code, a.out).toBe(0);
    expect(a.out).toContain('added li (李经办, handler, 行政审批处)');
    expect(await signIn('li', 'li-password-1')).toBe('handler');

    const piped = await run(['users', 'add', 'zhou', '--role', 'officer', '--name', '周科员', '--password-stdin'], env, 'zhou-password-2\n');
    expect(piped.code, piped.out).toBe(0);
    expect(await signIn('zhou', 'zhou-password-2')).toBe('officer');

    const generated = await run(['users', 'add', 'wang', '--role', 'supervisor', '--name', '王主任'], env);
    expect(generated.code, generated.out).toBe(0);
    const password = /password: (\S+)/.exec(generated.out)?.[1];
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(await signIn('wang', password!)).toBe('supervisor');

    const bad = await run(['users', 'add', 'x1', '--role', 'boss', '--name', 'X', '--password', 'long-enough'], env);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/role: "boss" is not a role \(one of officer, handler, supervisor, admin\)/);
    const short = await run(['users', 'add', 'x2', '--role', 'officer', '--name', 'X', '--password', 'short'], env);
    expect(short.code).toBe(1);
    expect(short.out).toMatch(/password: at least 8 characters/);
  });

  it('lists, sets passwords, disables and enables', { timeout: 120_000 }, async () => {
    const set = await run(['users', 'set-password', 'li', '--password-stdin'], env, 'li-password-new\n');
    expect(set.code, set.out).toBe(0);
    expect(await signIn('li', 'li-password-1')).toBe(401);
    expect(await signIn('li', 'li-password-new')).toBe('handler');

    const off = await run(['users', 'disable', 'li'], env);
    expect(off.code, off.out).toBe(0);
    expect(await signIn('li', 'li-password-new')).toBe(401);
    const list = await run(['users', 'list'], env);
    expect(list.code, list.out).toBe(0);
    const lines = list.out.trim().split('\n');
    expect(lines[0]).toMatch(/^username\s+name\s+role\s+office\s+disabled$/);
    expect(lines.find((l) => l.startsWith('li '))).toMatch(/^li\s+李经办\s+handler\s+行政审批处\s+yes$/);
    expect(lines.find((l) => l.startsWith('zhou '))).toMatch(/^zhou\s+周科员\s+officer\s+—$/);

    expect((await run(['users', 'enable', 'li'], env)).code).toBe(0);
    expect(await signIn('li', 'li-password-new')).toBe('handler');
    const missing = await run(['users', 'disable', 'nobody'], env);
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/no user named "nobody"/);
  });

  it('creates the demo users once on request', { timeout: 120_000 }, async () => {
    const first = await run(['users', 'demo'], env);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/demo users \(password planhub-demo\)/);
    expect(first.out).toMatch(/supervisor\s+王主任\s+supervisor\s+行政审批处\s+new/);
    const again = await run(['users', 'demo'], env);
    expect(again.out).toMatch(/created earlier/);
    expect(again.out).not.toMatch(/\bnew\b/);
    expect(await signIn('officer', 'planhub-demo')).toBe('officer');
  });

  /** `planhub start` until it serves; its output. */
  async function startUntilServing(startEnv: Record<string, string>): Promise<string> {
    const port = await freePort();
    const hub = startCli(['start', '--no-web', '--projects', '3'], { ...startEnv, PORT: String(port) });
    let exited = false;
    void hub.exited.then(() => (exited = true));
    try {
      await waitFor('planhub start to serve', async () => {
        if (exited) throw new Error(`planhub start exited:\n${hub.output()}`);
        return (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined))?.ok;
      }, 180_000, 250);
      return hub.output();
    } finally {
      hub.proc.kill('SIGTERM');
      await hub.exited;
    }
  }

  it('planhub start makes the demo users on the embedded store, and none on a server', { timeout: 400_000 }, async () => {
    const dataDir = path.join(dir, 'embedded');
    const out = await startUntilServing({ PLANHUB_DATA_DIR: dataDir });
    expect(out).toMatch(/demo users \(password planhub-demo\)/);
    for (const u of ['admin', 'supervisor', 'handler', 'officer']) expect(out).toMatch(new RegExp(`^${u}\\s`, 'm'));
    const db = await openPglite(path.join(dataDir, 'pg'));
    try {
      expect((await serviceOn(db).login({ username: 'handler', password: 'planhub-demo' })).user.office).toBe('行政审批处');
    } finally {
      await db.close();
    }

    const fresh = await createServerDatabase();
    try {
      const onServer = await startUntilServing({ DATABASE_URL: fresh.url });
      expect(onServer).not.toMatch(/demo users/);
      const sdb = openPostgres(fresh.url, 1);
      const n = await sdb.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
      await sdb.close();
      expect(n.rows[0]!.n).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
});
