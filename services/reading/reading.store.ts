/** Reads behind the reading pages: one record as stored, its children, its projects, and the records cited numbers name. */
import type { Queryable } from '../db/db.ts';
import { TABLES, type Column } from '../resources/resource-tables.ts';
import type { ResourceType } from '../resources/resource.schema.ts';
import type { StepRow } from '../resources/resource.store.ts';

/**
 * Timestamps as ISO strings in UTC (the form the import stores them from) and dates as
 * YYYY-MM-DD, whatever the session's time zone and on both engines; `pg` would make both Dates.
 */
function selectColumn(c: Column): string {
  if (c.type === 'timestamptz') return `to_char(${c.name} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${c.name}`;
  if (c.type === 'date') return `to_char(${c.name}, 'YYYY-MM-DD') AS ${c.name}`;
  return c.name;
}

/** A record's row: its id, its columns and `extra`; null when there is none with that id. */
async function findRow(db: Queryable, type: ResourceType, id: string): Promise<Record<string, unknown> | null> {
  const spec = TABLES[type];
  const r = await db.query(
    `SELECT id, ${spec.columns.map(selectColumn).join(', ')}, extra FROM ${spec.table} WHERE id = $1`,
    [id],
  );
  return r.rows[0] ?? null;
}

/** A step as the import wrote it (resource.store.ts), without its keys. */
export type StoredStep = Omit<StepRow, 'approval_id' | 'seq'>;

/** An approval's steps, in their order. */
async function stepsOf(db: Queryable, approvalId: string): Promise<StoredStep[]> {
  const at = (c: string) => selectColumn({ name: c, type: 'timestamptz' });
  const r = await db.query<StoredStep>(
    `SELECT name, stage, office, handler, limit_days, ${at('started_at')}, ${at('finished_at')}, extra
     FROM approval_steps WHERE approval_id = $1 ORDER BY seq`,
    [approvalId],
  );
  return r.rows;
}

export interface StoredPetitioner {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  extra: Record<string, unknown>;
  phone_key: string | null;
}

/** A petition's petitioner, whole: confidential, for the caller to mask. */
async function petitionerOf(db: Queryable, petitionId: string): Promise<StoredPetitioner | null> {
  const r = await db.query<StoredPetitioner>(
    'SELECT name, phone, email, address, extra, phone_key FROM petitioners WHERE petition_id = $1',
    [petitionId],
  );
  return r.rows[0] ?? null;
}

export interface RepeatPetition {
  id: string;
  subject: string;
  /** ISO instant in UTC, or null. */
  received_at: string | null;
}

/** The other petitions whose petitioner's phone has this key, newest first. */
async function petitionsByPhoneKey(db: Queryable, phoneKey: string, exceptId: string, limit: number): Promise<RepeatPetition[]> {
  const r = await db.query<RepeatPetition>(
    `SELECT p.id, p.subject, to_char(p.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at
     FROM petitioners pt JOIN petitions p ON p.id = pt.petition_id
     WHERE pt.phone_key = $1 AND pt.petition_id <> $2
     ORDER BY p.received_at DESC NULLS LAST, p.id LIMIT $3`,
    [phoneKey, exceptId, limit],
  );
  return r.rows;
}

/** Petitioners with a phone and no key yet (imported before keys were written), `limit` at most. */
async function unkeyedPhones(db: Queryable, limit: number): Promise<{ petition_id: string; phone: string }[]> {
  const r = await db.query<{ petition_id: string; phone: string }>(
    'SELECT petition_id, phone FROM petitioners WHERE phone_key IS NULL AND phone IS NOT NULL ORDER BY petition_id LIMIT $1',
    [limit],
  );
  return r.rows;
}

async function setPhoneKeys(db: Queryable, keys: { petition_id: string; phone_key: string }[]): Promise<void> {
  if (keys.length === 0) return;
  await db.query(
    `UPDATE petitioners pt SET phone_key = k.phone_key
     FROM jsonb_to_recordset($1::jsonb) AS k(petition_id text, phone_key text) WHERE pt.petition_id = k.petition_id`,
    [JSON.stringify(keys)],
  );
}

export interface LinkedProject {
  project_no: string;
  name: string;
  district: string | null;
  method: string;
}

/** The projects the hub holds that a record is linked to (confirmed links), strongest first. */
async function linkedProjects(db: Queryable, type: ResourceType, id: string): Promise<LinkedProject[]> {
  const r = await db.query<LinkedProject>(
    `SELECT l.project_no, p.name, p.district, l.method
     FROM resource_links l JOIN projects p ON p.project_no = l.project_no
     WHERE l.resource_type = $1 AND l.resource_id = $2 AND l.status = 'confirmed'
     ORDER BY l.score DESC, l.project_no LIMIT 200`,
    [type, id],
  );
  return r.rows;
}

/** A builder's projects, by its name or its credit code, newest first. */
async function projectsOfBuilder(
  db: Queryable,
  builder: string,
  creditCode: string | null,
): Promise<{ project_no: string; name: string; district: string | null }[]> {
  const r = await db.query<{ project_no: string; name: string; district: string | null }>(
    `SELECT project_no, name, district FROM projects
     WHERE builder = $1 OR ($2::text IS NOT NULL AND builder_credit_code = $2)
     ORDER BY created_at DESC NULLS LAST, project_no LIMIT 200`,
    [builder, creditCode],
  );
  return r.rows;
}

/**
 * Records held under a 文号 that matches one of the LIKE patterns: a document's doc_no, a
 * regulation's doc_no (an imported field beyond its columns, so in `extra`), an approval's
 * certificate number.
 */
async function docNosLike(
  db: Queryable,
  patterns: string[],
): Promise<{ type: 'document' | 'regulation' | 'approval'; id: string; doc_no: string }[]> {
  if (patterns.length === 0) return [];
  const r = await db.query<{ type: 'document' | 'regulation' | 'approval'; id: string; doc_no: string }>(
    `SELECT 'document' AS type, id, doc_no FROM documents WHERE doc_no LIKE ANY($1::text[])
     UNION ALL
     SELECT 'regulation', id, extra->>'doc_no' FROM regulations WHERE extra->>'doc_no' LIKE ANY($1::text[])
     UNION ALL
     SELECT 'approval', id, certificate_no FROM approvals WHERE certificate_no LIKE ANY($1::text[])
     LIMIT 2000`,
    [patterns],
  );
  return r.rows;
}

export const readingStore = {
  findRow, stepsOf, petitionerOf, petitionsByPhoneKey, unkeyedPhones, setPhoneKeys, linkedProjects, projectsOfBuilder, docNosLike,
};
export type ReadingStore = typeof readingStore;
