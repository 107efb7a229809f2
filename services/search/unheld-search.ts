/**
 * A query with words no record holds (`江夏妇幼保健院 充电桩`: no record says 充电桩), searched
 * again without them. The engine reports such word groups when the rest still names two groups
 * or more (indexers/engines/partial-match.ts unheldGroups); what the rest finds, by every tier
 * and with synonyms, is the fallback's answer: each hit is partial, lacking those words, below
 * every complete match. Ranked by coverage instead, the partial tier checked a few hundred rows
 * holding one of the rarest words and missed the project the rest of the query names whole; it
 * answers only when nothing holds all of the rest.
 */
import type { SearchHit, SearchReader, SearchRequest, SearchResult } from '../../indexers/engines/search-engine.ts';
import { groupLabel } from '../../indexers/engines/partial-match.ts';
import { analyzeQuery } from '../../indexers/query-analyzer.ts';
import type { Segmenter } from '../../indexers/segment/segmenter.ts';
import { byTitleCoherence } from './title-coherence.ts';

/** Relabeled hits are shifted below every complete match (a complete hit scores at most 115), keeping their order. */
const BELOW_COMPLETE = 120;

/** The text with each label cut out once, in order (a label is a group's first alternative, as typed). */
export function textWithout(text: string, labels: readonly string[]): string {
  let out = text;
  let cursor = 0;
  for (const label of labels) {
    let at = out.indexOf(label, cursor);
    if (at < 0) at = out.indexOf(label);
    if (at < 0) continue;
    out = `${out.slice(0, at)} ${out.slice(at + label.length)}`;
    cursor = at;
  }
  return out.replace(/\s+/g, ' ').trim();
}

export async function searchWithoutUnheld(
  deps: { engine: Pick<SearchReader, 'search'>; segmenter: Segmenter },
  req: SearchRequest,
  first: SearchResult,
): Promise<SearchResult> {
  const { unheld, ...result } = first;
  if (!unheld?.length) return result;
  const labels = unheld.map(groupLabel);
  const query = analyzeQuery(textWithout(req.query.normalized, labels), deps.segmenter);
  if (query.wordGroups.length === 0 || first.hits.length >= req.size) return result;
  // Where the complete matches end: within this page, or (none on it) at their count, at most the offset.
  const complete = req.filters.type ? (first.counts[req.filters.type] ?? 0) : first.total;
  const offset = first.hits.length > 0 ? 0 : req.offset - Math.min(complete, req.offset);
  // Complete matches of the rest only: a record lacking more than the unheld words as well is too
  // far from the query, and the partial tier was most of the time such a search took at 1M.
  // Its hits only: the page shows the first search's counts, of complete matches.
  const second = await deps.engine.search({ ...req, query, offset, size: req.size - first.hits.length, partial: false, unheld: 'weigh', counts: false });
  // Nothing holds all of the rest either: the partial tier over the whole query, the unheld words
  // weighing nothing. When the first search found nothing complete, the engine need not look again.
  if (second.hits.length === 0) {
    return deps.engine.search({ ...req, unheld: 'weigh', ...(first.hits.length === 0 ? { known: { unheld } } : {}) });
  }
  const keyOf = (h: SearchHit) => (req.collapse && h.projectNos[0]) || `${h.type}:${h.id}`;
  const shown = new Set(first.hits.map(keyOf));
  // Ordered as the service orders a complete page (./title-coherence.ts), then relabeled.
  const partial = byTitleCoherence(second.hits, query).filter((h) => !shown.has(keyOf(h))).map((h): SearchHit => ({
    ...h,
    matched: 'partial',
    missing: labels,
    score: Math.round((h.score - BELOW_COMPLETE) * 1000) / 1000,
  }));
  return { ...result, hits: [...first.hits, ...partial] };
}
