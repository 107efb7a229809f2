/**
 * What a Dockerfile's COPY lines put where in the image, and what the CLI reads at run time,
 * for tests/integration/compose.test.ts (no Docker engine runs here to build the image).
 */
import fs from 'node:fs';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';

export interface Instruction {
  keyword: string;
  args: string;
}

export interface DockerImage {
  instructions: Instruction[];
  /** The final WORKDIR: where `npx planhub` runs and the repository's root must land. */
  root: string;
  /** Where the repository path `p` (a file) ends up in the image, or undefined if no COPY takes it. */
  pathOf(p: string): string | undefined;
  /** The index of the instruction whose COPY takes `p`. */
  copiedAt(p: string): number | undefined;
}

const globToRegExp = (glob: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);

/** Instructions with continuation lines joined and comments dropped. */
export function instructions(text: string): Instruction[] {
  return text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    .map((l) => ({ keyword: l.split(/\s+/)[0]!.toUpperCase(), args: l.slice(l.split(/\s+/)[0]!.length).trim() }));
}

export function parseDockerfile(text: string, repo: string): DockerImage {
  const list = instructions(text);
  let workdir = '/';
  const copies: { at: number; sources: string[]; dest: string }[] = [];
  list.forEach((ins, at) => {
    if (ins.keyword === 'WORKDIR') workdir = path.posix.resolve(workdir, ins.args);
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') return;
    const words = ins.args.startsWith('[') ? (JSON.parse(ins.args) as string[]) : ins.args.split(/\s+/);
    // --from copies from another stage, not from the build context.
    if (words.some((w) => w.startsWith('--from'))) return;
    const parts = words.filter((w) => !w.startsWith('--'));
    const dest = parts.pop()!;
    const destAbs = path.posix.resolve(workdir, dest) + (dest.endsWith('/') ? '/' : '');
    copies.push({ at, sources: parts.map((s) => s.replace(/^\.\//, '').replace(/\/$/, '')), dest: destAbs });
  });
  const target = (copy: (typeof copies)[number], source: string, p: string): string => {
    const isDir = fs.statSync(path.join(repo, source)).isDirectory();
    // A directory's contents land in dest; a file lands in dest, or in it when dest is a folder.
    if (isDir) return path.posix.join(copy.dest, p.slice(source.length));
    return copy.dest.endsWith('/') || copy.sources.length > 1 ? path.posix.join(copy.dest, path.posix.basename(p)) : copy.dest;
  };
  const find = (p: string) => {
    for (const copy of copies.toReversed()) {
      for (const pattern of copy.sources) {
        const sources = /[*?]/.test(pattern) ? fs.readdirSync(path.join(repo, path.posix.dirname(pattern))).map((f) => path.posix.join(path.posix.dirname(pattern), f)).filter((f) => globToRegExp(pattern).test(f)) : [pattern];
        const s = sources.find((x) => x === '.' || p === x || p.startsWith(`${x}/`));
        if (s) return { copy, at: copy.at, path: target(copy, s === '.' ? '' : s, p) };
      }
    }
    return undefined;
  };
  return { instructions: list, root: workdir, pathOf: (p) => find(p)?.path, copiedAt: (p) => find(p)?.at };
}

/** Every file under a folder of the repository, as repository paths. */
export const filesUnder = (repo: string, dir: string): string[] =>
  (fs.readdirSync(path.join(repo, dir), { recursive: true }) as string[]).map((f) => path.posix.join(dir, f)).filter((f) => fs.statSync(path.join(repo, f)).isFile());

/**
 * The source files `entry` loads at run time: its static and dynamic imports, followed through
 * the repository, plus the worker files that modules start by URL (`new URL('./x.worker.ts',
 * import.meta.url)`). Type-only imports are followed too: that asks at most for a file more.
 */
export async function runtimeModules(repo: string, entry: string): Promise<string[]> {
  const { output } = await cruise([entry], { baseDir: repo, doNotFollow: { path: 'node_modules' }, tsPreCompilationDeps: true });
  const local = (output as ICruiseResult).modules.filter((m) => !m.coreModule && !m.couldNotResolve && !m.source.startsWith('node_modules/')).map((m) => m.source);
  const workers = local.flatMap((m) => [...fs.readFileSync(path.join(repo, m), 'utf8').matchAll(/new URL\('(\.{1,2}\/[^']+)', import\.meta\.url\)/g)]
    .map((x) => path.posix.join(path.posix.dirname(m), x[1]!)));
  return [...new Set([...local, ...workers])].sort();
}
