/**
 * What kind of works a project is, and what kind a text says a site is: people name a site by
 * a place and what stands there (`王家墩那块地`, `涨渡湖的公租房`, `荣华的厂`, `高新大道那座桥`), so
 * the kind beside a place or brand tells which of the projects there is meant. The words are the
 * bureau's and citizens' usual ones, as data; the first kind whose word a name holds is its kind.
 * Pure.
 */

export const KIND_WORDS = {
  // Housing the city provides comes in two kinds people keep apart: rented (公租房) and given back to
  // those whose homes were taken (还建房, 安置房). 保障房 covers both (see BROAD_WORDS).
  rental: ['公共租赁住房', '公租房', '廉租房', '人才公寓', '租赁住房'],
  resettlement: ['还建房', '还建楼', '还建小区', '还建', '安置房', '安置小区', '回迁房', '经济适用房'],
  affordable: ['保障性住房', '保障房', '保障性安居工程'],
  land: ['土地储备', '土地征收', '集体土地', '征收储备', '征地项目', '那块地', '那片地', '征地'],
  industrial: ['厂房', '产业园', '生产基地', '研发中心', '研发楼', '工厂', '的厂', '厂区', '车间', '厂'],
  school: ['一贯制学校', '学校', '小学', '中学', '初中', '幼儿园', '校区'],
  hospital: ['医院', '卫生服务中心', '卫生院', '保健院', '门诊'],
  bridge: ['桥梁', '立交', '那座桥', '大桥', '高架'],
  metro: ['轨道交通', '地铁站', '地铁', '号线', '车站'],
  pipeline: ['雨污分流', '管网', '管廊', '污水处理厂', '污水厂', '给水', '自来水管', '供水管', '燃气管', '水管', '排水'],
  power: ['输变电', '变电站', '千伏', '电站', '高压线'],
  park: ['湿地公园', '体育公园', '公园', '绿道', '绿地'],
  // What citizens most often write against being built near them, beside 变电站.
  sanitation: ['垃圾转运站', '垃圾中转站', '垃圾处理厂', '垃圾焚烧厂', '垃圾焚烧发电厂', '垃圾站', '转运站', '公共厕所', '公厕'],
  parking: ['停车场', '停车楼', '公交场站', '公交首末站', '充电站'],
  market: ['农贸市场', '菜市场', '集贸市场'],
  civic: ['派出所', '社区服务中心', '党群服务中心', '养老服务中心', '文化活动中心', '服务中心'],
  road: ['道路工程', '综合整治', '快速化', '拓宽'],
  commercial: ['国际广场', '商业中心', '金融中心', '广场', '大厦', '总部', '写字楼', '商场'],
  housing: ['小区', '住宅', '楼盘', '花园', '公寓', '地块'],
} as const;

export type ProjectKind = keyof typeof KIND_WORDS;
const KINDS = Object.keys(KIND_WORDS) as ProjectKind[];

const NAMED_WHOLE: ReadonlySet<string> = new Set(['sanitation', 'parking', 'market']);
/** The words for those facilities, longest first. */
const FACILITY_WORDS: readonly string[] = [...NAMED_WHOLE].flatMap((k) => KIND_WORDS[k as ProjectKind] as readonly string[]).sort((a, b) => b.length - a.length);

/** Words at a name's end that say what kind of works it is, longest first: stripped to find the name's core. */
export const KIND_TAILS: readonly string[] = [...new Set([
  // (花园 and 公寓 end an estate's own name, 常青花园, and are not stripped.)
  // (Nor is a single character, 厂: 水厂 and 药厂 are names.)
  // (Nor are the facilities people write against, 垃圾转运站, 停车场: a text names them without the
  // place, `小区楼下要建垃圾转运站`, and they are most of what the name says.)
  ...Object.entries(KIND_WORDS).filter(([k]) => !NAMED_WHOLE.has(k)).flatMap(([, ws]) => ws)
    .filter((w) => !w.startsWith('的') && !w.startsWith('那') && w !== '花园' && w !== '公寓' && w.length >= 2),
  '城中村改造', '村集体土地征收', '土地征收储备', '城中村改造土地储备', '片区', '快速化改造', '拓宽改造', '新建', '扩建', '改扩建',
  '综合管廊', '初级中学', '九年一贯制学校', '社区卫生服务中心',
])].sort((a, b) => b.length - a.length);

/**
 * The place a facility kept whole in its name stands at (黄家湖 of 黄家湖垃圾转运站), or null:
 * people say it with any word for that facility (`黄家湖要建的那个垃圾站`).
 */
export function facilityPlace(core: string): string | null {
  const word = FACILITY_WORDS.find((w) => core.endsWith(w) && core.length - w.length >= 2);
  return word ? core.slice(0, -word.length) : null;
}

const WORDS: ReadonlySet<string> = new Set(Object.values(KIND_WORDS).flat());
/** Whether `s` is one of the kind words (绿地, 广场): a brand spelt so is also an ordinary word. */
export const isKindWord = (s: string): boolean => WORDS.has(s);

/** Every kind word, longest first, as one pattern: the longest word at each place says it (还建小区, not 小区). */
const ANY_WORD = new RegExp(Object.values(KIND_WORDS).flat().sort((a, b) => b.length - a.length).join('|'), 'g');

/**
 * The kind a project name says, or null. A Chinese name ends with what the thing is, so the last
 * kind word decides: 翡翠公园小区四期 is housing (an estate called 翡翠公园), 九峰B2地块研发楼 industrial.
 */
export function kindOfName(name: string): ProjectKind | null {
  const last = lastKindWord(name);
  return last === null ? null : KINDS.find((k) => (KIND_WORDS[k] as readonly string[]).includes(last)) ?? null;
}

/** Whether a kind word in `text` ends before its end (`医院医` of 人民医院医技楼: from what the works are into another word). */
export function kindWordInside(text: string): boolean {
  for (const m of text.matchAll(ANY_WORD)) if (m.index + m[0].length < text.length) return true;
  return false;
}

/** Whether `text` is a word for a facility kept whole in names (垃圾转运站, 转运站, 停车场). */
export function isFacilityWord(text: string): boolean {
  return FACILITY_WORDS.includes(text);
}

/** `text` without its kind words (第三中学 → 第三). */
export function withoutKindWords(text: string): string {
  return text.replace(ANY_WORD, '');
}

/** The last kind word in `text` (the longest at each place), or null. */
function lastKindWord(text: string): string | null {
  let last: string | null = null;
  for (const m of text.matchAll(ANY_WORD)) last = m[0];
  return last;
}

/** Whether what a text says stands at a place (`said`) fits a project of kind `own`: 公租房 is a kind of 保障房. */
export function kindAgrees(said: Iterable<ProjectKind>, own: ProjectKind): boolean {
  for (const k of said) if (k === own || (own === 'affordable' && (k === 'rental' || k === 'resettlement'))) return true;
  return false;
}

/** Words that say what is done at a site rather than what stands there (`X征地时`, `X土地征收范围`). */
const ACTIONS: ReadonlySet<string> = new Set(['征地', '土地征收']);

const SAID = new RegExp(KINDS.flatMap((k) => KIND_WORDS[k]).filter((w) => !ACTIONS.has(w)).sort((a, b) => b.length - a.length).join('|'), 'g');
const KIND_OF_WORD = new Map<string, ProjectKind[]>();
for (const k of KINDS) for (const w of KIND_WORDS[k]) KIND_OF_WORD.set(w, [...(KIND_OF_WORD.get(w) ?? []), k]);
/** Words that name a family of kinds: 保障房 is said of 公租房 and of 还建房 alike. */
const BROAD_WORDS: Record<string, ProjectKind[]> = { 保障性住房: ['rental', 'resettlement'], 保障房: ['rental', 'resettlement'], 保障性安居工程: ['rental', 'resettlement'] };
for (const [w, ks] of Object.entries(BROAD_WORDS)) KIND_OF_WORD.set(w, [...KIND_OF_WORD.get(w)!, ...ks]);

/** The kinds a stretch of text names (`那块地` → land; `的公租房` → affordable). */
export function kindsIn(text: string): ProjectKind[] {
  const out = new Set<ProjectKind>();
  // The longest word at each place says it: 还建小区 is 还建房, not also 小区's 住宅.
  for (const m of text.matchAll(SAID)) for (const k of KIND_OF_WORD.get(m[0])!) out.add(k);
  return KINDS.filter((k) => out.has(k));
}

/**
 * What may stand between a name and the word for what stands there: 涨渡湖的公租房, 五里界村还建楼,
 * 东湖印三期的工地, 民族大道上的地铁站, 黄家湖要建的那个垃圾站, 杨桥湖大道那边挖管廊.
 */
const GAP = new RegExp('^(?:[一二三四五六七八九十\\d]{1,2}期|[A-Za-z]\\d{0,2}(?:号?地块)?)?' +
  '(?:的|那个|这个|那边的|上的|村|片区|片|新建的|新建|新|在建的|在建)?' +
  // Where, and the works going on there: 那边挖管廊, 这边正在修的地铁站.
  '(?:(?:那边|这边|那里|这里|一带)(?:正在|在)?(?:挖|修|建|搞|开挖)(?:的)?)?' +
  '(?:要建的|要修的|准备建的|准备修的|拟建的|规划的|新修的)?(?:那个|这个|那座|这座)?');
const WORD_AT = new RegExp(`^(?:${ANY_WORD.source})`);

/** The word for what stands at a name ending at `end` (`涨渡湖的公租房`, `解放大道地铁站`): its kinds and where it ends, or null. */
export function kindWordAfter(text: string, end: number): { kinds: ProjectKind[]; end: number } | null {
  const rest = text.slice(end, end + 16);
  let word = WORD_AT.exec(rest)?.[0];
  let at = end;
  if (!word) {
    at += GAP.exec(rest)![0].length;
    word = WORD_AT.exec(text.slice(at, at + 8))?.[0];
  }
  return word ? { kinds: kindsIn(word), end: at + word.length } : null;
}

/**
 * What a text says stands at a name it mentions (`text[start, end)`): the kind word right after it
 * (`涨渡湖的公租房`, `解放大道地铁站`), else the last kind word of the mention itself (九峰商业中心).
 * Only right there: in `庙山藏龙大道管廊` the 管廊 is 藏龙大道's, not 庙山's.
 */
export function kindsSaidAt(text: string, start: number, end: number): ProjectKind[] {
  const after = kindWordAfter(text, end);
  if (after) return after.kinds;
  const last = lastKindWord(text.slice(start, end));
  return last === null ? [] : kindsIn(last);
}
