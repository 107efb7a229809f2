/**
 * Domain words for jieba's dictionary: a fixed list (places, business items, offices, planning
 * terms, brands) and words derived from the data's own names.
 */
import { BUSINESS_ITEMS, KNOWN_BRANDS, LIFECYCLE_STEPS, OFFICES, PLANNING_TERMS } from './domain-terms.ts';
import { builderBrand, lawShortNames, prefixMatcher, projectNameParts } from './name-parts.ts';
import { normalizeText } from './normalize.ts';
import { wuhanPlaces } from './wuhan-places.ts';

export { lawShortNames };

const places = wuhanPlaces();

/** Wuhan's districts (江岸区, 江岸, 江岸分局 …) and streets (大智街道, 大智, 大智街 …). */
export const STATIC_PLACE_WORDS: readonly string[] = Object.freeze([...new Set([...places.districts, ...places.streets])]);

/** Static domain words: Wuhan's districts and streets, business items, steps, offices, planning terms, brands. */
export const STATIC_DOMAIN_WORDS: readonly string[] = Object.freeze([
  ...new Set([
    ...STATIC_PLACE_WORDS, ...BUSINESS_ITEMS, ...LIFECYCLE_STEPS, ...OFFICES, ...PLANNING_TERMS,
    ...KNOWN_BRANDS,
  ]),
]);

const placeOf = prefixMatcher([...places.districts, ...places.streets]);

const compact = (s: string): string => normalizeText(s).replace(/ /g, '');

/**
 * Dictionary words derived from data: each project name with its parts (福星惠誉东南岸小区二期 →
 * 福星惠誉, 东南岸小区, 东南岸 …), builder brands from company names (武汉福星惠誉置业有限公司 →
 * 福星惠誉), law short names (中华人民共和国城乡规划法 → 城乡规划法). Unique, in first-seen order.
 */
export function wordsFromNames(names: { projects?: string[]; builders?: string[]; regulations?: string[] }): string[] {
  const out = new Set<string>();
  const brands = new Set<string>(KNOWN_BRANDS);
  for (const company of names.builders ?? []) {
    const brand = builderBrand(compact(company));
    if (brand !== null) {
      out.add(brand);
      brands.add(brand);
    }
  }
  const brandOf = prefixMatcher(brands);
  for (const project of names.projects ?? []) {
    for (const w of projectNameParts(compact(project), brandOf, placeOf)) out.add(w);
  }
  for (const title of names.regulations ?? []) {
    for (const w of lawShortNames(compact(title))) out.add(w);
  }
  return [...out];
}
