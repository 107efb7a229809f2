/**
 * Finds 文号 (document numbers, `武规〔2017〕12号`) in text already NFKC-normalized, with
 * whitespace collapsed to single spaces: full-width brackets and digits are ASCII by then.
 *
 * The scan anchors on the bracketed year (`〔2017〕12号`), which prose rarely produces, then
 * reads the issuer backwards: the Han characters just before it, less any prose in front
 * (`根据武规〔2016〕12号` → issuer 武规). Plain parentheses in prose (`项目（二期）`) never match:
 * a 文号 needs issuer + bracket + four-digit year + bracket + number + 号.
 */

export interface DocNoMatch {
  start: number;
  end: number;
  canonical: string;
}

/** `〔2017〕12号`, `[2017] 12 号`, `(2017)第12号`; open and close brackets need not agree (seen in data). */
const BRACKETED = /[〔[(【〖] ?(\d{4}) ?[〕\])】〗] ?(?:第 ?)?(\d{1,6}) ?号/g;

/** Provincial registration numbers: `鄂规选址420100201400010` (issuer + region code + year + serial). */
const REGISTRATION = /(\d{12,20})(?![\d号])/g;

/** First characters of provincial-level abbreviations; registration numbers start with one. */
const PROVINCE_CHARS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台';

const MAX_ISSUER = 10;

/**
 * Words that end the prose in front of an issuer. Longer words first is not needed: the cut is
 * made after the rightmost occurrence of any of them.
 */
const PROSE_WORDS = [
  '根据', '依据', '按照', '依照', '参照', '遵照', '执行', '贯彻', '落实', '下达', '印发', '转发', '下发', '出台',
  '发布', '颁布', '文件', '通知', '规定', '意见', '批复', '决定', '属于', '违反', '答复', '通过', '联合', '精神',
  '要求', '编号', '文号', '人民政府', '办公厅', '委员会', '意见书', '通知书', '决定书', '许可证', '证书',
];
/** Single characters that never occur in an issuer abbreviation but often just before one. */
const PROSE_CHARS = '的了和与及或以于在按据即见将把是为被对从向由等并且而该此这那号省厅';

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/** The issuer that ends at `end` (exclusive), not reaching before `floor`; '' when there is none. */
function issuerBefore(text: string, end: number, floor: number): { start: number; issuer: string } {
  let start = end;
  while (start > floor && end - start < MAX_ISSUER && isHan(text.charCodeAt(start - 1))) start--;
  const run = text.slice(start, end);
  let cut = 0;
  for (const w of PROSE_WORDS) {
    const at = run.lastIndexOf(w);
    if (at >= 0 && at + w.length > cut) cut = at + w.length;
  }
  for (let i = run.length - 1; i >= cut; i--) {
    if (PROSE_CHARS.includes(run[i]!)) {
      cut = i + 1;
      break;
    }
  }
  return { start: start + cut, issuer: run.slice(cut) };
}

/** Every bracketed 文号 in `text`, in order, with its canonical form. */
export function findBracketedDocNos(text: string): DocNoMatch[] {
  const found: DocNoMatch[] = [];
  let floor = 0;
  for (const m of text.matchAll(BRACKETED)) {
    const at = m.index;
    const end = at > 0 && text.charCodeAt(at - 1) === 0x20 ? at - 1 : at;
    const { start, issuer } = issuerBefore(text, end, floor);
    if (issuer === '') continue;
    found.push({ start, end: at + m[0].length, canonical: `${issuer}〔${m[1]}〕${m[2]}号` });
    floor = at + m[0].length;
  }
  return found;
}

/** Registration-style numbers (`鄂规选址420100201400010`), kept as written. */
export function findRegistrationNos(text: string): DocNoMatch[] {
  const found: DocNoMatch[] = [];
  for (const m of text.matchAll(REGISTRATION)) {
    const at = m.index;
    if (at > 0 && !isHan(text.charCodeAt(at - 1))) continue;
    const { start, issuer } = issuerBefore(text, at, 0);
    if (issuer.length < 2 || !PROVINCE_CHARS.includes(issuer[0]!)) continue;
    found.push({ start, end: at + m[0].length, canonical: `${issuer}${m[1]}` });
  }
  return found;
}

/** `text` with every bracketed 文号 rewritten to its canonical form. */
export function canonicalizeDocNos(text: string): string {
  // Cheap pre-check: most text has no bracketed four-digit year at all.
  if (!/[〔[(【〖] ?\d{4} ?[〕\])】〗]/.test(text)) return text;
  const found = findBracketedDocNos(text);
  if (found.length === 0) return text;
  let out = '';
  let from = 0;
  for (const f of found) {
    out += text.slice(from, f.start) + f.canonical;
    from = f.end;
  }
  return out + text.slice(from);
}
