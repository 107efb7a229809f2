/**
 * Why a search was slow: runs it once more through the real engine and service over a Db that
 * records every statement (with its time), then EXPLAIN (ANALYZE, BUFFERS)s the ones that read
 * the search table. Nothing here changes how the engine builds its SQL.
 */
import type { Db, Queryable } from '../../services/db/db.ts';
import { createPostgresEngine } from '../../indexers/engines/postgres/postgres-engine.ts';
import { createSearchService } from '../../services/search/search.service.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';

interface Statement {
  sql: string;
  params: unknown[];
  ms: number;
  /** The SET LOCALs run before it in its transaction, replayed around its EXPLAIN. */
  settings: string[];
}

/** Records every statement, those inside transactions too (the tiers and counts run in one). */
function recording(q: Queryable, log: Statement[]): Queryable {
  const settings: string[] = [];
  return {
    async query(sql, params) {
      if (/^\s*SET LOCAL/i.test(sql)) settings.push(sql);
      const t0 = performance.now();
      const r = await q.query(sql, params);
      log.push({ sql, params: params ?? [], ms: performance.now() - t0, settings: [...settings] });
      return r as never;
    },
    exec: (sql) => q.exec(sql),
  };
}

function recordingDb(db: Db, log: Statement[]): Db {
  return {
    ...recording(db, log),
    kind: db.kind,
    transaction: (fn) => db.transaction((tx) => fn(recording(tx, log))),
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
    if (!/search_docs_g\d+_/.test(s.sql) || /^\s*(SELECT relname|SELECT tablename|EXPLAIN)/.test(s.sql)) continue;
    const plan = await rt.db.transaction(async (tx) => {
      for (const set of s.settings) await tx.query(set);
      return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
    });
    out.push(
      `<details><summary>${s.ms.toFixed(1)} ms: ${/count\(DISTINCT/.test(s.sql) ? 'counts' : 'tiers (UNION ALL)'}</summary>`,
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
