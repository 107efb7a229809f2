/**
 * A whole hub for search tests: a runtime on PGlite (on disk, in a temp folder) or on a fresh
 * server database, loaded with a generated corpus and indexed. Built once per suite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IMPORT_ORDER } from '../../services/cli/commands/import.command.ts';
import { loadConfig } from '../../services/config/config.ts';
import { generateCorpus, type GenerateResult } from '../../services/generate/generate.service.ts';
import { importJsonl } from './imports.ts';
import { createInProcessRunner } from '../../services/jobs/in-process-runner.ts';
import { openRuntime, type Runtime } from '../../services/runtime/runtime.ts';
import { createServerDatabase } from './databases.ts';
import { clusterSettings, dropIndices, isCluster, newIndexPrefix, type SearchSetup } from './search-nodes.ts';
import { fromText, jsonl } from './streams.ts';

export interface SearchFixture {
  rt: Runtime;
  corpus: GenerateResult;
  dir: string;
  /** Runs the outbox jobs until none is due (indexing, summaries). */
  drainJobs(): Promise<number>;
  close(): Promise<void>;
}

/** A hub on PGlite, on a fresh server database, or on PGlite with OpenSearch or Elasticsearch as its engine. */
export async function openHub(setup: SearchSetup): Promise<{ rt: Runtime; dir: string; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-search-'));
  const server = setup === 'postgres' ? await createServerDatabase() : null;
  const cluster = isCluster(setup) ? { setup, prefix: newIndexPrefix() } : null;
  const rt = await openRuntime(loadConfig({
    PLANHUB_DATA_DIR: dir,
    ...(server ? { DATABASE_URL: server.url } : {}),
    ...(cluster ? clusterSettings(cluster.setup, cluster.prefix) : {}),
  }));
  return {
    rt,
    dir,
    async close() {
      await rt.close();
      await server?.drop();
      if (cluster) await dropIndices(cluster.prefix, cluster.setup);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function importCorpus(rt: Runtime, corpus: GenerateResult): Promise<void> {
  for (const type of IMPORT_ORDER) {
    const r = await importJsonl(rt.db, type, fs.createReadStream(corpus.files[type]!));
    if (r.rejected > 0) throw new Error(`${type}: ${r.errors[0]?.message}`);
  }
}

export async function searchFixture(setup: SearchSetup, projects = 150, seed = 11): Promise<SearchFixture> {
  const hub = await openHub(setup);
  const corpus = await generateCorpus({ projects, seed, outDir: path.join(hub.dir, 'corpus') });
  await importCorpus(hub.rt, corpus);
  const drainJobs = async () => {
    const runner = createInProcessRunner(hub.rt.db, hub.rt.registry, { idleMs: 3_600_000 });
    const n = await runner.drain();
    await runner.stop();
    return n;
  };
  await drainJobs();
  return { rt: hub.rt, corpus, dir: hub.dir, drainJobs, close: hub.close };
}

export function readJsonl<T = Record<string, unknown>>(file: string): T[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

/** A hub holding the given hand-written records, imported in the order given, with their jobs run. */
export async function hubWith(
  setup: SearchSetup,
  records: Partial<Record<'project' | 'approval' | 'document' | 'meeting' | 'petition' | 'credit' | 'regulation', unknown[]>>,
): Promise<{ rt: Runtime; close: () => Promise<void> }> {
  const hub = await openHub(setup);
  for (const [type, list] of Object.entries(records) as [keyof typeof records, unknown[]][]) {
    const r = await importJsonl(hub.rt.db, type, fromText(jsonl(list)));
    if (r.rejected > 0) throw new Error(`${type}: ${r.errors[0]?.message}`);
  }
  const runner = createInProcessRunner(hub.rt.db, hub.rt.registry, { idleMs: 3_600_000 });
  await runner.drain();
  await runner.stop();
  return { rt: hub.rt, close: hub.close };
}
