/** The alias table: names people added for a project (migration 20261202110000). */
import type { Queryable } from '../db/db.ts';

export interface AliasRow {
  alias: string;
  note: string | null;
  added_by: string;
  added_at: string;
}

/** The project's id, version and the names its record already carries (name, sales name, aliases). */
async function projectNames(db: Queryable, projectNo: string): Promise<{ id: string; version: number; names: string[] } | null> {
  const r = await db.query<{ id: string; version: number; names: string[] }>(
    `SELECT id, version, array_remove(ARRAY[name, extra->>'estate_name'] || CASE WHEN jsonb_typeof(extra->'aliases') = 'array'
       THEN ARRAY(SELECT jsonb_array_elements_text(extra->'aliases')) ELSE '{}'::text[] END, NULL) AS names
     FROM projects WHERE project_no = $1`,
    [projectNo],
  );
  return r.rows[0] ?? null;
}

async function list(db: Queryable, projectNo: string): Promise<AliasRow[]> {
  const r = await db.query<AliasRow>(
    `SELECT alias, note, added_by, to_char(added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS added_at
     FROM project_aliases WHERE project_no = $1 ORDER BY added_at, alias`,
    [projectNo],
  );
  return r.rows;
}

/** Other projects known by this name (their registered name, sales name or any alias). */
async function othersNamed(db: Queryable, name: string, exceptNo: string): Promise<string[]> {
  const r = await db.query<{ project_no: string }>(
    `SELECT project_no FROM projects WHERE project_no <> $2 AND (name = $1 OR extra->>'estate_name' = $1 OR extra->'aliases' ? $1)
     UNION SELECT project_no FROM project_aliases WHERE alias = $1 AND project_no <> $2
     ORDER BY project_no LIMIT 20`,
    [name, exceptNo],
  );
  return r.rows.map((x) => x.project_no);
}

/** Adds the alias; false when the project already had it. */
async function add(db: Queryable, row: { project_no: string; alias: string; note: string | null; added_by: string }): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO project_aliases (project_no, alias, note, added_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [row.project_no, row.alias, row.note, row.added_by],
  );
  return (r.rowCount ?? 0) > 0;
}

async function remove(db: Queryable, projectNo: string, alias: string): Promise<boolean> {
  const r = await db.query('DELETE FROM project_aliases WHERE project_no = $1 AND alias = $2', [projectNo, alias]);
  return (r.rowCount ?? 0) > 0;
}

/** Marks the project changed for the caches that watch `updated_at` (the linker's), without a new version. */
async function touch(db: Queryable, projectNo: string): Promise<void> {
  await db.query('UPDATE projects SET updated_at = now() WHERE project_no = $1', [projectNo]);
}

export const projectAliasStore = { projectNames, list, othersNamed, add, remove, touch };
export type ProjectAliasStore = typeof projectAliasStore;
