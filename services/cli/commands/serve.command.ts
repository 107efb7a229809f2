/** `planhub serve` and `planhub start` (serve with a demo corpus on first run). */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/config.ts';
import { projectStore } from '../../projects/project.store.ts';
import { buildApp } from '../../server/app.ts';
import { mountWebApp, openWebApp, ownOrigin, webAppPresent, type WebApp } from '../../server/web-app.ts';
import { openRuntime, startJobs, type Runtime } from '../../runtime/runtime.ts';
import { runGenerate } from './generate.command.ts';
import { importFile, planImport, printReport } from './import.command.ts';
import { runReindexWith } from './search.command.ts';
import { printDemoUsers } from './users.command.ts';

const DEMO_SEED = 2017;

export interface ServeOptions {
  /** Serve the web app (web/) beside the API; false for the API alone. */
  web: boolean;
}

/** The web app, built first when missing or stale; null when not wanted or not in this checkout. */
async function openWeb(config: Config, opts: ServeOptions): Promise<WebApp | null> {
  if (!opts.web) return null;
  if (!webAppPresent()) {
    console.log('web app: web/ is not in this installation; serving the API only');
    return null;
  }
  return openWebApp({ apiOrigin: ownOrigin(config.host, config.port), say: (line) => console.log(line) });
}

async function serve(rt: Runtime, web: WebApp | null): Promise<void> {
  const app = await buildApp({ ...rt, logLevel: rt.config.logLevel });
  if (web) mountWebApp(app, web);
  // With Redis, jobs belong to `planhub worker`; without it they run here, beside the API.
  const jobs = rt.config.redisUrl ? null : startJobs(rt, (m) => app.log.warn(m));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await jobs?.stop();
    await rt.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: rt.config.port, host: rt.config.host });
  console.log(`PlanHub on http://${rt.config.host}:${rt.config.port}  (${web ? 'web app: /, ' : ''}API docs: /docs, store: ${rt.db.kind}, jobs: ${rt.config.redisUrl ? 'BullMQ workers' : 'in-process'})`);
  // Searches go on against the live generation while a new one is built beside it.
  void rt.indexer
    .reindexIfDictionaryChanged()
    .then((rebuilt) => rebuilt && app.log.info('search index rebuilt for a changed domain dictionary'))
    .catch((err: Error) => app.log.error({ err }, 'reindex for the domain dictionary failed'));
}

export async function runServe(config: Config, opts: ServeOptions): Promise<void> {
  const web = await openWeb(config, opts);
  await serve(await openRuntime(config), web);
}

export async function runStart(config: Config, opts: ServeOptions & { projects: number }): Promise<void> {
  // The web build (a child process) runs while the demo corpus is generated and imported.
  const webReady = openWeb(config, opts);
  webReady.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
  const rt = await openRuntime(config);
  // The embedded store is a trial hub: one user per role to sign in with. A server gets none unless asked (`planhub users demo`).
  if (rt.db.kind === 'pglite') printDemoUsers(await rt.auth.demoUsers('planhub start'));
  if ((await projectStore.count(rt.db)) === 0) {
    const dir = path.join(config.dataDir, 'demo');
    if (!fs.existsSync(path.join(dir, 'projects.jsonl'))) {
      console.log(`the store is empty: generating a demo corpus of ${opts.projects} projects into ${dir}`);
      await runGenerate({ projects: opts.projects, seed: DEMO_SEED, out: dir });
    }
    for (const { file, type } of planImport([], { dir })) printReport(file, await importFile(rt.imports, file, type));
    await runReindexWith(rt);
    // Linking is a job on these imports (cheaper than a `planhub link` pass here, which the jobs would then repeat).
    console.log('petitions, 公文 and minutes are linked to their projects by the background jobs once serving starts (GET /api/jobs shows what is left)');
  }
  let web: WebApp | null;
  try {
    web = await webReady;
  } catch (err) {
    await rt.close();
    throw err;
  }
  await serve(rt, web);
}
