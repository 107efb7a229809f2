/**
 * Within one page, among hits that matched in the same way, a record whose own title holds more
 * of the query comes first. The engines rank a tier by text relevance over every field and by
 * the prior, so a builder's credit record listing two hundred projects, or minutes deciding ten,
 * can hold every word of `水务集团青山污水处理厂` scattered over its text and rank above
 * 青山污水处理厂新建工程 itself. Only the page is reordered, and never across tiers: a complete
 * match stays above a partial one, an exact key above everything.
 */
import type { AnalyzedQuery, SearchHit } from '../../indexers/engines/search-engine.ts';
import { gramAlternatives } from '../../indexers/engines/word-grams.ts';
import { gramsOf } from '../../indexers/segment/grams.ts';
import { normalizeText } from '../../indexers/segment/normalize.ts';

/** Tiers reordered by title coherence: the key tier is exact, and a title hit holds the whole query already. */
const REORDERED: ReadonlySet<SearchHit['matched']> = new Set(['phrase', 'words', 'chars']);

export interface Coherence {
  /**
   * How much of the query the title holds: the bigrams of each word group it holds (by one of
   * its alternatives), so a long name (月湖天地) outweighs a brand (招商) the title also holds.
   */
  held: number;
  /**
   * Where in the title the first group the query names (of those held) begins: a road works
   * named 东吴大道(三店路至常青花园段) is about 东吴大道, while 金银湖路(东吴大道至常青花园段) only
   * runs up to it, so for `东吴大道 常青花园段` the first comes first. Infinity when none is held.
   */
  first: number;
  /** How many held groups follow the group before them directly, as typed (青山 污水处理厂 in 青山污水处理厂…, not in 青山江滩污水处理厂…). */
  adjacent: number;
}

export function titleCoherence(title: string, groups: readonly (readonly (readonly string[])[])[]): Coherence {
  const norm = normalizeText(title).toLowerCase();
  const grams = new Set(gramsOf(norm));
  let held = 0;
  let first = Infinity;
  let adjacent = 0;
  let end = -1; // where the group before ends in the title, -1 when it is not held
  for (const alts of groups) {
    const alt = alts.find((a) => a.length > 0 && a.every((g) => grams.has(g)));
    if (!alt) {
      end = -1;
      continue;
    }
    held += alt.length;
    const at = norm.indexOf(alt[0]!);
    if (first === Infinity) first = at;
    if (end >= 0 && at === end) adjacent += 1;
    const last = alt[alt.length - 1]!;
    end = norm.indexOf(last, at) + last.length;
  }
  return { held, first, adjacent };
}

/**
 * The hits with each run of hits of one reordered tier sorted by title coherence: most of the
 * query held first, then the most groups as adjacent as typed, then the title that names the
 * query's first group earliest; the engine's order otherwise (a stable sort).
 */
export function byTitleCoherence<H extends Pick<SearchHit, 'title' | 'matched'>>(hits: readonly H[], query: Pick<AnalyzedQuery, 'wordGroups' | 'gramGroups'>): H[] {
  const groups = query.gramGroups ?? query.wordGroups.map(gramAlternatives);
  if (groups.length < 2) return [...hits];
  const out: H[] = [];
  for (let i = 0; i < hits.length;) {
    let j = i;
    while (j < hits.length && hits[j]!.matched === hits[i]!.matched) j++;
    const run = hits.slice(i, j);
    if (REORDERED.has(hits[i]!.matched)) {
      const scored = run.map((h, k) => ({ h, k, c: titleCoherence(h.title, groups) }));
      scored.sort((a, b) => b.c.held - a.c.held || b.c.adjacent - a.c.adjacent || a.c.first - b.c.first || a.k - b.k);
      out.push(...scored.map((s) => s.h));
    } else out.push(...run);
    i = j;
  }
  return out;
}
