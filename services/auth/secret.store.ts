/** The secrets table (migration 20261202120000): values every process of a hub shares. */
import type { Queryable } from '../db/db.ts';

/** The value named `name`, stored as `candidate` if none was yet: whichever process writes first wins, and all read the same. */
async function getOrCreate(db: Queryable, name: string, candidate: string): Promise<string> {
  await db.query('INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, candidate]);
  const r = await db.query<{ value: string }>('SELECT value FROM secrets WHERE name = $1', [name]);
  const row = r.rows[0];
  if (!row) throw new Error(`secret ${name} vanished as it was written`);
  return row.value;
}

export const secretStore = { getOrCreate };
export type SecretStore = typeof secretStore;
