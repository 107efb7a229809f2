/**
 * A field's text cut into pieces for the page: the references the API found (文号 and project
 * numbers the hub holds, by their offsets) become links, and the query's terms are marked. A
 * mark may run across a link's edge; the pieces are split there.
 */
import { findQuerySpans, type Span } from './query-terms';
import type { ReadingReference, ReferenceTarget } from './reading.types';

export interface Piece {
  text: string;
  link: ReferenceTarget | null;
  mark: boolean;
}

/** The field's references that fit the text and do not overlap an earlier one. */
function linkSpans(text: string, refs: readonly ReadingReference[]): (Span & { target: ReferenceTarget })[] {
  const out: (Span & { target: ReferenceTarget })[] = [];
  let end = -1;
  for (const r of [...refs].sort((a, b) => a.start - b.start)) {
    if (!r.target || r.start < end || r.start < 0 || r.end > text.length || r.end <= r.start) continue;
    // Offsets into another version of the text would link the wrong words.
    if (text.slice(r.start, r.end) !== r.text) continue;
    out.push({ start: r.start, end: r.end, target: r.target });
    end = r.end;
  }
  return out;
}

export function annotate(text: string, refs: readonly ReadingReference[], q?: string | null): Piece[] {
  if (!text) return [];
  const links = linkSpans(text, refs);
  const marks = findQuerySpans(text, q);
  const cuts = new Set<number>([0, text.length]);
  for (const s of [...links, ...marks]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const link = links.find((l) => l.start <= start && end <= l.end)?.target ?? null;
    const mark = marks.some((m) => m.start <= start && end <= m.end);
    const last = pieces[pieces.length - 1];
    // Neighbours alike are one piece (one link stays one <a>, when no mark cuts it).
    if (last && last.link === link && last.mark === mark) last.text += text.slice(start, end);
    else pieces.push({ text: text.slice(start, end), link, mark });
  }
  return pieces;
}
