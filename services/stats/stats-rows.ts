/**
 * What the statistics count, decided once: an approval's row (its 办理部门, the days it was
 * received, closed and open, the certificate it issued) and its timed steps' due days, and the
 * differences a change makes to the roll-ups. Pure functions; the stats job, the rebuild and the
 * tests use them, and the migration that first fills the tables says the same in SQL
 * (services/db/migrations/20261203120000_stats.sql).
 */
import { dueDate } from '../../rules/index.ts';
import { CLOSED_APPROVAL_STATUS } from '../resources/resource.schema.ts';

/** The four certificates of the seed's 证照情况统计, by the prefix of their number (武规选[2014]072号). */
export const CERT_TYPES = ['选址意见书', '用地规划许可证', '工程规划许可证', '规划条件核实证明'] as const;
export type CertType = (typeof CERT_TYPES)[number];
const CERT_PREFIXES: readonly [string, CertType][] = [
  ['武规选', '选址意见书'], ['武规地', '用地规划许可证'], ['武规建', '工程规划许可证'], ['武规验', '规划条件核实证明'],
];

/** 办理部门 of the seed's table; the city bureau's divisions, windows and centres are 市局. */
export const CENTRAL_UNIT = '中心城区分局';
export const CITY_UNIT = '市局';
/** What a row or key says when the record names no office or district. */
export const UNSTATED = '未载明';

/** The certificate type a number stands for; null for numbers of other kinds. */
export function certTypeOf(certificateNo: string | null | undefined): CertType | null {
  if (!certificateNo) return null;
  return CERT_PREFIXES.find(([prefix]) => certificateNo.startsWith(prefix))?.[1] ?? null;
}

/** The seed's 办理部门 of an office: 中心城区分局…, <X>分局…, else 市局 (未载明 when there is no office). */
export function unitOf(office: string): string {
  if (office === '') return UNSTATED;
  if (office.startsWith(CENTRAL_UNIT)) return CENTRAL_UNIT;
  return /^(.+?分局)/.exec(office)?.[1] ?? CITY_UNIT;
}

/** An approval as the store holds it, its times already the bureau's days (YYYY-MM-DD). */
export interface BaseApproval {
  id: string;
  project_no: string;
  item: string;
  status: string;
  office: string | null;
  received_day: string | null;
  closed_day: string | null;
  certificate_no: string | null;
  /** The import's optional certificate_uploaded (kept in extra); anything but true is not uploaded. */
  uploaded: boolean | null;
  /** The project's district as stored, null when the project is not in the store. */
  district: string | null;
}

export interface BaseStep {
  approval_id: string;
  seq: number;
  office: string | null;
  limit_days: number | null;
  started_day: string | null;
  finished_day: string | null;
}

export interface ApprovalStatsRow {
  approval_id: string;
  project_no: string;
  item: string;
  office: string;
  unit: string;
  district: string;
  received_day: string | null;
  closed_day: string | null;
  /** The day its open span ends (exclusive); null while it is open. */
  ended_day: string | null;
  cert_type: CertType | null;
  uploaded: boolean;
}

export interface StepStatsRow {
  approval_id: string;
  seq: number;
  office: string;
  due_day: string;
  finished_day: string | null;
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * An approval's row. 办结 is the status's word (CLOSED_APPROVAL_STATUS), its day the close time's;
 * it was 在办 from the day it was received until the day it closed, never before it was received.
 * A certificate counts as issued on the day its approval closed.
 */
export function approvalRowOf(a: BaseApproval): ApprovalStatsRow {
  const closed = a.status === CLOSED_APPROVAL_STATUS;
  const closedDay = closed ? a.closed_day : null;
  const office = a.office ?? '';
  return {
    approval_id: a.id,
    project_no: a.project_no,
    item: a.item,
    office,
    unit: unitOf(office),
    district: a.district ?? '',
    received_day: a.received_day,
    closed_day: closedDay,
    ended_day: closed && a.received_day ? later(a.received_day, closedDay ?? a.received_day) : null,
    cert_type: closedDay ? certTypeOf(a.certificate_no) : null,
    uploaded: a.uploaded === true,
  };
}

/** The steps that count for time limits (started, with a limit), each with its due day in working days. */
export function stepRowsOf(steps: readonly BaseStep[]): StepStatsRow[] {
  return steps.flatMap((s) => s.limit_days === null || s.started_day === null ? [] : [{
    approval_id: s.approval_id,
    seq: s.seq,
    office: s.office ?? '',
    due_day: dueDate(s.started_day, s.limit_days),
    finished_day: s.finished_day,
  }]);
}

export const isLate = (s: Pick<StepStatsRow, 'due_day' | 'finished_day'>): boolean => s.finished_day !== null && s.finished_day > s.due_day;

/** Which counted steps to drop (gone or changed) and which to write (new or changed): unchanged ones stay. */
export function stepChanges(before: readonly StepStatsRow[], after: readonly StepStatsRow[]): { gone: Pick<StepStatsRow, 'approval_id' | 'seq'>[]; added: StepStatsRow[] } {
  const key = (s: StepStatsRow) => `${s.approval_id}|${s.seq}`;
  const same = (a: StepStatsRow, b: StepStatsRow) => a.office === b.office && a.due_day === b.due_day && a.finished_day === b.finished_day;
  const was = new Map(before.map((s) => [key(s), s]));
  const is = new Map(after.map((s) => [key(s), s]));
  const gone = before.filter((s) => { const now = is.get(key(s)); return !now || !same(s, now); });
  const added = after.filter((s) => { const then = was.get(key(s)); return !then || !same(s, then); });
  return { gone: gone.map(({ approval_id, seq }) => ({ approval_id, seq })), added };
}

export interface StepDayDelta {
  due_day: string;
  office: string;
  due: number;
  late: number;
}

/** What replacing `before` by `after` changes in steps due (and finished late) per day and office. */
export function stepDayDeltas(before: readonly StepStatsRow[], after: readonly StepStatsRow[]): StepDayDelta[] {
  const cells = new Map<string, StepDayDelta>();
  const add = (s: StepStatsRow, sign: number) => {
    const key = `${s.due_day}|${s.office}`;
    const c = cells.get(key) ?? { due_day: s.due_day, office: s.office, due: 0, late: 0 };
    c.due += sign;
    if (isLate(s)) c.late += sign;
    cells.set(key, c);
  };
  for (const s of before) add(s, -1);
  for (const s of after) add(s, 1);
  return [...cells.values()].filter((c) => c.due !== 0 || c.late !== 0).sort(byCell);
}

export interface CountDelta {
  by: 'district' | 'office' | 'any';
  key: string;
  delta: number;
}

// Deltas are applied in one order, so that two writers never wait on each other's rows in turn.
const byCell = (a: StepDayDelta, b: StepDayDelta) => a.due_day.localeCompare(b.due_day) || a.office.localeCompare(b.office);
const byCount = (a: CountDelta, b: CountDelta) => a.by.localeCompare(b.by) || a.key.localeCompare(b.key);

/**
 * What changes in projects per office (and projects with any approval) when the projects' sets of
 * handling offices go from `before` to `after` (a project missing from a map has none).
 */
export function officeCountDeltas(before: ReadonlyMap<string, ReadonlySet<string>>, after: ReadonlyMap<string, ReadonlySet<string>>): CountDelta[] {
  const deltas = new Map<string, CountDelta>();
  const add = (by: 'office' | 'any', key: string, d: number) => {
    const k = `${by}|${key}`;
    const c = deltas.get(k) ?? { by, key, delta: 0 };
    c.delta += d;
    deltas.set(k, c);
  };
  for (const no of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(no) ?? new Set<string>();
    const is = after.get(no) ?? new Set<string>();
    for (const office of was) if (!is.has(office)) add('office', office, -1);
    for (const office of is) if (!was.has(office)) add('office', office, 1);
    if (was.size === 0 && is.size > 0) add('any', '', 1);
    if (was.size > 0 && is.size === 0) add('any', '', -1);
  }
  return [...deltas.values()].filter((c) => c.delta !== 0).sort(byCount);
}

/** What changes in projects per district when projects' districts go from `before` to `after` (missing: no such project). */
export function districtCountDeltas(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): CountDelta[] {
  const deltas = new Map<string, number>();
  for (const no of new Set([...before.keys(), ...after.keys()])) {
    const [was, is] = [before.get(no), after.get(no)];
    if (was === is) continue;
    if (was !== undefined) deltas.set(was, (deltas.get(was) ?? 0) - 1);
    if (is !== undefined) deltas.set(is, (deltas.get(is) ?? 0) + 1);
  }
  return [...deltas].filter(([, d]) => d !== 0).map(([key, delta]): CountDelta => ({ by: 'district', key, delta })).sort(byCount);
}
