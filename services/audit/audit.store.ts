/** The audit log: who did what to which records. Entries are appended, never changed. */
import type { Queryable } from '../db/db.ts';

export interface AuditEntry {
  actor: string;
  action: string;
  resource_type?: string;
  resource_id?: string;
  detail?: Record<string, unknown>;
}

export async function appendAudit(db: Queryable, e: AuditEntry): Promise<void> {
  await db.query(
    'INSERT INTO audit_log (actor, action, resource_type, resource_id, detail) VALUES ($1, $2, $3, $4, $5)',
    [e.actor, e.action, e.resource_type ?? null, e.resource_id ?? null, JSON.stringify(e.detail ?? {})],
  );
}

/** An entry as stored, `at` as an ISO instant in UTC. */
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  detail: Record<string, unknown>;
}

/** Exact matches on the named columns; `from` inclusive, `until` exclusive; ids below `before`. */
export interface AuditFilter {
  actor?: string;
  action?: string;
  resource_type?: string;
  resource_id?: string;
  from?: Date;
  until?: Date;
  before?: number;
}

/** Entries matching `f`, newest (highest id) first, `limit` at most. */
export async function listAudit(db: Queryable, f: AuditFilter, limit: number): Promise<AuditRow[]> {
  const r = await db.query<AuditRow>(
    `SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor, action, resource_type, resource_id, detail
     FROM audit_log
     WHERE ($1::text IS NULL OR actor = $1)
       AND ($2::text IS NULL OR action = $2)
       AND ($3::text IS NULL OR resource_type = $3)
       AND ($4::text IS NULL OR resource_id = $4)
       AND ($5::timestamptz IS NULL OR at >= $5)
       AND ($6::timestamptz IS NULL OR at < $6)
       AND ($7::bigint IS NULL OR id < $7)
     ORDER BY id DESC
     LIMIT $8`,
    [f.actor ?? null, f.action ?? null, f.resource_type ?? null, f.resource_id ?? null,
      f.from?.toISOString() ?? null, f.until?.toISOString() ?? null, f.before ?? null, limit],
  );
  return r.rows;
}

export const auditStore = { append: appendAudit, list: listAudit };
export type AuditStore = typeof auditStore;
