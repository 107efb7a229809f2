/**
 * The API's highlighted snippets (`title_html`, `snippet`) are HTML-escaped text with only its
 * own <mark> tags. They are read here into plain parts instead of being put into the page as
 * HTML, so nothing else in them could ever become markup.
 */

export interface MarkedPart {
  text: string;
  mark: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** `&#60;`, `&#x3c;` and the few named entities an escaper writes, back to their characters. */
export function unescapeHtml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return NAMED[code.toLowerCase()] ?? whole;
  });
}

/** Splits at <mark>…</mark>; any other tag-like text stays text (it was escaped by the API anyway). */
export function parseMarked(html: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  const push = (raw: string, mark: boolean) => {
    if (!raw) return;
    const text = unescapeHtml(raw);
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let pos = 0;
  for (const m of html.matchAll(re)) {
    push(html.slice(pos, m.index), false);
    push(m[1]!, true);
    pos = m.index + m[0].length;
  }
  push(html.slice(pos), false);
  return parts;
}
