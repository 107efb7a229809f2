/**
 * Regulations (法规): a fixed set of plausible local rules, then, for big corpora, further
 * measures and revisions on the same topics so there is about one per 200 projects.
 */
import type { RegulationRecord } from '../resources/resource.schema.ts';
import { chineseDate, chineseNumber, formatDate, localMs } from './calendar.ts';
import type { Rng } from './rng.ts';
import { CLOSING_ARTICLES, TOPICS } from './regulation-texts.ts';

interface RegulationSpec { title: string; date: string; region: string; category: string; topic: string }

const FIXED: readonly RegulationSpec[] = [
  { title: '武汉市城乡规划条例', date: '2013-01-10', region: '武汉', category: '地方性法规', topic: 'planning' },
  { title: '湖北省城乡规划条例', date: '2014-02-01', region: '湖北', category: '地方性法规', topic: 'planning' },
  { title: '湖北省土地管理实施办法', date: '2012-09-28', region: '湖北', category: '地方性法规', topic: 'expropriation' },
  { title: '武汉市建设工程规划管理技术规定', date: '2014-06-20', region: '武汉', category: '技术规定', topic: 'technical-rules' },
  { title: '城市用地分类与规划建设用地标准', date: '2012-01-01', region: '全国', category: '技术规定', topic: 'technical-rules' },
  { title: '城市居住区规划设计标准', date: '2018-12-01', region: '全国', category: '技术规定', topic: 'technical-rules' },
  { title: '武汉市土地储备管理办法', date: '2013-11-15', region: '武汉', category: '规范性文件', topic: 'land-reserve' },
  { title: '武汉市建设项目规划条件核实管理办法', date: '2015-03-02', region: '武汉', category: '规范性文件', topic: 'verification' },
  { title: '武汉市海绵城市建设管理办法', date: '2016-08-10', region: '武汉', category: '规范性文件', topic: 'sponge' },
  { title: '武汉市城市地下综合管廊管理办法', date: '2017-04-18', region: '武汉', category: '规范性文件', topic: 'utility-tunnel' },
  { title: '武汉市基础测绘管理办法', date: '2012-05-30', region: '武汉', category: '规范性文件', topic: 'surveying' },
  { title: '武汉市城乡规划公示管理规定', date: '2014-10-09', region: '武汉', category: '规范性文件', topic: 'publicity' },
  { title: '武汉市违法建设查处办法', date: '2015-12-22', region: '武汉', category: '规范性文件', topic: 'enforcement' },
  { title: '武汉市建设用地法人诚信档案管理办法', date: '2016-05-16', region: '武汉', category: '规范性文件', topic: 'credit' },
  { title: '武汉市国土资源和规划信访工作规定', date: '2015-07-01', region: '武汉', category: '规范性文件', topic: 'petition' },
  { title: '武汉市征收集体土地补偿安置办法', date: '2017-09-12', region: '武汉', category: '规范性文件', topic: 'expropriation' },
];

const MEASURE_KINDS = ['实施细则', '管理规定', '若干规定', '技术导则', '工作规程'];

/** At least 10, otherwise one per 200 projects. */
export function regulationCount(projects: number): number {
  return Math.max(10, Math.round(projects / 200));
}

/** The i-th regulation's heading: fixed first, then measures per topic, then yearly revisions. */
function spec(i: number, rng: Rng): RegulationSpec {
  if (i < FIXED.length) return FIXED[i]!;
  const topics = Object.keys(TOPICS);
  const k = i - FIXED.length;
  const topic = topics[k % topics.length]!;
  const kind = MEASURE_KINDS[Math.floor(k / topics.length) % MEASURE_KINDS.length]!;
  const round = Math.floor(k / (topics.length * MEASURE_KINDS.length));
  const year = 2012 + ((k * 7 + round * 3) % 14);
  const revised = round > 0 ? `（${year}年第${chineseNumber(round)}次修订）` : '';
  return {
    title: `武汉市${TOPICS[topic]!.subject}${kind}${revised}`,
    date: formatDate(localMs(year, rng.int(1, 12), rng.int(1, 28))),
    region: '武汉',
    category: kind === '技术导则' ? '技术规定' : '规范性文件',
    topic,
  };
}

function body(s: RegulationSpec, rng: Rng): string {
  const t = TOPICS[s.topic]!;
  const kind = s.category === '地方性法规' ? '条例' : (/(细则|导则|规程|规定|标准|办法)/.exec(s.title)?.[1] ?? '办法');
  const general = [
    `为了加强${t.subject}管理，规范相关行政行为，保障公共利益和当事人的合法权益，根据${t.basis}等法律、法规，结合${s.region === '湖北' ? '本省' : '本市'}实际，制定本${kind}。`,
    `${t.scope}，适用本${kind}。`,
    `${s.region === '湖北' ? '县级以上人民政府国土资源和规划主管部门' : '市国土规划主管部门'}负责${t.subject}的统一管理工作；各区人民政府和有关部门按照各自职责，做好相关工作。`,
  ];
  // A measure may leave out one of the topic's articles but keeps the rest in their order.
  const skip = t.articles.length > 3 && rng.chance(0.5) ? rng.int(0, t.articles.length - 1) : -1;
  const own = t.articles.filter((_, i) => i !== skip);
  const closing = CLOSING_ARTICLES.map((a) => a.replace('{subject}', t.subject));
  const effective = `本${kind}自${chineseDate(localMs(Number(s.date.slice(0, 4)), Number(s.date.slice(5, 7)), Number(s.date.slice(8, 10))))}起施行。`;
  let n = 0;
  const article = (text: string) => `第${chineseNumber(++n)}条 ${text}`;
  if (s.category !== '地方性法规') return [...general, ...own, ...closing, effective].map(article).join('\n');
  return [
    '第一章 总则', ...general.map(article),
    `第二章 ${t.chapter}`, ...own.map(article),
    '第三章 监督检查与法律责任', ...closing.map(article),
    '第四章 附则', article(effective),
  ].join('\n');
}

export function regulationRecord(i: number, rng: Rng): RegulationRecord {
  const s = spec(i, rng);
  return {
    id: `reg-${String(i + 1).padStart(4, '0')}`,
    title: s.title,
    date: s.date,
    region: s.region,
    category: s.category,
    text: body(s, rng),
  };
}
