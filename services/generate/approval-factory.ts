/**
 * A project's approval cases (审批案件), one per business item, in lifecycle order. Each case
 * starts after the previous one closed; the chain stops when a project stalls, a case is still
 * open, or the next case would start after the corpus's end date.
 */
import type { ApprovalRecord } from '../resources/resource.schema.ts';
import {
  CORPUS_END, addDays, addWorkingDays, formatDateTime, officeTimeAfter, toWorkingDay, yearOf,
} from './calendar.ts';
import type { Rng } from './rng.ts';
import type { Counters } from './counters.ts';
import type { Officers } from './officers.ts';
import type { ProjectDraft } from './project-factory.ts';
import {
  CENTRAL_DISTRICTS, EXTERNAL_OFFICES, FIXED_LEADS, ITEM_CHAINS, ITEM_SPECS, STEP_DEFS,
} from './approval-items.ts';
import type { ItemSpec, StepOffice } from './approval-items.ts';
import { certificateUploaded } from './certificate-upload.ts';
import { plantProcessTruths, type PlantedTruth } from './process-truths.ts';

export interface ApprovalContext {
  counters: Counters;
  officers: Officers;
  /** false leaves out the planted process truths (tests compare a corpus with and without them). */
  processTruths?: boolean;
}

export interface StepDraft { name: string; startMs: number | null; finishMs: number | null }

/** A case with the facts documents and meetings are written from. */
export interface ApprovalDraft {
  record: ApprovalRecord;
  item: string;
  spec: ItemSpec;
  status: '新增' | '在办' | '办结';
  receivedMs: number;
  closedMs: number | null;
  certificateNo: string | null;
  office: string;
  handler: string;
  /**
   * The timetable documents, meetings and petitions are written from: the case's as drawn, before
   * any planted truth, so a truth changes no other record (`record.steps` holds what was planted).
   */
  steps: readonly StepDraft[];
  /** Process truths planted in this case (process-truths.ts), for process-truth.json. */
  truths: readonly PlantedTruth[];
}

/** Chance that a project goes no further after each closed case (sold on, shelved, done elsewhere). */
const STALL = 0.11;
/** Chance that an old case stays open for good (suspended over a petition, materials never completed). */
const STUCK = 0.03;

/** Steps the office head signs (the 三传件 rule: 经办人 → 处(科)室负责人 → 首席代表). */
const SIGN_OFF = new Set(['签批', '方案批准', '审批表签批']);

/** The items this project will go through, with the optional ones spliced in. */
function itemsFor(p: ProjectDraft, rng: Rng): string[] {
  const items = [...ITEM_CHAINS[p.spec.chain]];
  if (p.major && (items[0] === '建设选址意见书' || items[0] === '建设选址意见书（市政）')) items[0] = '重大项目选址';
  const design = items.findIndex((i) => i.startsWith('规划设计方案审查'));
  if (design >= 0 && rng.chance(0.12)) items.splice(design, 0, '规划方案预审');
  const works = items.findIndex((i) => i.startsWith('建设工程规划许可证'));
  if (works >= 0 && rng.chance(0.1)) items.splice(works + 1, 0, '规划调整审批');
  return items;
}

interface Offices { planning: string; municipal: string; window: string }

/** The lead-office rule of the seed: 重大 → 行政审批处, 市政 → 市政处/科, 一般 → 规划处/科. */
function officesFor(p: ProjectDraft, rng: Rng): Offices {
  const branch = `${p.district.short}分局`;
  const central = CENTRAL_DISTRICTS.has(p.district.short);
  const allocated = p.spec.chain === 'municipal' || p.spec.chain === 'allocated-building';
  return {
    planning: p.major ? '行政审批处' : rng.chance(0.35) ? '规划处' : `${branch}规划科`,
    municipal: p.major ? '行政审批处' : rng.chance(0.5) ? '市政处' : `${branch}市政科`,
    window: p.major ? '市民之家窗口' : allocated && central ? '中心城区分局窗口' : `${branch}政务服务窗口`,
  };
}

function leadOffice(spec: ItemSpec, offices: Offices): string {
  if (spec.lead === 'planning') return offices.planning;
  if (spec.lead === 'municipal') return offices.municipal;
  return FIXED_LEADS[spec.lead];
}

function stepOffice(office: StepOffice, lead: string, offices: Offices): string {
  if (office === 'lead') return lead;
  if (office === 'window') return offices.window;
  return EXTERNAL_OFFICES[office];
}

/** Most steps finish within their limit; about one in eight runs over. */
function duration(limit: number, fixed: boolean, rng: Rng): number {
  if (fixed) return limit;
  if (rng.chance(0.13)) return rng.int(limit + 1, limit * 2 + 2);
  return rng.int(Math.ceil(limit * 0.2), limit);
}

/** Step times, in order; the parallel co-reviews share a start and the next step waits for all. */
function scheduleSteps(names: readonly string[], receivedMs: number, rng: Rng): StepDraft[] {
  const steps: StepDraft[] = [];
  let cursor = receivedMs;
  let i = 0;
  while (i < names.length) {
    const group = STEP_DEFS[names[i]!]!.parallelGroup;
    let j = i + 1;
    while (group && j < names.length && STEP_DEFS[names[j]!]!.parallelGroup === group) j++;
    let latest = cursor;
    for (const name of names.slice(i, j)) {
      const def = STEP_DEFS[name]!;
      const finishMs = officeTimeAfter(cursor, addWorkingDays(cursor, duration(def.limitDays, Boolean(def.fixed), rng)), rng);
      steps.push({ name, startMs: cursor, finishMs });
      latest = Math.max(latest, finishMs);
    }
    cursor = rng.chance(0.7) ? latest + rng.int(5, 90) * 60_000 : officeTimeAfter(latest, addWorkingDays(latest, 1), rng);
    i = j;
  }
  return steps;
}

/** Cuts a schedule at `cutMs`: later starts and finishes have not happened yet. */
function cutAt(steps: StepDraft[], cutMs: number): StepDraft[] {
  return steps.map((s) => ({
    name: s.name,
    startMs: s.startMs !== null && s.startMs <= cutMs ? s.startMs : null,
    finishMs: s.finishMs !== null && s.finishMs <= cutMs ? s.finishMs : null,
  }));
}

function certificateNo(spec: ItemSpec, closedMs: number, counters: Counters): string | null {
  if (!spec.certificate) return null;
  const year = yearOf(closedMs);
  const serial = counters.next(`cert/${spec.certificate}/${year}`);
  return `${spec.certificate}[${year}]${String(serial).padStart(3, '0')}号`;
}

export function createApprovals(ctx: ApprovalContext, p: ProjectDraft, rng: Rng): ApprovalDraft[] {
  const offices = officesFor(p, rng);
  const drafts: ApprovalDraft[] = [];
  let next = addDays(p.createdMs, rng.int(0, 25));

  for (const [n, item] of itemsFor(p, rng).entries()) {
    if (n > 0 && rng.chance(STALL)) break;
    const receivedMs = officeTimeAfter(next, toWorkingDay(next), rng);
    if (receivedMs > CORPUS_END) break;

    const spec = ITEM_SPECS[item]!;
    const lead = leadOffice(spec, offices);
    const handler = ctx.officers.pick(lead, rng);
    // The sponge-city review only joined the design review with the 2015 pilot.
    const names = yearOf(receivedMs) < 2015 ? spec.steps.filter((s) => s !== '海绵城市') : spec.steps;
    let steps = cutAt(scheduleSteps(names, receivedMs, rng), CORPUS_END);
    if (steps.every((s) => s.finishMs !== null) && rng.chance(STUCK)) {
      const stuckAt = rng.int(1, steps.length - 1);
      steps = steps.map((s, k) => (k < stuckAt ? s : { name: s.name, startMs: k === stuckAt ? s.startMs : null, finishMs: null }));
    }

    const finished = steps.filter((s) => s.finishMs !== null).length;
    const status = finished === steps.length ? '办结' : finished === 0 ? '新增' : '在办';
    const closedMs = status === '办结' ? steps.at(-1)!.finishMs : null;
    const id = `apv-${String(p.index + 1).padStart(6, '0')}-${String(n + 1).padStart(2, '0')}`;
    // Truths for the process analysis, in closed cases only, from the case's own streams.
    const planted = status === '办结' && ctx.processTruths !== false
      ? plantProcessTruths({ id, item, receivedMs, steps, officeOf: (name) => stepOffice(STEP_DEFS[name]!.office, lead, offices) })
      : { steps, truths: [] };
    const recordedClose = closedMs === null ? null : Math.max(...planted.steps.map((s) => s.finishMs!));
    const certificate = closedMs === null ? null : certificateNo(spec, closedMs, ctx.counters);
    const extra: Record<string, string | boolean> = {};
    if (certificate && spec.certificate === '武规选') {
      const year = yearOf(closedMs!);
      extra.provincial_no = `鄂规选址420100${year}${String(ctx.counters.next(`prov/${year}`)).padStart(5, '0')}`;
    }

    if (certificate) extra.certificate_uploaded = certificateUploaded(id, lead, recordedClose!);
    // Handlers are drawn for the steps as scheduled, so a skipped step leaves the project's stream as it was.
    const handlers = new Map(steps.map((s) => {
      const office = stepOffice(STEP_DEFS[s.name]!.office, lead, offices);
      return [s.name, SIGN_OFF.has(s.name) ? ctx.officers.head(office) : office === lead ? handler : ctx.officers.pick(office, rng)];
    }));
    const record: ApprovalRecord = {
      id,
      project_no: p.projectNo,
      item,
      business_type: spec.businessType,
      status,
      received_at: formatDateTime(receivedMs),
      closed_at: recordedClose === null ? null : formatDateTime(recordedClose),
      office: lead,
      handler,
      certificate_no: certificate,
      ...extra,
      steps: planted.steps.map((s) => {
        const def = STEP_DEFS[s.name]!;
        return {
          name: s.name,
          stage: def.stage,
          office: stepOffice(def.office, lead, offices),
          handler: handlers.get(s.name)!,
          limit_days: def.limitDays,
          started_at: s.startMs === null ? null : formatDateTime(s.startMs),
          finished_at: s.finishMs === null ? null : formatDateTime(s.finishMs),
        };
      }),
    };
    drafts.push({ record, item, spec, status, receivedMs, closedMs, certificateNo: certificate, office: lead, handler, steps, truths: planted.truths });
    if (status !== '办结') break;
    next = addDays(closedMs!, rng.int(8, 160));
  }
  return drafts;
}
