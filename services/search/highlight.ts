/**
 * Snippets with highlights, cut from a passage around the densest run of matches. Done here
 * rather than in an engine so every engine gives the same snippets; the text is HTML-escaped and
 * only our own <mark> tags remain.
 */

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The terms to mark: the query's runs and its words, longest first so runs win over their parts. */
export function highlightTerms(phraseRuns: string[], words: string[]): string[] {
  return [...new Set([...phraseRuns, ...words].map((t) => t.trim()).filter((t) => t.length > 0 && !/^\p{P}+$/u.test(t)))]
    .sort((a, b) => b.length - a.length);
}

interface Span {
  start: number;
  end: number;
}

function findSpans(text: string, terms: string[]): Span[] {
  const lower = text.toLowerCase();
  const taken = new Uint8Array(text.length);
  const spans: Span[] = [];
  for (const term of terms) {
    const t = term.toLowerCase();
    for (let i = lower.indexOf(t); i !== -1; i = lower.indexOf(t, i + t.length)) {
      let free = true;
      for (let k = i; k < i + t.length; k += 1) if (taken[k]) free = false;
      if (!free) continue;
      taken.fill(1, i, i + t.length);
      spans.push({ start: i, end: i + t.length });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** A window of about `width` characters around the most matches, with matches in <mark>. */
export function snippet(text: string, terms: string[], width = 120): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const spans = findSpans(flat, terms);
  let from = 0;
  if (spans.length > 0) {
    let best = 0;
    let bestCount = -1;
    for (let i = 0; i < spans.length; i += 1) {
      let count = 0;
      for (let j = i; j < spans.length && spans[j]!.end <= spans[i]!.start + width; j += 1) count += 1;
      if (count > bestCount) {
        bestCount = count;
        best = i;
      }
    }
    from = Math.max(0, spans[best]!.start - Math.floor(width / 6));
  }
  const to = Math.min(flat.length, from + width);
  let out = from > 0 ? '…' : '';
  let pos = from;
  for (const s of spans) {
    if (s.start < from || s.end > to) continue;
    out += escapeHtml(flat.slice(pos, s.start)) + `<mark>${escapeHtml(flat.slice(s.start, s.end))}</mark>`;
    pos = s.end;
  }
  out += escapeHtml(flat.slice(pos, to)) + (to < flat.length ? '…' : '');
  return out;
}
