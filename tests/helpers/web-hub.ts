/** What the browser tests share: CLI steps that must succeed, and `planhub serve` on a free port. */
import net from 'node:net';
import { startCli, waitFor, type Child } from './processes.ts';

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
