/**
 * dependency-cruiser over a tree with the repository's rules (.dependency-cruiser.cjs), for
 * tests/unit/dependencies.test.ts: the real tree, and a small fixture that must break them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { ROOT } from './processes.ts';

/** The folders of the app whose imports the rules govern (tests may import anything). */
export const APP_FOLDERS = ['services', 'indexers', 'rules', 'bin', 'web'];

export interface Violation {
  rule: string;
  from: string;
  to: string;
  /** For a circle: every module on it, in order. */
  cycle?: string[];
}

export const describeViolation = (v: Violation) =>
  `${v.from} → ${v.to} (${v.rule})${v.cycle ? `: ${[v.from, ...v.cycle].join(' → ')}` : ''}`;

/** Every rule broken under `root` (paths relative to it), in a stable order. */
export async function findViolations(root: string, folders = APP_FOLDERS): Promise<Violation[]> {
  const options = await extractDepcruiseOptions(path.join(ROOT, '.dependency-cruiser.cjs'));
  const tsConfigFile = path.join(root, 'tsconfig.json');
  const present = folders.filter((f) => fs.existsSync(path.join(root, f)));
  const { output } = await cruise(
    present,
    { ...options, baseDir: root, tsConfig: { fileName: tsConfigFile } },
    undefined,
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  const result = output as ICruiseResult;
  // A cruise that read nothing would report no violations: that must not pass for a clean tree.
  if (result.summary.totalCruised === 0) throw new Error(`dependency-cruiser found no modules under ${root}`);
  return result.summary.violations
    .map((v) => ({ rule: v.rule.name, from: v.from, to: v.to, ...(v.cycle ? { cycle: v.cycle.map((c) => c.name) } : {}) }))
    .sort((a, b) => describeViolation(a).localeCompare(describeViolation(b)));
}
