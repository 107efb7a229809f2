/**
 * Reads and writes behind the links API and export: a resource's links, the review queue,
 * decisions, and all links page by page. A record's own link (method 'declared', stored
 * 'confirmed') reads as status 'declared' until a person decides on it.
 */
import type { Queryable } from '../db/db.ts';
import type { LinkType } from './link-model.ts';
import type { Reason } from './link-reasons.ts';

export const LINK_STATUSES = ['declared', 'auto', 'suggested', 'confirmed', 'rejected'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export interface LinkView {
  resource_type: string;
  resource_id: string;
  project_no: string;
  project_name: string | null;
  project_district: string | null;
  status: LinkStatus;
  method: string;
  score: number;
  doubt: number | null;
  reasons: Reason[];
  passage: string | null;
  linker_version: number | null;
  decision: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** The status as people read it: a record's own link is 'declared'. */
const STATUS = `CASE WHEN l.method = 'declared' AND l.decided_at IS NULL THEN 'declared' ELSE l.status END`;
const VIEW = `l.resource_type, l.resource_id, l.project_no, p.name AS project_name, p.district AS project_district,
  ${STATUS} AS status, l.method, l.score, l.doubt, l.reasons, l.passage, l.linker_version, l.decision, l.decided_by,
  to_char(l.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS decided_at`;

/** The SQL condition for a status as people read it. */
function statusWhere(status: LinkStatus): string {
  switch (status) {
    case 'declared': return `l.method = 'declared' AND l.decided_at IS NULL`;
    case 'confirmed': return `l.status = 'confirmed' AND NOT (l.method = 'declared' AND l.decided_at IS NULL)`;
    default: return `l.status = '${status}'`;
  }
}

const parseReasons = <T extends { reasons: unknown }>(row: T): T =>
  (typeof row.reasons === 'string' ? { ...row, reasons: JSON.parse(row.reasons) } : row);

async function linksOf(db: Queryable, type: LinkType, id: string): Promise<LinkView[]> {
  const r = await db.query<LinkView>(
    `SELECT ${VIEW} FROM resource_links l LEFT JOIN projects p ON p.project_no = l.project_no
     WHERE l.resource_type = $1 AND l.resource_id = $2 ORDER BY l.score DESC, l.project_no`,
    [type, id],
  );
  return r.rows.map(parseReasons);
}

export interface QueueFilter {
  status: LinkStatus;
  type?: LinkType;
  /** Every form the project's district may be stored under. */
  districts?: string[];
  minScore?: number;
  maxScore?: number;
  offset: number;
  limit: number;
}

export interface QueueItem extends LinkView {
  resource_title: string | null;
}

const TITLES = `(SELECT 'petition' AS t, id, subject AS title FROM petitions
  UNION ALL SELECT 'document', id, coalesce(title, doc_no) FROM documents
  UNION ALL SELECT 'meeting', id, title FROM meetings)`;

async function reviewQueue(db: Queryable, f: QueueFilter): Promise<{ total: number; items: QueueItem[] }> {
  const where = [statusWhere(f.status), `l.resource_type IN ('petition', 'document', 'meeting')`];
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (f.type) where.push(`l.resource_type = ${param(f.type)}`);
  if (f.districts) where.push(`p.district = ANY(${param(f.districts)}::text[])`);
  if (f.minScore !== undefined) where.push(`l.score >= ${param(f.minScore)}`);
  if (f.maxScore !== undefined) where.push(`l.score <= ${param(f.maxScore)}`);
  const from = `FROM resource_links l LEFT JOIN projects p ON p.project_no = l.project_no WHERE ${where.join(' AND ')}`;
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
  const page = await db.query<QueueItem>(
    `SELECT ${VIEW}, (SELECT x.title FROM ${TITLES} x WHERE x.t = l.resource_type AND x.id = l.resource_id) AS resource_title
     ${from} ORDER BY l.score DESC, l.resource_type, l.resource_id, l.project_no LIMIT ${param(f.limit)} OFFSET ${param(f.offset)}`,
    params,
  );
  return { total: total.rows[0]!.n, items: page.rows.map(parseReasons) };
}

const TABLE: Record<LinkType, string> = { petition: 'petitions', document: 'documents', meeting: 'meetings' };

async function resourceVersion(db: Queryable, type: LinkType, id: string): Promise<number | null> {
  const r = await db.query<{ version: number }>(`SELECT version FROM ${TABLE[type]} WHERE id = $1`, [id]);
  return r.rows[0]?.version ?? null;
}

async function projectExists(db: Queryable, projectNo: string): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM projects WHERE project_no = $1', [projectNo]);
  // (rows, not rowCount: PGlite leaves rowCount unset on a SELECT.)
  return r.rows.length > 0;
}

export interface DecisionWrite {
  resource_type: LinkType;
  resource_id: string;
  project_no: string;
  decision: 'confirm' | 'reject' | 'unsure';
  by: string;
}

/** Records a person's decision on a pair (adding the pair when the linker had not proposed it); the status before and after. */
async function recordDecision(tx: Queryable, d: DecisionWrite): Promise<{ before: string | null; after: string }> {
  const before = await tx.query<{ status: string }>(
    'SELECT status FROM resource_links WHERE resource_type = $1 AND resource_id = $2 AND project_no = $3 FOR UPDATE',
    [d.resource_type, d.resource_id, d.project_no],
  );
  const r = await tx.query<{ status: string }>(
    `INSERT INTO resource_links (resource_type, resource_id, project_no, score, method, status, decision, decided_by, decided_at, updated_at)
     VALUES ($1, $2, $3, 1, 'manual', CASE $4 WHEN 'confirm' THEN 'confirmed' WHEN 'reject' THEN 'rejected' ELSE 'suggested' END,
       $4, $5, now(), now())
     ON CONFLICT (resource_type, resource_id, project_no) DO UPDATE SET
       status = CASE $4 WHEN 'confirm' THEN 'confirmed' WHEN 'reject' THEN 'rejected'
         ELSE CASE WHEN resource_links.method = 'declared' THEN resource_links.status ELSE 'suggested' END END,
       decision = $4, decided_by = $5, decided_at = now(), updated_at = now()
     RETURNING status`,
    [d.resource_type, d.resource_id, d.project_no, d.decision, d.by],
  );
  return { before: before.rows[0]?.status ?? null, after: r.rows[0]!.status };
}

export interface ExportRow {
  resource_type: string;
  resource_id: string;
  project_no: string;
  status: LinkStatus;
  score: number;
  method: string;
  reasons: Reason[];
  doubt: number | null;
  passage: string | null;
  linker_version: number | null;
}

/** One page of links in key order, after `after` (the last row of the previous page). */
async function exportPage(
  db: Queryable,
  f: { type?: LinkType; status?: LinkStatus },
  after: { resource_type: string; resource_id: string; project_no: string } | null,
  limit: number,
): Promise<ExportRow[]> {
  const where = [`l.resource_type IN ('petition', 'document', 'meeting')`];
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (f.type) where.push(`l.resource_type = ${param(f.type)}`);
  if (f.status) where.push(statusWhere(f.status));
  if (after) {
    where.push(`(l.resource_type, l.resource_id, l.project_no) > (${param(after.resource_type)}, ${param(after.resource_id)}, ${param(after.project_no)})`);
  }
  const r = await db.query<ExportRow>(
    `SELECT l.resource_type, l.resource_id, l.project_no, ${STATUS} AS status, l.score, l.method, l.reasons, l.doubt, l.passage,
       l.linker_version
     FROM resource_links l WHERE ${where.join(' AND ')}
     ORDER BY l.resource_type, l.resource_id, l.project_no LIMIT ${param(limit)}`,
    params,
  );
  return r.rows.map(parseReasons);
}

export const linkReviewStore = { linksOf, reviewQueue, resourceVersion, projectExists, recordDecision, exportPage };
export type LinkReviewStore = typeof linkReviewStore;
