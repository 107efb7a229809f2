/** Reads behind recommendations: a project's facts, its links, its builder's records, similar cases. */
import type { Queryable } from '../db/db.ts';
import type { ProjectRow } from '../projects/project.store.ts';
import { projectAliasesSql } from '../db/project-aliases-sql.ts';

/** The project recommendations are for: its row, its other names and the business items it applied for. */
export interface SubjectProject extends Omit<ProjectRow, 'id' | 'created_at' | 'version'> {
  estate_name: string | null;
  aliases: string[] | null;
  /** The business items it has applied for. */
  items: string[];
  /** The offices handling its approvals (a handler sees recommendations for their own office's cases). */
  offices: string[];
}

async function project(db: Queryable, projectNo: string): Promise<SubjectProject | null> {
  const r = await db.query<SubjectProject>(
    `SELECT p.project_no, p.name, p.builder, p.builder_credit_code, p.address, p.district, p.project_type, p.land_use,
            p.scale_m2::float8 AS scale_m2, p.extra->>'estate_name' AS estate_name,
            ${projectAliasesSql('p')} AS aliases,
            ARRAY(SELECT DISTINCT a.item FROM approvals a WHERE a.project_no = p.project_no) AS items,
            ARRAY(SELECT DISTINCT a.office FROM approvals a WHERE a.project_no = p.project_no AND a.office IS NOT NULL) AS offices
     FROM projects p WHERE p.project_no = $1`,
    [projectNo],
  );
  return r.rows[0] ?? null;
}

export interface SubjectApproval {
  id: string;
  project_no: string;
  item: string;
  status: string;
  office: string | null;
}

async function approval(db: Queryable, id: string): Promise<SubjectApproval | null> {
  const r = await db.query<SubjectApproval>('SELECT id, project_no, item, status, office FROM approvals WHERE id = $1', [id]);
  return r.rows[0] ?? null;
}

export interface LinkedRow {
  resource_type: 'document' | 'meeting' | 'petition';
  resource_id: string;
  status: 'confirmed' | 'auto' | 'suggested';
  method: string;
  score: number;
  /** 1 − probability × this project's share of the mention (see the linking migration); null for declared links. */
  doubt: number | null;
  /** [{feature, text, weight}] as the linker wrote them; the strongest few are shown. */
  reasons: { feature: string; text: string; weight: number }[];
  passage: string | null;
  title: string | null;
  date: string | null;
}

/** The documents, minutes and petitions linked to a project (not rejected), with their titles. */
async function linked(db: Queryable, projectNo: string, limit: number): Promise<LinkedRow[]> {
  const r = await db.query<LinkedRow>(
    `SELECT l.resource_type, l.resource_id, l.status, l.method, l.score::float8 AS score, l.doubt::float8 AS doubt, l.reasons, l.passage,
            coalesce(d.title, m.title, pe.subject) AS title,
            coalesce(d.date, m.date, pe.received_at::date)::text AS date
     FROM resource_links l
     LEFT JOIN documents d ON l.resource_type = 'document' AND d.id = l.resource_id
     LEFT JOIN meetings m ON l.resource_type = 'meeting' AND m.id = l.resource_id
     LEFT JOIN petitions pe ON l.resource_type = 'petition' AND pe.id = l.resource_id
     WHERE l.project_no = $1 AND l.status IN ('confirmed', 'auto', 'suggested')
       AND l.resource_type IN ('document', 'meeting', 'petition')
     ORDER BY l.status = 'suggested', l.score DESC, l.resource_type, l.resource_id LIMIT $2`,
    [projectNo, limit],
  );
  return r.rows;
}

/** Resources a person rejected for this project: never recommended as about it. */
async function rejected(db: Queryable, projectNo: string): Promise<{ resource_type: string; resource_id: string }[]> {
  const r = await db.query<{ resource_type: string; resource_id: string }>(
    `SELECT resource_type, resource_id FROM resource_links WHERE project_no = $1 AND status = 'rejected' LIMIT 1000`,
    [projectNo],
  );
  return r.rows;
}

export interface CreditRow {
  id: string;
  builder: string;
  status: string;
  reason: string | null;
  date: string | null;
}

async function credits(db: Queryable, builder: string, creditCode: string | null): Promise<CreditRow[]> {
  const r = await db.query<CreditRow>(
    `SELECT id, builder, status, reason, date::text AS date FROM credit_records
     WHERE builder = $1 OR ($2::text IS NOT NULL AND credit_code = $2)
     ORDER BY date DESC NULLS LAST, id LIMIT 20`,
    [builder, creditCode],
  );
  return r.rows;
}

export interface CaseRow {
  approval_id: string;
  item: string;
  status: string;
  closed_at: string | null;
  certificate_no: string | null;
  project_no: string;
  project_name: string;
  district: string | null;
  land_use: string | null;
  scale_m2: number | null;
}

/**
 * Approvals of the same item for other projects of the district and land use (each when
 * known), the nearest in scale first: two walks of the (district, land_use, scale_m2) index,
 * one each way from the project's scale. Closed cases come before open ones.
 */
async function similarCases(
  db: Queryable,
  q: { items: string[]; district: string | null; landUse: string | null; scale: number | null; exceptNo: string; limit: number },
): Promise<CaseRow[]> {
  if (q.items.length === 0) return [];
  const same = [q.district != null ? 'district = $2' : '$2::text IS NULL', q.landUse != null ? 'land_use = $3' : '$3::text IS NULL'].join(' AND ');
  const r = await db.query<CaseRow>(
    `WITH near AS (
       (SELECT project_no, name, district, land_use, scale_m2 FROM projects
        WHERE ${same} AND scale_m2 >= $4 ORDER BY scale_m2 LIMIT 150)
       UNION
       (SELECT project_no, name, district, land_use, scale_m2 FROM projects
        WHERE ${same} AND scale_m2 < $4 ORDER BY scale_m2 DESC LIMIT 150)
     )
     SELECT a.id AS approval_id, a.item, a.status, a.closed_at::text AS closed_at, a.certificate_no,
            n.project_no, n.name AS project_name, n.district, n.land_use, n.scale_m2::float8 AS scale_m2
     FROM near n JOIN approvals a ON a.project_no = n.project_no
     WHERE a.item = ANY($1::text[]) AND n.project_no <> $5
     ORDER BY a.status = '办结' DESC, abs(n.scale_m2 - $4), a.closed_at DESC NULLS LAST, a.id
     LIMIT $6`,
    [q.items, q.district, q.landUse, q.scale ?? 0, q.exceptNo, q.limit],
  );
  return r.rows;
}

/** Names of the projects numbered, for reasons that mention a neighbour. */
async function names(db: Queryable, projectNos: string[]): Promise<Map<string, string>> {
  if (projectNos.length === 0) return new Map();
  const r = await db.query<{ project_no: string; name: string }>('SELECT project_no, name FROM projects WHERE project_no = ANY($1::text[])', [projectNos]);
  return new Map(r.rows.map((x) => [x.project_no, x.name]));
}

export const recommendStore = { project, approval, linked, rejected, credits, similarCases, names };
export type RecommendStore = typeof recommendStore;
