/**
 * The naming benchmark's scoring against a database that is already indexed, for trying a
 * change to the search without generating, importing and indexing again (naming.bench.ts does
 * all of that, and is what the README quotes).
 *
 *   planhub generate --projects 2083 --seed 7 --out /tmp/c && DATABASE_URL=… planhub import --dir /tmp/c && DATABASE_URL=… planhub reindex
 *   node tests/bench/naming-probe.ts --database postgres://…/db --queries /tmp/c/officer-queries.jsonl [--limit 450] [--misses]
 *
 * Prints top-1 / top-3 per class for today's behaviour and the service as wired, and with
 * --misses the queries that missed the top 3; writes nothing.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../services/config/config.ts';
import type { OfficerQuery } from '../../services/generate/officer-queries.ts';
import { openRuntime } from '../../services/runtime/runtime.ts';
import { createSearchService } from '../../services/search/search.service.ts';
import { readJsonl } from '../helpers/search-fixture.ts';
import { describeMachine, percentile as percentileOfSorted, table } from './machine.ts';
import { rankOf } from './naming-report.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    queries: { type: 'string' },
    limit: { type: 'string', default: '450' },
    misses: { type: 'boolean', default: false },
  },
});
if (!values.database || !values.queries) {
  console.error('--database (an indexed PlanHub database) and --queries (its officer-queries.jsonl) are required');
  process.exit(2);
}
const percentile = (xs: number[], p: number) => percentileOfSorted([...xs].sort((a, b) => a - b), p);
const queries = readJsonl<OfficerQuery>(values.queries).slice(0, Number(values.limit));
const rt = await openRuntime(loadConfig({ DATABASE_URL: values.database }));
try {
  const systems = [
    ['today', createSearchService({ engine: rt.engine, segmenter: rt.segmenter, naming: false })],
    ['naming', rt.search],
  ] as const;
  const byClass = new Map<string, { n: number; top1: number[]; top3: number[]; ms: number[][] }>();
  const missed: string[] = [];
  const slow: [number, string][] = [];
  for (const q of queries) {
    const c = byClass.get(q.class) ?? { n: 0, top1: [0, 0], top3: [0, 0], ms: [[], []] };
    byClass.set(q.class, c);
    c.n += 1;
    for (const [k, [system, s]] of systems.entries()) {
      const t0 = performance.now();
      const r = await s.search({ q: q.q, size: 20 });
      const ms = performance.now() - t0;
      c.ms[k]!.push(ms);
      if (system === 'naming') slow.push([ms, `${q.class}\t${q.q}\t${r.hits[0]?.matched ?? 'none'}`]);
      const rank = rankOf(r.hits, q.expected);
      if (rank === 1) c.top1[k]! += 1;
      if (rank >= 1 && rank <= 3) c.top3[k]! += 1;
      else if (system === 'naming' && values.misses) {
        const top = [...new Set(r.hits.map((h) => h.project_no && `${h.project_no} ${h.project_name ?? ''}`).filter(Boolean))].slice(0, 3);
        missed.push(`${q.class}\t${q.q}\t${rank || '—'}\t${q.expected.join(',')} ${q.source_name}\t| ${top.join(' | ')}`);
      }
    }
  }
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  const rows = [...byClass].map(([cls, c]) => [
    cls, String(c.n),
    `${pct(c.top1[0]!, c.n)} / ${pct(c.top3[0]!, c.n)}`, `${pct(c.top1[1]!, c.n)} / ${pct(c.top3[1]!, c.n)}`,
    `${percentile(c.ms[1]!, 50).toFixed(1)} / ${percentile(c.ms[1]!, 95).toFixed(1)}`,
  ]);
  const sum = (f: (c: { top1: number[]; top3: number[] }) => number) => [...byClass.values()].reduce((a, c) => a + f(c), 0);
  rows.push(['all', String(queries.length),
    `${pct(sum((c) => c.top1[0]!), queries.length)} / ${pct(sum((c) => c.top3[0]!), queries.length)}`,
    `${pct(sum((c) => c.top1[1]!), queries.length)} / ${pct(sum((c) => c.top3[1]!), queries.length)}`,
    `${percentile([...byClass.values()].flatMap((c) => c.ms[1]!), 50).toFixed(1)} / ${percentile([...byClass.values()].flatMap((c) => c.ms[1]!), 95).toFixed(1)}`]);
  console.log(describeMachine());
  console.log(table(['class', 'n', 'today top-1 / top-3', 'naming top-1 / top-3', 'naming p50 / p95 ms'], rows));
  if (missed.length) console.log(`\n${missed.join('\n')}`);
  if (values.misses) console.log(`\nslowest:\n${slow.sort((a, b) => b[0] - a[0]).slice(0, 15).map(([ms, q]) => `${ms.toFixed(1)} ms\t${q}`).join('\n')}`);
} finally {
  await rt.close();
}
