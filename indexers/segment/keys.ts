/**
 * Exact keys found in any text: 文号, project numbers, petition letter numbers. Each function
 * normalizes its input first, so full-width, traditional or loosely spaced forms all work.
 */
import { scanDocNos, scanLetterNos, scanProjectNos } from './key-scan.ts';
import { normalizeText } from './normalize.ts';

/**
 * The canonical 文号 in `s` (`武规[2017]12号`, `武规 〔2017〕 12 号` → `武规〔2017〕12号`);
 * registration numbers such as `鄂规选址420100201400010` come back as written. Null when
 * `s` holds none; the first one when it holds several.
 */
export function canonicalDocNo(s: string): string | null {
  return scanDocNos(normalizeText(s))[0] ?? null;
}

/** Every 文号 in a text, canonical, deduplicated, in order. */
export function extractDocNos(text: string): string[] {
  return scanDocNos(normalizeText(text));
}

/** Project numbers (`JAAA20160001`, short form `AB20140077`), uppercased, deduplicated, in order. */
export function extractProjectNos(text: string): string[] {
  return scanProjectNos(normalizeText(text));
}

/** Petition letter numbers (`[2017]09320`, `〔2017〕09320`) as canonical `[2017]09320`. */
export function extractLetterNos(text: string): string[] {
  return scanLetterNos(normalizeText(text));
}
