/**
 * The in-memory candidate index over every project (blocking): which projects a text could be
 * about, without comparing it with every project. Keys are the distinctive pieces of each
 * project (name core, sales name and aliases, brand, roads, street) found as exact substrings,
 * and the rare bigrams of name cores (for names written loosely or misspelt). Rarity is
 * computed over all project names, so 洪山区, 小区, 项目, 工程 count for little. Pure.
 */
import { isCommonWord } from '../../indexers/segment/common-words.ts';
import { gramsOf } from '../../indexers/segment/grams.ts';
import { districtsIn } from './markers.ts';
import { nearMatch } from './near-match.ts';
import { kindOfName, type ProjectKind } from './project-kind.ts';
import { projectProfile, type ProjectProfile, type ProjectSource } from './project-profile.ts';

export type AnchorKind = 'core' | 'estate' | 'brand' | 'brandShort' | 'road' | 'street';
/** An exact occurrence: a project's piece (AnchorKind), or a rare three-character run of its core (`piece`). */
export type HitKind = AnchorKind | 'piece';

interface Anchor {
  text: string;
  kind: AnchorKind;
  projects: number[];
}

/** An exact occurrence of a project's piece in a text. */
export interface Hit {
  kind: HitKind;
  text: string;
  at: number;
  projects: readonly number[];
}

export interface CandidateIndex {
  readonly profiles: readonly ProjectProfile[];
  readonly byNo: ReadonlyMap<string, number>;
  /** Each project's kind, by its name (./project-kind.ts); a housing developer's name without a kind word, or called a park, is housing. */
  readonly kinds: readonly (ProjectKind | null)[];
  /** How rare a bigram is among project names: log2(G/df), near 0 for common ones. */
  gramWeight(gram: string): number;
  /** The distinct bigrams of project `i`'s core, and their summed weight. */
  coreGrams(i: number): { grams: readonly string[]; total: number };
  /** How many projects' names hold the core of project `i` (in its district, when `inDistrict`). */
  coreDf(i: number, inDistrict: boolean): number;
  /** How many projects' names hold the core of project `i` and have this plot (沁湖K3地块 said: one, where 沁湖 is two). */
  corePlotDf(i: number, plot: string): number;
  /** How many projects carry this piece of the given kind (estates: hold it in a name). */
  pieceDf(kind: AnchorKind, text: string): number;
  /** How many projects are said by this stem (./project-profile.ts) with a word for this kind of works. */
  stemDf(stem: string, kind: ProjectKind): number;
  /** How many projects of this brand (or its short form) are works of this kind. */
  brandKindDf(brand: string, kind: ProjectKind): number;
  /** Projects whose name's stretch (./project-profile.ts) has this end. */
  byStretchEnd(end: string): readonly number[];
  /** Mean document frequencies, for term-frequency adjustments. */
  readonly meanDf: Readonly<Record<AnchorKind, number>>;
  /**
   * Every exact piece in `text`; the projects whose core bigrams it covers by at least
   * `minCoverage`; and the sales names written with one character misheard (滨江甫 for 滨江府).
   */
  scan(text: string, textGrams: ReadonlySet<string>, minCoverage: number): { hits: Hit[]; fuzzy: Map<number, number>; near: Hit[] };
}

/** Loose matches need a core whose rare words weigh at least this (features.ts MIN_CORE_INFO). */
const MIN_CORE_INFO = 2;
/** A piece carried by more projects than this is no blocking key of its own (it still counts as a feature). */
const MAX_ANCHOR_PROJECTS = 400;
/** Bigrams in more core names than this are not posted for loose matching. */
const MAX_POSTING = 300;
/** Names misheard are looked for through their rarer bigrams only (华府 and 花园 are in hundreds of names). */
const MAX_NEAR_POSTING = 40;
/** Three-character runs of cores held by more names than this (城中村, 还建房) are not posted. */
const MAX_PIECE_DF = 30;

const HAN3 = /^\p{Script=Han}{3}$/u;
/** The names a writer may mishear by one character: sales names and cores of three or more characters. */
const nearNames = (p: ProjectProfile) => [...new Set([...p.estates, ...(p.genericCore ? [] : [p.core, ...p.said])])].filter((e) => e.length >= 3);
const HAN2 = /^\p{Script=Han}{2}$/u;

export function buildCandidateIndex(sources: readonly ProjectSource[]): CandidateIndex {
  const profiles = sources.map(projectProfile);
  const n = profiles.length;
  const byNo = new Map(profiles.map((p, i) => [p.no, i]));
  // Bigram document frequency over each project's name strings (base and sales names).
  const nameStrings = profiles.map((p) => [p.base, ...p.estates]);
  const gramDf = new Map<string, number>();
  const namePostings = new Map<string, number[]>();
  nameStrings.forEach((strings, i) => {
    for (const g of new Set(strings.flatMap((s) => gramsOf(s)))) {
      gramDf.set(g, (gramDf.get(g) ?? 0) + 1);
      let list = namePostings.get(g);
      if (!list) namePostings.set(g, (list = []));
      list.push(i);
    }
  });
  // A bigram in more than 1% of names (at least 20) says next to nothing about which project is meant.
  const generic = Math.max(20, n * 0.01);
  const gramWeight = (g: string) => Math.max(0.05, Math.log2(generic / Math.max(1, gramDf.get(g) ?? 0)));

  // A core's words that are its own street or roads (长丰街道 of 长丰街道养老服务中心) are weighed as the
  // street and road features; a text naming the street does not name the project by them.
  const cores = profiles.map((p) => {
    const places = new Set([...p.roads, ...(p.street ? [p.street] : [])].flatMap((s) => gramsOf(s)));
    const grams = [...new Set(gramsOf(p.core))].filter((g) => !places.has(g));
    return { grams, total: grams.reduce((s, g) => s + gramWeight(g), 0) };
  });
  const postings = new Map<string, number[]>();
  cores.forEach(({ grams }, i) => {
    for (const g of grams) {
      if ((gramDf.get(g) ?? 0) > MAX_POSTING) continue;
      let list = postings.get(g);
      if (!list) postings.set(g, (list = []));
      list.push(i);
    }
  });

  // A core is also common when it is part of a road or street name (龙阳 in 龙阳大道).
  const placeStrings = profiles.map((p) => [...p.roads, ...(p.street ? [p.street] : [])]);
  placeStrings.forEach((strings, i) => {
    for (const g of new Set(strings.flatMap((s) => gramsOf(s)))) {
      let list = namePostings.get(g);
      if (!list) namePostings.set(g, (list = []));
      if (list[list.length - 1] !== i) list.push(i);
    }
  });
  /** Projects whose names, roads or street hold `text`: the rarest bigram's postings, verified. */
  const holders = (text: string): number[] => {
    const grams = gramsOf(text);
    if (grams.length === 0) return [];
    const rarest = grams.reduce((a, b) => ((namePostings.get(a)?.length ?? 0) <= (namePostings.get(b)?.length ?? 0) ? a : b));
    // A place only counts when the text is part of it (龙阳 of 龙阳大道), not the place itself (a road project's name).
    return [...new Set(namePostings.get(rarest) ?? [])].filter((i) =>
      nameStrings[i]!.some((s) => s.includes(text)) || placeStrings[i]!.some((s) => s !== text && s.includes(text)));
  };
  const coreDfs = new Map<string, number[]>();
  const coreHolders = (i: number) => {
    const core = profiles[i]!.core;
    let h = coreDfs.get(core);
    if (!h) coreDfs.set(core, (h = holders(core)));
    return h;
  };

  const anchorsByKind: Record<AnchorKind, Map<string, number[]>> = {
    core: new Map(), estate: new Map(), brand: new Map(), brandShort: new Map(), road: new Map(), street: new Map(),
  };
  const add = (kind: AnchorKind, text: string | null, i: number) => {
    if (!text || text.length < 2) return;
    const m = anchorsByKind[kind];
    const list = m.get(text);
    if (!list) m.set(text, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  profiles.forEach((p, i) => {
    add('core', p.core, i);
    for (const s of p.said) add('core', s, i);
    add('core', p.stem, i);
    // The whole name with its brackets (奓山西路(蔡甸大道-知音湖大道)道路工程): a road named inside them is where it runs.
    if (p.name.includes('(')) add('core', p.name, i);
    for (const e of p.estates) add('estate', e, i);
    for (const b of p.brands) add('brand', b, i);
    add('brandShort', p.brandShort, i);
    for (const r of p.roads) add('road', r, i);
    add('street', p.street, i);
  });
  const estateDf = new Map<string, number>();
  const runDf = new Map<string, number>();
  const pieceDf = (kind: AnchorKind, text: string): number => {
    if (kind === 'estate') {
      let df = estateDf.get(text);
      if (df === undefined) estateDf.set(text, (df = Math.max(1, holders(text).length)));
      return df;
    }
    if (kind === 'core') {
      let df = runDf.get(text);
      if (df === undefined) runDf.set(text, (df = Math.max(1, holders(text).length)));
      return df;
    }
    return anchorsByKind[kind].get(text)?.length ?? 1;
  };
  const mean = (kind: AnchorKind) => {
    const m = anchorsByKind[kind];
    let total = 0;
    for (const list of m.values()) total += list.length;
    return m.size === 0 ? 1 : total / m.size;
  };
  const meanDf: Record<AnchorKind, number> = {
    core: Math.max(1, profiles.reduce((s, _, i) => s + coreHolders(i).length, 0) / Math.max(1, n)),
    estate: 1, brand: mean('brand'), brandShort: mean('brandShort'), road: mean('road'), street: mean('street'),
  };
  let estateTotal = 0;
  let estateCount = 0;
  for (const e of anchorsByKind.estate.keys()) {
    estateTotal += pieceDf('estate', e);
    estateCount += 1;
  }
  meanDf.estate = estateCount === 0 ? 1 : estateTotal / estateCount;

  // Anchors by their first three characters (two for two-character ones): a text is scanned once,
  // position by position, and each position checks only the few anchors that start as it does
  // (by two characters, 武汉 or 东湖 started hundreds at 100k projects).
  const anchors = new Map<string, Anchor[]>();
  for (const kind of Object.keys(anchorsByKind) as AnchorKind[]) {
    for (const [text, projects] of anchorsByKind[kind]) {
      if (projects.length > MAX_ANCHOR_PROJECTS) continue;
      const key = text.slice(0, 3);
      let list = anchors.get(key);
      if (!list) anchors.set(key, (list = []));
      list.push({ text, kind, projects });
    }
  }

  // Rare three-character runs of cores (唐家墩 of 唐家墩村城中村改造还建房 in 唐家墩还建楼), and the two
  // characters a core starts with, usually a place (宗关 of 宗关村城中村改造土地储备 in 宗关那块地).
  const pieces = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    const seen = new Set<string>();
    const runs = [p.core.slice(0, 2), ...Array.from({ length: Math.max(0, p.core.length - 2) }, (_, k) => p.core.slice(k, k + 3))];
    for (const t of runs) {
      if (!(HAN3.test(t) || HAN2.test(t)) || seen.has(t) || t === p.core || districtsIn(t).length > 0 || isCommonWord(t)) continue;
      seen.add(t);
      let list = pieces.get(t);
      if (!list) pieces.set(t, (list = []));
      list.push(i);
    }
  });
  for (const [t, list] of pieces) if (list.length > MAX_PIECE_DF || holders(t).length > MAX_PIECE_DF) pieces.delete(t);

  // Sales names by their rare bigrams, for names written with one character misheard.
  const misheardNames = profiles.map(nearNames);
  const estatePostings = new Map<string, number[]>();
  misheardNames.forEach((names, i) => {
    for (const g of new Set(names.flatMap((e) => gramsOf(e)))) {
      if ((gramDf.get(g) ?? 0) > MAX_NEAR_POSTING) continue;
      let list = estatePostings.get(g);
      if (!list) estatePostings.set(g, (list = []));
      list.push(i);
    }
  });

  const acc = new Float64Array(n);
  function scan(text: string, textGrams: ReadonlySet<string>, minCoverage: number) {
    const hits: Hit[] = [];
    for (let at = 0; at + 1 < text.length; at++) {
      const two = text.slice(at, at + 2);
      if (at + 2 < text.length) {
        const three = text.slice(at, at + 3);
        const piece = pieces.get(three);
        if (piece) hits.push({ kind: 'piece', text: three, at, projects: piece });
      }
      const piece = pieces.get(two);
      if (piece) hits.push({ kind: 'piece', text: two, at, projects: piece });
      for (const a of anchors.get(two) ?? []) hits.push({ kind: a.kind, text: a.text, at, projects: a.projects });
      if (at + 2 >= text.length) continue;
      for (const a of anchors.get(text.slice(at, at + 3)) ?? []) {
        if (text.startsWith(a.text, at)) hits.push({ kind: a.kind, text: a.text, at, projects: a.projects });
      }
    }
    const touched: number[] = [];
    for (const g of textGrams) {
      const list = postings.get(g);
      if (!list) continue;
      const w = gramWeight(g);
      for (const i of list) {
        if (acc[i] === 0) touched.push(i);
        acc[i]! += w;
      }
    }
    const fuzzy = new Map<number, number>();
    for (const i of touched) {
      const coverage = acc[i]! / cores[i]!.total;
      if (coverage >= minCoverage && cores[i]!.total >= MIN_CORE_INFO) fuzzy.set(i, coverage);
      acc[i] = 0;
    }
    const near: Hit[] = [];
    const seen = new Set<number>();
    for (const g of textGrams) {
      for (const i of estatePostings.get(g) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        for (const e of misheardNames[i]!) {
          if (text.includes(e)) continue;
          for (let m = nearMatch(text, e); m; m = nearMatch(text, e, m.at + 1)) near.push({ kind: 'estate', text: m.written, at: m.at, projects: [i] });
        }
      }
    }
    return { hits, fuzzy, near };
  }

  const stretchEnds = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    for (const end of new Set(p.stretch ?? [])) {
      const list = stretchEnds.get(end);
      if (list) list.push(i);
      else stretchEnds.set(end, [i]);
    }
  });

  const brandKindDfs = new Map<string, number>();
  // A name without a kind word, or called a park, by a builder of housing is an estate (鼎泓云栖台二期 of
  // 湖北鼎泓洪山房地产开发有限公司, 绿地公园里一期, 翡翠公园二期).
  const kinds = profiles.map((p) => {
    const named = kindOfName(p.brands.reduce((name, b) => name.replace(b, ''), p.name));
    return p.developer && (named === null || named === 'park') ? 'housing' : named;
  });
  const stems = new Map<string, number>();
  profiles.forEach((p, i) => {
    if (p.stem && kinds[i]) stems.set(`${p.stem}|${kinds[i]}`, (stems.get(`${p.stem}|${kinds[i]}`) ?? 0) + 1);
  });

  return {
    profiles,
    byNo,
    stemDf: (stem, kind) => stems.get(`${stem}|${kind}`) ?? 1,
    brandKindDf: (brand, kind) => {
      const key = `${brand}|${kind}`;
      let df = brandKindDfs.get(key);
      if (df !== undefined) return df;
      const own = new Set([...(anchorsByKind.brand.get(brand) ?? []), ...(anchorsByKind.brandShort.get(brand) ?? [])]);
      // A brand that is also a place in other projects' names (百步亭) names a place as much as a builder.
      df = holders(brand).some((j) => !own.has(j)) ? n : Math.max(1, [...own].filter((j) => kinds[j] === kind).length);
      brandKindDfs.set(key, df);
      return df;
    },
    byStretchEnd: (end) => stretchEnds.get(end) ?? [],
    // (By the name without its brand: 绿地 of 绿地北湖华府小区 is a builder, not a park.)
    kinds,
    gramWeight,
    coreGrams: (i) => cores[i]!,
    coreDf: (i, inDistrict) => {
      const h = coreHolders(i);
      if (!inDistrict) return Math.max(1, h.length);
      const d = profiles[i]!.district;
      return Math.max(1, h.filter((j) => profiles[j]!.district === d).length);
    },
    corePlotDf: (i, plot) => Math.max(1, coreHolders(i).filter((j) => profiles[j]!.plots.includes(plot)).length),
    pieceDf,
    meanDf,
    scan,
  };
}
