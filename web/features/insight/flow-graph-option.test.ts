import { describe, expect, it } from 'vitest';
import { flowGraphHeight, flowGraphOption, placeNodes } from './flow-graph-option';
import type { ItemInsight } from './insight.types';

const spread = (p50: number) => ({ p50, p90: p50 * 2 });
const INSIGHT: ItemInsight = {
  item: '规划条件核实', computed_at: '2026-12-02T09:00:00Z', cases: 10,
  standard: ['受理', '面积校核', '核位红线', '签批', '发证'],
  steps: ['受理', '面积校核', '核位红线', '签批', '发证', '补正'].map((name, i) => ({ name, office: i === 1 || i === 2 ? '武汉市测绘研究院' : '行政审批处', count: 10 - (i === 5 ? 8 : 0), service: spread(1), waiting: spread(0.5) })),
  edges: [
    { from: '开始', to: '受理', count: 10, waiting_p50: 0 },
    { from: '受理', to: '面积校核', count: 6, waiting_p50: 1.5 },
    { from: '受理', to: '核位红线', count: 4, waiting_p50: 1 },
    { from: '面积校核', to: '核位红线', count: 6, waiting_p50: 0.5 },
    { from: '核位红线', to: '面积校核', count: 4, waiting_p50: 0.5 },
    { from: '核位红线', to: '签批', count: 6, waiting_p50: 2 },
    { from: '面积校核', to: '签批', count: 4, waiting_p50: 2 },
    { from: '签批', to: '补正', count: 2, waiting_p50: 1 },
    { from: '补正', to: '发证', count: 2, waiting_p50: 1 },
    { from: '签批', to: '发证', count: 8, waiting_p50: 0.3 },
    { from: '发证', to: '结束', count: 10, waiting_p50: 0 },
  ],
  critical_path: { steps: ['受理', '面积校核', '核位红线', '签批', '发证'], days: 12.5 },
  cycle: { p50: 14, p90: 22 },
};

type Graph = { data: { name: string; value: number[] }[]; links: { source: string; target: string; value: number; label: { formatter: string }; lineStyle: { curveness: number } }[] };

describe('the directly-follows graph', () => {
  it('lays the standard steps out in their order between 开始 and 结束, others on a row below', () => {
    const nodes = placeNodes(INSIGHT);
    expect(nodes.map((n) => n.name)).toEqual(['开始', '受理', '面积校核', '核位红线', '签批', '发证', '补正', '结束']);
    const x = Object.fromEntries(nodes.map((n) => [n.name, n.x]));
    expect(x['开始']! < x['受理']! && x['受理']! < x['面积校核']! && x['签批']! < x['发证']! && x['发证']! < x['结束']!).toBe(true);
    const extra = nodes.find((n) => n.name === '补正')!;
    expect(extra.y).toBeGreaterThan(Math.max(...nodes.filter((n) => n.name !== '补正').map((n) => n.y)));
    // Below the step it follows (签批), not at the start.
    expect(extra.x).toBeGreaterThan(x['签批']!);
    expect(flowGraphHeight(INSIGHT)).toBeGreaterThan(flowGraphHeight({ ...INSIGHT, steps: INSIGHT.steps.slice(0, 5), edges: INSIGHT.edges.filter((e) => e.from !== '补正' && e.to !== '补正') }));
  });

  it('puts every edge with its count and waiting time on the graph, and bends the pairs done both ways apart', () => {
    const series = (flowGraphOption(INSIGHT) as { series: Graph[] }).series[0]!;
    expect(series.links.map((l) => [l.source, l.target, l.value])).toEqual(INSIGHT.edges.map((e) => [e.from, e.to, e.count]));
    const link = (a: string, b: string) => series.links.find((l) => l.source === a && l.target === b)!;
    expect(link('受理', '面积校核').label.formatter).toBe('6件 · 1.5天');
    expect(link('面积校核', '核位红线').lineStyle.curveness).toBeGreaterThan(link('受理', '面积校核').lineStyle.curveness);
    expect(series.data.map((d) => d.name)).toContain('补正');
  });

  it('draws a step done at several offices as one node with each office in its tooltip, names escaped', () => {
    const two = { ...INSIGHT, steps: [...INSIGHT.steps, { name: '受理', office: '洪山分局<窗口>', count: 30, service: spread(2), waiting: spread(1) }] };
    type Node = { name: string; symbolSize: number; tooltip: { formatter: string } };
    const node = (o: object, name: string) => ((o as { series: { data: Node[] }[] }).series[0]!.data).find((d) => d.name === name)!;
    const tip = node(flowGraphOption(two), '受理').tooltip.formatter;
    expect(tip).toContain('<b>受理</b> 40 件');
    expect(tip).toContain('洪山分局&#60;窗口&#62;：30 件，2 / 4，1 / 2');
    expect(tip).toContain('行政审批处：10 件');
    expect(node(flowGraphOption(two), '受理').symbolSize).toBeGreaterThan(node(flowGraphOption(two), '签批').symbolSize);
    expect(node(flowGraphOption(INSIGHT), '受理').symbolSize).toBe(node(flowGraphOption(INSIGHT), '签批').symbolSize);
  });
});
