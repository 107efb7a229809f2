/** What the benchmarks share: throttled progress lines, importing a generated corpus through the real import, and the store a benchmark runs on. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IMPORT_ORDER } from '../../services/cli/commands/import.command.ts';
import { loadConfig } from '../../services/config/config.ts';
import { generateCorpus, type GenerateResult } from '../../services/generate/generate.service.ts';
import { openRuntime, type Runtime } from '../../services/runtime/runtime.ts';
import { createServerDatabase } from '../helpers/databases.ts';
import { importJsonl } from '../helpers/imports.ts';

/** `fn`, every 5 s at most. */
export function throttled(fn: (msg: string) => void) {
  let last = 0;
  return (msg: string) => {
    if (performance.now() - last < 5000) return;
    last = performance.now();
    fn(msg);
  };
}

/** Imports every file of the corpus in dependency order; the number of records accepted. */
export async function importAll(rt: Runtime, corpus: GenerateResult, log: (msg: string) => void): Promise<number> {
  let n = 0;
  const tick = throttled(log);
  for (const type of IMPORT_ORDER) {
    const r = await importJsonl(rt.db, type, fs.createReadStream(corpus.files[type]!, { highWaterMark: 1 << 20 }), {
      onProgress: ({ lines }) => tick(`  import ${type}: ${lines.toLocaleString('en')} lines`),
    });
    if (r.rejected > 0) throw new Error(`${type}: ${r.rejected} lines rejected: ${r.errors[0]?.message}`);
    n += r.accepted;
  }
  return n;
}

export interface BenchStoreOptions {
  /** Names the temporary folder (`planhub-<name>-…`). */
  name: string;
  store: string;
  /** A database that already holds a corpus: nothing is generated or imported. */
  db?: string;
  /** A corpus `planhub generate` wrote; else one is generated. */
  corpus?: string;
  projects: number;
  seed: number;
  /** Build the search index after the import (what search-backed benchmarks need). */
  index?: boolean;
  log: (msg: string) => void;
}

/**
 * The store a benchmark runs on: an existing database (`db`), or a fresh server database or
 * PGlite folder filled with a corpus through the real import. `close(keep)` releases it and
 * drops the server database this run made unless kept.
 */
export async function openBenchStore(o: BenchStoreOptions): Promise<{ rt: Runtime; url: string | undefined; close(keep: boolean): Promise<void> }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `planhub-${o.name}-`));
  const server = o.store === 'server' && !o.db ? await createServerDatabase() : null;
  const url = o.db ?? server?.url;
  const rt = await openRuntime(loadConfig({ PLANHUB_DATA_DIR: path.join(tmp, 'data'), ...(url ? { DATABASE_URL: url } : {}) }));
  if (!o.db) {
    const corpusDir = o.corpus ?? path.join(tmp, 'corpus');
    if (!o.corpus) {
      o.log(`generating ${o.projects} projects (seed ${o.seed})`);
      await generateCorpus({ projects: o.projects, seed: o.seed, outDir: corpusDir });
    }
    const files = Object.fromEntries(IMPORT_ORDER.map((t) => [t, path.join(corpusDir, `${t}s.jsonl`)]).filter(([, f]) => fs.existsSync(f!)));
    o.log(`importing ${corpusDir} into ${rt.db.kind}${url ? ` (${url})` : ''}`);
    await importAll(rt, { files } as unknown as GenerateResult, o.log);
    if (o.index) {
      const tick = throttled(o.log);
      o.log('indexing');
      await rt.indexer.reindex(({ phase, done, total }) => tick(`  reindex ${phase}: ${done} / ${total}`));
    }
    await rt.db.exec('ANALYZE');
  }
  return {
    rt,
    url,
    async close(keep) {
      await rt.close();
      fs.rmSync(tmp, { recursive: true, force: true });
      if (keep && server) o.log(`kept ${server.url}`);
      else await server?.drop();
    },
  };
}
