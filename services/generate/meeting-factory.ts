/**
 * Meeting minutes (会议纪要). Projects are put before a meeting by their cases (a 方案会 step, a
 * 局务会 decision, a 专题会 on a difficult site); mentions that fall close in time are grouped
 * into one meeting of two to five projects, and the minutes record each discussion.
 */
import type { MeetingRecord } from '../resources/resource.schema.ts';
import { CORPUS_END, addDays, chineseDate, formatDate, yearOf } from './calendar.ts';
import type { Rng } from './rng.ts';
import type { Counters } from './counters.ts';
import type { Officers } from './officers.ts';
import type { ProjectDraft } from './project-factory.ts';
import type { ApprovalDraft } from './approval-factory.ts';
import { bracketYear, scaleSentence } from './prose-helpers.ts';
import { districtLabel } from './project-names.ts';

export type MeetingKind = '方案会' | '局务会' | '专题会';

export interface Mention {
  project: ProjectDraft;
  approval: ApprovalDraft;
  kind: MeetingKind;
  ms: number;
  /** The meeting sent the scheme back (a first review before the one that passed). */
  deferred: boolean;
}

export interface MeetingOut { record: MeetingRecord; truth: readonly string[] }

/** When a project's cases put it before a meeting. */
export function collectMentions(p: ProjectDraft, approvals: readonly ApprovalDraft[], rng: Rng): Mention[] {
  const out: Mention[] = [];
  for (const a of approvals) {
    const review = a.steps.find((s) => s.name === '方案会');
    if (review?.finishMs) {
      if (rng.chance(0.2)) out.push({ project: p, approval: a, kind: '方案会', ms: addDays(review.finishMs, -rng.int(20, 60)), deferred: true });
      out.push({ project: p, approval: a, kind: '方案会', ms: review.finishMs, deferred: false });
    }
    const decisive = a.item === '国有建设用地供应审批' || a.item === '规划调整审批' || (p.major && a.spec.certificate === '武规地');
    if (decisive && a.closedMs !== null) out.push({ project: p, approval: a, kind: '局务会', ms: a.closedMs, deferred: false });
  }
  if (p.kind !== 'survey' && approvals.length > 0 && rng.chance(0.4)) {
    const a = rng.pick(approvals);
    out.push({ project: p, approval: a, kind: '专题会', ms: addDays(a.receivedMs, rng.int(3, 30)), deferred: false });
  }
  return out.filter((m) => m.ms <= CORPUS_END);
}

const GROUP_WINDOW_MS = 45 * 86_400_000;

/**
 * Groups a batch's mentions, per kind and in time order, into meetings of 2–5 projects within
 * about six weeks. A project appears once per meeting; its other mention waits for a later one.
 */
export function groupMentions(mentions: readonly Mention[], rng: Rng): Mention[][] {
  const groups: Mention[][] = [];
  for (const kind of ['方案会', '局务会', '专题会'] as const) {
    const pending = mentions.filter((m) => m.kind === kind).sort((a, b) => a.ms - b.ms || a.project.index - b.project.index);
    const kindGroups: Mention[][] = [];
    while (pending.length > 0) {
      const group = [pending.shift()!];
      const size = rng.int(2, 5);
      for (let j = 0; j < pending.length && group.length < size; ) {
        const m = pending[j]!;
        if (group.length >= 2 && m.ms - group[0]!.ms > GROUP_WINDOW_MS) break;
        if (group.some((g) => g.project === m.project)) j++;
        else group.push(...pending.splice(j, 1));
      }
      kindGroups.push(group);
    }
    // A lone mention (the kind's last, or one that met only itself) joins the previous meeting.
    for (const group of kindGroups) {
      const last = groups.at(-1);
      if (group.length === 1 && last?.[0]!.kind === kind && !last.some((g) => g.project === group[0]!.project)) last.push(group[0]!);
      else groups.push(group);
    }
  }
  return groups;
}

const PASS = [
  '原则同意该方案，请按会议意见修改完善后按程序报批',
  '原则同意，请承办处室按程序办理相关审批手续',
  '同意该项目规划设计方案，方案批准后应进行批后公布',
  '原则同意，请建设单位与周边居民充分沟通，做好解释工作后报批',
];
const DEFER = [
  '暂缓审议，请建设单位进一步优化方案后重新上会',
  '方案总体布局尚需完善，请建设单位补充日照分析及交通影响评价后再行上会',
];
const REQUIRE = [
  '补充交通影响评价，优化出入口设置，减少对城市主干道的交通影响',
  '做好信访维稳工作，妥善处理周边居民关于日照、噪声等方面的诉求',
  '严格落实海绵城市建设要求，控制地块年径流总量',
];
const BUILDING_REQUIRE = [
  '进一步优化沿街建筑立面及第五立面设计，提升城市界面品质',
  '与轨道交通、综合管廊等市政工程做好衔接，预留接口条件',
];
const HOUSING_REQUIRE = ['配套幼儿园、社区用房应与首期住宅同步建设、同步交付'];
const WORKS_REQUIRE = [
  '加快推进征收补偿及还建安置工作，确保项目按期开工',
  '优化施工期间交通组织方案，减少对周边居民出行的影响',
  '与沿线管线权属单位做好衔接，做好管线迁改工作',
];

function requirementsFor(p: ProjectDraft, year: number): string[] {
  const housing = p.kind === 'residential' || p.kind === 'resettlement';
  const works = p.spec.projectType !== '房屋建筑' || p.kind === 'resettlement';
  // Sponge-city targets only entered reviews with the 2015 pilot.
  const general = year >= 2015 ? REQUIRE : REQUIRE.filter((r) => !r.includes('海绵城市'));
  return [...general, ...(works ? WORKS_REQUIRE : BUILDING_REQUIRE), ...(housing ? HOUSING_REQUIRE : [])];
}

function discussion(m: Mention, withNo: boolean, n: number, rng: Rng): string {
  const p = m.project;
  const heading = `${'一二三四五六七八'[n]}、${p.name}${withNo ? `（${p.projectNo}）` : ''}`;
  const subject = m.kind === '方案会' ? '规划设计方案' : m.kind === '局务会' ? `${m.approval.item}有关事项` : '规划建设推进情况';
  const verdict = m.deferred ? rng.pick(DEFER) : rng.pick(PASS);
  const body = `会议听取了${m.approval.office}关于${p.name}${subject}的汇报。该项目位于${p.address}，建设单位为${p.builder.name}，${scaleSentence(p, rng)}。经研究，${verdict}。会议要求，${rng.sample(requirementsFor(p, yearOf(m.ms)), rng.int(1, 2)).join('；')}。`;
  return `${heading}\n${body}`;
}

export interface MeetingContext { counters: Counters; officers: Officers }

export function meetingRecord(ctx: MeetingContext, group: readonly Mention[], rng: Rng, id: string): MeetingOut {
  const kind = group[0]!.kind;
  const dateMs = Math.max(...group.map((m) => m.ms));
  const year = yearOf(dateMs);
  const n = ctx.counters.next(`meeting/${kind}/${year}`);
  const first = group[0]!.project;
  const title = kind === '方案会'
    ? `${year}年第${n}次规划方案审查会会议纪要`
    : kind === '局务会'
      ? `局务会会议纪要${bracketYear(year, rng)}${n}号`
      : `关于${rng.chance(0.5) ? `${districtLabel(first.district)}重点项目规划审批推进` : `${first.name}等项目规划协调`}的专题会议纪要`;
  // The director chairs about half the meetings, one of the deputies the rest.
  const director = ctx.officers.head('局领导');
  const [chair, chairTitle] = rng.chance(0.5) ? [director, '局长'] : [ctx.officers.pick('局领导', rng), '副局长'];
  const meetingName = kind === '方案会' ? `${year}年第${n}次规划方案审查会` : kind === '局务会' ? '局务会' : '专题会议';
  // Sometimes one project is only named in the text: the minutes' index missed it.
  const unlisted = group.length >= 2 && rng.chance(0.2) ? rng.int(0, group.length - 1) : -1;
  const sections = group.map((m, i) => discussion(m, i !== unlisted && rng.chance(0.8), i, rng));
  const offices = [...new Set(group.map((m) => m.approval.office))];
  const text = [
    `${chineseDate(dateMs)}，${chairTitle}${chair}主持召开${meetingName}，${offices.join('、')}${rng.chance(0.5) ? '、信访中心' : ''}及有关分局负责同志参加会议。会议听取了以下${group.length}个项目的汇报，经研究，纪要如下：`,
    ...sections,
    `出席：${[...new Set([chair, director, ctx.officers.pick('局领导', rng), ctx.officers.head(offices[0]!)])].join('、')}`,
    `列席：${offices.map((o) => ctx.officers.pick(o, rng)).join('、')}`,
  ].join('\n');
  const truth = group.map((m) => m.project.projectNo);
  return {
    record: { id, title, date: formatDate(dateMs), kind, text, project_nos: truth.filter((_, i) => i !== unlisted) },
    truth,
  };
}
