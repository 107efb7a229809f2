/**
 * The kinds of query officers type for a project (issue #10), each drawn from one project the
 * way a person would say it. A draft says what was typed and, piece by piece, what a project's
 * fields must hold to be what the officer meant (officer-queries.ts finds every such project).
 */
import type { Rng } from './rng.ts';
import {
  abbreviate, builderBrand, canAbbreviate, compact, cutName, districtSay, institutionNicknames, looseNumber, placesOf, respell, toFullWidth, toTraditional,
} from './officer-speech.ts';
import type { Field, Nickname, Piece } from './officer-speech.ts';

export const QUERY_CLASSES = [
  'short_name', 'name_and_builder', 'abbreviation', 'bracket_fragment', 'loose_number', 'sales_name', 'brand_and_place',
  'phase_and_plot', 'traditional_fullwidth',
] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

/** A project as projects.jsonl holds it; only these fields are read. */
export interface OfficerProject {
  project_no?: string | null;
  name: string;
  builder?: string | null;
  address?: string | null;
  district?: string | null;
  estate_name?: unknown;
  aliases?: unknown;
}

/** One part of a query: a project is meant when one of `any` occurs in one of its `in` fields. */
export interface Unit {
  any: string[];
  in: readonly Field[];
}

export interface Draft {
  q: string;
  units: Unit[];
}

interface ClassSpec {
  eligible(p: OfficerProject): boolean;
  draft(p: OfficerProject, rng: Rng): Draft | null;
}

export function estateOf(p: OfficerProject): string | null {
  return typeof p.estate_name === 'string' && p.estate_name ? p.estate_name : null;
}

export function aliasesOf(p: OfficerProject): string[] {
  return Array.isArray(p.aliases) ? p.aliases.filter((a): a is string => typeof a === 'string' && a.length > 0) : [];
}

/** Kept pieces in order: what is said, and units (contiguous plain pieces make one unit, so their order counts). */
function assemble(pieces: readonly Piece[], sep = ''): Draft {
  const units: Unit[] = [];
  const said: string[] = [];
  let run = '';
  const flush = () => {
    if (run) units.push({ any: [run], in: ['name'] });
    run = '';
  };
  for (const p of pieces) {
    if (!p.keep) {
      flush();
      continue;
    }
    said.push(p.say);
    const plain = p.in.length === 1 && p.in[0] === 'name' && p.text === p.say && p.any.length === 1 && p.any[0] === p.say;
    if (plain) run += p.say;
    else {
      flush();
      units.push({ any: p.any, in: p.in });
    }
  }
  flush();
  return { q: said.join(sep).trim(), units };
}

const keepIf = (p: Piece, keep: boolean): Piece => ({ ...p, keep });

/** The name without what officers leave out: district prefix (or its short form), works words, road sections, often 小区. */
function shortPieces(p: OfficerProject, rng: Rng, opts: { phases: number; brackets: number }): Piece[] {
  const out = cutName(p.name).map((x): Piece => {
    switch (x.kind) {
      case 'city':
      case 'works':
        return keepIf(x, false);
      case 'district':
        return rng.chance(0.45) ? { ...x, say: districtSay(x.any[0]!, rng) } : keepIf(x, false);
      case 'xiaoqu':
        return keepIf(x, rng.chance(0.4));
      case 'bracket':
        return keepIf(x, x.text.startsWith('（') ? rng.chance(opts.brackets) : false);
      case 'phase':
      case 'plot':
        return keepIf(x, rng.chance(opts.phases));
      default:
        return x;
    }
  });
  // Now and then the district is said though the name has none: 洪山 东南岸.
  if (!out.some((x) => x.kind === 'district') && p.district && rng.chance(0.15)) {
    out.unshift({ kind: 'district', text: '', say: districtSay(p.district, rng) + (rng.chance(0.5) ? ' ' : ''), any: [p.district], in: ['district'], keep: true });
  }
  return out;
}

/** Drops the builder's brand from the front of the name now and then: 万科中央公馆 → 中央公馆. */
function dropBrand(pieces: Piece[], p: OfficerProject, rng: Rng): Piece[] {
  const first = pieces.findIndex((x) => x.kind === 'text' && x.keep);
  if (first < 0 || !p.builder) return pieces;
  const brand = builderBrand(p.builder).brands.map((b) => b.say).sort((a, b) => b.length - a.length).find((b) => pieces[first]!.text.startsWith(b));
  if (!brand || pieces[first]!.text.length - brand.length < 2 || !rng.chance(0.35)) return pieces;
  const rest = pieces[first]!.text.slice(brand.length);
  return [...pieces.slice(0, first), { ...pieces[first]!, text: rest, say: rest, any: [rest] }, ...pieces.slice(first + 1)];
}

/** Not the registered name again, and something left to search for. */
function differs(d: Draft | null, p: OfficerProject): Draft | null {
  if (!d || compact(d.q).length < 2 || d.units.length === 0) return null;
  return compact(d.q) === compact(p.name) ? null : d;
}

const hasBrandOrTrade = (p: OfficerProject) => Boolean(p.builder && builderBrand(p.builder).brands.length > 0);

function shortName(p: OfficerProject, rng: Rng): Draft | null {
  const pieces = dropBrand(shortPieces(p, rng, { phases: 0.65, brackets: 0.4 }), p, rng);
  return differs(assemble(pieces), p);
}

/** Words that end a company's facility, as officers say them with the company: 宏泰研发, 宏泰厂房. */
const HEADS: readonly [string, string][] = [
  ['研发楼', '研发'], ['研发中心', '研发'], ['产业园', '产业园'], ['生产基地', '基地'], ['厂房扩建', '厂房'], ['总部基地', '总部'],
  ['商业中心', '商业中心'], ['金融中心', '金融中心'],
];

function nameAndBuilder(p: OfficerProject, rng: Rng): Draft | null {
  if (!p.builder) return null;
  const names = [p.name, estateOf(p) ?? '', ...aliasesOf(p)].join('\n');
  const { brands, industry } = builderBrand(p.builder);
  // Spread over name and builder: the builder's part must not be in the name already.
  if (brands.some((b) => names.includes(b.say))) return null;
  const nicks = [...brands, ...institutionNicknames(p.builder)].filter((n) => !names.includes(n.say));
  if (nicks.length === 0) return null;
  const nick: Nickname = rng.pick(nicks);
  const units: Unit[] = [brands.includes(nick) ? { any: [nick.say], in: ['brand'] } : { any: [nick.any], in: ['builder'] }];
  let who = nick.say;
  if (industry && !names.includes(industry.say) && brands.length > 0 && rng.chance(0.6)) {
    who += industry.say;
    units.push({ any: [industry.any], in: ['builder'] });
  }
  const texts = cutName(p.name).filter((x) => x.kind === 'text' && x.text.length >= 2);
  if (texts.length === 0) return null;
  const text = rng.chance(0.5) ? texts.at(-1)! : rng.pick(texts);
  let what = text.text;
  // A long name is cut to its place: 土储中心 塔子湖, not the whole 塔子湖村城中村改造土地储备.
  const place = placesOf([what], '').landmarks[0];
  if ([...what].length > 8 && place) what = place;
  // A company's 研发楼 is 研发 to an officer; a district body builds too many 小学 for the word alone.
  const head = brands.includes(nick) ? HEADS.find(([h]) => what.endsWith(h)) : undefined;
  if (head && (what.length > head[0].length + 3 || rng.chance(0.5))) what = rng.chance(0.5) ? head[1] : head[0];
  if (!p.name.includes(what)) return null;
  units.push({ any: [what], in: ['name'] });
  const q = rng.chance(0.7) ? `${who}${rng.chance(0.2) ? ' ' : ''}${what}` : `${what} ${who}`;
  return differs({ q, units }, p);
}

function abbreviation(p: OfficerProject, rng: Rng): Draft | null {
  const { pieces, applied } = abbreviate(shortPieces(p, rng, { phases: 0.7, brackets: 0.3 }), rng);
  if (applied === 0) return null;
  return differs(assemble(pieces), p);
}

function bracketFragment(p: OfficerProject, rng: Rng): Draft | null {
  const pieces = shortPieces(p, rng, { phases: 0.5, brackets: 1 });
  const at = pieces.findIndex((x) => x.kind === 'bracket');
  if (at < 0) return null;
  const inner = pieces[at]!.text.slice(1, -1);
  const section = /^(.+?)(?:-|至)(.+?)(段)?$/.exec(inner);
  if (section && pieces[at]!.text.startsWith('(')) {
    // A road section: 关山大道(卓刀泉路至白沙洲段) → 关山大道卓刀泉路至白沙洲段, 关山大道 白沙洲段.
    const [, a, b] = section as unknown as [string, string, string];
    const ends = rng.pick([[a, b], [a, b], [b], [a]]);
    const join = rng.pick(['至', '到', '-']);
    const say = ends.length === 2 ? `${a}${join}${b}${rng.chance(0.5) ? '段' : ''}` : `${ends[0]}段`;
    const before = pieces.slice(0, at).filter((x) => x.kind !== 'works');
    const sep = rng.chance(0.4) ? ' ' : '';
    const d = assemble(before, '');
    // The road as the one the section is of, and each end as the section has it: 拦江路 月湖段 is
    // not 墨水湖北路(拦江路至月湖段), nor 卓刀泉路 南湖大道段 the two roads' interchange.
    const road = d.units.at(-1);
    if (road && before.at(-1)?.kind === 'text') road.any = road.any.map((x) => `${x}(`);
    const endUnit = (e: string): Unit => ({ any: e === a ? [`(${a}`] : [`${b})`, `${b}段)`], in: ['name'] });
    return differs({ q: `${d.q}${sep}${say}`, units: [...d.units, ...ends.map(endUnit)] }, p);
  }
  // A part of a plot: 江夏区藏龙岛K4地块（地下空间） → 藏龙岛地下空间, 藏龙岛K4 地下空间.
  const open = pieces.map((x, i) => (i === at ? { ...x, say: inner, any: [inner] } : x));
  const sep = rng.chance(0.3) ? ' ' : '';
  const withoutPart = assemble(open.filter((_, i) => i !== at && i < at));
  const after = assemble(open.slice(at + 1));
  return differs({ q: `${withoutPart.q}${sep}${inner}${after.q}`, units: [...withoutPart.units, { any: [inner], in: ['name'] }, ...after.units] }, p);
}

function salesName(p: OfficerProject, rng: Rng): Draft | null {
  const estate = estateOf(p);
  const aliases = aliasesOf(p).filter((a) => !p.name.includes(a.replace(/小区$/, '')));
  const estateCore = estate ? estate.split('·').at(-1)! : null;
  const useEstate = estate && estateCore && !p.name.includes(estateCore) && (aliases.length === 0 || rng.chance(0.75));
  if (!useEstate) {
    if (aliases.length === 0) return null;
    const alias = rng.pick(aliases);
    const say = alias.endsWith('小区') && rng.chance(0.5) ? alias.slice(0, -2) : alias;
    return differs({ q: say, units: [{ any: [say], in: ['name'] }] }, p);
  }
  const dot = estate.indexOf('·');
  let brand = dot > 0 ? estate.slice(0, dot) : '';
  if (!brand && p.builder) brand = builderBrand(p.builder).brands.map((b) => b.say).find((b) => estate.startsWith(b)) ?? '';
  const core = estate.slice(brand.length).replace(/^·/, '');
  if (core.length < 2) return null;
  const roll = rng.next();
  const units: Unit[] = [{ any: [core], in: ['name'] }];
  if (!brand || roll < 0.15) return differs({ q: rng.chance(0.2) ? `${core}小区` : core, units }, p);
  // 福星惠誉 is said 福星; 武汉地产 is never just 武汉.
  const said = brand.length >= 4 && !brand.startsWith('武汉') && rng.chance(0.4) ? brand.slice(0, 2) : brand;
  units.unshift({ any: [said], in: ['brand'] });
  const sep = roll < 0.5 ? '·' : rng.pick(['', '', ' ', '•', '・', '-']);
  return differs({ q: `${said}${sep}${core}`, units }, p);
}

function brandAndPlace(p: OfficerProject, rng: Rng): Draft | null {
  if (!p.builder) return null;
  const names = [p.name, estateOf(p) ?? '', ...aliasesOf(p)];
  const brands = builderBrand(p.builder).brands;
  if (brands.length === 0) return null;
  const { roads, landmarks } = placesOf(names, p.address ?? '');
  const places = [...roads, ...landmarks, ...landmarks];
  if (places.length === 0) return null;
  const brand = rng.pick(brands).say;
  const place = rng.pick(places);
  const joined = names.join('\n');
  if (joined.includes(brand) && joined.includes(place) && rng.chance(0.7)) return null;
  const roll = rng.next();
  const q = roll < 0.5 ? `${brand}${place}` : roll < 0.75 ? `${brand} ${place}` : roll < 0.9 ? `${place}${brand}` : `${place} ${brand}`;
  return differs({ q, units: [{ any: [brand], in: ['brand'] }, { any: [place], in: ['name', 'address'] }] }, p);
}

function phaseAndPlot(p: OfficerProject, rng: Rng): Draft | null {
  const pieces = dropBrand(shortPieces(p, rng, { phases: 1, brackets: 0 }), p, rng).map((x) => respell(x, rng));
  if (!pieces.some((x) => (x.kind === 'phase' || x.kind === 'plot') && x.keep)) return null;
  return differs(assemble(pieces), p);
}

function traditionalFullwidth(p: OfficerProject, rng: Rng): Draft | null {
  const base = rng.chance(0.55) ? shortName(p, rng) : { q: p.name, units: [{ any: [p.name], in: ['name'] as const }] };
  if (!base) return null;
  const ascii = /[A-Za-z0-9]/.test(base.q);
  const roll = rng.next();
  const locale = rng.chance(0.6) ? 'tw' : 'hk';
  let q = ascii && roll < 0.35 ? toFullWidth(base.q) : toTraditional(base.q, locale);
  if (ascii && roll >= 0.8) q = toFullWidth(q);
  if (q === base.q) q = toFullWidth(q);
  return q === base.q || q === p.name ? null : { q, units: base.units };
}

export const CLASS_SPECS: Readonly<Record<QueryClass, ClassSpec>> = {
  short_name: { eligible: () => true, draft: shortName },
  name_and_builder: { eligible: (p) => Boolean(p.builder), draft: nameAndBuilder },
  abbreviation: { eligible: (p) => canAbbreviate(p.name), draft: abbreviation },
  bracket_fragment: { eligible: (p) => /[（(]/.test(p.name), draft: bracketFragment },
  loose_number: {
    eligible: (p) => Boolean(p.project_no),
    draft: (p, rng) => ({ q: looseNumber(p.project_no!, rng), units: [{ any: [p.project_no!], in: ['no'] }] }),
  },
  sales_name: { eligible: (p) => Boolean(estateOf(p)) || aliasesOf(p).length > 0, draft: salesName },
  brand_and_place: { eligible: hasBrandOrTrade, draft: brandAndPlace },
  phase_and_plot: { eligible: (p) => /[一二三四五六七八九十]期|[A-Z]\d{0,2}号?地块|[A-Z]\d|[A-Z]包/.test(p.name), draft: phaseAndPlot },
  traditional_fullwidth: { eligible: () => true, draft: traditionalFullwidth },
};
