/**
 * Writes mappings/<name>.json from index-definitions.ts, for review and approval:
 * `node indexers/engines/cluster/write-mappings.ts`. A unit test fails when they differ.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEARCH_TYPES } from '../search-engine.ts';
import { allIndexDefinitions } from './index-definitions.ts';

export const MAPPINGS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../mappings');

/** Each definition as its file's text. */
export function mappingFiles(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(allIndexDefinitions(SEARCH_TYPES)).map(([name, def]) => [`${name}.json`, `${JSON.stringify(def, null, 2)}\n`]),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [file, text] of Object.entries(mappingFiles())) fs.writeFileSync(path.join(MAPPINGS_DIR, file), text);
  console.log(`wrote ${Object.keys(mappingFiles()).length} files to ${MAPPINGS_DIR}`);
}
