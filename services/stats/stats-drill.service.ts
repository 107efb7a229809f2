/**
 * Opening a figure: the approvals behind any count of the statistics, counted exactly as the
 * figure was (so `total` is the figure), a page at a time or whole as CSV. `month` narrows a
 * figure to one month row of the period (在办 at that month's end, or at `to` if earlier).
 */
import { badRequest } from '../common/errors.ts';
import type { Queryable } from '../db/db.ts';
import { canonicalDistrict } from '../../indexers/districts.ts';
import type { StatsStore } from './stats.store.ts';
import { districtFilter } from './stats.service.ts';
import type { DrillItem, DrillSpec, StatsDrillStore } from './stats-drill.store.ts';
import {
  bureauDay, monthWithin, monthsOf, parseCertType, parseDistrict, parseMeasure, parseMonth, parsePage, parseText, parseUploaded, resolvePeriod,
} from './stats-params.ts';
import { DRILL_CSV_HEADER, drillCsvRow, withBom } from './stats-csv.ts';

export interface DrillQuery {
  measure?: string;
  from?: string;
  to?: string;
  district?: string;
  office?: string;
  item?: string;
  unit?: string;
  type?: string;
  uploaded?: string | boolean;
  month?: string;
  page?: number;
  size?: number;
}

export interface DrillPage { total: number; page: number; size: number; items: DrillItem[] }

type Deps = { db: Queryable; store: StatsDrillStore; figures: Pick<StatsStore, 'districtForms'>; now: () => Date };

export function createStatsDrillService(deps: Deps) {
  const { db, store } = deps;

  async function specOf(q: DrillQuery): Promise<DrillSpec> {
    const measure = parseMeasure(q.measure);
    const today = bureauDay(deps.now());
    const period = resolvePeriod(q, today);
    const month = parseMonth(q.month);
    const span = month === undefined ? period : monthWithin(month, period);
    if (!span) throw badRequest(`month: ${month} is outside the period ${period.from} – ${period.to}`);
    const district = parseDistrict(q.district);
    return {
      measure, from: span.from, to: span.to, on: span.to, today,
      districts: await districtFilter(db, deps.figures, district),
      office: parseText(q.office), item: parseText(q.item),
      unit: parseText(q.unit), type: parseCertType(q.type), uploaded: parseUploaded(q.uploaded),
    };
  }

  /** The list shows districts by their short name, as the figures do. */
  const shown = (item: DrillItem): DrillItem =>
    ({ ...item, district: item.district === null ? null : (canonicalDistrict(item.district) ?? item.district) });

  async function approvals(q: DrillQuery): Promise<DrillPage> {
    const spec = await specOf(q);
    const { page, size } = parsePage(q.page, q.size);
    const found = await store.list(db, spec, { limit: size, offset: (page - 1) * size });
    const total = found.total ?? await store.count(db, spec);
    return { total, page, size, items: found.items.map(shown) };
  }

  /**
   * Every approval behind the figure, as CSV in pieces (bad parameters throw before the first): a
   * month of the period at a time, newest first, so that a long period is never held whole; the
   * approvals open on a day are one piece.
   */
  async function approvalsCsv(q: DrillQuery): Promise<AsyncIterable<string>> {
    const spec = await specOf(q);
    const pieces = spec.measure === 'open' ? [spec]
      : monthsOf(spec.from, spec.to).reverse().map((m) => ({ ...spec, ...monthWithin(m, spec)! }));
    return (async function* () {
      yield withBom(DRILL_CSV_HEADER(spec.measure === 'overdue'));
      for (const piece of pieces) yield (await store.list(db, piece)).items.map((r) => drillCsvRow(shown(r))).join('');
    })();
  }

  return { approvals, approvalsCsv };
}

export type StatsDrillService = ReturnType<typeof createStatsDrillService>;
