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

export const auditStore = { append: appendAudit };
export type AuditStore = typeof auditStore;
