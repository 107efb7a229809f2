/** Passwords: Argon2id hashes (never the password itself) and the one rule a new password must meet. */
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { badRequest } from '../common/errors.ts';

// The package's `Algorithm` is a const enum, which type stripping cannot read; 2 is its Argon2id.
const ARGON2ID = 2 as Algorithm;
export const MIN_PASSWORD_CHARS = 8;
/** Longer inputs are refused before hashing: nobody types them, and they only cost CPU. */
export const MAX_PASSWORD_CHARS = 256;

/** An Argon2id hash in PHC form (`$argon2id$v=19$m=19456,t=2,p=1$…`), the package's OWASP defaults otherwise. */
export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });

/** Whether `password` matches `stored`; false (not an error) for a malformed stored hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Throws a 400 naming `password` when a new password is too short or too long. */
export function checkPasswordPolicy(password: string): void {
  const chars = [...password].length;
  if (chars < MIN_PASSWORD_CHARS) throw badRequest(`password: at least ${MIN_PASSWORD_CHARS} characters are needed (got ${chars})`);
  if (chars > MAX_PASSWORD_CHARS) throw badRequest(`password: at most ${MAX_PASSWORD_CHARS} characters`);
}
