/**
 * How officers say a project: the pieces of a registered name (district prefix, works words,
 * phases, plots, bracketed parts), the abbreviations they use, the ways they type a project
 * number, traditional and full-width script, and what they call builders and places. Pure
 * string functions over the generator's own vocabulary; officer-query-classes.ts combines them.
 */
import * as OpenCC from 'opencc-js';
import { BRANDS, INDUSTRIES, LOCAL_TRADE_NAMES } from './builder-vocabulary.ts';
import type { Rng } from './rng.ts';
import { DISTRICTS } from './wuhan-places.ts';

/**
 * Where a piece of a query must be found for a project to be meant: `name` covers the registered
 * name, `estate_name` and `aliases`; `brand` is what the builder is known by (万科, 福星惠誉 and
 * 福星, 宏泰) and the brand an estate is sold under, matched whole.
 */
export type Field = 'name' | 'builder' | 'brand' | 'address' | 'district' | 'no';

export type PieceKind = 'city' | 'district' | 'text' | 'phase' | 'plot' | 'bracket' | 'xiaoqu' | 'works';

/**
 * A piece of a name: its text as registered, what the officer says for it, and the strings of
 * which a project's `in` fields must hold one for the piece to denote it.
 */
export interface Piece {
  kind: PieceKind;
  text: string;
  say: string;
  any: string[];
  in: readonly Field[];
  keep: boolean;
}

const NAME: readonly Field[] = ['name'];

const DISTRICT_LABELS: [string, string][] = [
  ...DISTRICTS.map((d) => [d.full, d.short] as [string, string]),
  ['东湖高新区', '东湖'],
];
const DISTRICT_PREFIX = new RegExp(`^(${DISTRICT_LABELS.map(([l]) => l).sort((a, b) => b.length - a.length).join('|')})`);

/** Works words at the end of a registered name; officers leave them out. One is cut, the longest. */
const WORKS = [
  '提标改造工程', '综合整治工程', '拓宽改造工程', '改扩建工程', '扩建工程', '新建工程', '改造工程', '道路工程', '桥梁工程',
  '新建项目', '建设项目', '开发项目', '住宅项目', '工程', '项目',
].sort((a, b) => b.length - a.length);

const SPECIAL = /([（(][^（）()]*[）)])|([一二三四五六七八九十]+期)|([A-Z]\d{0,2}号?地块|[A-Z]\d{1,2}|[A-Z]包)|(小区)/g;

function piece(kind: PieceKind, text: string, inFields: readonly Field[] = NAME): Piece {
  return { kind, text, say: text, any: [text], in: inFields, keep: true };
}

/** The pieces of a registered name, in order; joined, their texts are the name. */
export function cutName(name: string): Piece[] {
  const out: Piece[] = [];
  let rest = name;
  if (rest.startsWith('武汉市')) {
    out.push(piece('city', '武汉市'));
    rest = rest.slice(3);
  }
  const d = DISTRICT_PREFIX.exec(rest);
  if (d) {
    const short = DISTRICT_LABELS.find(([l]) => l === d[1])![1];
    out.push({ ...piece('district', d[1]!, ['district']), any: [short] });
    rest = rest.slice(d[1]!.length);
  }
  const works = WORKS.find((w) => rest.endsWith(w) && rest.length > w.length + 1);
  if (works) rest = rest.slice(0, -works.length);
  const text = (t: string, beforePhase: boolean) => {
    // 还建房项目一期: the works word sits before the phase.
    const w = beforePhase ? WORKS.find((x) => t.endsWith(x) && t.length > x.length + 1) : undefined;
    out.push(piece('text', w ? t.slice(0, -w.length) : t));
    if (w) out.push(piece('works', w));
  };
  let at = 0;
  for (const m of rest.matchAll(SPECIAL)) {
    if (m.index > at) text(rest.slice(at, m.index), !m[1] && !m[4]);
    const kind: PieceKind = m[1] ? 'bracket' : m[2] ? 'phase' : m[3] ? 'plot' : 'xiaoqu';
    out.push(piece(kind, m[0]));
    at = m.index + m[0].length;
  }
  if (at < rest.length) text(rest.slice(at), false);
  if (works) out.push(piece('works', works));
  return out;
}

/** What an officer types for a district: 江夏, sometimes 江夏区; 光谷 or 东湖高新 for the high-tech zone. */
export function districtSay(short: string, rng: Rng): string {
  if (short === '东湖') return rng.pick(['光谷', '光谷', '东湖高新', '高新区']);
  return rng.chance(0.85) ? short : `${short}区`;
}

interface Abbreviation {
  re: RegExp;
  /** `$1` is the first group. */
  say: readonly string[];
  /** What a project's name must hold instead of the matched text (default: the matched text or any `say`). */
  canon?: readonly string[];
}

/** Long forms in registered names and what officers say instead. */
export const ABBREVIATIONS: readonly Abbreviation[] = [
  { re: /公共租赁住房/, say: ['公租房'] },
  { re: /保障性住房/, say: ['保障房'] },
  { re: /污水处理厂/, say: ['污水厂'] },
  { re: /(\d+)千伏输变电/, say: ['变电站', '$1kV变电站', '$1千伏变电站', '$1变电站', '$1KV变电站'], canon: ['输变电', '变电站'] },
  { re: /妇幼保健院/, say: ['妇幼'] },
  { re: /中医医院/, say: ['中医院'] },
  { re: /社区卫生服务中心/, say: ['卫生服务中心', '社区卫生中心'] },
  { re: /九年一贯制学校/, say: ['九年一贯制'] },
  { re: /初级中学/, say: ['初中'] },
  { re: /综合管廊/, say: ['管廊'] },
  { re: /轨道交通(\d+号线|阳逻线)/, say: ['地铁$1', '$1', '轨交$1'], canon: ['$1'] },
  { re: /互通立交/, say: ['立交', '立交桥'], canon: ['立交'] },
  { re: /村城中村改造还建房/, say: ['还建房', '村还建房', '城改还建房'], canon: ['还建房'] },
  { re: /城中村改造/, say: ['城改'] },
  { re: /社区党群服务中心/, say: ['党群中心', '党群服务中心'], canon: ['党群'] },
  { re: /养老服务中心/, say: ['养老中心'] },
  { re: /文化活动中心/, say: ['文化中心'] },
  { re: /派出所业务用房/, say: ['派出所'] },
  { re: /1:500数字地形图更新测绘/, say: ['地形图更新', '1:500地形图更新'], canon: ['地形图更新'] },
  { re: /地下管线普查/, say: ['管线普查'] },
  { re: /三维实景建模/, say: ['实景三维', '三维建模'], canon: ['三维实景建模'] },
  { re: /第([一二三四五六七八九十]+)中学/, say: ['$1中'], canon: ['第$1中学'] },
  { re: /门诊综合楼/, say: ['门诊楼'] },
  { re: /生物医药|生物科技|生物技术/, say: ['生物'], canon: ['生物'] },
  { re: /光电科技/, say: ['光电'], canon: ['光电'] },
];

/** True when some part of the name has a short form officers use. */
export function canAbbreviate(name: string): boolean {
  return ABBREVIATIONS.some((a) => a.re.test(name));
}

const fill = (s: string, m: RegExpExecArray) => s.replace(/\$1/g, m[1] ?? '');

/**
 * Splits text pieces where an abbreviation applies; the abbreviated part says the short form and
 * denotes projects holding the long form or the short one.
 */
export function abbreviate(pieces: Piece[], rng: Rng): { pieces: Piece[]; applied: number } {
  const out: Piece[] = [];
  let applied = 0;
  for (const p of pieces) {
    let rest = p;
    if (p.kind !== 'text' || !p.keep) {
      out.push(p);
      continue;
    }
    for (;;) {
      const hit = ABBREVIATIONS.map((a) => ({ a, m: a.re.exec(rest.text) })).filter((x) => x.m).sort((x, y) => x.m!.index - y.m!.index)[0];
      if (!hit) break;
      const m = hit.m!;
      const say = fill(rng.pick(hit.a.say), m);
      const canon = hit.a.canon ? hit.a.canon.map((c) => fill(c, m)) : [m[0], ...hit.a.say.map((s) => fill(s, m))];
      if (m.index > 0) out.push(piece('text', rest.text.slice(0, m.index)));
      out.push({ kind: 'text', text: m[0], say, any: [...new Set(canon)], in: NAME, keep: true });
      applied += 1;
      rest = piece('text', rest.text.slice(m.index + m[0].length));
    }
    if (rest.text) out.push(rest);
  }
  return { pieces: out, applied };
}

const CN_DIGITS = '一二三四五六七八九十';

/** 二期 → 2期 now and then; K3地块 → K3, k3 or K3号地块; A地块 → A块. The piece still denotes what was registered. */
export function respell(p: Piece, rng: Rng): Piece {
  if (p.kind === 'phase') {
    const n = CN_DIGITS.indexOf(p.text.slice(0, -1)) + 1;
    const say = n > 0 && rng.chance(0.35) ? `${n}期` : p.text;
    return { ...p, say };
  }
  if (p.kind !== 'plot') return p;
  const m = /^([A-Z])(\d{0,2})(号?地块|包)?$/.exec(p.text);
  if (!m) return p;
  const [, letter, digits, tail] = m;
  const core = `${letter}${digits}`;
  if (!digits) return { ...p, say: tail === '包' ? p.text : rng.pick([p.text, `${letter}块`]), any: [p.text] };
  const say = rng.pick([`${core}地块`, core, core, core.toLowerCase(), `${core}号地块`]);
  return { ...p, say, any: [core] };
}

/** A project number as officers type it: spaced, dashed, lower case, full-width. */
export function looseNumber(no: string, rng: Rng): string {
  const m = /^([A-Z]{2})([A-Z]{2})(\d{4})(\d{4})$/.exec(no);
  if (!m) return no.toLowerCase();
  const [, d, t, year, serial] = m as unknown as [string, string, string, string, string];
  const forms = [
    `${d}${t} ${year} ${serial}`, `${d}${t}-${year}-${serial}`, `${d}${t}${year}-${serial}`, `${d}${t} ${year}${serial}`,
    `${d} ${t} ${year} ${serial}`, `${d}${t}${year}${serial}`.toLowerCase(), `${d}${t} ${year} ${serial}`.toLowerCase(),
    `${d}${t}-${year}${serial}`.toLowerCase(), toFullWidth(`${d}${t}${year}${serial}`), `${d}${t}${toFullWidth(year + serial)}`,
    toFullWidth(`${d}${t} ${year} ${serial}`.toLowerCase()), `${d}${t}${year}${serial}`.replace(/^(..)/, (x) => x.toLowerCase()),
  ];
  return rng.pick(forms);
}

/** Printable ASCII → full-width forms (ＪＸＡＡ２０１９, Ｋ３), space → ideographic space. */
export function toFullWidth(s: string): string {
  return s.replace(/[\x20-\x7e]/g, (c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

let converters: { tw: (s: string) => string; hk: (s: string) => string } | undefined;

/** Traditional characters as written in Taiwan or Hong Kong (OpenCC's phrase tables). */
export function toTraditional(s: string, locale: 'tw' | 'hk'): string {
  converters ??= { tw: OpenCC.Converter({ from: 'cn', to: 'tw' }), hk: OpenCC.Converter({ from: 'cn', to: 'hk' }) };
  return converters[locale](s);
}

/** A way to refer to a builder: what is said, and the text of the builder's name that says it. */
export interface Nickname {
  say: string;
  any: string;
}

/** How industries are shortened in speech; each is part of the industry's own name. */
const INDUSTRY_SAY: Readonly<Record<string, string>> = {
  光电科技: '光电', 汽车零部件: '汽车零部件', 生物医药: '生物', 电子信息: '电子', 精密机械: '精密机械', 食品: '食品', 新材料: '新材料',
  智能装备: '智能装备', 物流: '物流', 包装印刷: '印刷', 环保科技: '环保', 光纤通信: '光纤', 医疗器械: '医疗器械', 钢结构: '钢结构',
  激光设备: '激光', 集成电路: '集成电路', 生物科技: '生物', 生物技术: '生物',
};

const INSTITUTIONS: readonly [RegExp, readonly string[], string][] = [
  [/^武汉地铁集团/, ['地铁集团', '武汉地铁'], ''],
  [/水务集团/, ['水务集团', '水务'], ''],
  [/供电公司$/, ['供电公司', '武汉供电', '国网'], ''],
  [/^武汉市城市建设投资开发集团/, ['武汉城投', '市城投'], '城市建设投资开发集团'],
  [/^武汉市(.+?)城市建设投资开发有限公司$/, ['$1城投'], '$1城市建设投资'],
  [/^武汉东湖新技术开发区(教育局|卫生健康局)$/, ['东湖高新$1', '高新区$1'], '东湖新技术开发区$1'],
  [/^武汉市(.+?)区教育局$/, ['$1教育局', '$1区教育局'], '$1区教育局'],
  [/^武汉市(.+?)区卫生健康局$/, ['$1卫健局', '$1区卫健局'], '$1区卫生健康局'],
  [/园林和林业局/, ['园林局', '市园林局'], '园林和林业局'],
  [/土地整理储备中心/, ['土储中心', '储备中心'], '土地整理储备中心'],
  [/测绘研究院/, ['测绘院'], '测绘研究院'],
  [/市政建设集团/, ['市政集团'], '市政建设集团'],
  [/统建城市开发/, ['统建'], '统建城市开发'],
];

/** The brand a company is known by (万科, 福星惠誉 / 福星, 宏泰), with the industry of a factory. */
export function builderBrand(builder: string): { brands: Nickname[]; industry: Nickname | null } {
  let best: { at: number; says: string[] } | null = null;
  // The brand opens the company's name, after the city: 武汉东湖高新城市建设… is no 新城.
  const rest = builder.replace(/^(武汉市|武汉|湖北)/, '');
  for (const spec of BRANDS) {
    if (![spec.brand, spec.short].some((b) => rest.startsWith(b) || builder.startsWith(b))) continue;
    // 福星惠誉 is also 福星; 武汉地产 is never just 武汉.
    const nickname = spec.short.length >= 4 && !spec.short.startsWith('武汉') ? spec.short.slice(0, 2) : spec.short;
    const says = [...new Set([spec.brand, spec.short, nickname])].filter((s) => builder.includes(s));
    const at = Math.min(...says.map((s) => builder.indexOf(s)));
    if (!best || at < best.at) best = { at, says };
  }
  let brands: Nickname[] = best ? best.says.map((s) => ({ say: s, any: s })) : [];
  const trade = /^(?:武汉|湖北)(..)/.exec(builder)?.[1];
  if (!best && trade && LOCAL_TRADE_NAMES.includes(trade)) brands = [{ say: trade, any: trade }];
  const industry = INDUSTRIES.filter((i) => builder.includes(i)).sort((a, b) => b.length - a.length)[0];
  return { brands, industry: industry ? { say: INDUSTRY_SAY[industry] ?? industry, any: INDUSTRY_SAY[industry] ?? industry } : null };
}

/** What officers call a public body: 江夏城投, 水务集团, 江夏教育局. */
export function institutionNicknames(builder: string): Nickname[] {
  for (const [re, says, any] of INSTITUTIONS) {
    const m = re.exec(builder);
    if (!m) continue;
    const f = (s: string) => s.replace(/\$1/g, m[1] ?? '');
    return says.map((s) => ({ say: f(s), any: any ? f(any) : f(s) }));
  }
  return [];
}

const ROADS = [...new Set(DISTRICTS.flatMap((d) => d.roads))].sort((a, b) => b.length - a.length);
const LANDMARKS = [...new Set(DISTRICTS.flatMap((d) => d.landmarks))].sort((a, b) => b.length - a.length);

/** Roads in the address and landmarks (lakes, neighbourhoods) in the names or address. */
export function placesOf(names: readonly string[], address: string): { roads: string[]; landmarks: string[] } {
  const text = [...names, address].join('\n');
  return { roads: ROADS.filter((r) => address.includes(r)), landmarks: LANDMARKS.filter((l) => text.includes(l)) };
}

/** For comparing a query with a name: width, case, spaces and separators do not count. */
export function compact(s: string): string {
  return s.normalize('NFKC').replace(/[\s·•・．.\-—_]/g, '').toLowerCase();
}
