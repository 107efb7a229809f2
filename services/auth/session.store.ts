/** The sessions table (migration 20261202120000): one row per sign-in, named by its token's jti. */
import type { Queryable } from '../db/db.ts';

/** The signed-in user of an active session. */
export interface SessionUserRow {
  user_id: number;
  username: string;
  display_name: string;
  role: string;
  office: string | null;
}

async function insert(
  db: Queryable,
  s: { id: string; userId: number; issuedAt: Date; expiresAt: Date; clientIp: string | null },
): Promise<void> {
  await db.query(
    'INSERT INTO sessions (id, user_id, issued_at, expires_at, client_ip) VALUES ($1, $2, $3, $4, $5)',
    [s.id, s.userId, s.issuedAt.toISOString(), s.expiresAt.toISOString(), s.clientIp],
  );
}

/** The session's user, when the session is neither revoked nor expired at `now` and its user is not disabled. */
async function findActive(db: Queryable, id: string, now: Date): Promise<SessionUserRow | null> {
  const r = await db.query<SessionUserRow>(
    `SELECT u.id AS user_id, u.username, u.display_name, u.role, u.office
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.disabled_at IS NULL`,
    [id, now.toISOString()],
  );
  return r.rows[0] ?? null;
}

/** Revokes the user's session `id`; the user's name, or null when there was no such open session. */
async function revoke(db: Queryable, id: string, userId: number, now: Date): Promise<string | null> {
  const r = await db.query<{ username: string }>(
    `UPDATE sessions s SET revoked_at = $3 FROM users u
     WHERE s.id = $1 AND s.user_id = $2 AND u.id = s.user_id AND s.revoked_at IS NULL
     RETURNING u.username`,
    [id, userId, now.toISOString()],
  );
  return r.rows[0]?.username ?? null;
}

/** Revokes every open session of a user; returns how many. */
async function revokeAllOf(db: Queryable, userId: number, now: Date): Promise<number> {
  const r = await db.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, now.toISOString()]);
  return r.rowCount;
}

/** Deletes a user's sessions that ended (expired or revoked) before `before`: they refuse their tokens anyway. */
async function pruneEnded(db: Queryable, userId: number, before: Date): Promise<number> {
  const r = await db.query(
    'DELETE FROM sessions WHERE user_id = $1 AND (expires_at < $2 OR revoked_at < $2)',
    [userId, before.toISOString()],
  );
  return r.rowCount;
}

export const sessionStore = { insert, findActive, revoke, revokeAllOf, pruneEnded };
export type SessionStore = typeof sessionStore;
