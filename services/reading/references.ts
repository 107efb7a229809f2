/**
 * References in a record's text: 文号 (in any bracket form) and project numbers, with where each
 * stands in its field, and the links they become when the hub holds what they cite. Pure: the
 * service looks up which cited numbers are held and passes the answer in.
 *
 * 文号 are read the way the search index reads them (indexers/segment/doc-no-scan.ts) and compared
 * by the same canonical form (`武规〔2016〕12号`), so a number the search finds is a number that
 * links. Offsets are JavaScript string indices (UTF-16 code units) into the field as stored:
 * `record[field].slice(start, end) === text`.
 */
import { findBracketedDocNos, findRegistrationNos } from '../../indexers/segment/doc-no-scan.ts';
import { canonicalDocNo } from '../../indexers/segment/keys.ts';
import { toSimplified } from '../../indexers/segment/traditional.ts';
import { parseProjectNo } from '../projects/project-no.ts';

export type TargetType = 'document' | 'regulation' | 'approval' | 'project';

export interface Target {
  type: TargetType;
  /** The record's id; a project's number for a project. */
  id: string;
}

/** A number found in a text field, before anyone knows whether the hub holds it. */
export interface Citation {
  field: string;
  text: string;
  start: number;
  end: number;
  kind: 'doc_no' | 'project_no';
  /** What it is looked up by: `docNoKey` for a 文号, the upper-cased number for a project. */
  key: string;
}

export interface Reference {
  field: string;
  text: string;
  start: number;
  end: number;
  target: Target;
}

/** A record the hub holds under a 文号: a document's doc_no, a regulation's, an approval's certificate. */
export interface HeldDocNo {
  type: 'document' | 'regulation' | 'approval';
  id: string;
  doc_no: string;
}

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const WIDE_SPACE = /[\u3000\u00A0]/g;

/**
 * The text with full-width forms made ASCII (（２０１９） → (2019)) and traditional characters
 * simplified, as the search index normalizes them, but one code unit for one code unit, so that
 * an offset found in it is an offset into the stored text.
 */
function foldKeepingOffsets(text: string): string {
  const ascii = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(WIDE_SPACE, ' ');
  // toSimplified maps one BMP character to one (traditional.ts keeps only such pairs).
  return toSimplified(ascii);
}

/** A canonical 文号 with its serial's leading zeros dropped: 武规选〔2014〕072号 and 〔2014〕72号 are one number. */
const dropLeadingZeros = (canonical: string): string => canonical.replace(/〔(\d{4})〕0+(?=\d)/u, '〔$1〕');

/** The key a 文号 as stored (`武规[2024]009号`) is compared by; null when the value holds none. */
export function docNoKey(docNo: string): string | null {
  const canonical = canonicalDocNo(docNo);
  return canonical === null ? null : dropLeadingZeros(canonical);
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, '\\$&');

/**
 * A LIKE pattern that every stored spelling of the keyed 文号 matches (any brackets, spaces,
 * 第, leading zeros), and few others: the store narrows by it, `docNoKey` decides.
 */
export function docNoLikePattern(key: string): string {
  const m = /^(.+)〔(\d{4})〕(\d+)号$/u.exec(key);
  return m ? `${escapeLike(m[1]!)}%${m[2]}%${m[3]}%号` : escapeLike(key);
}

/** A full project number (project-no.ts), not inside a longer code; checked by parseProjectNo. */
const PROJECT_NO = /(?<![A-Za-z0-9])[A-Za-z]{4}\d{8}(?![A-Za-z0-9])/g;
const BRACKETED_YEAR = /[〔[(【〖] ?\d{4} ?[〕\])】〗]/;

/** Every 文号 and project number in the fields, in field order, then by position. */
export function findCitations(fields: readonly { field: string; text: string }[]): Citation[] {
  const out: Citation[] = [];
  for (const { field, text } of fields) {
    const folded = foldKeepingOffsets(text);
    const found: Citation[] = [];
    const docNos = [
      ...(BRACKETED_YEAR.test(folded) ? findBracketedDocNos(folded) : []),
      ...(/\d{12}/.test(folded) ? findRegistrationNos(folded) : []),
    ];
    for (const m of docNos) {
      found.push({ field, text: text.slice(m.start, m.end), start: m.start, end: m.end, kind: 'doc_no', key: dropLeadingZeros(m.canonical) });
    }
    for (const m of folded.matchAll(PROJECT_NO)) {
      if (!parseProjectNo(m[0])) continue;
      const end = m.index + m[0].length;
      found.push({ field, text: text.slice(m.index, end), start: m.index, end, kind: 'project_no', key: m[0].toUpperCase() });
    }
    out.push(...found.sort((a, b) => a.start - b.start));
  }
  return out;
}

/** Which record a held 文号 links to, when several share it: a document first (its text can be read), then a regulation, then an approval; the smallest id among equals. */
const PREFERENCE: Record<HeldDocNo['type'], number> = { document: 0, regulation: 1, approval: 2 };

/** The target of each 文号 key among the held records. */
export function docNoTargets(held: readonly HeldDocNo[]): Map<string, Target> {
  const sorted = [...held].sort((a, b) => PREFERENCE[a.type] - PREFERENCE[b.type] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const targets = new Map<string, Target>();
  for (const h of sorted) {
    const key = docNoKey(h.doc_no);
    if (key !== null && !targets.has(key)) targets.set(key, { type: h.type, id: h.id });
  }
  return targets;
}

/**
 * The citations that link somewhere: a 文号 the hub holds, a project it has. Citations of what
 * the hub lacks get no entry (the page links only what it can open), and neither does a record's
 * citation of itself (a document's own number in its heading).
 */
export function resolveReferences(
  citations: readonly Citation[],
  held: { docNos: ReadonlyMap<string, Target>; projectNos: ReadonlySet<string> },
  self: Target | { type: string; id: string },
): Reference[] {
  const out: Reference[] = [];
  for (const { kind, key, ...at } of citations) {
    const target: Target | undefined = kind === 'doc_no'
      ? held.docNos.get(key)
      : held.projectNos.has(key) ? { type: 'project', id: key } : undefined;
    if (!target || (target.type === self.type && target.id === self.id)) continue;
    out.push({ ...at, target });
  }
  return out;
}
