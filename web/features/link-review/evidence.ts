/**
 * The words of a resource that its link's reasons talk about, marked in the text for the
 * reviewer: the reasons quote what the text said (`文中出现楼盘名或别名“澜栖湾”`, `文中地块编号（K3）…`,
 * `文中出现项目四至道路：临湖大道、沁湖路`), and the passage a multi-project record's link came
 * from is set off. Only words actually in the text are marked. Pure.
 */
import type { LinkReason } from './link-review.types';

const QUOTED = /“([^”]{1,40})”/g;
/** The first parenthesis of a sentence about the text (`文中分期（2期）与项目（1期）不符`: 2期, not the project's 1期). */
const TEXT_PAREN = /^文中[^（“：]*（([^）]{1,20})）/;
/** A list after a colon: `文中出现项目四至道路：临湖大道、沁湖路`, `分期一致：2期`. */
const AFTER_COLON = /：([^“”（）]{1,80})$/;
const DIGITS = '〇一二三四五六七八九';

/** `2期` is written `二期` as often: both forms are looked for. */
function variants(term: string): string[] {
  const m = /^(\d)期$/.exec(term);
  return m ? [term, `${DIGITS[Number(m[1])]}期`] : [term];
}

/** The words the reasons quote from the text, longest first, without repeats. */
export function evidenceTerms(reasons: readonly LinkReason[]): string[] {
  const terms = new Set<string>();
  for (const r of reasons) {
    for (const m of r.text.matchAll(QUOTED)) terms.add(m[1]!.trim());
    const paren = TEXT_PAREN.exec(r.text);
    if (paren) terms.add(paren[1]!.trim());
    const list = AFTER_COLON.exec(r.text);
    if (list) for (const part of list[1]!.split(/[、，,\s]+/)) if (part.trim()) terms.add(part.trim());
  }
  return [...terms].flatMap(variants).filter((t) => t.length > 0).sort((a, b) => b.length - a.length || a.localeCompare(b));
}

export interface EvidencePiece {
  text: string;
  /** Words a reason talks about. */
  mark: boolean;
  /** Inside the passage the link came from. */
  passage: boolean;
}

interface Span {
  start: number;
  end: number;
}

/** Every occurrence of the terms, longest first, none overlapping another. */
function termSpans(text: string, terms: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
      const end = at + term.length;
      if (!spans.some((s) => s.start < end && at < s.end)) spans.push({ start: at, end });
    }
  }
  return spans;
}

/**
 * The passage's place in the text. The linker keeps the head of the numbered item (up to 120
 * characters, `一、审议栖霞府项目…`); the item runs to the end of its line.
 */
function passageSpan(text: string, passage: string | null | undefined): Span | null {
  const p = passage?.trim();
  if (!p) return null;
  let at = text.indexOf(p);
  // A head cut short or spaced differently: its first words still find the item.
  if (at < 0 && p.length >= 6) at = text.indexOf(p.slice(0, 12));
  if (at < 0) return null;
  const eol = text.indexOf('\n', at);
  return { start: at, end: Math.max(eol < 0 ? text.length : eol, Math.min(at + p.length, text.length)) };
}

/** The text cut into pieces: plain, marked, inside the passage or not. */
export function highlightEvidence(text: string, terms: readonly string[], passage?: string | null): EvidencePiece[] {
  if (!text) return [];
  const marks = termSpans(text, terms);
  const within = passageSpan(text, passage);
  const cuts = new Set<number>([0, text.length]);
  for (const s of within ? [...marks, within] : marks) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: EvidencePiece[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const mark = marks.some((m) => m.start <= start && end <= m.end);
    const inPassage = within !== null && within.start <= start && end <= within.end;
    const last = pieces[pieces.length - 1];
    if (last && last.mark === mark && last.passage === inPassage) last.text += text.slice(start, end);
    else pieces.push({ text: text.slice(start, end), mark, passage: inPassage });
  }
  return pieces;
}
