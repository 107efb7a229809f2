/**
 * One small database interface over both PostgreSQLs PlanHub runs on: a server through `pg`,
 * and PGlite (PostgreSQL compiled to WebAssembly) on disk for the embedded default. The same
 * SQL and migrations run on both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// int8 (counts, bigserial ids) and numeric come back as strings by default; PlanHub's never
// exceed 2^53, so numbers are what callers expect on both engines.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v) => Number(v));

export function openPostgres(connectionString: string, max = 10): Db {
  // JIT off: the server compiles any statement its planner costs above jit_above_cost, and a
  // bulk insert or a search over a million rows always is. Compiling took two thirds of the
  // server's CPU while indexing (perf, 1M rows) and runs again on every statement, for queries
  // that take milliseconds.
  const pool = new pg.Pool({ connectionString, max, options: '-c jit=off' });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await c.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Opens (creating if needed) the embedded store in `dir`; `undefined` keeps it in memory. */
export async function openPglite(dir: string | undefined): Promise<Db> {
  if (dir) fs.mkdirSync(path.dirname(dir), { recursive: true });
  const db = await PGlite.create(dir, {
    extensions: { pg_trgm },
    parsers: { [INT8_OID]: (v: string) => Number(v), [NUMERIC_OID]: (v: string) => Number(v) },
  });
  const wrap = (c: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await c.query<T>(sql, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await c.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}

/** The store the configuration names: the server when `databaseUrl` is set, else PGlite. */
export function openDb(cfg: { databaseUrl: string | undefined; dataDir: string }): Promise<Db> {
  return cfg.databaseUrl
    ? Promise.resolve(openPostgres(cfg.databaseUrl))
    : openPglite(path.join(cfg.dataDir, 'pg'));
}
