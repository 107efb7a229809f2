/**
 * The one text normalization run before anything is segmented or keyed, at index and at query
 * time alike, so both sides see the same characters.
 */
import { canonicalizeDocNos } from './doc-no-scan.ts';
import { toSimplified } from './traditional.ts';

/** Zero-width characters and the soft hyphen: found inside copied 文号 and titles; NFKC keeps them. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Runs of two or more whitespace characters, or any whitespace that is not a plain space. */
const LOOSE_SPACE = /\s{2,}|[^\S ]/g;
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;

/** A run with a line break becomes one '\n' (paragraphs survive for passage splitting), any other one space. */
const collapse = (run: string): string => (LINE_BREAK.test(run) ? '\n' : ' ');

/**
 * NFKC (full-width → half-width), traditional → simplified, 文号 brackets made canonical,
 * whitespace collapsed (to one '\n' where the run holds a line break, else one space), trimmed.
 */
export function normalizeText(s: string): string {
  // Each step returns its input unchanged when there is nothing to do, so plain text costs scans only.
  const t = s.normalize('NFKC').replace(INVISIBLE, '').replace(LOOSE_SPACE, collapse).trim();
  return canonicalizeDocNos(toSimplified(t));
}
