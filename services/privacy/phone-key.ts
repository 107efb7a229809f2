/**
 * A petitioner's phone number as a keyed hash (HMAC-SHA256 of its digits), for finding the
 * petitions one number sent (重复信访) without keeping a second copy of the number anywhere it
 * could be searched. The key is a random secret the hub keeps in its `secrets` table: without it
 * the hash of a guessed number cannot be computed, so a copied table gives the numbers away no
 * more than a list of random strings would.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { normalizePhone } from './pii-text.ts';

/** The name of the secret in the `secrets` table. */
export const PHONE_KEY_SECRET = 'petitioner_phone_key';

/** A fresh secret, offered in case the hub has none yet (the first writer's is kept). */
export const newPhoneKeySecret = (): string => randomBytes(32).toString('base64url');

/** Stored for a phone with too few digits to tell one caller from another. */
export const NO_PHONE_KEY = '-';

/** The key of a phone number: the same for 139-1234-1736, +86 13912341736 and 139 1234 1736. */
export function phoneKey(secret: string, phone: string | null | undefined): string | null {
  const digits = normalizePhone(phone);
  if (!digits || digits.length < 7) return null;
  return createHmac('sha256', secret).update(digits).digest('base64url');
}

/** What `petitioners.phone_key` holds: null without a phone, NO_PHONE_KEY for one that cannot be keyed. */
export function storedPhoneKey(secret: string, phone: string | null | undefined): string | null {
  if (!phone?.trim()) return null;
  return phoneKey(secret, phone) ?? NO_PHONE_KEY;
}
