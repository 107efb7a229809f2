/**
 * Which of a hit's projects it is shown under. A record linked to one project is shown under it;
 * one linked to many (a builder's credit record lists every project of the builder, a meeting
 * decides several) is shown under the project whose name holds most of the query, so that a
 * search for 地铁集团将军路 shows the credit record under 将军路站, not under the builder's first
 * project. Ties keep the record's own order.
 */
import type { AnalyzedQuery } from '../../indexers/engines/search-engine.ts';
import { gramAlternatives } from '../../indexers/engines/word-grams.ts';
import { gramsOf } from '../../indexers/segment/grams.ts';
import { normalizeText } from '../../indexers/segment/normalize.ts';

/** The index of the project to show the hit under (0 when it has one project or none). */
export function projectIndexOf(names: readonly string[], query: Pick<AnalyzedQuery, 'wordGroups' | 'gramGroups'>): number {
  if (names.length <= 1) return 0;
  const groups = query.gramGroups ?? query.wordGroups.map(gramAlternatives);
  let best = 0;
  let bestHeld = -1;
  names.forEach((name, i) => {
    const grams = new Set(gramsOf(normalizeText(name)));
    const held = groups.filter((alts) => alts.some((alt) => alt.every((g) => grams.has(g)))).length;
    if (held > bestHeld) {
      best = i;
      bestHeld = held;
    }
  });
  return best;
}
