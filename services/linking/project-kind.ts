/**
 * What kind of works a project is, and what kind a text says a site is: people name a site by
 * a place and what stands there (`王家墩那块地`, `涨渡湖的公租房`, `荣华的厂`, `高新大道那座桥`), so
 * the kind beside a place or brand tells which of the projects there is meant. The words are the
 * bureau's and citizens' usual ones, as data; the first kind whose word a name holds is its kind.
 * Pure.
 */

export const KIND_WORDS = {
  affordable: ['公共租赁住房', '公租房', '保障性住房', '保障房', '还建房', '还建楼', '还建小区', '安置房', '廉租房', '经济适用房'],
  land: ['土地储备', '土地征收', '集体土地', '征收储备', '征地项目', '那块地', '那片地', '征地'],
  industrial: ['厂房', '产业园', '生产基地', '研发中心', '研发楼', '工厂', '的厂', '厂区', '车间'],
  school: ['一贯制学校', '学校', '小学', '中学', '初中', '幼儿园', '校区'],
  hospital: ['医院', '卫生服务中心', '卫生院', '保健院', '门诊'],
  bridge: ['桥梁', '立交', '那座桥', '大桥', '高架'],
  metro: ['轨道交通', '地铁', '号线', '车站'],
  pipeline: ['雨污分流', '管网', '管廊', '污水处理厂', '污水厂', '给水', '水管', '排水'],
  power: ['输变电', '变电站', '千伏', '电站', '高压线'],
  park: ['湿地公园', '体育公园', '公园', '绿道', '绿地'],
  civic: ['派出所', '社区服务中心', '党群服务中心', '养老服务中心', '文化活动中心', '服务中心'],
  road: ['道路工程', '综合整治', '快速化', '拓宽'],
  commercial: ['国际广场', '商业中心', '金融中心', '广场', '大厦', '总部', '写字楼', '商场'],
  housing: ['小区', '住宅', '楼盘', '花园', '公寓', '地块'],
} as const;

export type ProjectKind = keyof typeof KIND_WORDS;
const KINDS = Object.keys(KIND_WORDS) as ProjectKind[];

/** Words at a name's end that say what kind of works it is, longest first: stripped to find the name's core. */
export const KIND_TAILS: readonly string[] = [...new Set([
  // (花园 and 公寓 end an estate's own name, 常青花园, and are not stripped.)
  ...Object.values(KIND_WORDS).flat().filter((w) => !w.startsWith('的') && !w.startsWith('那') && w !== '花园' && w !== '公寓'),
  '城中村改造', '村集体土地征收', '土地征收储备', '城中村改造土地储备', '片区', '快速化改造', '拓宽改造', '新建', '扩建', '改扩建',
  '综合管廊', '初级中学', '九年一贯制学校', '社区卫生服务中心',
])].sort((a, b) => b.length - a.length);

const WORDS: ReadonlySet<string> = new Set(Object.values(KIND_WORDS).flat());
/** Whether `s` is one of the kind words (绿地, 广场): a brand spelt so is also an ordinary word. */
export const isKindWord = (s: string): boolean => WORDS.has(s);

/** The kind a project name says, or null. */
export function kindOfName(name: string): ProjectKind | null {
  for (const k of KINDS) if (KIND_WORDS[k].some((w) => name.includes(w))) return k;
  return null;
}

/** Words that say what is done at a site rather than what stands there (`X征地时`, `X土地征收范围`). */
const ACTIONS: ReadonlySet<string> = new Set(['征地', '土地征收']);

const SAID = new RegExp(KINDS.flatMap((k) => KIND_WORDS[k]).filter((w) => !ACTIONS.has(w)).sort((a, b) => b.length - a.length).join('|'), 'g');
const KIND_OF_WORD = new Map<string, ProjectKind[]>();
for (const k of KINDS) for (const w of KIND_WORDS[k]) KIND_OF_WORD.set(w, [...(KIND_OF_WORD.get(w) ?? []), k]);

/** The kinds a stretch of text names (`那块地` → land; `的公租房` → affordable). */
export function kindsIn(text: string): ProjectKind[] {
  const out = new Set<ProjectKind>();
  // The longest word at each place says it: 还建小区 is 还建房, not also 小区's 住宅.
  for (const m of text.matchAll(SAID)) for (const k of KIND_OF_WORD.get(m[0])!) out.add(k);
  return KINDS.filter((k) => out.has(k));
}
