/**
 * Official documents (公文): replies and letters closing a project's cases, builders' requests
 * that open them, plan notices naming several projects at once, and general notices that name
 * none. Each comes with the projects it really concerns, for ground-truth.jsonl.
 */
import type { DocumentRecord } from '../resources/resource.schema.ts';
import { CORPUS_END, addDays, chineseDate, formatDate, yearOf } from './calendar.ts';
import type { Rng } from './rng.ts';
import type { Counters } from './counters.ts';
import type { ProjectDraft } from './project-factory.ts';
import type { ApprovalDraft } from './approval-factory.ts';
import { approvalDocument, requestDocument } from './document-templates.ts';
import { bracketYear, bureauName, docNo, issuerFor, scaleSentence } from './prose-helpers.ts';
import { districtLabel } from './project-names.ts';

export interface DocumentOut { record: DocumentRecord; truth: readonly string[] }

/** How often a closed case leaves a document in the archive. */
const DOC_CHANCE: Readonly<Record<string, number>> = {
  规划设计方案审查: 0.8, '规划设计方案审查（市政）': 0.8, 规划调整审批: 0.9, 征收土地公告: 0.9, 征收土地补偿安置方案公告: 0.8,
  建设工程规划许可证: 0.6, '建设工程规划许可证（市政）': 0.6, 重大项目选址: 0.8,
};
const DEFAULT_DOC_CHANCE = 0.45;
/** Share of documents that only name their project in the text and list no number. */
const UNNUMBERED = 0.15;
const REQUEST_CHANCE = 0.16;

export function projectDocuments(counters: Counters, p: ProjectDraft, approvals: readonly ApprovalDraft[], rng: Rng, nextId: () => string): DocumentOut[] {
  const out: DocumentOut[] = [];
  for (const a of approvals) {
    if (rng.chance(REQUEST_CHANCE)) {
      const { title, text } = requestDocument(p, a, bureauName(yearOf(a.receivedMs)), rng);
      const year = yearOf(a.receivedMs);
      out.push({
        record: {
          id: nextId(),
          doc_no: rng.chance(0.5) ? `${p.builder.brand}${bracketYear(year, rng)}${counters.next(`req/${p.builder.index}/${year}`)}号` : null,
          title, date: formatDate(a.receivedMs), issuer: p.builder.name, text,
          project_nos: rng.chance(0.4) ? [] : [p.projectNo],
        },
        truth: [p.projectNo],
      });
    }
    if (a.closedMs === null || !rng.chance(DOC_CHANCE[a.item] ?? DEFAULT_DOC_CHANCE)) continue;
    const year = yearOf(a.closedMs);
    const listed = !rng.chance(UNNUMBERED);
    const issuer = issuerFor(a.office, p.district.short, year);
    const { title, text, family } = approvalDocument(p, a, listed && rng.chance(0.6), issuer, rng);
    const branch = a.office.includes('分局') ? p.district.short : null;
    out.push({
      record: {
        id: nextId(),
        doc_no: docNo(family, branch, year, counters, rng),
        title, date: formatDate(a.closedMs), issuer, text,
        project_nos: listed ? [p.projectNo] : [],
      },
      truth: [p.projectNo],
    });
  }
  return out;
}

/** Notices about several projects: a title and the sentence that introduces the list. */
const PLAN_NOTICES = [
  {
    title: '关于下达{y}年第{n}批建设项目规划审批计划的通知',
    intro: '为加快推进全市重点项目建设，经局务会研究，现将以下{k}个项目列入{y}年第{n}批规划审批服务计划，请各承办单位按照"提前介入、并联审批、限时办结"的要求做好规划审批服务工作。',
    close: '各承办单位应指定专人跟踪服务，每月底前将项目审批进展情况报行政审批处汇总。对涉及信访、法人诚信等问题的项目，应在受理环节及时核查并提出处理意见。',
  },
  {
    title: '关于做好{d}{y}年度重点建设项目规划服务工作的通知',
    intro: '{y}年度{d}共有{k}个项目列入市级重点建设项目计划，现将有关项目通知如下，请{branch}主动对接建设单位，做好规划审批服务。',
    close: '对列入计划的项目，实行"一个项目、一名专员、一套方案"的服务机制，确需市局协调的问题，请及时报送行政审批处。',
  },
  {
    title: '关于{first}等{k}个项目规划审批情况的通报',
    intro: '根据局务会安排，行政审批处对近期规划审批超时限情况进行了检查，现将以下{k}个项目的审批情况通报如下：',
    close: '上述项目中存在超时限办理的，请相关承办处室于十个工作日内说明情况并提出整改措施。各单位要以此为鉴，严格执行审批时限规定。',
  },
];

/** A notice listing 3–6 projects made close in time; some are listed without their number. */
export function planNotice(counters: Counters, projects: readonly ProjectDraft[], rng: Rng, id: string): DocumentOut {
  const candidates = projects.filter((p) => p.kind !== 'survey');
  const pool = candidates.length >= 2 ? candidates : projects;
  if (pool.length < 2) throw new RangeError('a plan notice lists at least two projects');
  // Neighbouring indexes were created at neighbouring times, so the listed projects share a year;
  // a district's notice lists that district's projects nearest the first one.
  let kind = rng.pick(PLAN_NOTICES);
  const k = Math.min(pool.length, rng.int(3, 6));
  const from = rng.int(0, pool.length - k);
  let listed = pool.slice(from, from + k);
  if (kind.title.includes('{d}')) {
    const local = pool.filter((p) => p.district === pool[from]!.district);
    const at = local.indexOf(pool[from]!);
    listed = local.slice(Math.max(0, Math.min(at, local.length - k)), Math.max(0, Math.min(at, local.length - k)) + k);
    if (listed.length < 2) {
      kind = PLAN_NOTICES[0]!;
      listed = pool.slice(from, from + k);
    }
  }
  const dateMs = Math.min(CORPUS_END, addDays(Math.max(...listed.map((p) => p.createdMs)), rng.int(10, 60)));
  const year = yearOf(dateMs);
  const withNo = listed.map(() => rng.chance(0.75));
  const n = String(counters.next(`plan/${year}`));
  const first = listed[0]!;
  const fill = (s: string) => s.replaceAll('{y}', String(year)).replaceAll('{n}', n)
    .replaceAll('{d}', districtLabel(first.district)).replaceAll('{first}', first.name).replaceAll('{branch}', `${first.district.short}分局`)
    .replaceAll('{k}', String(listed.length));
  const lines = listed.map((p, i) =>
    `（${'一二三四五六'[i]}）${p.name}${withNo[i] ? `（${p.projectNo}）` : ''}，建设单位：${p.builder.name}，位于${p.address}，${scaleSentence(p, rng)}。`);
  const text = ['各分局、局属各单位、机关各处室：', fill(kind.intro), ...lines, kind.close, bureauName(year), chineseDate(dateMs)].join('\n');
  return {
    record: {
      id, doc_no: docNo('notice', null, year, counters, rng), title: fill(kind.title), date: formatDate(dateMs), issuer: bureauName(year), text,
      project_nos: listed.filter((_, i) => withNo[i]).map((p) => p.projectNo),
    },
    truth: listed.map((p) => p.projectNo),
  };
}

const NOTICE_TOPICS = [
  ['进一步加强建设工程规划批后管理', '批后管理是规划实施的重要环节。近期检查发现，部分项目存在未按许可内容建设、擅自改变建筑立面等问题'],
  ['开展{y}年度违法建设专项整治', '为巩固违法建设治理成果，遏制新增违法建设，市政府决定在全市范围内开展违法建设专项整治行动'],
  ['做好{y}年度土地储备计划编制工作', '为科学合理安排土地储备规模和时序，保障重点项目用地需求'],
  ['规范建设项目规划公示工作', '规划公示是保障公众知情权、参与权和监督权的重要制度，各单位应严格执行批前公示和批后公布制度'],
  ['落实法人诚信档案查询制度', '为推进社会信用体系建设，在受理环节对建设单位的法人诚信情况进行查询'],
  ['加强信访件办理工作', '近期涉及规划管理的信访件数量有所上升，部分信访件存在办理超期、答复不规范等问题'],
  ['优化营商环境提升规划审批效率', '为贯彻落实市委、市政府关于优化营商环境的部署，进一步压缩审批时限'],
  ['推进海绵城市建设规划管控', '为落实国家海绵城市建设试点要求，将海绵城市建设指标纳入规划设计条件和方案审查'],
] as const;

/** A general notice that concerns no single project (its ground truth is empty). */
export function generalNotice(counters: Counters, dateMs: number, rng: Rng, id: string): DocumentOut {
  const year = yearOf(dateMs);
  const [topic, reason] = rng.pick(NOTICE_TOPICS);
  const t = topic.replace('{y}', String(year));
  const text = [
    '各分局、局属各单位、机关各处室：',
    `${reason.replace('{y}', String(year))}。为${t}，现就有关事项通知如下：`,
    `一、提高认识，加强领导。各单位主要负责同志是第一责任人，要${rng.pick(['明确分管领导和具体经办人员', '建立工作台账，明确责任分工', '结合本单位实际制定具体实施方案'])}，确保各项工作落到实处。`,
    `二、突出重点，规范程序。要严格执行审批程序和办理时限，${rng.pick(['对跨区交通市政项目统一由市民之家窗口收件', '重点项目由市局承办，一般项目由分局规划科办理', '申报材料未上传的，不得流转至下一环节'])}。`,
    `三、强化监督，严格考核。行政审批处将定期通报各单位工作情况，并纳入年度绩效考核。`,
    `请各单位于${chineseDate(addDays(dateMs, rng.int(20, 60)))}前将工作开展情况书面报送${rng.pick(['行政审批处', '规划处', '法规处', '信访中心'])}。`,
    bureauName(year),
    chineseDate(dateMs),
  ].join('\n');
  return {
    record: { id, doc_no: docNo('notice', null, year, counters, rng), title: `关于${t}的通知`, date: formatDate(dateMs), issuer: bureauName(year), text, project_nos: [] },
    truth: [],
  };
}
