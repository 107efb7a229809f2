/** The table versions published through the API (the rule center). SQL only; rows are never changed. */
import type { Queryable } from '../db/db.ts';

export interface RuleVersionRow {
  id: string;
  version: number;
  content: unknown;
  meta: Record<string, unknown>;
  published_by: string;
  published_at: string;
}

const COLUMNS = `id, version, content, meta, published_by, to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_at`;

/** The newest published version of each table. */
async function latest(db: Queryable): Promise<RuleVersionRow[]> {
  const r = await db.query<RuleVersionRow>(`SELECT DISTINCT ON (id) ${COLUMNS} FROM rule_versions ORDER BY id, version DESC`);
  return r.rows;
}

/** Every published version of one table, newest first, without their content. */
async function history(db: Queryable, id: string): Promise<Omit<RuleVersionRow, 'content'>[]> {
  const r = await db.query<Omit<RuleVersionRow, 'content'>>(
    `SELECT id, version, meta, published_by, to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_at
     FROM rule_versions WHERE id = $1 ORDER BY version DESC`,
    [id],
  );
  return r.rows;
}

/** A cheap stamp that changes whenever a version is published (by this process or another). */
async function stamp(db: Queryable): Promise<string> {
  const r = await db.query<{ stamp: string }>(`SELECT count(*)::text || '|' || coalesce(max(published_at)::text, '') AS stamp FROM rule_versions`);
  return r.rows[0]!.stamp;
}

/** Stores a version; false when that id and version are already published. */
async function insert(tx: Queryable, v: Omit<RuleVersionRow, 'published_at'>): Promise<boolean> {
  const r = await tx.query(
    `INSERT INTO rule_versions (id, version, content, meta, published_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [v.id, v.version, JSON.stringify(v.content), JSON.stringify(v.meta), v.published_by],
  );
  return r.rowCount > 0;
}

export const ruleVersionStore = { latest, history, stamp, insert };
export type RuleVersionStore = typeof ruleVersionStore;
