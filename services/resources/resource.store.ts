/**
 * Bulk writes of imported resources. One statement per batch: the rows travel as one JSON
 * parameter and are unpacked with `jsonb_to_recordset`, which is what makes imports fast on
 * both PGlite and the server. Only rows whose content hash changed are written (and returned),
 * so re-importing a file changes nothing.
 */
import type { Queryable } from '../db/db.ts';
import { PROJECT_NO_FIELD, type ResourceType } from './resource.schema.ts';
import { TABLES, type TableSpec } from './resource-tables.ts';

const sqlCache = new Map<string, string>();

function upsertSql(spec: TableSpec): string {
  const cached = sqlCache.get(spec.table);
  if (cached) return cached;
  const cols = ['id', ...spec.columns.map((c) => c.name), 'extra', 'content_hash'];
  const types = [
    'id text',
    ...spec.columns.map((c) => `${c.name} ${c.type}`),
    'extra jsonb',
    'content_hash text',
  ];
  const updates = cols.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  const sql = `
    INSERT INTO ${spec.table} (${cols.join(', ')})
    SELECT ${cols.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${types.join(', ')})
    ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')},
      version = ${spec.table}.version + 1, updated_at = now()
    WHERE ${spec.table}.content_hash IS DISTINCT FROM excluded.content_hash
    RETURNING id, version`;
  sqlCache.set(spec.table, sql);
  return sql;
}

/** Writes the rows; returns the id and new version of each row that changed. */
async function upsertRows(
  tx: Queryable,
  type: ResourceType,
  rows: Record<string, unknown>[],
): Promise<{ id: string; version: number }[]> {
  if (rows.length === 0) return [];
  const r = await tx.query<{ id: string; version: number }>(upsertSql(TABLES[type]), [JSON.stringify(rows)]);
  return r.rows;
}

/** The project numbers each of the given records points at now (before a write). */
async function currentProjectNos(
  tx: Queryable,
  type: ResourceType,
  ids: string[],
): Promise<Map<string, string[]>> {
  const byId = new Map<string, string[]>();
  if (ids.length === 0) return byId;
  const table = TABLES[type].table;
  const field = PROJECT_NO_FIELD[type];
  const expr = field === 'project_no' ? 'ARRAY[project_no]' : field === 'project_nos' ? 'project_nos' : `'{}'::text[]`;
  const r = await tx.query<{ id: string; nos: string[] }>(
    `SELECT id, ${expr} AS nos FROM ${table} WHERE id = ANY($1::text[])`,
    [ids],
  );
  for (const row of r.rows) byId.set(row.id, row.nos);
  return byId;
}

export interface StepRow {
  approval_id: string;
  seq: number;
  name: string;
  stage: string | null;
  office: string | null;
  handler: string | null;
  limit_days: number | null;
  started_at: string | null;
  finished_at: string | null;
  extra: Record<string, unknown>;
}

/** Replaces the steps of the given approvals. */
async function replaceSteps(tx: Queryable, approvalIds: string[], steps: StepRow[]): Promise<void> {
  if (approvalIds.length === 0) return;
  await tx.query('DELETE FROM approval_steps WHERE approval_id = ANY($1::text[])', [approvalIds]);
  if (steps.length === 0) return;
  await tx.query(
    `INSERT INTO approval_steps (approval_id, seq, name, stage, office, handler, limit_days, started_at, finished_at, extra)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(approval_id text, seq integer, name text, stage text,
       office text, handler text, limit_days integer, started_at timestamptz, finished_at timestamptz, extra jsonb)`,
    [JSON.stringify(steps)],
  );
}

export interface PetitionerRow {
  petition_id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  extra: Record<string, unknown>;
  /** The phone's keyed hash (privacy/phone-key.ts), for repeat petitions. */
  phone_key: string | null;
}

/** Replaces the personal data of the given petitions (removing it where none is given). */
async function replacePetitioners(tx: Queryable, petitionIds: string[], rows: PetitionerRow[]): Promise<void> {
  if (petitionIds.length === 0) return;
  await tx.query('DELETE FROM petitioners WHERE petition_id = ANY($1::text[])', [petitionIds]);
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO petitioners (petition_id, name, phone, email, address, extra, phone_key)
     SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS r(petition_id text, name text, phone text, email text, address text, extra jsonb, phone_key text)`,
    [JSON.stringify(rows)],
  );
}

/**
 * Replaces the links that records declare themselves. Other methods' links are kept, and a record's
 * own link wins over one the linker inferred; a pair a person decided is left as they decided it.
 */
async function replaceDeclaredLinks(
  tx: Queryable,
  type: ResourceType,
  ids: string[],
  links: { resource_id: string; project_no: string }[],
): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `DELETE FROM resource_links WHERE resource_type = $1 AND resource_id = ANY($2::text[]) AND method = 'declared'
       AND decided_at IS NULL`,
    [type, ids],
  );
  if (links.length === 0) return;
  await tx.query(
    `INSERT INTO resource_links (resource_type, resource_id, project_no, score, method, status)
     SELECT DISTINCT $1::text, resource_id, project_no, 1::real, 'declared', 'confirmed'
     FROM jsonb_to_recordset($2::jsonb) AS r(resource_id text, project_no text)
     ON CONFLICT (resource_type, resource_id, project_no) DO UPDATE SET
       method = 'declared', status = 'confirmed', score = 1, doubt = NULL, reasons = '[]', passage = NULL, updated_at = now()
     WHERE resource_links.decided_at IS NULL`,
    [type, JSON.stringify(links)],
  );
}

/** Records builders seen in projects and credit records; the first credit code seen is kept. */
async function upsertBuilders(tx: Queryable, builders: { name: string; credit_code: string | null }[]): Promise<void> {
  if (builders.length === 0) return;
  await tx.query(
    `INSERT INTO builders (name, credit_code)
     SELECT DISTINCT ON (name) name, credit_code FROM jsonb_to_recordset($1::jsonb) AS r(name text, credit_code text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(builders)],
  );
}

/** Which of the given project numbers exist. */
async function existingProjectNos(tx: Queryable, nos: string[]): Promise<Set<string>> {
  if (nos.length === 0) return new Set();
  const r = await tx.query<{ project_no: string }>(
    'SELECT project_no FROM projects WHERE project_no = ANY($1::text[])',
    [nos],
  );
  return new Set(r.rows.map((x) => x.project_no));
}

export const resourceStore = {
  upsertRows, currentProjectNos, replaceSteps, replacePetitioners, replaceDeclaredLinks, upsertBuilders, existingProjectNos,
};
export type ResourceStore = typeof resourceStore;
