/**
 * What the browser tests share: CLI steps that must succeed, `planhub serve` on a free port, and
 * signing in as one of the demo users (a browser context through the login API, or a Bearer
 * token for the test's own API calls).
 */
import net from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { startCli, waitFor, type Child } from './processes.ts';

/** The demo users `planhub start` creates (and `planhub users demo`), one per role, and their password. */
export const DEMO_USERS = ['admin', 'supervisor', 'handler', 'officer'] as const;
export type DemoUser = (typeof DEMO_USERS)[number];
export const DEMO_PASSWORD = 'planhub-demo';

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs a CLI command to its end; its output, or an error carrying it when it exits non-zero. */
export async function runCli(args: string[], env: Record<string, string>): Promise<string> {
  const child = startCli(args, env);
  const code = await child.exited;
  if (code !== 0) throw new Error(`planhub ${args.join(' ')} exited ${code}:\n${child.output()}`);
  return child.output();
}

/** `planhub serve` (web app and API) on a free port, once its health check answers; it builds web/ first when it must. */
export async function serveHub(env: Record<string, string>): Promise<{ hub: Child; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const hub = startCli(['serve'], { ...env, PORT: String(port) });
  let exited = false;
  void hub.exited.then(() => (exited = true));
  await waitFor('the hub to serve (after building the web app if needed)', async () => {
    if (exited) throw new Error(`planhub serve exited:\n${hub.output()}`);
    const res = await fetch(`${base}/api/health`).catch(() => undefined);
    return res?.ok;
  }, 280_000, 250);
  return { hub, base };
}

export async function stopHub(hub: Child | undefined): Promise<void> {
  if (!hub) return;
  hub.proc.kill('SIGTERM');
  await hub.exited;
}

/** Creates the demo users in the data folder of `env` (run before `serveHub`: the embedded store has one user at a time). */
export async function addDemoUsers(env: Record<string, string>): Promise<void> {
  await runCli(['users', 'demo'], env);
}

async function login(base: string, user: DemoUser): Promise<{ token: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username: user, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${user} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { token: string };
}

/**
 * A fetch of the hub's API as `user` (Bearer token), for a test's own reads and checks:
 * `const api = await apiAs(base, 'supervisor'); await api('/api/links?…')`.
 */
export async function apiAs(base: string, user: DemoUser): Promise<(path: string, init?: RequestInit) => Promise<Response>> {
  const { token } = await login(base, user);
  return (path, init = {}) => fetch(`${base}${path}`, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } });
}

/**
 * Signs a browser context in as `user`: the login API called through the context's own request
 * client, whose cookie jar is the browser's, so its pages carry the `planhub_session` cookie.
 */
export async function signIn(context: BrowserContext, base: string, user: DemoUser): Promise<void> {
  const res = await context.request.post(`${base}/api/auth/login`, {
    data: { username: user, password: DEMO_PASSWORD },
    headers: { origin: base },
  });
  if (res.status() !== 200) throw new Error(`sign-in as ${user} failed: ${res.status()} ${await res.text()}`);
}
