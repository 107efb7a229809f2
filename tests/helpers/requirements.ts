/**
 * What some suites need beyond PostgreSQL and Redis: the real corpus beside the project
 * (../shared/corpus) and an OpenSearch node. Decided here, once. In CI (CI=true) a missing
 * one fails the run: a suite that skipped there quietly would pass while testing nothing.
 * Elsewhere the suite is skipped, with one line saying what was skipped and how to run it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './processes.ts';

export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

export interface Requirement {
  /** The suites that need it, as the skip line names them. */
  what: string;
  available: boolean;
  /** What is missing. */
  why: string;
  /** How to make it available. */
  how: string;
  /** Fail rather than skip (CI, or an explicit setting such as TEST_SEARCH_URL). */
  required?: boolean;
}

/** True when the suites can run; false (after one line on stderr) when they are skipped; throws when they must run. */
export function needs(r: Requirement): boolean {
  if (r.available) return true;
  if (r.required ?? IN_CI) throw new Error(`${r.what} must run here but cannot: ${r.why}. ${r.how}`);
  console.warn(`skipped: ${r.what} (${r.why}); ${r.how}`);
  return false;
}

export const CORPUS_DIR = path.resolve(ROOT, '..', 'shared', 'corpus');
export const corpusFile = (name: string) => path.join(CORPUS_DIR, name);

/** Whether the corpus files are there; see `needs`. */
export function needsCorpus(what: string, files: string[]): boolean {
  const missing = files.filter((f) => !fs.existsSync(corpusFile(f)));
  return needs({
    what,
    available: missing.length === 0,
    why: `no ${missing.join(', ')} in ${CORPUS_DIR}`,
    how: 'put the shared corpus at ../shared/corpus beside the project',
  });
}
