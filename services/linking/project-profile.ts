/**
 * What the linker looks for of one project in a text: the name's core (without district,
 * works words, phase and plot), its sales name and aliases, the builder's brand as people say
 * it, the roads and street of its address, its plot codes and phase. Pure; rarity over all
 * projects is the candidate index's (./candidate-index.ts).
 */
import { DISTRICTS, canonicalDistrict, districtForms } from '../../indexers/districts.ts';
import { builderBrand } from '../../indexers/segment/name-parts.ts';
import { normalizeText } from '../../indexers/segment/normalize.ts';
import { districtsIn, phasesIn, plotsIn } from './markers.ts';
import { KIND_TAILS, facilityPlace, isKindWord } from './project-kind.ts';

/** A project as the linker reads it from the store. */
export interface ProjectSource {
  project_no: string;
  name: string;
  builder: string | null;
  address: string | null;
  district: string | null;
  estate_name: string | null;
  aliases: string[] | null;
  /** When the project was filed or first applied for, and its last application (epoch ms), when known. */
  from_ms?: number | null;
  until_ms?: number | null;
}

export interface ProjectProfile {
  no: string;
  name: string;
  /** The district's short name (洪山), or null. */
  district: string | null;
  /** The name without city or district in front and works, phase, plot words behind. */
  base: string;
  /** `base` without the builder's brand in front and its kind behind (福星惠誉东湖印 → 东湖印): what people call it. */
  core: string;
  /** The name as people say it with its kind, with and without the brand (九峰商业中心, 万科九峰商业中心), less the core. */
  said: string[];
  /** The core is only a place or only a kind of works (厂房, 江岸体育公园's 江岸 kept whole): it never names the project alone. */
  genericCore: boolean;
  /**
   * The core is only a place: a district or the city (青山 of 青山K6地块, 东湖高新 of 东湖高新片D1地块), or
   * for a name that is only a place and a plot, the area its own street or road is called after
   * (藏龙岛 of 江夏区藏龙岛K9地块 on 藏龙岛街道, 沁湖 of 沁湖K1地块 on 沁湖路): `藏龙岛杨桥湖大道那边挖管廊`
   * says where, not which plot.
   */
  placeOnly: boolean;
  /** Sales name and aliases as people write them, less what the core already says. */
  estates: string[];
  /** The builder's brand in the forms the records use (福星惠誉, 万科). */
  brands: string[];
  /** The first two characters of a long brand (福星 for 福星惠誉), which people also say. */
  brandShort: string | null;
  /** The builder develops housing (房地产, 置业, 地产): what a name without a kind word is, most likely (鼎泓云栖台二期). */
  developer: boolean;
  roads: string[];
  /**
   * For works named by a place or a brand and what they are (藏龙大道综合管廊, 华中生物科技厂房,
   * 轨道交通3号线解放大道站): the place or brand, which people say with any word for that kind of
   * works (藏龙大道管廊, 华中生物科技厂, 解放大道地铁站). A facility kept whole in its name has its
   * place as its stem (黄家湖 of 黄家湖垃圾转运站). Null for names of their own.
   */
  stem: string | null;
  /** The two ends of a stretch the name's brackets give (白沙洲大道, 卓刀泉路 of 狮子山东路(白沙洲大道-卓刀泉路)道路工程). */
  stretch: readonly [string, string] | null;
  /** The street (街道) of the address. */
  street: string | null;
  plots: string[];
  phases: number[];
  /** From its filing to its last application (epoch ms), or null. */
  from: number | null;
  until: number | null;
}

const CITY = /^(?:湖北省)?(?:武汉市|武汉)?/;
/** Works, kind-of-filing, phase and plot words at a name's end, stripped again and again. */
const TAIL = new RegExp(
  '(?:改扩建工程|扩建工程|新建工程|建设工程|改造工程|道路工程|工程|新建项目|建设项目|开发项目|住宅项目|项目' +
    '|[一二三四五六七八九十]{1,3}期|\\d{1,2}期|首期|[A-Za-z]\\d{0,2}号?地块|地块|[A-Za-z]\\d{0,2}包|[A-Za-z]\\d{1,2}|小区|片区?)$',
);
const SEPARATORS = /[·•・\s]+/g;
const ROAD = /([\p{Script=Han}A-Za-z0-9]{1,10}?(?:大道|大街|公路|路|街|巷))(?=以|与|至|和|、|,|-|$|\d|交汇|段|东|西|南|北)/gu;
const STREET = /([\p{Script=Han}]{2,6}(?:街道|镇|乡))/u;

/** `s` without works, phase and plot words at its end. */
function stripTail(s: string): string {
  let t = s;
  for (let prev = ''; prev !== t; ) {
    prev = t;
    const next = t.replace(TAIL, '');
    if (next.length >= 2) t = next;
  }
  return t;
}

/**
 * What people call a project by: its name less works, phase and plot words and the kind of works
 * at the end (西北湖K1地块还建房 → 西北湖, 涨渡湖公共租赁住房 → 涨渡湖); the kind is a feature of its own.
 */
function coreOf(s: string): string {
  let t = stripTail(s);
  for (let prev = ''; prev !== t; ) {
    prev = t;
    const kind = KIND_TAILS.find((w) => t.endsWith(w) && t.length - w.length >= 2);
    if (kind) t = stripTail(t.slice(0, -kind.length));
  }
  // A village's works are called by the village's name without 村 (五里界还建楼 for 五里界村…还建房).
  return t.length >= 3 && t.endsWith('村') ? t.slice(0, -1) : t;
}

/** The name's district prefix (洪山区, 东湖高新区) removed, when something is left. */
function stripDistrict(s: string): string {
  const noCity = s.replace(CITY, '');
  const t = noCity.length >= 2 ? noCity : s;
  for (const short of districtsIn(t.slice(0, 10))) {
    for (const form of [`${short}区`, '东湖新技术开发区', '东湖高新技术开发区', '东湖高新区', '东湖开发区']) {
      if (t.startsWith(form) && t.length - form.length >= 2) return t.slice(form.length);
    }
  }
  return t;
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** Roads named in an address or in a name's brackets: 民族大道, 芳草路, 高新四路. */
export function roadsIn(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,、;:()（）\-—~至与以]/)) {
    for (const m of part.matchAll(ROAD)) {
      const road = m[1]!.replace(/^.*(?:区|街道|镇|乡)/, '');
      if (road.length >= 3 && !out.includes(road)) out.push(road);
    }
  }
  return out;
}

/** What an estate or complex is, at the end of its name, that people say after the brand alone (碧桂园中心 for 碧桂园北湖中心). */
const GENERIC_TAILS = ['商业中心', '金融中心', '国际广场', '总部基地', '中心', '广场', '大厦', '公馆', '华府', '天地'];

/** The brand with the name's generic tail (万科广场 for 万科索河广场), when the name is brand, place and tail. */
function brandWithTail(brand: string, unbranded: string): string[] {
  if (!brand) return [];
  const tail = GENERIC_TAILS.find((t) => unbranded.endsWith(t) && unbranded.length - t.length >= 2);
  return tail ? [brand + tail] : [];
}

/** A metro station's name: 轨道交通3号线解放大道站 → 解放大道. */
const STATION = /(?:轨道交通|地铁)(?:\d+|[一二三四五六七八九十]+)号线(\p{Script=Han}{2,8}?)(?:车站|站)$/u;

/** The place or brand a generic name is said by (see ProjectProfile.stem). */
function stemOf(base: string, kindless: string, brand: string, generic: boolean): string | null {
  const station = STATION.exec(base);
  if (station) return station[1]!;
  // A bridge over water is called by the road it carries: 高新大道跨东沙湖渠桥梁 → 高新大道(那座桥).
  const bridge = /^(\p{Script=Han}{2,8}?(?:大道|大街|路))跨/u.exec(base);
  if (bridge) return bridge[1]!;
  if (!generic) return null;
  // (A district is no stem: 东湖高新小学 could be any school there.)
  if (!KIND_TAILS.includes(kindless) && kindless.length >= 2 && !isPlaceWord(kindless)) return kindless;
  return brand.length >= 2 ? brand : null;
}

/** The ends of the first bracket that gives a stretch: 白沙洲大道-卓刀泉路, 首义路至积玉桥段. */
function stretchOf(brackets: readonly string[]): readonly [string, string] | null {
  for (const b of brackets) {
    const parts = b.replace(/段$/, '').split(/[-—~至到]/);
    if (parts.length !== 2) continue;
    const [a, z] = parts.map((x) => x.trim()) as [string, string];
    if (a.length >= 2 && z.length >= 2 && /^\p{Script=Han}+$/u.test(a + z)) return [a, z];
  }
  return null;
}

const squeeze = (s: string) => normalizeText(s).replace(/\s+/g, '');

/**
 * What a colloquial name says the place was (水泥厂 of 老水泥厂那块地), without the words around it
 * that people vary (原来水泥厂那块地, 以前的水泥厂那片地); null when that leaves under three characters.
 */
export function colloquialCore(name: string): string | null {
  const core = name.replace(/^(?:原来的?|以前的?|过去的?|老的?|原)/, '').replace(/(?:那块地|那片地|那块|那片|那边|这块地|地块)$/, '');
  return core !== name && core.length >= 3 ? core : null;
}

/** A street or road without what makes it one: 藏龙岛 of 藏龙岛街道, 沁湖 of 沁湖路. */
const placeStem = (place: string) => place.replace(/(?:街道|大道|大街|公路|路|街|镇|乡)$/, '');

/** District names and their beginnings (汉阳, 东西 of 东西湖), the city: the start of a place, not a brand. */
const PLACE_WORDS = new Set(['武汉', '湖北', ...DISTRICTS.flatMap((d) => districtForms(d).flatMap((f) => [f, f.slice(0, 2)]))]);
const isPlaceWord = (s: string) => PLACE_WORDS.has(s);

export function projectProfile(p: ProjectSource): ProjectProfile {
  const name = squeeze(p.name);
  const brackets = [...name.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!);
  // 高新二路(流芳大道至佛祖岭段)综合整治工程: what comes before a bracket is the name people say.
  const unbracketed = name.replace(/\([^()]*\)/g, '(');
  const [head, ...tail] = unbracketed.split('(');
  const base = stripTail(stripDistrict(head!.length >= 2 ? head! : tail.join('')));

  const estateRaw = [p.estate_name, ...(p.aliases ?? [])].filter((e): e is string => Boolean(e)).map((e) => normalizeText(e));
  const builderBrandName = p.builder ? builderBrand(normalizeText(p.builder)) : null;
  const estatePrefixes = estateRaw.flatMap((e) => {
    const parts = e.split(SEPARATORS).filter(Boolean);
    return parts.length > 1 && parts[0]!.length >= 2 ? [parts[0]!] : [];
  });
  const brandCandidates = [builderBrandName, ...estatePrefixes].filter((b): b is string => Boolean(b && b.length >= 2));
  // The brand as the name uses it: 万科 of 武汉万科晴川房地产 in 万科青菱湾.
  let nameBrand = '';
  for (const b of brandCandidates) {
    const shared = commonPrefix(b, base);
    if (shared.length >= 2 && shared.length > nameBrand.length && base.length - shared.length >= 2 && !isPlaceWord(shared)) nameBrand = shared;
  }
  const address = p.address ? squeeze(p.address) : '';
  const street = STREET.exec(address.replace(/^.*?区/, ''))?.[1] ?? null;
  const addressRoads = roadsIn(address);
  const unbrandedBase = nameBrand ? base.slice(nameBrand.length) : base;
  // Without its kind the name may be only a place (长丰街道养老服务中心 → 长丰街道, 江岸体育公园 → 江岸)
  // or only a kind (康源钢结构厂房 → 厂房): then the kind stays, and such a core names nothing alone.
  // (So is a kind word with a place word after it, 公园里 of 绿地公园里一期: letters write 公园里 of any park.)
  const placeOrKind = (c: string) => c === street || addressRoads.includes(c) || isPlaceWord(c) || KIND_TAILS.includes(c) || /(?:街道|(?<!小)镇|乡)$/.test(c)
    || (/[里内边旁前后外中]$/.test(c) && isKindWord(c.slice(0, -1)));
  const kindless = coreOf(unbrandedBase);
  const core = placeOrKind(kindless) ? stripTail(unbrandedBase) : kindless;
  const brands = [...new Set([...brandCandidates, ...(nameBrand ? [nameBrand] : [])])];
  const longest = brands.reduce((a, b) => (b.length > a.length ? b : a), '');
  const short = longest.length >= 4 && !isPlaceWord(longest.slice(0, 2)) ? longest.slice(0, 2) : null;

  const estates = new Set<string>();
  for (const e of estateRaw) {
    const parts = e.split(SEPARATORS).filter(Boolean);
    const whole = stripTail(parts.join(''));
    const rest = parts.length > 1 ? stripTail(parts.slice(1).join('')) : null;
    // Less the brand, or the part of it the sales name starts with (华中 of 华中琴台 in 华中云锦).
    const unbranded = brands.reduce((s, b) => {
      const shared = commonPrefix(b, s);
      return shared.length >= 2 && s.length - shared.length >= 2 && !isPlaceWord(shared) ? s.slice(shared.length) : s;
    }, whole);
    for (const piece of [whole, rest, unbranded, colloquialCore(whole)]) {
      // A sales name inside the core adds nothing; one holding it (卓刀泉湖畔里 for 卓刀泉) is more specific.
      if (piece && piece.length >= 2 && !core.includes(piece)) estates.add(piece);
    }
  }

  // (A road called after the core, 沁湖路 of 沁湖K1地块, is one of its roads: `沁湖路北边的K1地块`.)
  const roads = [...addressRoads, ...brackets.flatMap(roadsIn)].filter((r) => !core.includes(r));
  return {
    no: p.project_no,
    name,
    district: p.district ? canonicalDistrict(p.district) : null,
    base,
    core,
    said: [...new Set([stripTail(unbrandedBase), base, ...brandWithTail(nameBrand, unbrandedBase)])].filter((s) => s !== core && s.length >= 3),
    estates: [...estates],
    brands,
    brandShort: short && !brands.includes(short) ? short : null,
    developer: /房地产|置业|地产/.test(p.builder ?? ''),
    roads: [...new Set(roads)],
    stretch: stretchOf(brackets),
    street,
    genericCore: placeOrKind(kindless),
    stem: stemOf(base, kindless, nameBrand, placeOrKind(kindless)) ?? facilityPlace(core),
    // (Only a name that is the place and its plot: 金口村城中村改造A1地块's 金口 is the village, `金口的还建楼`.)
    placeOnly: isPlaceWord(core) || (base === core && [street, ...addressRoads].some((place) => place !== null && placeStem(place) === core)),
    plots: plotsIn(name),
    phases: phasesIn(name),
    from: p.from_ms ?? null,
    until: p.until_ms ?? p.from_ms ?? null,
  };
}
