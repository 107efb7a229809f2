/**
 * The SQL behind linking: what the linker reads (projects, keys, resources, labelled pairs),
 * the links it writes, the models it stores, and the reads and decisions of the review API.
 * No decisions here: what to link is decided in ./link-decision.ts.
 */
import type { Queryable } from '../db/db.ts';
import type { LinkType } from './link-model.ts';
import type { Reason } from './link-reasons.ts';
import type { ProjectSource } from './project-profile.ts';
import { projectAliasesSql } from '../db/project-aliases-sql.ts';

/** A resource as the linker reads it. */
export interface LinkSourceRow {
  id: string;
  version: number;
  title: string | null;
  body: string | null;
  own_key: string | null;
  /** When it was received or dated (epoch ms), or null. */
  at_ms: number | null;
  /** The office handling it (a petition's 洪山分局), or null. */
  office: string | null;
}

const SOURCES: Record<LinkType, string> = {
  petition: 'SELECT id, version, subject AS title, body, letter_no AS own_key, (EXTRACT(EPOCH FROM received_at) * 1000)::float8 AS at_ms, office FROM petitions',
  document: 'SELECT id, version, title, body, doc_no AS own_key, (EXTRACT(EPOCH FROM date::timestamp) * 1000)::float8 AS at_ms, NULL::text AS office FROM documents',
  meeting: 'SELECT id, version, title, body, NULL::text AS own_key, (EXTRACT(EPOCH FROM date::timestamp) * 1000)::float8 AS at_ms, NULL::text AS office FROM meetings',
};
const TABLE: Record<LinkType, string> = { petition: 'petitions', document: 'documents', meeting: 'meetings' };

async function loadProjects(db: Queryable): Promise<ProjectSource[]> {
  const r = await db.query<ProjectSource>(
    `SELECT p.project_no, p.name, p.builder, p.address, p.district, p.extra->>'estate_name' AS estate_name,
       ${projectAliasesSql('p')} AS aliases,
       (EXTRACT(EPOCH FROM LEAST(p.created_at, a.first_at)) * 1000)::float8 AS from_ms,
       (EXTRACT(EPOCH FROM GREATEST(p.created_at, a.last_at)) * 1000)::float8 AS until_ms
     FROM projects p
     LEFT JOIN (SELECT project_no, min(received_at) AS first_at, max(received_at) AS last_at FROM approvals GROUP BY project_no) a
       ON a.project_no = p.project_no
     ORDER BY p.project_no`,
  );
  return r.rows;
}

/** When projects and approvals last changed: the linker's caches are rebuilt when this moves. */
async function fingerprint(db: Queryable): Promise<string> {
  const r = await db.query<{ p: string | null; n: number; a: string | null; m: number | null }>(
    `SELECT (SELECT max(updated_at)::text FROM projects) AS p, (SELECT count(*)::int FROM projects) AS n,
            (SELECT max(updated_at)::text FROM approvals) AS a, (SELECT max(version) FROM linker_models) AS m`,
  );
  const row = r.rows[0]!;
  return `${row.p}|${row.n}|${row.a}|${row.m}`;
}

/** Every key that names projects: approvals' certificates, declared or confirmed 文号 and letter numbers. */
async function loadKeys(db: Queryable): Promise<{ kind: 'certificate' | 'document' | 'letter'; key: string; project_no: string }[]> {
  const r = await db.query<{ kind: 'certificate' | 'document' | 'letter'; key: string; project_no: string }>(
    `SELECT 'certificate' AS kind, certificate_no AS key, project_no FROM approvals WHERE certificate_no IS NOT NULL
     UNION ALL
     SELECT 'document', d.doc_no, l.project_no FROM documents d
       JOIN resource_links l ON l.resource_type = 'document' AND l.resource_id = d.id AND l.status = 'confirmed'
     WHERE d.doc_no IS NOT NULL
     UNION ALL
     SELECT 'letter', p.letter_no, l.project_no FROM petitions p
       JOIN resource_links l ON l.resource_type = 'petition' AND l.resource_id = p.id AND l.status = 'confirmed'
     WHERE p.letter_no IS NOT NULL`,
  );
  return r.rows;
}

async function countResources(db: Queryable, type: LinkType): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${TABLE[type]}`);
  return r.rows[0]!.n;
}

async function resourcePage(db: Queryable, type: LinkType, afterId: string | null, limit: number): Promise<LinkSourceRow[]> {
  const r = await db.query<LinkSourceRow>(
    `${SOURCES[type]} WHERE ($1::text IS NULL OR id > $1 COLLATE "C") ORDER BY id COLLATE "C" LIMIT $2`,
    [afterId, limit],
  );
  return r.rows;
}

async function resourcesByIds(db: Queryable, type: LinkType, ids: readonly string[]): Promise<LinkSourceRow[]> {
  if (ids.length === 0) return [];
  const r = await db.query<LinkSourceRow>(`${SOURCES[type]} WHERE id = ANY($1::text[]) ORDER BY id`, [ids]);
  return r.rows;
}

/** A random sample of a type's resources, the same for the same data (hash order). */
async function sampleResources(db: Queryable, type: LinkType, limit: number): Promise<LinkSourceRow[]> {
  const r = await db.query<LinkSourceRow>(`${SOURCES[type]} ORDER BY md5(id) LIMIT $1`, [limit]);
  return r.rows;
}

/** Labelled matches: records' own project numbers and pairs a person confirmed. */
async function labelledPairs(db: Queryable, type: LinkType, limit: number): Promise<{ resource_id: string; project_no: string }[]> {
  const r = await db.query<{ resource_id: string; project_no: string }>(
    `SELECT resource_id, project_no FROM resource_links WHERE resource_type = $1 AND status = 'confirmed'
     ORDER BY md5(resource_id || project_no) LIMIT $2`,
    [type, limit],
  );
  return r.rows;
}

/** Among resources that name any project as their own, how many they name on average. */
async function linksPerResource(db: Queryable, type: LinkType): Promise<number | null> {
  const r = await db.query<{ avg: number | null }>(
    `SELECT avg(n)::float8 AS avg FROM (SELECT count(*) AS n FROM resource_links
       WHERE resource_type = $1 AND status = 'confirmed' GROUP BY resource_id) x`,
    [type],
  );
  return r.rows[0]?.avg ?? null;
}

export interface ExistingLink {
  resource_id: string;
  project_no: string;
  method: string;
  status: string;
  /** A person decided this pair (or the record declares it): the linker leaves it alone. */
  fixed: boolean;
}

async function existingLinks(db: Queryable, type: LinkType, ids: readonly string[]): Promise<ExistingLink[]> {
  if (ids.length === 0) return [];
  const r = await db.query<ExistingLink>(
    `SELECT resource_id, project_no, method, status, (decided_at IS NOT NULL OR method = 'declared') AS fixed
     FROM resource_links WHERE resource_type = $1 AND resource_id = ANY($2::text[])`,
    [type, ids],
  );
  return r.rows;
}

export interface InferredLinkRow {
  resource_id: string;
  project_no: string;
  status: 'auto' | 'suggested';
  method: 'key' | 'linkage';
  score: number;
  doubt: number;
  reasons: Reason[];
  passage: string | null;
}

/** Replaces the linker's own rows of these resources (never a declared row or one a person decided). */
async function replaceInferred(tx: Queryable, type: LinkType, ids: readonly string[], rows: readonly InferredLinkRow[], version: number): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `DELETE FROM resource_links WHERE resource_type = $1 AND resource_id = ANY($2::text[])
       AND method IN ('key', 'linkage') AND decided_at IS NULL`,
    [type, ids],
  );
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO resource_links (resource_type, resource_id, project_no, score, method, status, doubt, reasons, linker_version, passage)
     SELECT $1, resource_id, project_no, score, method, status, doubt, reasons, $3, passage
     FROM jsonb_to_recordset($2::jsonb) AS r(resource_id text, project_no text, score real, method text, status text,
       doubt real, reasons jsonb, passage text)
     ON CONFLICT (resource_type, resource_id, project_no) DO NOTHING`,
    [type, JSON.stringify(rows), version],
  );
}

async function latestModel(db: Queryable): Promise<{ version: number; model: unknown } | null> {
  const r = await db.query<{ version: number; model: unknown }>('SELECT version, model FROM linker_models ORDER BY version DESC LIMIT 1');
  const row = r.rows[0];
  if (!row) return null;
  return { version: row.version, model: typeof row.model === 'string' ? JSON.parse(row.model) : row.model };
}

async function saveModel(db: Queryable, model: unknown, trainedOn: unknown): Promise<number> {
  const r = await db.query<{ version: number }>(
    'INSERT INTO linker_models (model, trained_on) VALUES ($1::jsonb, $2::jsonb) RETURNING version',
    [JSON.stringify(model), JSON.stringify(trainedOn)],
  );
  return r.rows[0]!.version;
}

export const linkingStore = {
  loadProjects, fingerprint, loadKeys, countResources, resourcePage, resourcesByIds, sampleResources, labelledPairs,
  linksPerResource, existingLinks, replaceInferred, latestModel, saveModel,
};
export type LinkingStore = typeof linkingStore;
