/**
 * The ECharts options of 统计's charts, built from the API's answers, and what a click on each
 * chart opens. Pure (the chart component only draws them), so the figures a chart shows can be
 * checked against the API's in a unit test. No animation: the figures are read, not watched.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { certificateDrill, handlingDrill, overdueDrill, type DrillState } from './drill-down';
import type { CertificatesAnswer, HandlingAnswer, OverdueAnswer } from './stats.types';
import { STATS_TEXTS } from './texts';

const C = STATS_TEXTS.chart;

/** What a click on a chart element carries (the part of ECharts' event the pages use). */
export interface ChartClick {
  seriesId?: string;
  dataIndex: number;
  value?: unknown;
}

/**
 * Text for a tooltip written by a formatter: ECharts puts it into the page as HTML, and office
 * and step names come from imported records.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The system CJK fonts, as the page's own text (no web fonts). */
const TEXT = { fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif', color: 'rgba(0,0,0,.88)' } as const;
const BASE = { animation: false, textStyle: TEXT, tooltip: { confine: true } } as const;

/** Colours with enough contrast on white, the pills' hues. */
const COLOURS = { received: '#d48806', open: '#1456b8', closed: '#389e0d', uploaded: '#389e0d', notUploaded: '#cf1322', rate: '#1456b8' } as const;

/** 新增 and 办结 as bars, 在办 (at each month's end) as a line, month by month. */
export function monthlyOption(answer: HandlingAnswer): EChartsCoreOption {
  const rows = answer.rows;
  return {
    ...BASE,
    tooltip: { ...BASE.tooltip, trigger: 'axis' },
    legend: { top: 0, data: [C.received, C.closed, C.open] },
    grid: { left: 56, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => r.key) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { id: 'received', name: C.received, type: 'bar', data: rows.map((r) => r.received), itemStyle: { color: COLOURS.received } },
      { id: 'closed', name: C.closed, type: 'bar', data: rows.map((r) => r.closed), itemStyle: { color: COLOURS.closed } },
      { id: 'open', name: C.open, type: 'line', data: rows.map((r) => r.open), itemStyle: { color: COLOURS.open }, symbolSize: 8 },
    ],
  };
}

/** A month's bar or point → the approvals it counts. */
export function monthlyClick(answer: HandlingAnswer, filters: { district: string | null; office: string | null }, click: ChartClick): DrillState | null {
  const row = answer.rows[click.dataIndex];
  const measure = click.seriesId;
  if (!row || (measure !== 'received' && measure !== 'open' && measure !== 'closed')) return null;
  return handlingDrill({ from: answer.from, to: answer.to }, filters, 'month', row.key, measure);
}

/** `97.6%` the way the API writes rates: one decimal, `0.0%` when nothing was issued. */
export function rate(uploaded: number, issued: number): string {
  return issued === 0 ? '0.0%' : `${((uploaded / issued) * 100).toFixed(1)}%`;
}

/** A unit's certificates of every type: issued, uploaded, not uploaded. */
export function unitTotals(row: CertificatesAnswer['rows'][number]) {
  let uploaded = 0;
  let notUploaded = 0;
  for (const t of Object.values(row.by_type)) {
    uploaded += t.uploaded;
    notUploaded += t.not_uploaded;
  }
  return { issued: row.issued, uploaded, notUploaded, rate: rate(uploaded, row.issued) };
}

/** Each unit's certificates 已传 and 未传 stacked, and its upload rate as a line on its own axis. */
export function uploadOption(answer: CertificatesAnswer): EChartsCoreOption {
  const totals = answer.rows.map(unitTotals);
  return {
    ...BASE,
    tooltip: { ...BASE.tooltip, trigger: 'axis' },
    legend: { top: 0, data: [C.uploaded, C.notUploaded, C.rate] },
    grid: { left: 56, right: 56, top: 36, bottom: 56 },
    xAxis: { type: 'category', data: answer.rows.map((r) => r.unit), axisLabel: { interval: 0, rotate: answer.rows.length > 8 ? 30 : 0 } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { id: 'uploaded', name: C.uploaded, type: 'bar', stack: 'issued', data: totals.map((t) => t.uploaded), itemStyle: { color: COLOURS.uploaded } },
      { id: 'not_uploaded', name: C.notUploaded, type: 'bar', stack: 'issued', data: totals.map((t) => t.notUploaded), itemStyle: { color: COLOURS.notUploaded } },
      {
        id: 'rate', name: C.rate, type: 'line', yAxisIndex: 1, symbolSize: 8, itemStyle: { color: COLOURS.rate },
        // A unit that issued nothing has no rate: a gap in the line, not a fall to 0%.
        data: totals.map((t) => (t.issued === 0 ? null : Number.parseFloat(t.rate))),
        tooltip: { valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
      },
    ],
  };
}

/** A unit's 已传 or 未传 bar, or its rate's point (all it issued) → those certificates' approvals. */
export function uploadClick(answer: CertificatesAnswer, click: ChartClick): DrillState | null {
  const row = answer.rows[click.dataIndex];
  if (!row) return null;
  const uploaded = click.seriesId === 'uploaded' ? true : click.seriesId === 'not_uploaded' ? false : null;
  return certificateDrill({ from: answer.from, to: answer.to }, row.unit, null, uploaded);
}

/** Overdue steps by office (rows) and month (columns); a cell's colour is its count. */
export function overdueOption(answer: OverdueAnswer): EChartsCoreOption {
  const month = new Map(answer.months.map((m, i) => [m, i]));
  const office = new Map(answer.offices.map((o, i) => [o, i]));
  const data = answer.cells.map((c) => ({ value: [month.get(c.month) ?? -1, office.get(c.office) ?? -1, c.overdue], due: c.due }));
  const max = Math.max(1, ...answer.cells.map((c) => c.overdue));
  return {
    ...BASE,
    tooltip: {
      ...BASE.tooltip,
      formatter: (p: { data?: { value: number[]; due: number } }) => {
        const [x = 0, y = 0, n = 0] = p.data?.value ?? [];
        return `${escapeHtml(answer.offices[y] ?? '')} ${escapeHtml(answer.months[x] ?? '')}<br/>${C.overdue} ${n} / ${p.data?.due ?? 0}`;
      },
    },
    grid: { left: 140, right: 24, top: 8, bottom: 84 },
    xAxis: { type: 'category', data: answer.months, splitArea: { show: true } },
    yAxis: { type: 'category', data: answer.offices, splitArea: { show: true }, axisLabel: { width: 128, overflow: 'truncate' } },
    visualMap: {
      min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
      inRange: { color: ['#fff7e6', '#fa8c16', '#a8071a'] },
    },
    series: [{ id: 'overdue', name: C.overdue, type: 'heatmap', data, label: { show: true }, emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } } }],
  };
}

/** A cell → the overdue steps' approvals of that office and month. */
export function overdueClick(answer: OverdueAnswer, click: ChartClick): DrillState | null {
  const value = (click.value as { value?: number[] } | number[] | undefined);
  const v = Array.isArray(value) ? value : value?.value;
  const month = v ? answer.months[v[0]!] : undefined;
  const office = v ? answer.offices[v[1]!] : undefined;
  return month && office ? overdueDrill({ from: answer.from, to: answer.to }, office, month) : null;
}

/** How tall the heatmap must be for its offices to be read. */
export const overdueHeight = (answer: OverdueAnswer): number => Math.max(200, answer.offices.length * 26 + 90);

/** The data points an option's series hold: the chart component writes it on its element (the tests read it). */
export function seriesPoints(option: EChartsCoreOption): number {
  const series = (option as { series?: { data?: unknown[] }[] }).series ?? [];
  return series.reduce((n, s) => n + (s.data?.length ?? 0), 0);
}
