/**
 * Keys as officers type them into a search box, loosely: project numbers with spaces, dashes or
 * dots between their parts (`JXAA 2019 0012`, `jxaa-2019-0012`), 文号 without year brackets or
 * without 号 (`武规2016 12`, `武规2016-12号`, `武规〔2016〕12`), and letter numbers without
 * brackets (`2017-09320`). Query side only: documents carry their keys written properly, and
 * the text here is already normalized (NFKC: full-width digits and letters are ASCII by then).
 * A loose key that names nothing matches nothing, so these scans may be generous.
 */

const SEP = '[\\s\\-_./·]*';

/** Two district letters, two type letters, a year and a serial, separated any way. */
const LOOSE_PROJECT_NO = new RegExp(`(?<![A-Za-z0-9])([A-Za-z]{2})${SEP}([A-Za-z]{2})?${SEP}((?:19|20)\\d{2})${SEP}(\\d{4})(?![0-9])`, 'g');

/** An issuer (2–8 Han characters) right before a year, then the serial: 武规2016 12, 武规2016年12号, 武规〔2016〕12. */
const LOOSE_DOC_NO = /([\u4e00-\u9fff]{2,8}) ?[〔[(【〖（]? ?((?:19|20)\d{2}) ?(?:[〕\])】〗）]|年)? ?[\s\-_./]? ?(?:第 ?)?(\d{1,4})(?! ?\d)( ?号)?/g;

/** A year, a separator, and a serial of five digits or more: a petition letter number typed without brackets. */
const LOOSE_LETTER_NO = /(?<!\d)((?:19|20)\d{2})[\s\-_./]+(\d{5,8})(?!\d)/g;

/** Words in front of an issuer that are never part of it (`根据武规2016 12`). */
const LEAD_WORDS = /^(?:根据|依据|按照|关于|执行|查询|查找|搜索|文号)/;

const unique = (xs: string[]) => [...new Set(xs)];

/** Project numbers written with separators, as canonical `JXAA20190012` (or the short `AB20140077`). */
export function looseProjectNos(norm: string): string[] {
  return unique(Array.from(norm.matchAll(LOOSE_PROJECT_NO), (m) => `${m[1]}${m[2] ?? ''}${m[3]}${m[4]}`.toUpperCase()));
}

/** 文号 written without brackets or 号, as canonical `武规〔2016〕12号`. */
export function looseDocNos(norm: string): string[] {
  const out: string[] = [];
  for (const m of norm.matchAll(LOOSE_DOC_NO)) {
    const issuer = m[1]!.replace(LEAD_WORDS, '');
    // A bare "issuer year serial" with neither bracket nor 号 nor separator is too loose (江夏2019 12 could be anything but is still worth a key);
    // what it must have is an issuer of two characters or more once the lead words are gone.
    if (issuer.length < 2) continue;
    out.push(`${issuer}〔${m[2]}〕${Number(m[3])}号`);
  }
  return unique(out);
}

/** Letter numbers typed without brackets, as canonical `[2017]09320`. */
export function looseLetterNos(norm: string): string[] {
  return unique(Array.from(norm.matchAll(LOOSE_LETTER_NO), (m) => `[${m[1]}]${m[2]}`));
}

/** Every loose key of a normalized query. */
export function looseKeys(norm: string): string[] {
  return unique([...looseProjectNos(norm), ...looseDocNos(norm), ...looseLetterNos(norm)]);
}
