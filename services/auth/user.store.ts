/** The users table (migrations 20261125030000 and 20261202120000): SQL only, no decisions. */
import type { Queryable } from '../db/db.ts';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  office: string | null;
  password_hash: string | null;
  disabled_at: string | null;
  created_at: string;
}

const COLUMNS = `id, username, display_name, role, office, password_hash,
  to_char(disabled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS disabled_at,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at`;

async function findByUsername(db: Queryable, username: string): Promise<UserRow | null> {
  const r = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
  return r.rows[0] ?? null;
}

async function findById(db: Queryable, id: number): Promise<UserRow | null> {
  const r = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** Inserts the user; null when the username is taken. */
async function insert(
  db: Queryable,
  u: { username: string; display_name: string; role: string; office: string | null; password_hash: string },
): Promise<UserRow | null> {
  const r = await db.query<UserRow>(
    `INSERT INTO users (username, display_name, role, office, password_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
    [u.username, u.display_name, u.role, u.office, u.password_hash],
  );
  return r.rows[0] ?? null;
}

async function list(db: Queryable): Promise<UserRow[]> {
  const r = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY username`);
  return r.rows;
}

async function setPasswordHash(db: Queryable, id: number, passwordHash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [id, passwordHash]);
}

/** Marks the user disabled (keeping the first time it was); false when there is no such user. */
async function disable(db: Queryable, id: number): Promise<boolean> {
  const r = await db.query(
    'UPDATE users SET disabled_at = coalesce(disabled_at, now()), updated_at = now() WHERE id = $1',
    [id],
  );
  return r.rowCount > 0;
}

async function enable(db: Queryable, id: number): Promise<boolean> {
  const r = await db.query('UPDATE users SET disabled_at = NULL, updated_at = now() WHERE id = $1', [id]);
  return r.rowCount > 0;
}

export const userStore = { findByUsername, findById, insert, list, setPasswordHash, disable, enable };
export type UserStore = typeof userStore;
