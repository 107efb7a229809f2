/**
 * Exact keys (文号, project numbers, petition letter numbers) in text already passed through
 * normalizeText. Shared by the public `keys.ts` and by the segmenter, which has normalized
 * the text already and should not do it twice.
 */
import { findBracketedDocNos, findRegistrationNos, type DocNoMatch } from './doc-no-scan.ts';

/** JAAA20160001 (district + type + year + serial) or the short AB20140077; not inside a longer code. */
const PROJECT_NO = /(?<![A-Za-z0-9])([A-Za-z]{2}(?:[A-Za-z]{2})?(?:19|20)\d{6})(?![A-Za-z0-9])/g;

/** [2017]09320, 〔2017〕09320: a bracketed year then the serial; a 号 after it makes it a 文号 instead. */
const LETTER_NO = /[〔[(【〖] ?(\d{4}) ?[〕\])】〗] ?(\d{3,8})(?!\d| ?号)/g;

const HAS_BRACKETED_YEAR = /[〔[(【〖] ?\d{4} ?[〕\])】〗]/;

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function docNoMatches(norm: string): DocNoMatch[] {
  const bracketed = HAS_BRACKETED_YEAR.test(norm) ? findBracketedDocNos(norm) : [];
  const registration = /\d{12}/.test(norm) ? findRegistrationNos(norm) : [];
  if (registration.length === 0) return bracketed;
  return [...bracketed, ...registration].sort((a, b) => a.start - b.start);
}

export function scanDocNos(norm: string): string[] {
  return unique(docNoMatches(norm).map((m) => m.canonical));
}

export function scanProjectNos(norm: string): string[] {
  if (!/\d{8}/.test(norm)) return [];
  return unique(Array.from(norm.matchAll(PROJECT_NO), (m) => m[1]!.toUpperCase()));
}

export function scanLetterNos(norm: string): string[] {
  if (!HAS_BRACKETED_YEAR.test(norm)) return [];
  return unique(Array.from(norm.matchAll(LETTER_NO), (m) => `[${m[1]}]${m[2]}`));
}

/** All keys of a normalized text: 文号, then project numbers, then letter numbers. */
export function scanKeys(norm: string): string[] {
  const docs = scanDocNos(norm);
  const projects = scanProjectNos(norm);
  const letters = scanLetterNos(norm);
  if (projects.length === 0 && letters.length === 0) return docs;
  return unique([...docs, ...projects, ...letters]);
}
