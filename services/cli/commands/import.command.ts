/** `planhub import`: JSON-lines files into the store, with a progress bar and a line-by-line report. */
import fs from 'node:fs';
import path from 'node:path';
import { RESOURCE_TYPES, parseResourceType, type ResourceType } from '../../resources/resource.schema.ts';
import type { ImportReport, ImportService } from '../../import/import.service.ts';
import { progressBar } from '../progress.ts';

/** The order a whole corpus is imported in: projects before what refers to them. */
export const IMPORT_ORDER: ResourceType[] = ['project', 'credit', 'regulation', 'approval', 'document', 'meeting', 'petition'];

/** Guesses the type from a file name such as `petitions.jsonl`. */
export function typeFromFileName(file: string): ResourceType | null {
  const base = path.basename(file).replace(/\.(jsonl|ndjson|json)$/, '').replace(/s$/, '');
  const alias: Record<string, ResourceType> = { credit: 'credit', credits: 'credit' };
  const name = alias[base] ?? base;
  return (RESOURCE_TYPES as string[]).includes(name) ? (name as ResourceType) : null;
}

export async function importFile(imports: Pick<ImportService, 'importJsonl'>, file: string, type: ResourceType): Promise<ImportReport> {
  const size = fs.statSync(file).size;
  const bar = progressBar(size, 'bytes', `${type.padEnd(10)}`);
  try {
    return await imports.importJsonl(type, fs.createReadStream(file, { highWaterMark: 1 << 20 }), {
      onProgress: ({ bytes }) => bar.update(bytes),
      actor: 'cli',
    });
  } finally {
    bar.stop();
  }
}

export function printReport(file: string, r: ImportReport, maxErrors = 20): void {
  console.log(
    `${path.basename(file)}: ${r.lines} lines, ${r.accepted} imported (${r.changed} changed, ${r.unchanged} unchanged), ${r.rejected} rejected` +
      (r.unknownProjectNos ? `; ${r.unknownProjectNos} project numbers refer to no imported project` : ''),
  );
  for (const e of r.errors.slice(0, maxErrors)) console.log(`  line ${e.line}: ${e.message}`);
  if (r.rejected > maxErrors) console.log(`  … and ${r.rejected - maxErrors} more rejected lines`);
}

/** Resolves the files and their types from the command's arguments. */
export function planImport(files: string[], opts: { type?: string; dir?: string }): { file: string; type: ResourceType }[] {
  if (opts.dir) {
    return IMPORT_ORDER.flatMap((type) => {
      const file = path.join(opts.dir!, `${type}s.jsonl`);
      return fs.existsSync(file) ? [{ file, type }] : [];
    });
  }
  if (files.length === 0) throw new Error('name at least one file, or --dir with a generated corpus');
  return files.map((file) => {
    if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
    const type = opts.type ? parseResourceType(opts.type) : typeFromFileName(file);
    if (!type) throw new Error(`cannot tell the type of ${file} from its name: pass --type (${RESOURCE_TYPES.join('|')})`);
    return { file, type };
  });
}
