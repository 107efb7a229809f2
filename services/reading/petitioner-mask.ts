/**
 * What the reading page may show of a petitioner: a surname with 女士/先生 (or `*`), the phone
 * with its middle digits starred, and the district of the address. E-mail, the rest of the
 * address and every other field (an ID number, say) are left out. Petitioners' personal data is
 * confidential (shared/DOMAIN.md); only the confidential-petition path may read it whole.
 */
import { DISTRICTS, districtForms } from '../../indexers/districts.ts';

export interface Petitioner {
  name: string | null;
  phone: string | null;
  address: string | null;
  /** As imported (`男`, `女`, `male`, `F` …); anything else counts as unknown. */
  gender?: unknown;
}

export interface MaskedPetitioner {
  /** `柯女士`, `柯先生`, or `柯*` when the gender is not known. */
  name: string | null;
  /** `186****2468`. */
  phone: string | null;
  /** The district the address lies in (`洪山区`), or null. */
  district: string | null;
}

/** Two-character surnames, so that 欧阳某某 becomes 欧阳* and not 欧*. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯',
  '轩辕', '端木', '独孤', '南宫', '西门', '百里', '呼延', '万俟', '闻人', '申屠', '澹台', '太史', '公冶', '宗政',
  '濮阳', '淳于', '单于', '公羊', '赫连', '钟离', '东郭', '拓跋',
]);

const MALE = new Set(['男', '男性', 'm', 'male', '先生']);
const FEMALE = new Set(['女', '女性', 'f', 'female', '女士']);

function honorific(gender: unknown): string | null {
  if (typeof gender !== 'string') return null;
  const g = gender.trim().toLowerCase();
  return MALE.has(g) ? '先生' : FEMALE.has(g) ? '女士' : null;
}

/** The surname and a title (or `*`); a one-character name becomes `*`, a name not in Han script its first letter and `*`. */
export function maskName(name: string | null | undefined, gender?: unknown): string | null {
  const chars = [...(name ?? '').trim()];
  if (chars.length === 0) return null;
  if (chars.length === 1) return '*';
  const first = chars[0]!;
  if (!/^\p{Script=Han}$/u.test(first)) return `${first}*`;
  const two = first + chars[1]!;
  const surname = chars.length > 2 && COMPOUND_SURNAMES.has(two) ? two : first;
  return surname + (honorific(gender) ?? '*');
}

/**
 * The digits with the middle starred: a mobile number keeps its first three and last four
 * (`186****2468`), as Chinese services print them; shorter numbers keep only their last four,
 * and numbers of six digits or fewer keep nothing but their last two.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  let digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length === 0) return null;
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  const n = digits.length;
  if (n >= 11) return `${digits.slice(0, 3)}${'*'.repeat(n - 7)}${digits.slice(-4)}`;
  if (n > 6) return `${'*'.repeat(n - 4)}${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, n - 2))}${digits.slice(-Math.min(2, n))}`;
}

/** Every written form of a district but its bare short name (洪山 is also a road and a square in 武昌). */
const DISTRICT_NAMES = DISTRICTS.flatMap((short) => districtForms(short).slice(1));

/** The district named first in the address, as written there (`洪山区`); null when it names none. */
export function maskAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  let best: { at: number; name: string } | null = null;
  for (const name of DISTRICT_NAMES) {
    const at = address.indexOf(name);
    if (at >= 0 && (!best || at < best.at || (at === best.at && name.length > best.name.length))) best = { at, name };
  }
  return best?.name ?? null;
}

export function maskPetitioner(p: Petitioner): MaskedPetitioner {
  return { name: maskName(p.name, p.gender), phone: maskPhone(p.phone), district: maskAddress(p.address) };
}
