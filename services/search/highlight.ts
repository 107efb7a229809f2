/**
 * Snippets with highlights, cut from a passage around the densest run of matches. Done here
 * rather than in an engine so every engine gives the same snippets; the text is HTML-escaped and
 * only our own <mark> tags remain.
 */
import type { AnalyzedQuery } from '../../indexers/engines/search-engine.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A text to mark (case-insensitively), or an identifier in any of the forms it is written in. */
export type HighlightTerm = string | RegExp;

const OPEN = '[〔\\[(（【〖［]';
const CLOSE = '[〕\\])）】〗］]';

/** An identifier as texts write it: 国发〔2011〕20号 also as 国发[2011] 20号 or 国发（2011）第20号. */
function identifierPattern(id: string): RegExp {
  const docNo = /^(.+)〔(\d{4})〕(\d+)号$/u.exec(id);
  if (docNo) return new RegExp(`${escapeRegExp(docNo[1]!)}\\s*${OPEN}\\s*${docNo[2]}\\s*${CLOSE}\\s*(?:第\\s*)?${docNo[3]}\\s*号`, 'giu');
  const letterNo = /^\[(\d{4})\](\d+)$/.exec(id);
  if (letterNo) return new RegExp(`${OPEN}\\s*${letterNo[1]}\\s*${CLOSE}\\s*${letterNo[2]}(?!\\d)`, 'giu');
  return new RegExp(escapeRegExp(id), 'giu');
}

const chars = (s: string) => [...s].length;

/**
 * What to mark: the query's identifiers whole (文号, project and letter numbers), the runs of
 * letters and digits of the rest of the query, and its words there. A one-character word is
 * marked only when the query has it alone: the 号 jieba cuts from 国发〔2011〕20号, or the 的 of a
 * phrase, would mark every 文号 label and every 的 of the text. The alternatives of the query's
 * synonyms are marked whole.
 */
export function highlightTerms(query: Pick<AnalyzedQuery, 'normalized' | 'words' | 'identifiers'> & Partial<Pick<AnalyzedQuery, 'wordGroups'>>): HighlightTerm[] {
  const identifiers = query.identifiers.map(identifierPattern);
  let rest = query.normalized;
  for (const pattern of identifiers) rest = rest.replace(pattern, ' ');
  const runs: string[] = rest.match(/[\p{L}\p{N}]+/gu) ?? [];
  const lowerRest = rest.toLowerCase();
  const words = query.words.filter((w) => (chars(w) > 1 ? lowerRest.includes(w.toLowerCase()) : runs.includes(w)));
  // What a synonym of the query is written as in the text (公共租赁住房 for 公租房), whole.
  const synonyms = (query.wordGroups ?? []).flatMap((g) => (g.length > 1 ? g.map((alt) => alt.join('')) : [])).filter((t) => chars(t) > 1);
  const texts = [...new Set([...runs, ...words, ...synonyms].map((t) => t.trim()).filter((t) => t.length > 0 && !/^\p{P}+$/u.test(t)))];
  // Longest first, so a run wins over the words inside it.
  return [...identifiers, ...texts.sort((a, b) => b.length - a.length)];
}

interface Span {
  start: number;
  end: number;
}

/**
 * A line's leading label (文号：, 审批事项：, 抄送：): PlanHub's own field names or a document's
 * boilerplate, never what anyone searched for unless they searched for the whole label.
 */
const LABEL = /^\p{Script=Han}{2,8}[：:]/u;

/** The text on one line, and where its labels are. */
function flatten(text: string, withLabels: boolean): { flat: string; labels: Span[] } {
  const labels: Span[] = [];
  let flat = '';
  for (const [i, line] of text.split(/\s*\n\s*/).entries()) {
    if (i > 0) flat += ' ';
    const label = withLabels ? LABEL.exec(line) : null;
    if (label) labels.push({ start: flat.length, end: flat.length + label[0].length - 1 });
    flat += line;
  }
  return { flat, labels };
}

function findSpans(text: string, terms: HighlightTerm[], labels: Span[]): Span[] {
  const lower = text.toLowerCase();
  const taken = new Uint8Array(text.length);
  const spans: Span[] = [];
  const take = (start: number, end: number) => {
    if (end <= start) return;
    for (let k = start; k < end; k += 1) if (taken[k]) return;
    // Inside a label only when the match is the whole label.
    if (labels.some((l) => start < l.end && end > l.start && !(start <= l.start && end >= l.end))) return;
    taken.fill(1, start, end);
    spans.push({ start, end });
  };
  for (const term of terms) {
    if (typeof term !== 'string') {
      for (const m of text.matchAll(term)) take(m.index, m.index + m[0].length);
      continue;
    }
    const t = term.toLowerCase();
    for (let i = lower.indexOf(t); i !== -1; i = lower.indexOf(t, i + 1)) take(i, i + t.length);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * A window of about `width` characters around the most matches, with matches in <mark>.
 * `labels`: the text is a passage whose lines may start with a label (see LABEL); not a title.
 */
export function snippet(text: string, terms: HighlightTerm[], width = 120, labels = true): string {
  const { flat, labels: labelSpans } = flatten(text, labels);
  const spans = findSpans(flat, terms, labelSpans);
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
