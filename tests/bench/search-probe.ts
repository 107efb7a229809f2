/**
 * Query latency against a database that is already indexed (one kept by
 * `search.bench.ts --keep`), for trying a change to the search without importing and indexing
 * again. Queries are drawn from the database itself, in the benchmark's five classes.
 *
 *   node tests/bench/search-probe.ts --database postgres://…/db [--queries 300] [--repeat 1] [--explain 0]
 *
 * Prints p50/p95/p99 per class and the machine, and with --explain N the statements and plans
 * of the N slowest queries; writes nothing.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../services/config/config.ts';
import { openRuntime } from '../../services/runtime/runtime.ts';
import { explainSearch } from './search-explain.ts';
import { describeMachine, percentile, table } from './machine.ts';
import { BRACKETS, COMMON_TERMS, QUERY_CLASSES, phraseOf, seededRng, type BenchQuery } from './search-queries.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    queries: { type: 'string', default: '300' },
    repeat: { type: 'string', default: '1' },
    explain: { type: 'string', default: '0' },
  },
});
if (!values.database) {
  console.error('--database is required: the URL of an indexed PlanHub database');
  process.exit(2);
}
const perClass = Math.ceil(Number(values.queries) / QUERY_CLASSES.length);
const rt = await openRuntime(loadConfig({ DATABASE_URL: values.database }));
try {
  const column = async (sql: string) => (await rt.db.query<{ v: string }>(sql, [perClass])).rows.map((r) => r.v);
  const rng = seededRng(20261125);
  const texts = await column(`SELECT body AS v FROM documents WHERE body IS NOT NULL ORDER BY md5(id) LIMIT $1`);
  const byClass: Record<(typeof QUERY_CLASSES)[number], string[]> = {
    'project name': await column(`SELECT name AS v FROM projects ORDER BY md5(id) LIMIT $1`),
    'project number': await column(`SELECT project_no AS v FROM projects ORDER BY md5(id || 'no') LIMIT $1`),
    '文号 (other brackets)': (await column(`SELECT doc_no AS v FROM documents WHERE doc_no LIKE '%〔%' ORDER BY md5(id) LIMIT $1`)).map((n, i) => {
      const [open, close] = BRACKETS[i % BRACKETS.length]!;
      return n.replace('〔', open).replace('〕', close);
    }),
    phrase: texts.map((t) => phraseOf(t, rng)).filter((p): p is string => Boolean(p)),
    'common term': Array.from({ length: perClass }, (_, i) => COMMON_TERMS[i % COMMON_TERMS.length]!),
  };
  const queries: BenchQuery[] = [];
  for (let i = 0; i < perClass; i++) for (const cls of QUERY_CLASSES) if (byClass[cls][i]) queries.push({ cls, q: byClass[cls][i]! });

  for (const { q } of queries.slice(0, 10)) await rt.search.search({ q, size: 20 });
  const timings: { cls: string; ms: number; q: string }[] = [];
  for (let r = 0; r < Number(values.repeat); r++) {
    for (const { cls, q } of queries) {
      const t0 = performance.now();
      await rt.search.search({ q, size: 20 });
      timings.push({ cls, q, ms: performance.now() - t0 });
    }
  }
  const line = (name: string, ms: number[]) => {
    const s = [...ms].sort((a, b) => a - b);
    return [name, s.length, percentile(s, 50).toFixed(1), percentile(s, 95).toFixed(1), percentile(s, 99).toFixed(1)];
  };
  console.log(describeMachine());
  console.log(table(['class', 'n', 'p50 ms', 'p95 ms', 'p99 ms'], [
    ...QUERY_CLASSES.map((c) => line(c, timings.filter((t) => t.cls === c).map((t) => t.ms))),
    line('all', timings.map((t) => t.ms)),
  ]));
  const slowest = timings.sort((a, b) => b.ms - a.ms);
  console.log('slowest:', slowest.slice(0, 8).map((t) => `${t.q} ${t.ms.toFixed(0)} ms`).join('; '));
  for (const t of slowest.slice(0, Number(values.explain))) console.log(await explainSearch(rt, t.q, `${t.cls}, ${t.ms.toFixed(0)} ms`));
} finally {
  await rt.close();
}
