/**
 * The comparison of one text (or one numbered item of it) with one project, as readable
 * features, each with a few levels: a Fellegi–Sunter comparison vector. The weights of the
 * levels are estimated from the data (./link-model.ts); here only what the text shows. Pure.
 */
import { isCommonWord } from '../../indexers/segment/common-words.ts';
import { gramsOf } from '../../indexers/segment/grams.ts';
import type { CandidateIndex } from './candidate-index.ts';
import { districtBefore, districtsIn, phasesIn, plotsIn, stretchIn } from './markers.ts';
import { nearMatch } from './near-match.ts';
import { isFacilityWord, isKindWord, kindAgrees, kindsSaidAt, kindWordAfter, kindWordInside, withoutKindWords, type ProjectKind } from './project-kind.ts';

const KIND_LABELS: Record<ProjectKind, string> = {
  rental: '公租房', resettlement: '还建房、安置房', affordable: '保障房', land: '土地征收储备', industrial: '厂房', school: '学校', hospital: '医院', bridge: '桥梁',
  metro: '轨道交通', pipeline: '管网', power: '电力设施', park: '公园绿地', sanitation: '环卫设施', parking: '停车场站', market: '农贸市场',
  civic: '公共服务设施', road: '道路', commercial: '商业', housing: '住宅',
};

export const FEATURES = {
  key: ['project_no', 'certificate', 'doc_no', 'none'],
  name: ['unique', 'whole', 'common', 'near', 'most', 'some', 'none'],
  /** A second, separate name of the project also in the text (宗关 and its sales name 心语). */
  alias: ['also', 'none'],
  /** Where the text names it: in its title or a numbered item's heading, only further on, or nowhere (roads, a brand). */
  role: ['heading', 'body', 'none'],
  brand: ['whole', 'short', 'none', 'absent'],
  road: ['two', 'one', 'none', 'absent'],
  street: ['agree', 'none', 'absent'],
  plot: ['agree', 'disagree', 'not_stated'],
  phase: ['agree', 'disagree', 'not_stated'],
  district: ['agree', 'differs', 'not_stated'],
  kind: ['agree', 'differs', 'not_stated'],
  /** The resource's date against the project's time: from its filing to a few years after its last application. */
  when: ['during', 'before', 'after', 'not_stated'],
  /** The district of the branch office handling the record (a petition sent to 洪山分局) against the project's. */
  office: ['agree', 'differs', 'not_stated'],
} as const;

export type Feature = keyof typeof FEATURES;
export type Level<F extends Feature = Feature> = (typeof FEATURES)[F][number];
export type Levels = { [F in Feature]: Level<F> };
export const FEATURE_NAMES = Object.keys(FEATURES) as Feature[];

/** The comparison, with what matched (for the reasons) and how common the matched value is. */
export interface Comparison {
  levels: Levels;
  /** The matched value per feature, as found in the text. */
  evidence: Partial<Record<Feature, string>>;
  /** How many times more projects carry the matched value than carry an average one (≥ 1 penalizes). */
  tf: Partial<Record<Feature, number>>;
  /** Which of the project's names the text used: its core, the core with its kind (九峰商业中心), or a sales name or alias. */
  nameVia: 'core' | 'said' | 'estate' | null;
}

/** The keys a text cites, resolved to project indexes: its own number, a certificate, a 文号 or letter number. */
export interface CitedKeys {
  projectNos: ReadonlyMap<number, string>;
  certificates: ReadonlyMap<number, string>;
  documents: ReadonlyMap<number, string>;
}

/** The stretch of text a comparison reads: the whole text, or one numbered item. */
export interface Scope {
  from: number;
  to: number;
  text: string;
  grams: ReadonlySet<string>;
  districts: readonly string[];
}

export function scopeOf(all: string, from: number, to: number): Scope {
  const text = all.slice(from, to);
  return { from, to, text, grams: new Set(gramsOf(text)), districts: districtsIn(text) };
}

/** Where the project is named in the full text (its name, sales name or a cited number). */
export interface Span {
  start: number;
  end: number;
  /** In the title, an item's heading or the body (./link-text.ts roleAt), when known. */
  role?: 'title' | 'heading' | 'body';
}

/** A core held by at most this many projects' names is rare: the phases of one estate, a name used twice. */
export const RARE_CORE = 4;
/** A core whose rare words weigh less than this (养老服务中心) is named only whole, never by parts. */
export const MIN_CORE_INFO = 2;

/** How long before a project's filing a text may still be about it (a plan talked about), and how long after its last application. */
const EARLY_MS = 180 * 86_400_000;
const LATE_MS = 4 * 365 * 86_400_000;

/** Name levels, best first. */
const RANK: Record<Level<'name'>, number> = { unique: 0, whole: 1, near: 2, common: 3, most: 4, some: 5, none: 6 };

/** A run of a core held by at most this many names is distinctive (唐家墩); by at most COMMON_RUN, a hint. */
const RARE_RUN = 8;
const COMMON_RUN = 30;

/**
 * Whether a run says more than everyday words and what the works are: at least two characters are
 * left without them (唐家墩, 五里界; not 城市之 of 城市之光 or 第三中学, which any city's letters hold),
 * or what is left is a facility named whole (转运站 of 黄家湖垃圾转运站: few are filed).
 */
function distinctive(run: string): boolean {
  let rest = run;
  for (let k = 0; k + 2 <= rest.length; ) {
    if (isCommonWord(rest.slice(k, k + 2))) rest = rest.slice(0, k) + rest.slice(k + 2);
    else k++;
  }
  return withoutKindWords(rest).length >= 2 || isFacilityWord(rest);
}

/** The rarest run of three or more characters of project `i`'s core that the text holds, and how many names hold it. */
function rarestRun(index: CandidateIndex, i: number, t: string): { run: string; df: number } | null {
  const p = index.profiles[i]!;
  const core = p.core;
  // A run that is the project's own street or road (前川街 of 前川街道养老服务中心) is weighed as the street or road.
  const place = (run: string) => (p.street?.includes(run) ?? false) || p.roads.some((r) => r.includes(run)) || districtsIn(run).length > 0;
  let best: { run: string; df: number } | null = null;
  // The place a core starts with, alone (宗关 of 宗关村城中村改造土地储备), is a run too.
  const lead = core.slice(0, 2);
  // (Not an everyday word, 人民 of 人民医院医技楼 or 城市 of 城市花园: letters hold those by chance.)
  if (core.length > 3 && /^\p{Script=Han}{2}$/u.test(lead) && t.includes(lead) && !place(lead) && !isCommonWord(lead)) {
    best = { run: lead, df: index.pieceDf('core', lead) };
  }
  for (let k = 0; k + 3 <= core.length; k++) {
    if (!t.includes(core.slice(k, k + 3))) continue;
    let len = 3;
    while (k + len < core.length && t.includes(core.slice(k, k + len + 1))) len++;
    const run = core.slice(k, k + len);
    // (A run that is a road's whole name, 文化大道 of 文化大道跨汉江桥梁, names the road, a place.)
    if (run === core || place(run) || !/^\p{Script=Han}+$/u.test(run) || /(?:大道|大街|路|街|区)$/.test(run)) continue;
    // Nor does one that runs from what the works are into another word (医院医 of 人民医院医技楼, in
    // 人民医院医生), or a three-character one from inside the name (湖壹号 of 野芷湖壹号, in 洋湖壹号): real
    // letters hold such runs by chance. A name is said by what it starts with (唐家墩 of 唐家墩村…).
    if (kindWordInside(run) || (k > 0 && len < 4) || !distinctive(run)) {
      k += len - 3;
      continue;
    }
    const df = index.pieceDf('core', run);
    if (!best || df < best.df || (df === best.df && run.length > best.run.length)) best = { run, df };
    k += len - 3;
  }
  return best;
}

/** What turns a name into a road or street (龙阳 → 龙阳大道): such an occurrence is the place, not the name. */
export const PLACE_SUFFIX = /^(?:[东西南北中一二三四五六七八九十]?(?:大道|大街|路)|街道|街|巷|苑)/;

/**
 * Whether `text` holds `name` other than as the start of a longer road or street name, and other
 * than where `free(at, end)` says the place is taken (by a longer name of another project).
 */
export function holdsName(text: string, name: string, free: (at: number, end: number) => boolean = () => true): boolean {
  const road = PLACE_SUFFIX.test(name.slice(-2)) || /(?:路|街|道)$/.test(name);
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const after = text.slice(at + name.length, at + name.length + 2);
    // (将军路街道 is the subdistrict, not 将军路.)
    if (after === '街道') continue;
    if ((road || !PLACE_SUFFIX.test(after)) && free(at, at + name.length)) return true;
  }
  return false;
}

/** A longer name of some projects found in the text (offsets into the full text). */
export interface NameSpan {
  start: number;
  end: number;
  projects: readonly number[];
}

function coverage(index: CandidateIndex, i: number, grams: ReadonlySet<string>): number {
  const { grams: core, total } = index.coreGrams(i);
  if (total === 0) return 0;
  let hit = 0;
  for (const g of core) if (grams.has(g)) hit += index.gramWeight(g);
  return hit / total;
}

/** Text around the mentions, where a phase or plot belongs to the name (东湖印三期, 黄家湖K3地块). */
function near(all: string, scope: Scope, spans: readonly Span[]): string | null {
  const inside = spans.filter((s) => s.start >= scope.from && s.end <= scope.to);
  if (inside.length === 0) return null;
  return inside.map((s) => all.slice(Math.max(scope.from, s.start - 8), Math.min(scope.to, s.end + 10))).join('|');
}

function agreement<T>(stated: readonly T[], own: readonly T[]): 'agree' | 'disagree' | 'not_stated' {
  if (stated.length === 0 || own.length === 0) return 'not_stated';
  return stated.some((x) => own.includes(x)) ? 'agree' : 'disagree';
}

/** Compares the text in `scope` with project `i`; `spans` are the project's mentions in the full text. */
export function compare(
  index: CandidateIndex, i: number, all: string, scope: Scope, spans: readonly Span[], keys: CitedKeys,
  names: readonly NameSpan[] = [],
  at: number | null = null,
  officeDistrict: string | null = null,
): Comparison {
  const p = index.profiles[i]!;
  const t = scope.text;
  const evidence: Comparison['evidence'] = {};
  const tf: Comparison['tf'] = {};

  let key: Level<'key'> = 'none';
  if (keys.projectNos.has(i)) [key, evidence.key] = ['project_no', keys.projectNos.get(i)!];
  else if (keys.certificates.has(i)) [key, evidence.key] = ['certificate', keys.certificates.get(i)!];
  else if (keys.documents.has(i)) [key, evidence.key] = ['doc_no', keys.documents.get(i)!];

  const stated = new Set(scope.districts);
  for (const s of spans) {
    if (s.start < scope.from || s.end > scope.to) continue;
    const d = districtBefore(all, s.start);
    if (d) stated.add(d);
  }
  const district: Level<'district'> = stated.size === 0 ? 'not_stated' : p.district && stated.has(p.district) ? 'agree' : 'differs';
  if (district !== 'not_stated') evidence.district = [...stated].join('、');

  // Every name people use for the project counts as its name: the core, the core with its kind
  // (九峰商业中心 of 万科九峰商业中心), a sales name or alias (心语 of 宗关村城中村改造A1地块). The best wins;
  // a name few projects carry names them, one many carry (研发中心, 心语 of three estates) barely does.
  let name: Level<'name'> = 'none';
  let nameVia: Comparison['nameVia'] = null;
  const matched: string[] = [];
  // A name only this project carries (in its district, where the text states it) is a finer level than one a few carry.
  const exact = (text: string, via: NonNullable<Comparison['nameVia']>, df: number, generic = false) => {
    const level: Level<'name'> = generic || df > RARE_CORE ? 'common' : df === 1 ? 'unique' : 'whole';
    matched.push(text);
    if (RANK[level] >= RANK[name]) return;
    [name, evidence.name, nameVia] = [level, text, via];
    tf.name = df / index.meanDf.core;
  };
  // Where another project's longer name stands, this project's name is part of it (盘龙城 in 盘龙城三路).
  const free = (at: number, end: number) => !names.some((n) =>
    n.start <= scope.from + at && scope.from + end <= n.end && n.end - n.start > end - at && !n.projects.includes(i));
  const holds = (name: string) => holdsName(t, name, free);
  const cover = coverage(index, i, scope.grams);
  // A place alone (青山, 东湖高新 in a company's name) names no project; with the project's plot right
  // after it (青山K6地块, 东湖高新片D1) it does, as a name many projects share.
  /** Whether plot code `c` stands among the `width` characters after `end`; the project's code there, if any. */
  const plotAt = (c: string, end: number, width: number) => t.slice(end, end + width).toUpperCase().includes(c);
  const plotWithin = (end: number, width: number) => p.plots.find((c) => plotAt(c, end, width));
  const plotAfter = (at: number, end: number) => free(at, end) && plotWithin(end, 4) !== undefined;
  // So does a road called after it with the plot soon after (沁湖路北边的K1地块 for 沁湖K1地块).
  const roadThenPlot = () => p.roads.some((r) => {
    if (!r.startsWith(p.core)) return false;
    for (let at = t.indexOf(r); at !== -1; at = t.indexOf(r, at + 1)) {
      if (free(at, at + r.length) && plotWithin(at + r.length, 8) !== undefined) return true;
    }
    return false;
  });
  if (p.placeOnly && p.plots.length > 0 ? holdsName(t, p.core, plotAfter) || roadThenPlot() : holds(p.core) || (p.plots.length > 0 && roadThenPlot())) {
    // Said with its plot (沁湖K3地块), the core names the projects with that plot only.
    const plot = p.plots.find((c) => holdsName(t, p.core, (at, end) => free(at, end) && plotAt(c, end, 4)));
    const df = plot ? index.corePlotDf(i, plot) : index.coreDf(i, district === 'agree');
    exact(plot ? `${p.core}${plot}` : p.core, 'core', df, p.genericCore && !plot);
  }
  for (const said of p.said) {
    if (!holds(said)) continue;
    const df = index.pieceDf('estate', said);
    exact(said, 'said', df);
  }
  for (const e of p.estates) {
    if (!holds(e)) continue;
    const df = index.pieceDf('estate', e);
    exact(e, 'estate', df);
  }
  // Works named by a place or brand and what they are, said with any word for that kind
  // (藏龙大道管廊 for 藏龙大道综合管廊, 华中生物科技厂 for 华中生物科技厂房扩建).
  const own = index.kinds[i] ?? null;
  if (p.stem && own) {
    for (let at = t.indexOf(p.stem); at !== -1; at = t.indexOf(p.stem, at + 1)) {
      const said = kindsSaidAt(t, at, at + p.stem.length);
      if (!kindAgrees(said, own) || !free(at, at + p.stem.length)) continue;
      // Shown as written, to the word for what stands there (黄家湖要建的那个垃圾站).
      const word = kindWordAfter(t, at + p.stem.length);
      exact(word ? t.slice(at, word.end) : p.stem, 'said', index.stemDf(p.stem, own));
      break;
    }
  }
  // A brand with what stands there (荣华的厂, 光明工厂), where the brand has few works of that kind.
  if (own) {
    // (Not a brand that is also such a word: 绿地's 绿地 is a green space.)
    for (const b of [...p.brands, ...(p.brandShort ? [p.brandShort] : [])].filter((x) => !isKindWord(x))) {
      const at = t.indexOf(b);
      const word = at === -1 ? null : kindWordAfter(t, at + b.length);
      if (!word || !kindAgrees(word.kinds, own)) continue;
      const df = index.brandKindDf(b, own);
      if (df <= RARE_CORE) exact(t.slice(at, word.end), 'said', df);
      break;
    }
  }
  // A road's works named as the stretch they run (白沙洲大道到卓刀泉路那段): the name people give them.
  if (p.stretch) {
    const stretch = stretchIn(t, p.stretch[0], p.stretch[1]);
    if (stretch) exact(t.slice(stretch.start, stretch.end), 'core', index.byStretchEnd(p.stretch[0]).filter((j) => index.byStretchEnd(p.stretch![1]).includes(j)).length);
  }
  // Names that are not part of one another (宗关 and 心语, not 国宾府 and 中建国宾府).
  const separate = matched.filter((x) => !matched.some((y) => y !== x && y.includes(x)));
  const alias: Level<'alias'> = new Set(separate).size >= 2 ? 'also' : 'none';
  if (alias === 'also') evidence.alias = separate.filter((x) => x !== evidence.name).join('、');
  // (Only a project the text names somewhere, by a name or a misheard one, can be named by a misheard one.)
  if (RANK[name] > RANK.near && spans.length > 0) {
    // A name written with one character misheard (青菱弯 for 青菱湾) says more than a name many projects carry.
    const near = p.genericCore ? null : nearMatch(t, p.core);
    const nearEstate = near ? null : p.estates.map((e) => ({ e, m: nearMatch(t, e) })).find((x) => x.m);
    if (near) [name, evidence.name, nameVia] = ['near', near.written, 'core'];
    else if (nearEstate) [name, evidence.name, nameVia] = ['near', `${nearEstate.m!.written}（${nearEstate.e}）`, 'estate'];
    if (name === 'near') delete tf.name;
  }
  if (name === 'none' && !p.genericCore && !t.includes(p.core)) {
    // (A core only inside a road or street's name, 龙阳 in 龙阳大道, is the place, not the project.)
    const run = rarestRun(index, i, t);
    if (run && run.df <= RARE_RUN && run.run.length >= 3) [name, evidence.name, nameVia] = ['most', run.run, 'core'];
    else if ((cover >= 0.34 && index.coreGrams(i).total >= MIN_CORE_INFO) || (run && run.df <= COMMON_RUN)) {
      [name, evidence.name, nameVia] = ['some', run ? run.run : `${p.core}（${Math.round(cover * 100)}%）`, 'core'];
    }
  }

  const inScope = spans.filter((s) => s.start >= scope.from && s.end <= scope.to);
  // (Only where the text names it: a core at the start of a road's name, 沁湖 of 沁湖路, is no mention.)
  const role: Level<'role'> = name === 'none' && key === 'none' ? 'none'
    : inScope.some((s) => s.role === 'title' || s.role === 'heading') ? 'heading' : inScope.length > 0 ? 'body' : 'none';

  let brand: Level<'brand'> = p.brands.length === 0 ? 'absent' : 'none';
  // A brand that is also a word (绿地, as in 公园绿地) counts only right before one of the project's names.
  const brandHit = p.brands.find((b) => (isKindWord(b) ? [p.core, ...p.said, ...p.estates].some((n) => t.includes(b + n)) : t.includes(b)));
  if (brandHit) {
    [brand, evidence.brand] = ['whole', brandHit];
    tf.brand = index.pieceDf('brand', brandHit) / index.meanDf.brand;
  } else if (p.brandShort && spans.some((s) => all.slice(Math.max(scope.from, s.start - 3), s.start + p.brandShort!.length).includes(p.brandShort!))) {
    [brand, evidence.brand] = ['short', p.brandShort];
  }

  let road: Level<'road'> = p.roads.length === 0 ? 'absent' : 'none';
  const roadHits = p.roads.filter((r) => t.includes(r));
  if (roadHits.length > 0) {
    [road, evidence.road] = [roadHits.length >= 2 ? 'two' : 'one', roadHits.join('、')];
    tf.road = Math.min(...roadHits.map((r) => index.pieceDf('road', r))) / index.meanDf.road;
  }

  let street: Level<'street'> = p.street ? 'none' : 'absent';
  // (Only the street's whole name: the area it is called after, 青菱 of 青菱街道 or 沌阳 of 沌阳大道, is
  // what letters say to place any site around, and weighed as the street it cost precision at 10k projects.)
  if (p.street && t.includes(p.street)) {
    [street, evidence.street] = ['agree', p.street];
    tf.street = index.pieceDf('street', p.street) / index.meanDf.street;
  }

  const around = near(all, scope, spans) ?? t;
  const plotsStated = plotsIn(around);
  const phasesStated = phasesIn(around);
  const plot = agreement(plotsStated, p.plots);
  const phase = agreement(phasesStated, p.phases);
  if (plot !== 'not_stated') evidence.plot = plotsStated.join('、');
  if (phase !== 'not_stated') evidence.phase = phasesStated.map((n) => `${n}期`).join('、');

  // What the text says stands there, right at the name (王家墩那块地, 荣华的厂), against what the project is.
  const upTo = all.slice(0, scope.to);
  // (A kind word inside the core itself, 公园 of an estate called 公园里, says nothing the name does not:
  // only a word after it does, `公园里的门球场` none.)
  const said = new Set(spans.filter((s) => s.start >= scope.from && s.end <= scope.to)
    .flatMap((s) => (p.core.includes(all.slice(s.start, s.end)) ? kindWordAfter(upTo, s.end)?.kinds ?? [] : kindsSaidAt(upTo, s.start, s.end))));
  const kind: Level<'kind'> = own === null || said.size === 0 ? 'not_stated' : kindAgrees(said, own) ? 'agree' : 'differs';
  if (kind !== 'not_stated') evidence.kind = [...said].map((k) => KIND_LABELS[k]).join('、');

  // Letters come while a project is planned and built, 公文 and minutes while it is decided on.
  let when: Level<'when'> = 'not_stated';
  if (at !== null && p.from !== null && p.until !== null) {
    when = at < p.from - EARLY_MS ? 'before' : at > p.until + LATE_MS ? 'after' : 'during';
    evidence.when = new Date(at).toISOString().slice(0, 10);
  }

  const office: Level<'office'> = officeDistrict === null || p.district === null ? 'not_stated' : officeDistrict === p.district ? 'agree' : 'differs';
  if (office !== 'not_stated') evidence.office = officeDistrict!;

  return { levels: { key, name, alias, role, brand, road, street, plot, phase, district, kind, when, office }, evidence, tf, nameVia };
}
