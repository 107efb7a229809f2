/**
 * Unified social credit codes (GB 32100-2015) with correct check characters, so a validator
 * that checks them (and not only their shape) accepts the demo builders.
 */
import type { Rng } from './rng.ts';

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_LETTERS = 'ABCDEFGHJKLMNPQRTUWXY';

/** Registration authority + kind: 91 company, 11 government body, 12 public institution. */
export type Registry = '91' | '11' | '12';

/** GB 11714 organisation-code check character, over eight characters. */
function orgCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_WEIGHTS[i]! * parseInt(body[i]!, 36);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function codeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CODE_WEIGHTS[i]! * CODE_CHARS.indexOf(body[i]!);
  return CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/**
 * A code for an organisation registered in `areaCode`. Companies registered since 2015 got
 * `MA…` organisation codes, so about half the company codes look like that.
 */
export function creditCode(rng: Rng, registry: Registry, areaCode: string): string {
  let org = '';
  if (registry === '91' && rng.chance(0.5)) {
    org = `MA${rng.int(1, 9)}${rng.pick([...ORG_LETTERS])}`;
    while (org.length < 8) org += rng.chance(0.7) ? String(rng.int(0, 9)) : rng.pick([...ORG_LETTERS]);
  } else {
    while (org.length < 8) org += String(rng.int(0, 9));
  }
  const body = `${registry}${areaCode}${org}${orgCheck(org)}`;
  return body + codeCheck(body);
}

/** True when the code's last character is its correct check character. */
export function isValidCreditCode(code: string): boolean {
  return code.length === 18 && codeCheck(code.slice(0, 17)) === code[17];
}
