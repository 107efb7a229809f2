/** `planhub serve` and `planhub start` (serve with a demo corpus on first run). */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/config.ts';
import { projectStore } from '../../projects/project.store.ts';
import { buildApp } from '../../server/app.ts';
import { openRuntime, startJobs, type Runtime } from '../../runtime/runtime.ts';
import { runGenerate } from './generate.command.ts';
import { importFile, planImport, printReport } from './import.command.ts';
import { runReindexWith } from './search.command.ts';

const DEMO_SEED = 2017;

async function serve(rt: Runtime): Promise<void> {
  const app = await buildApp({ ...rt, logLevel: rt.config.logLevel });
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
  console.log(`PlanHub on http://${rt.config.host}:${rt.config.port}  (API docs: /docs, store: ${rt.db.kind}, jobs: ${rt.config.redisUrl ? 'BullMQ workers' : 'in-process'})`);
  // Searches go on against the live generation while a new one is built beside it.
  void rt.indexer
    .reindexIfDictionaryChanged()
    .then((rebuilt) => rebuilt && app.log.info('search index rebuilt for a changed domain dictionary'))
    .catch((err: Error) => app.log.error({ err }, 'reindex for the domain dictionary failed'));
}

export async function runServe(config: Config): Promise<void> {
  await serve(await openRuntime(config));
}

export async function runStart(config: Config, opts: { projects: number }): Promise<void> {
  const rt = await openRuntime(config);
  if ((await projectStore.count(rt.db)) === 0) {
    const dir = path.join(config.dataDir, 'demo');
    if (!fs.existsSync(path.join(dir, 'projects.jsonl'))) {
      console.log(`the store is empty: generating a demo corpus of ${opts.projects} projects into ${dir}`);
      await runGenerate({ projects: opts.projects, seed: DEMO_SEED, out: dir });
    }
    for (const { file, type } of planImport([], { dir })) printReport(file, await importFile(rt.imports, file, type));
    await runReindexWith(rt);
  }
  await serve(rt);
}
