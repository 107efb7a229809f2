/**
 * Meaningful parts of names, for the dictionary: a builder's brand, the estate inside a project
 * name, a law's short name. All take normalized names (see normalizeText).
 */

const COMPANY_PREFIX = /^(?:湖北省|湖北|武汉市|武汉)/;
/** Stripped from the end again and again: 武汉福星惠誉房地产开发有限公司 → 福星惠誉. */
const COMPANY_SUFFIX =
  /(?:有限责任公司|股份有限公司|有限公司|分公司|公司|集团|房地产开发|房地产发展|房地产|置业|实业投资|实业|投资发展|投资开发|开发投资|投资|开发|发展|控股|股份)$/;
/** What is left of some company names once stripped, and is no brand. */
const GENERIC = new Set(['地产', '城市', '城市建设', '建设', '科技', '工程', '物业', '商业', '房屋', '市政', '城投']);

/** The brand in a company name (`武汉福星惠誉置业有限公司` → 福星惠誉), or null. */
export function builderBrand(company: string): string | null {
  const whole = company.replace(/\([^)]*\)/g, '').replace(/ /g, '');
  const strip = (s: string): string => {
    let t = s;
    for (let prev = ''; prev !== t && t.length > 0; ) {
      prev = t;
      t = t.replace(COMPANY_SUFFIX, '');
    }
    return t;
  };
  const brand = strip(whole.replace(COMPANY_PREFIX, ''));
  if (brand.length >= 2 && !GENERIC.has(brand)) return brand;
  // 武汉地产开发投资集团有限公司: without 武汉 nothing specific is left, so the city is part of the brand.
  const withCity = strip(whole);
  return withCity.length >= 2 && withCity !== whole && !GENERIC.has(withCity) ? withCity : null;
}

/** Phase, plot and works suffixes: 二期, 3期, A地块, K2地块, C包, 项目, 工程. */
const PROJECT_SUFFIX = /(?:[一二三四五六七八九十]+期|\d+期|[A-Za-z]?\d*地块|[A-Za-z]\d*包|项目|工程)$/;
/** Estate-type suffixes that leave the estate's own name when removed. */
const ESTATE_SUFFIX = /(?:小区|社区|片区)$/;

/** Finds the longest listed word that a name starts with, leaving at least two characters. */
export type PrefixMatcher = (s: string) => string | undefined;

export function prefixMatcher(words: Iterable<string>): PrefixMatcher {
  const set = new Set(words);
  let longest = 0;
  for (const w of set) longest = Math.max(longest, w.length);
  return (s) => {
    for (let len = Math.min(longest, s.length - 2); len >= 1; len--) {
      const p = s.slice(0, len);
      if (set.has(p)) return p;
    }
    return undefined;
  };
}

/**
 * `福星惠誉东南岸小区二期` → 福星惠誉东南岸小区二期, 福星惠誉东南岸小区, 福星惠誉, 东南岸小区, 东南岸.
 * Brands and places are recognised from the lists given; the rest of the name is kept whole.
 */
export function projectNameParts(name: string, brandOf: PrefixMatcher, placeOf: PrefixMatcher): string[] {
  const pieces = name.split(/[^\p{L}\p{N}]+/u).filter((p) => p.length >= 2);
  const [main, ...others] = pieces;
  if (main === undefined) return [];
  // Bracketed pieces name roads or plots (`(解放大道-建设大道)`); a bare `(一期)` adds nothing.
  const out = [main, ...others.filter((p) => p.replace(PROJECT_SUFFIX, '') !== '')];
  let core = main;
  for (let prev = ''; prev !== core; ) {
    prev = core;
    const stripped = core.replace(PROJECT_SUFFIX, '');
    if (stripped.length >= 2) core = stripped;
  }
  out.push(core);
  let rest = core;
  for (let prev = ''; prev !== rest; ) {
    prev = rest;
    const place = placeOf(rest);
    if (place !== undefined) out.push((rest = rest.slice(place.length)));
    const brand = brandOf(rest);
    if (brand !== undefined) out.push(brand, (rest = rest.slice(brand.length)));
  }
  const estate = rest.replace(ESTATE_SUFFIX, '');
  if (estate.length >= 2) out.push(estate);
  return [...new Set(out)];
}

/** A trailing bracket group that marks an edition: （2019年修正）, (2018修订), （试行）. */
const EDITION = /[(（〔[]([^()（）〔〕[\]]*)[)）〕\]]$/;
const EDITION_WORDS = /\d{4}|修正|修订|修改|试行|暂行/;
const PRC = '中华人民共和国';

/**
 * Short names of a law title: `中华人民共和国城乡规划法` → [城乡规划法];
 * `中华人民共和国土地管理法（2019年修正）` → [中华人民共和国土地管理法, 土地管理法];
 * `武汉市城乡规划条例` → []. Titles may be normalized or not; brackets of both widths are read.
 */
export function lawShortNames(title: string): string[] {
  let base = title.trim().replace(/^《(.*)》$/, '$1');
  for (let m = EDITION.exec(base); m && EDITION_WORDS.test(m[1]!); m = EDITION.exec(base)) {
    base = base.slice(0, m.index).trim();
  }
  const names: string[] = [];
  if (base !== title.trim()) names.push(base);
  if (base.startsWith(PRC)) names.push(base.slice(PRC.length));
  return [...new Set(names.map((n) => n.replace(/\s+/g, '')))].filter((n) => n.length >= 2);
}
