/** What the benchmarks share: throttled progress lines, and importing a generated corpus through the real import. */
import fs from 'node:fs';
import { IMPORT_ORDER } from '../../services/cli/commands/import.command.ts';
import type { GenerateResult } from '../../services/generate/generate.service.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';
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
