/**
 * The web app's production build (`next build web`), made when it is missing or older than its
 * sources, so `planhub serve` and `npm start` on a fresh clone serve pages without a separate
 * step. Two processes never build into the same folder at once: the second waits for the first.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The Next.js app: web/ at the repository's root. */
export const WEB_DIR = path.resolve(import.meta.dirname, '..', '..', 'web');

/** What a build is made from besides web/'s own sources: the installed packages' versions. */
const ROOT_INPUTS = ['package-lock.json'];
/** Under web/: the build's own output and files that do not go into it (the README's screenshots among them). */
const SKIP_DIRS = new Set(['.next', 'node_modules', 'screenshots']);
const NOT_SOURCE = /(\.test\.tsx?|\.md|^next-env\.d\.ts)$/;

/** The newest modification time (ms) among the files the build is made from. */
export function newestSourceTime(webDir: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path.join(dir, entry.name));
      } else if (entry.isFile() && !NOT_SOURCE.test(entry.name)) {
        newest = Math.max(newest, fs.statSync(path.join(dir, entry.name)).mtimeMs);
      }
    }
  };
  walk(webDir);
  for (const file of ROOT_INPUTS) {
    const p = path.join(webDir, '..', file);
    if (fs.existsSync(p)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Why the build must be made, or null when the one in web/.next is current. */
export function buildNeeded(webDir: string): string | null {
  // `next typegen` (npm run typecheck) writes web/.next/types too: only a finished build writes BUILD_ID.
  const marker = path.join(webDir, '.next', 'BUILD_ID');
  if (!fs.existsSync(marker)) return 'no build yet';
  return fs.statSync(marker).mtimeMs < newestSourceTime(webDir) ? 'sources changed since the last build' : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes web/'s build lock, waiting while a live process holds it; returns its release. */
async function lockBuild(webDir: string, say: (line: string) => void): Promise<() => void> {
  const file = path.join(webDir, '.next-build.lock');
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (!owner || owner === process.pid || !alive(owner)) {
        fs.rmSync(file, { force: true }); // left behind by a build that died
        continue;
      }
      if (!told) say(`web app: process ${owner} is building it; waiting`);
      told = true;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function runNextBuild(webDir: string): Promise<void> {
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build', webDir], {
      cwd: path.join(webDir, '..'),
      // Offline builds: Next's telemetry would try to reach the network.
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}):\n${out.slice(-6000)}`))));
  });
}

/**
 * Builds the web app when it is missing or stale, saying so and how long it took; returns the
 * seconds spent building (0 when the build was current).
 */
export async function ensureWebBuild(webDir: string, say: (line: string) => void = console.log): Promise<number> {
  if (!buildNeeded(webDir)) return 0;
  const release = await lockBuild(webDir, say);
  try {
    // Another process may have built it while this one waited for the lock.
    const reason = buildNeeded(webDir);
    if (!reason) return 0;
    say(`web app: building it (${reason}): next build web …`);
    const started = performance.now();
    await runNextBuild(webDir);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    say(`web app: built in ${seconds} s`);
    return seconds;
  } finally {
    release();
  }
}
