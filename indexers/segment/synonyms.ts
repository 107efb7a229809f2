/**
 * Abbreviations and synonyms officers and citizens use for what projects are registered as,
 * kept as data and applied at query time (every engine searches the variants a query expands
 * to). Each group lists terms that name the same thing; the source says where the usage comes
 * from. Reviewed by hand: an entry here widens every search that contains one of its terms, so a
 * term that also means something else does not belong (水厂 is not always a 自来水厂).
 */

export interface SynonymGroup {
  terms: readonly string[];
  source: string;
}

const POLICY = '国家及湖北省住房保障政策文件的通行简称（如住建部《公共租赁住房管理办法》）';
const WUHAN = '武汉本地用语（武汉市政府及区政府公开文件、新闻报道中的叫法）';
const WORKS = '工程项目名称的常见省略（项目立项名称与日常叫法的对照）';
const BUILDERS = '建设单位的通行简称（单位登记名称与公文、新闻中的叫法对照）';

/** 一 … 二十一, as lines and phases are numbered in Chinese. */
const CN_NUMERALS = (() => {
  const digits = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const below10 = digits;
  const teens = ['十', ...digits.map((d) => `十${d}`)];
  return [...below10, ...teens, '二十', '二十一'];
})();

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
  { terms: ['公共租赁住房', '公租房'], source: POLICY },
  { terms: ['保障性住房', '保障房'], source: POLICY },
  { terms: ['经济适用住房', '经济适用房', '经适房'], source: POLICY },
  { terms: ['廉租住房', '廉租房'], source: POLICY },
  { terms: ['棚户区改造', '棚改'], source: POLICY },
  { terms: ['城中村改造', '城改'], source: WUHAN },
  { terms: ['还建安置房', '还建房', '安置房', '还建'], source: `${WUHAN}：征收后还建给被征收人的住房，武汉称“还建”，他处多称“安置”` },
  { terms: ['污水处理厂', '污水厂'], source: WORKS },
  { terms: ['垃圾转运站', '垃圾中转站'], source: WORKS },
  { terms: ['输变电工程', '变电站工程', '变电站'], source: `${WORKS}：电网项目立项为“××千伏输变电工程”，口头称“变电站”` },
  { terms: ['妇幼保健院', '妇幼'], source: WORKS },
  { terms: ['轨道交通', '地铁', '轨交'], source: WUHAN },
  { terms: ['初级中学', '初中'], source: `${WORKS}：学校立项名“××初级中学”，通称“初中”` },
  { terms: ['千伏', 'kV', 'KV', 'kv'], source: `${WORKS}：电压等级写作“110千伏”或“110kV”` },
  { terms: ['人民防空', '人防'], source: POLICY },
  { terms: ['中医医院', '中医院'], source: `${WORKS}：医院登记名“××中医医院”，通称“中医院”` },
  // Builders are called by their short names: the district's 城投, the 测绘院, the 市政集团.
  { terms: ['城市建设投资', '城投'], source: `${BUILDERS}：各级“城市建设投资开发（集团）有限公司”通称“城投”` },
  { terms: ['测绘研究院', '测绘院'], source: `${BUILDERS}：武汉市测绘研究院，通称“测绘院”` },
  { terms: ['规划研究院', '规划院'], source: `${BUILDERS}：规划设计研究院、规划研究院通称“规划院”` },
  { terms: ['设计研究院', '设计院'], source: `${BUILDERS}：各设计研究院通称“设计院”` },
  { terms: ['市政建设集团', '市政集团'], source: `${BUILDERS}：武汉市市政建设集团，通称“市政集团”` },
  { terms: ['园林和林业局', '园林局'], source: `${BUILDERS}：武汉市园林和林业局，通称“园林局”` },
  { terms: ['立交桥', '立交'], source: WORKS },
  { terms: ['东湖新技术开发区', '东湖高新区', '东湖高新', '高新区', '光谷'], source: `${WUHAN}：武汉东湖新技术开发区，通称“东湖高新”“高新区”“光谷”` },
  { terms: ['武汉经济技术开发区', '武汉经开区', '经开区'], source: WUHAN },
  { terms: ['长江新区', '长江新城'], source: `${WUHAN}：2017 年规划时称长江新城，2024 年设长江新区` },
  // Phases and sections written in figures or in Chinese numerals.
  ...['一', '二', '三', '四', '五', '六', '七', '八', '九'].map((cn, i) => ({
    terms: [`${cn}期`, `${i + 1}期`],
    source: `${WORKS}：分期写法（一期 / 1期）`,
  })),
  // Metro lines: 地铁三号线 for 轨道交通3号线 (Wuhan runs lines 1–21, several more planned).
  ...CN_NUMERALS.slice(0, 21).map((cn, i) => ({
    terms: [`${i + 1}号线`, `${cn}号线`],
    source: `${WUHAN}：线路写法（3号线 / 三号线）`,
  })),
  ...['一', '二', '三', '四', '五', '六'].map((cn, i) => ({
    terms: [`${cn}标段`, `${i + 1}标段`, `${i + 1}标`],
    source: `${WORKS}：标段写法（一标段 / 1标段 / 1标）`,
  })),
];

/** Term → the other terms of its group(s), longest terms first so 妇幼保健院 wins over 妇幼. */
const ALTERNATIVES: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const g of SYNONYM_GROUPS) for (const t of g.terms) m.set(t, [...(m.get(t) ?? []), ...g.terms.filter((x) => x !== t)]);
  return new Map([...m].sort((a, b) => b[0].length - a[0].length));
})();

/** At most this many whole-query variants: each becomes an exact key to look up. */
export const MAX_VARIANTS = 4;

/** Where a synonym occurs in a query, and what else it could have been written as. */
export interface SynonymSpot {
  at: number;
  term: string;
  alts: readonly string[];
}

/** The synonyms in a normalized query, in order; longest terms first, never overlapping. */
export function synonymSpots(norm: string): SynonymSpot[] {
  const taken = new Uint8Array(norm.length);
  const spots: SynonymSpot[] = [];
  for (const [term, alts] of ALTERNATIVES) {
    for (let at = norm.indexOf(term); at !== -1; at = norm.indexOf(term, at + term.length)) {
      if (taken.subarray(at, at + term.length).some(Boolean)) continue;
      taken.fill(1, at, at + term.length);
      spots.push({ at, term, alts });
    }
  }
  return spots.sort((a, b) => a.at - b.at);
}

/**
 * The query with one synonym swapped for another, then with every synonym swapped for its
 * first alternative (the query itself not included), at most `max` of them.
 */
export function synonymVariants(norm: string, max = MAX_VARIANTS): string[] {
  const spots = synonymSpots(norm);
  const swap = (text: string, s: SynonymSpot, alt: string) => text.slice(0, s.at) + alt + text.slice(s.at + s.term.length);
  const singles = spots.flatMap((s) => s.alts.map((alt) => swap(norm, s, alt)));
  // Replaced from the end, so earlier offsets stay valid.
  const all = spots.length > 1 ? [[...spots].reverse().reduce((text, s) => swap(text, s, s.alts[0]!), norm)] : [];
  return [...new Set([...singles, ...all])].slice(0, max);
}

/**
 * The query cut into plain runs and synonym spots: a plain run is one alternative, a spot is
 * its term and each of its alternatives. Searching every combination of the alternatives is
 * searching each piece's alternatives, AND-ed across pieces.
 */
export function synonymPieces(norm: string): string[][] {
  const pieces: string[][] = [];
  let from = 0;
  for (const s of synonymSpots(norm)) {
    if (s.at > from) pieces.push([norm.slice(from, s.at)]);
    pieces.push([s.term, ...s.alts]);
    from = s.at + s.term.length;
  }
  if (from < norm.length) pieces.push([norm.slice(from)]);
  return pieces;
}
