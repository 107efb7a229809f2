/**
 * The bureau's figures (issue #16): 业务办理情况 (新增 / 在办 / 办结 by item, month, district or
 * office), 证照情况统计 (certificates issued and uploaded per 办理部门 and type), projects per
 * district and per handling office, and steps past their time limit per office and month. Read
 * from the statistics tables the stats job keeps current; "today" comes from the clock given.
 */
import type { Queryable } from '../db/db.ts';
import { DISTRICTS, canonicalDistrict, districtForms } from '../../indexers/districts.ts';
import type { ApprovalFilter, KeyCount, StatsStore } from './stats.store.ts';
import {
  bureauDay, dayBefore, monthsOf, parseDistrict, parseGroup, parseProjectBy, parseText, resolvePeriod, uploadRate,
  type Group, type ProjectBy,
} from './stats-params.ts';
import { CENTRAL_UNIT, CERT_TYPES, CITY_UNIT, UNSTATED, type CertType } from './stats-rows.ts';

export const TOTAL = '合计';
export const GRAND_TOTAL = '总计';

export interface PeriodQuery { from?: string; to?: string }
export interface HandlingQuery extends PeriodQuery { group?: string; district?: string; office?: string; item?: string }
export interface HandlingRow { key: string; received: number; open: number; closed: number }
export interface HandlingReport {
  from: string;
  to: string;
  group: Group;
  filters: { district?: string; office?: string; item?: string };
  rows: HandlingRow[];
  total: HandlingRow;
  as_of: string | null;
}

export interface TypeFigures { issued: number; uploaded: number; not_uploaded: number; rate: string }
export interface CertificateRow { unit: string; issued: number; by_type: Record<CertType, TypeFigures> }
export interface CertificateReport { from: string; to: string; types: CertType[]; rows: CertificateRow[]; total: CertificateRow; as_of: string | null }

export interface ProjectsReport { by: ProjectBy; rows: { key: string; projects: number }[]; total: { key: string; projects: number }; as_of: string | null }

export interface OverdueQuery extends PeriodQuery { office?: string }
export interface OverdueCell { office: string; month: string; overdue: number; due: number }
export interface OverdueReport {
  from: string;
  to: string;
  months: string[];
  offices: string[];
  cells: OverdueCell[];
  total: { overdue: number; due: number };
  as_of: string | null;
}

/** A stored key as a row shows it: a district by its short name, nothing stated as 未载明. */
export function keyLabel(group: Group | ProjectBy, key: string): string {
  if (key === '') return UNSTATED;
  return group === 'district' ? (canonicalDistrict(key) ?? key) : key;
}

const byFigure = <T extends { key: string }>(figure: (r: T) => number) => (a: T, b: T) => figure(b) - figure(a) || a.key.localeCompare(b.key, 'zh-CN');

/** Counts per key, keys merged by their label (洪山 and 洪山区 are one row). */
function labelled(group: Group | ProjectBy, counts: KeyCount[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of counts) {
    const key = keyLabel(group, c.key);
    out.set(key, (out.get(key) ?? 0) + c.n);
  }
  return out;
}

const sum = (counts: KeyCount[]) => counts.reduce((n, c) => n + c.n, 0);

/** The stored forms a district's approvals may carry (those counted, and those search knows). */
export async function districtFilter(db: Queryable, store: Pick<StatsStore, 'districtForms'>, district: string | undefined): Promise<string[] | undefined> {
  if (district === undefined) return undefined;
  const stored = (await store.districtForms(db)).filter((k) => canonicalDistrict(k) === district);
  return [...new Set([...districtForms(district), ...stored])];
}

/** Where a 办理部门 comes in the table: 中心城区分局, 市局, then the branches by certificates issued. */
function unitOrder(a: CertificateRow, b: CertificateRow): number {
  const fixed = (u: string) => (u === CENTRAL_UNIT ? 0 : u === CITY_UNIT ? 1 : 2);
  const district = (u: string) => { const i = DISTRICTS.indexOf(u.replace(/分局$/, '')); return i < 0 ? DISTRICTS.length : i; };
  return fixed(a.unit) - fixed(b.unit) || b.issued - a.issued || district(a.unit) - district(b.unit) || a.unit.localeCompare(b.unit, 'zh-CN');
}

function certificateRow(unit: string, counts: { cert_type: string; issued: number; uploaded: number }[]): CertificateRow {
  const by_type = Object.fromEntries(CERT_TYPES.map((t) => {
    const mine = counts.filter((c) => c.cert_type === t);
    const issued = mine.reduce((n, c) => n + c.issued, 0);
    const uploaded = mine.reduce((n, c) => n + c.uploaded, 0);
    return [t, { issued, uploaded, not_uploaded: issued - uploaded, rate: uploadRate(uploaded, issued) }];
  })) as Record<CertType, TypeFigures>;
  return { unit, issued: CERT_TYPES.reduce((n, t) => n + by_type[t].issued, 0), by_type };
}

type Deps = { db: Queryable; store: StatsStore; now: () => Date };

export function createStatsService(deps: Deps) {
  const { db, store } = deps;
  const today = () => bureauDay(deps.now());

  async function handling(q: HandlingQuery): Promise<HandlingReport> {
    const { from, to } = resolvePeriod(q, today());
    const group = parseGroup(q.group);
    const district = parseDistrict(q.district);
    const office = parseText(q.office);
    const item = parseText(q.item);
    const f: ApprovalFilter = { districts: await districtFilter(db, store, district), office, item };
    const filters = {
      ...(district !== undefined ? { district } : {}),
      ...(office !== undefined ? { office: q.office!.trim() } : {}),
      ...(item !== undefined ? { item: q.item!.trim() } : {}),
    };
    let rows: HandlingRow[];
    let open: number;
    if (group === 'month') {
      // 在办 at each month's end: those open the day before the period, plus those received, less those ended, since.
      const counts = new Map((await store.countMonths(db, from, to, f)).map((c) => [c.key, c]));
      open = sum(await store.countOpenOn(db, 'none', dayBefore(from), f));
      rows = monthsOf(from, to).map((key) => {
        const c = counts.get(key) ?? { received: 0, closed: 0, ended: 0 };
        open += c.received - c.ended;
        return { key, received: c.received, open, closed: c.closed };
      });
    } else {
      const period = await store.countPeriod(db, group, from, to, f);
      const openOn = await store.countOpenOn(db, group, to, f);
      const [rec, ope, clo] = [
        labelled(group, period.map((c) => ({ key: c.key, n: c.received }))), labelled(group, openOn), labelled(group, period.map((c) => ({ key: c.key, n: c.closed }))),
      ];
      rows = [...new Set([...rec.keys(), ...ope.keys(), ...clo.keys()])]
        .map((key) => ({ key, received: rec.get(key) ?? 0, open: ope.get(key) ?? 0, closed: clo.get(key) ?? 0 }))
        .filter((r) => r.received + r.open + r.closed > 0)
        .sort(byFigure((r) => r.received));
      open = sum(openOn);
    }
    const total = { key: TOTAL, received: rows.reduce((n, r) => n + r.received, 0), open, closed: rows.reduce((n, r) => n + r.closed, 0) };
    return { from, to, group, filters, rows, total, as_of: await store.asOf(db) };
  }

  async function certificates(q: PeriodQuery): Promise<CertificateReport> {
    const { from, to } = resolvePeriod(q, today());
    const counts = await store.countCertificates(db, from, to);
    const units = new Set([CENTRAL_UNIT, CITY_UNIT, ...DISTRICTS.filter((d) => `${d}分局` !== CENTRAL_UNIT).map((d) => `${d}分局`), ...counts.map((c) => c.unit)]);
    const rows = [...units].map((u) => certificateRow(u, counts.filter((c) => c.unit === u))).sort(unitOrder);
    return { from, to, types: [...CERT_TYPES], rows, total: certificateRow(GRAND_TOTAL, counts), as_of: await store.asOf(db) };
  }

  async function projects(q: { by?: string }): Promise<ProjectsReport> {
    const by = parseProjectBy(q.by);
    const counts = labelled(by, await store.projectCounts(db, by));
    const rows = [...counts].map(([key, projects]) => ({ key, projects })).sort(byFigure((r) => r.projects));
    // A project has one district, but may have approvals at several offices: its 合计 counts it once.
    const total = by === 'district' ? rows.reduce((n, r) => n + r.projects, 0) : sum(await store.projectCounts(db, 'any'));
    return { by, rows, total: { key: TOTAL, projects: total }, as_of: await store.asOf(db) };
  }

  async function overdue(q: OverdueQuery): Promise<OverdueReport> {
    const { from, to } = resolvePeriod(q, today());
    const office = parseText(q.office);
    const counted = (await store.countSteps(db, from, to, today(), office)).filter((c) => c.due > 0);
    const dueAt = new Map<string, number>();
    for (const c of counted) dueAt.set(c.office, (dueAt.get(c.office) ?? 0) + c.due);
    const offices = [...dueAt.keys()].sort((a, b) => dueAt.get(b)! - dueAt.get(a)! || a.localeCompare(b, 'zh-CN'));
    const rank = new Map(offices.map((o, i) => [o, i]));
    const cells = counted
      .sort((a, b) => rank.get(a.office)! - rank.get(b.office)! || a.month.localeCompare(b.month))
      .map((c) => ({ office: keyLabel('office', c.office), month: c.month, overdue: c.overdue, due: c.due }));
    return {
      from, to, months: monthsOf(from, to), offices: offices.map((o) => keyLabel('office', o)), cells,
      total: { overdue: cells.reduce((n, c) => n + c.overdue, 0), due: cells.reduce((n, c) => n + c.due, 0) },
      as_of: await store.asOf(db),
    };
  }

  return { handling, certificates, projects, overdue };
}

export type StatsService = ReturnType<typeof createStatsService>;
