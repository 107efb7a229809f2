/**
 * Which parts of a reading page's text to highlight for the query it was reached with (`?q=`).
 * The search API marks its own snippets; the full text is marked here, more simply: each part of
 * the query as written (case-insensitive), a 文号 in any of its bracket forms, and, for a Chinese
 * phrase the text does not hold as written, its two-character pieces that it does hold.
 */

const OPEN = '[〔\\[(（【〖［]';
const CLOSE = '[〕\\])）】〗］]';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A 文号 (`武规〔2017〕12号`, `武规[2017]12号`, `武规(2017)第12号`) as a pattern matching every bracket form. */
function docNoPattern(part: string): RegExp | null {
  const m = /^(.*?)\s*[〔[(（【〖［]\s*(\d{4})\s*[〕\])）】〗］]\s*(?:第\s*)?(\d+)\s*号?$/u.exec(part);
  if (!m) return null;
  const serial = String(Number(m[3]));
  return new RegExp(`${escapeRegExp(m[1]!)}\\s*${OPEN}\\s*${m[2]}\\s*${CLOSE}\\s*(?:第\\s*)?0*${serial}(?!\\d)\\s*号?`, 'giu');
}

const HAN = /^\p{Script=Han}+$/u;

export interface Span {
  start: number;
  end: number;
}

/** Where the query's terms stand in the text, without overlaps (longer terms first). */
export function findQuerySpans(text: string, q: string | null | undefined): Span[] {
  const parts = (q ?? '').trim().split(/\s+/).filter((p) => p.length > 0);
  if (parts.length === 0 || !text) return [];
  const lower = text.toLowerCase();
  const patterns: RegExp[] = [];
  const literals = new Set<string>();
  for (const part of parts) {
    const docNo = docNoPattern(part);
    if (docNo) {
      patterns.push(docNo);
      continue;
    }
    const p = part.toLowerCase();
    if (lower.includes(p)) literals.add(p);
    else if (HAN.test(part) && [...part].length >= 3) {
      const chars = [...part];
      for (let i = 0; i + 1 < chars.length; i += 1) {
        const gram = chars[i]! + chars[i + 1]!;
        if (lower.includes(gram)) literals.add(gram);
      }
    }
  }
  const taken = new Uint8Array(text.length);
  const spans: Span[] = [];
  const take = (start: number, end: number) => {
    if (end <= start) return;
    for (let k = start; k < end; k += 1) if (taken[k]) return;
    taken.fill(1, start, end);
    spans.push({ start, end });
  };
  for (const re of patterns) for (const m of text.matchAll(re)) take(m.index, m.index + m[0].length);
  for (const lit of [...literals].sort((a, b) => b.length - a.length)) {
    for (let i = lower.indexOf(lit); i !== -1; i = lower.indexOf(lit, i + 1)) take(i, i + lit.length);
  }
  return spans.sort((a, b) => a.start - b.start);
}
