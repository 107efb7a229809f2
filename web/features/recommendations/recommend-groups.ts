/** The panel's order: the list as ranked, cut to a first few unless opened. */
import type { Recommendation } from './recommend.types';

/** How many the panel shows before 展开全部. */
export const FIRST_SHOWN = 8;

export function shownRecommendations(items: readonly Recommendation[], open: boolean): Recommendation[] {
  return open ? [...items] : items.slice(0, FIRST_SHOWN);
}

/** The group's tone on the panel's labels. */
export const GROUP_TONES = { about: 'blue', builder: 'red', case: 'green', regulation: 'purple', nearby: 'gray' } as const;

/** An alert stands out: a 失信 record of the builder (its reason says so). */
export const isAlert = (r: Recommendation) => r.group === 'builder' && r.reasons.some((x) => x.text.includes('失信'));
