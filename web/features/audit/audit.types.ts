/** What `GET /api/audit` answers (services/audit/audit.routes.ts): entries newest first, and the next page's `before`. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntry[];
  next_before: number | null;
}
