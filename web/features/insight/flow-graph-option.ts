/**
 * The directly-follows graph of an item as an ECharts graph: 开始 on the left, the item's
 * standard steps in their order, steps outside the standard on a lower row, 结束 on the right.
 * A fixed layout, not a force layout, so the graph reads left to right like the process and
 * the same data always draws the same picture. Edges both ways between two steps (a pair done
 * in either order) curve apart so both can be seen. Pure.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { escapeHtml } from '../stats/chart-options';
import type { ItemInsight, ItemStep } from './insight.types';
import { INSIGHT_TEXTS as T } from './texts';

const START = '开始';
const END = '结束';
/** Positions are in steps across and rows down; a hidden grid maps them to the box, so symbols keep their size. */
const STEP_X = 1;
const ROW_Y = 1;

export interface PlacedNode {
  name: string;
  x: number;
  y: number;
}

/** Where each node sits: the standard's rank across, standard steps zig-zagging so edges that skip one stay visible. */
export function placeNodes(insight: Pick<ItemInsight, 'standard' | 'steps' | 'edges'>): PlacedNode[] {
  const named = new Set<string>([...insight.steps.map((s) => s.name), ...insight.edges.flatMap((e) => [e.from, e.to])]);
  named.delete(START);
  named.delete(END);
  const standard = insight.standard.filter((s) => s !== START && s !== END);
  const rank = new Map(standard.map((s, i) => [s, i + 1]));
  const nodes: PlacedNode[] = [{ name: START, x: 0, y: ROW_Y / 2 }];
  standard.forEach((s, i) => nodes.push({ name: s, x: (i + 1) * STEP_X, y: i % 2 === 0 ? 0 : ROW_Y }));
  // A step outside the standard sits below the step it most often follows.
  const extras = [...named].filter((n) => !rank.has(n)).sort();
  extras.forEach((name, i) => {
    const before = insight.edges.filter((e) => e.to === name && rank.has(e.from)).sort((a, b) => b.count - a.count)[0];
    const x = before ? rank.get(before.from)! * STEP_X + STEP_X / 2 : (i + 1) * STEP_X;
    nodes.push({ name, x, y: ROW_Y * 2 + (i % 2) * 0.4 });
  });
  nodes.push({ name: END, x: (standard.length + 1) * STEP_X, y: ROW_Y / 2 });
  return nodes;
}

/** A step as a node: its cases at every office together, and each office's times for the tooltip (busiest first, five at most). */
function nodeTooltip(name: string, rows: ItemStep[]): string {
  const total = rows.reduce((n, r) => n + r.count, 0);
  const offices = [...rows].sort((a, b) => b.count - a.count).slice(0, 5)
    .map((r) => T.nodeOffice(escapeHtml(r.office ?? '—'), r.count, T.spread(r.service.p50, r.service.p90), T.spread(r.waiting.p50, r.waiting.p90)));
  return [T.nodeTitle(escapeHtml(name), total), ...offices, ...(rows.length > 5 ? [T.nodeMore(rows.length - 5)] : [])].join('<br/>');
}

export function flowGraphOption(insight: ItemInsight): EChartsCoreOption {
  // The API gives a step once per office that did it.
  const steps = new Map<string, ItemStep[]>();
  for (const s of insight.steps) steps.set(s.name, [...(steps.get(s.name) ?? []), s]);
  const countOf = (name: string) => (steps.get(name) ?? []).reduce((n, r) => n + r.count, 0);
  const maxCount = Math.max(1, ...insight.edges.map((e) => e.count), ...[...steps.keys()].map(countOf));
  const pairs = new Set(insight.edges.map((e) => `${e.from}\u0000${e.to}`));
  const critical = new Set(insight.critical_path.steps);
  const placed = placeNodes(insight);
  const data = placed.map((n) => {
    const rows = steps.get(n.name);
    const end = n.name === START || n.name === END;
    return {
      name: n.name,
      value: [n.x, n.y],
      symbolSize: end ? 28 : 22 + 26 * Math.sqrt(countOf(n.name) / maxCount),
      itemStyle: { color: end ? '#8c8c8c' : critical.has(n.name) ? '#c2410c' : '#1456b8' },
      label: { show: true, position: end ? 'inside' : n.y > 0 ? 'bottom' : 'top', fontSize: end ? 11 : 13, color: end ? '#fff' : 'rgba(0,0,0,.88)' },
      tooltip: { formatter: rows ? nodeTooltip(n.name, rows) : escapeHtml(n.name) },
    };
  });
  const links = insight.edges.map((e) => ({
    source: e.from,
    target: e.to,
    value: e.count,
    label: { show: true, formatter: T.edgeLabel(e.count, e.waiting_p50), fontSize: 11, color: 'rgba(0,0,0,.75)' },
    lineStyle: {
      width: 1 + 5 * (e.count / maxCount),
      // Both directions present: bend each its own way; otherwise a slight bend keeps labels off nodes.
      curveness: pairs.has(`${e.to}\u0000${e.from}`) ? 0.3 : 0.08,
      opacity: 0.75,
    },
  }));
  return {
    animation: false,
    textStyle: { fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif' },
    tooltip: { confine: true },
    // A graph on a view scales its symbols with the layout's two axes unevenly; on a hidden grid they keep their size.
    grid: { left: 40, right: 40, top: 40, bottom: 40 },
    xAxis: { type: 'value', show: false, min: -0.3, max: Math.max(...placed.map((n) => n.x)) + 0.3 },
    yAxis: { type: 'value', show: false, inverse: true, min: -0.4, max: Math.max(...placed.map((n) => n.y)) + 0.3 },
    series: [{
      id: 'flow',
      type: 'graph',
      coordinateSystem: 'cartesian2d',
      data,
      links,
      edgeSymbol: ['none', 'arrow'],
      edgeSymbolSize: 9,
      lineStyle: { color: '#5b6b82' },
      emphasis: { focus: 'adjacency' },
    }],
  };
}

/** How tall the graph must be: a lower row when steps outside the standard occur. */
export const flowGraphHeight = (insight: Pick<ItemInsight, 'standard' | 'steps' | 'edges'>): number =>
  placeNodes(insight).some((n) => n.y >= ROW_Y * 2) ? 380 : 280;
