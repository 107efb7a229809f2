/**
 * Why a search was slow: runs it once more through the real engine and service over a Db that
 * records every statement (with its time), then EXPLAIN (ANALYZE, BUFFERS)s the ones that read
 * the search table. Nothing here changes how the engine builds its SQL.
 */
import type { Db } from '../../services/db/db.ts';
import { createPostgresEngine } from '../../indexers/engines/postgres/postgres-engine.ts';
import { createSearchService } from '../../services/search/search.service.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';

interface Statement {
  sql: string;
  params: unknown[];
  ms: number;
}

function recordingDb(db: Db, log: Statement[]): Db {
  return {
    kind: db.kind,
    async query(sql, params) {
      const t0 = performance.now();
      const r = await db.query(sql, params);
      log.push({ sql, params: params ?? [], ms: performance.now() - t0 });
      return r as never;
    },
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    close: async () => {},
  };
}

const short = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
};

/** A markdown section: the query, each statement with its time, and the plans of the heavy ones. */
export async function explainSearch(rt: Runtime, q: string, label: string): Promise<string> {
  const log: Statement[] = [];
  const service = createSearchService({ engine: createPostgresEngine(recordingDb(rt.db, log)), segmenter: rt.segmenter });
  const t0 = performance.now();
  const result = await service.search({ q, size: 20 });
  const total = performance.now() - t0;
  const out = [
    `### ${label}: \`${q}\``,
    ``,
    `service ${total.toFixed(1)} ms; total ${result.total}${result.total_is_estimate ? ' (estimate)' : ''}; top hit: ${result.hits[0]?.title ?? '(none)'} (${result.hits[0]?.matched ?? '-'})`,
    ``,
    `Statements (the union of tiers and the count run concurrently on the server):`,
    ``,
    ...log.map((s) => `- ${s.ms.toFixed(1)} ms — \`${s.sql.replace(/\s+/g, ' ').slice(0, 140)}…\``),
    ``,
  ];
  for (const s of log) {
    if (/^\s*(SELECT generation|EXPLAIN)/.test(s.sql)) continue;
    const plan = await rt.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
    out.push(
      `<details><summary>${s.ms.toFixed(1)} ms: ${s.sql.trim().startsWith('(SELECT') ? 'tiers (UNION ALL)' : 'count'}</summary>`,
      ``,
      '```sql',
      s.sql.trim(),
      `-- params: ${s.params.map(short).join(' | ')}`,
      '```',
      '```',
      ...plan.rows.map((r) => r['QUERY PLAN']),
      '```',
      `</details>`,
      ``,
    );
  }
  return out.join('\n');
}
