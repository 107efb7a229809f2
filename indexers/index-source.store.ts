/**
 * Reads records for indexing, each with the keys of the projects it belongs to. Plain SQL, no
 * decisions: what a record contributes to search is decided in indexable.ts.
 */
import type { Queryable } from '../services/db/db.ts';
import type {
  ApprovalRecord, CreditRecord, DocumentRecord, MeetingRecord, PetitionRecord, ProjectRecord, RegulationRecord,
} from '../services/resources/resource.schema.ts';
import type { KnownPerson } from '../services/privacy/pii-text.ts';
import type { SearchType } from './engines/search-engine.ts';
import { projectAliasesSql } from '../services/db/project-aliases-sql.ts';

/** A project as the search documents of its records carry it. */
export interface ProjectKey {
  no: string;
  name: string;
  district: string | null;
  builder: string | null;
  /** Its sales name and other names (kept in the project's `extra`), so a record is found by any of them. */
  estate?: string | null;
  aliases?: string[] | null;
}

/** What every source row has beyond its record's own fields. */
interface Indexed {
  version: number;
  projects: ProjectKey[];
}

/**
 * Each type's row as read for indexing: the record's own fields, typed as the record schema
 * infers them (dates arrive as the bureau's calendar day, texts as `text`), plus the version
 * and the projects it belongs to.
 */
export interface SourceRows {
  project: Pick<ProjectRecord, 'id' | 'project_no' | 'name' | 'builder' | 'address' | 'district' | 'project_type' | 'land_use' | 'scale_m2' | 'created_at' | 'estate_name'>
    & { aliases: string[] | null } & Indexed;
  approval: Pick<ApprovalRecord, 'id' | 'project_no' | 'item' | 'status' | 'received_at' | 'closed_at' | 'office' | 'handler' | 'certificate_no'>
    & { step_names: string | null } & Indexed;
  document: Pick<DocumentRecord, 'id' | 'doc_no' | 'title' | 'date' | 'issuer' | 'text'> & Indexed;
  meeting: Pick<MeetingRecord, 'id' | 'title' | 'date' | 'kind' | 'text'> & Indexed;
  /** With the petitioner's personal data, read only so that the projection can mask it where the text repeats it. */
  petition: Pick<PetitionRecord, 'id' | 'letter_no' | 'subject' | 'text' | 'received_at' | 'category' | 'status'>
    & { petitioner: KnownPerson | null } & Indexed;
  regulation: Pick<RegulationRecord, 'id' | 'title' | 'date' | 'region' | 'category' | 'text'> & Indexed;
  /** A builder's credit record belongs to every project of that builder. */
  credit: Pick<CreditRecord, 'id' | 'builder' | 'credit_code' | 'status' | 'reason' | 'date'> & Indexed;
}

export type SourceRow<T extends SearchType = SearchType> = SourceRows[T];

/** A page of one type's rows, as a union so that checking `type` narrows `rows`. */
export type SourcePage = { [T in SearchType]: { type: T; rows: SourceRows[T][] } }[SearchType];

const PROJECT_JSON = `json_build_object('no', p.project_no, 'name', p.name, 'district', p.district, 'builder', p.builder,
  'estate', p.extra->>'estate_name', 'aliases', to_jsonb(${projectAliasesSql('p')}))`;

/** Dates as the bureau's calendar day (UTC+8), as text: no Date objects, no host time zone. */
const day = (col: string) => `to_char(${col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS ${col.split('.').pop()}`;

const linkedProjects = (type: string, alias: string) => `coalesce((
  SELECT json_agg(${PROJECT_JSON} ORDER BY p.project_no) FROM resource_links l JOIN projects p ON p.project_no = l.project_no
  WHERE l.resource_type = '${type}' AND l.resource_id = ${alias}.id AND l.status IN ('confirmed', 'auto')), '[]')`;

const SELECTS: Record<SearchType, string> = {
  project: `SELECT x.id, x.version, x.project_no, x.name, x.builder, x.address, x.district, x.project_type, x.land_use,
              x.scale_m2, ${day('x.created_at')}, x.extra->>'estate_name' AS estate_name,
              ${projectAliasesSql('x')} AS aliases,
              json_build_array(${PROJECT_JSON.replace(/p\./g, 'x.')}) AS projects FROM projects x`,
  approval: `SELECT x.id, x.version, x.project_no, x.item, x.status, ${day('x.received_at')}, ${day('x.closed_at')}, x.office, x.handler,
               x.certificate_no,
               (SELECT string_agg(s.name, '、' ORDER BY s.seq) FROM approval_steps s WHERE s.approval_id = x.id) AS step_names,
               coalesce((SELECT json_agg(${PROJECT_JSON}) FROM projects p WHERE p.project_no = x.project_no), '[]') AS projects
             FROM approvals x`,
  document: `SELECT x.id, x.version, x.doc_no, x.title, x.date::text AS date, x.issuer, x.body AS text, ${linkedProjects('document', 'x')} AS projects FROM documents x`,
  meeting: `SELECT x.id, x.version, x.title, x.date::text AS date, x.kind, x.body AS text, ${linkedProjects('meeting', 'x')} AS projects FROM meetings x`,
  petition: `SELECT x.id, x.version, x.letter_no, x.subject, x.body AS text, ${day('x.received_at')}, x.category, x.status,
               (SELECT json_build_object('name', pt.name, 'phone', pt.phone, 'email', pt.email, 'address', pt.address)
                FROM petitioners pt WHERE pt.petition_id = x.id) AS petitioner,
               ${linkedProjects('petition', 'x')} AS projects FROM petitions x`,
  regulation: `SELECT x.id, x.version, x.title, x.date::text AS date, x.region, x.category, x.body AS text, '[]'::json AS projects FROM regulations x`,
  credit: `SELECT x.id, x.version, x.builder, x.credit_code, x.status, x.reason, x.date::text AS date,
             coalesce((SELECT json_agg(${PROJECT_JSON} ORDER BY p.project_no) FROM projects p
               WHERE p.builder = x.builder OR (x.credit_code IS NOT NULL AND p.builder_credit_code = x.credit_code)), '[]') AS projects
           FROM credit_records x`,
};

export const SOURCE_TABLES: Record<SearchType, string> = {
  project: 'projects', approval: 'approvals', document: 'documents', meeting: 'meetings', petition: 'petitions', regulation: 'regulations',
  credit: 'credit_records',
};

/** The rows as the type's page: the one place where rows read from SQL take their type. */
function pageOf(type: SearchType, rows: Indexed[]): SourcePage {
  return { type, rows: rows.map(parseProjects) } as SourcePage;
}

export async function loadByIds(db: Queryable, type: SearchType, ids: string[]): Promise<SourcePage> {
  if (ids.length === 0) return pageOf(type, []);
  const r = await db.query<Indexed & { id: string }>(`${SELECTS[type]} WHERE x.id = ANY($1::text[])`, [ids]);
  return pageOf(type, r.rows);
}

/** One page of a type's records in id order (for reindex). */
export async function loadPage(db: Queryable, type: SearchType, afterId: string | null, limit: number): Promise<SourcePage> {
  const r = await db.query<Indexed & { id: string }>(
    `${SELECTS[type]} WHERE ($1::text IS NULL OR x.id > $1) ORDER BY x.id LIMIT $2`,
    [afterId, limit],
  );
  return pageOf(type, r.rows);
}

/** The version of each record of a type, a page at a time in id order (for reconcile). */
export async function versionPage(
  db: Queryable,
  type: SearchType,
  afterId: string | null,
  limit: number,
): Promise<{ id: string; version: number }[]> {
  const r = await db.query<{ id: string; version: number }>(
    `SELECT id, version FROM ${SOURCE_TABLES[type]} WHERE ($1::text IS NULL OR id > $1 COLLATE "C") ORDER BY id COLLATE "C" LIMIT $2`,
    [afterId, limit],
  );
  return r.rows;
}

export async function countRecords(db: Queryable, type: SearchType): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SOURCE_TABLES[type]}`);
  return r.rows[0]!.n;
}

/**
 * The records whose search documents carry these projects' names and keys: those linked to them,
 * their approvals, and the credit records of their builders (as the projects name them now; a
 * builder a project no longer names keeps a stale key until its own record changes or a reindex).
 */
export async function linkedToProject(db: Queryable, projectNos: string[]): Promise<{ type: SearchType; id: string }[]> {
  if (projectNos.length === 0) return [];
  const r = await db.query<{ type: SearchType; id: string }>(
    `SELECT resource_type AS type, resource_id AS id FROM resource_links WHERE project_no = ANY($1::text[])
     UNION SELECT 'approval', id FROM approvals WHERE project_no = ANY($1::text[])
     UNION SELECT 'credit', c.id FROM projects p JOIN credit_records c
       ON c.builder = p.builder OR (c.credit_code IS NOT NULL AND c.credit_code = p.builder_credit_code)
     WHERE p.project_no = ANY($1::text[])`,
    [projectNos],
  );
  return r.rows;
}

/** PGlite hands `json` back as text where the server's driver parses it. */
function parseProjects<R extends Indexed>(row: R): R {
  if (typeof row.projects === 'string') row.projects = JSON.parse(row.projects) as ProjectKey[];
  return row;
}
