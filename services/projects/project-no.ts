/**
 * Project numbers as the bureau writes them: two district letters, two business-type letters,
 * a four-digit year and a four-digit serial, e.g. `JAAA20160001` (江岸, 房建, 2016, #1).
 */

/** District letters, keyed by the district's short name as the bureau uses it. */
export const DISTRICT_CODES = {
  江岸: 'JA',
  江汉: 'JH',
  硚口: 'QK',
  汉阳: 'HY',
  武昌: 'WC',
  青山: 'QS',
  洪山: 'HS',
  东湖: 'DH',
  东西湖: 'DX',
  蔡甸: 'CD',
  江夏: 'JX',
  黄陂: 'HP',
  新洲: 'XZ',
  汉南: 'HN',
  中心城区: 'WV',
} as const;

export type District = keyof typeof DISTRICT_CODES;

/** Business-type letters: what kind of project the number was issued for. */
export const PROJECT_TYPE_CODES = {
  房屋建筑: 'AA',
  市政交通: 'SZ',
  土地储备: 'TD',
  测绘地信: 'CH',
} as const;

export type ProjectType = keyof typeof PROJECT_TYPE_CODES;

const PROJECT_NO = /^([A-Z]{2})([A-Z]{2})(\d{4})(\d{4})$/;

export interface ProjectNoParts {
  districtCode: string;
  typeCode: string;
  year: number;
  serial: number;
}

/** Builds a project number; throws when a part cannot be written in the format. */
export function formatProjectNo({ districtCode, typeCode, year, serial }: ProjectNoParts): string {
  if (!/^[A-Z]{2}$/.test(districtCode)) throw new RangeError(`district code must be two capital letters, got "${districtCode}"`);
  if (!/^[A-Z]{2}$/.test(typeCode)) throw new RangeError(`type code must be two capital letters, got "${typeCode}"`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must have four digits, got ${year}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > 9999) throw new RangeError(`serial must be 1–9999, got ${serial}`);
  return `${districtCode}${typeCode}${year}${String(serial).padStart(4, '0')}`;
}

/** Parses a project number (case and surrounding spaces forgiven); null when it is not one. */
export function parseProjectNo(text: string): ProjectNoParts | null {
  const m = PROJECT_NO.exec(text.trim().toUpperCase());
  if (!m) return null;
  return { districtCode: m[1]!, typeCode: m[2]!, year: Number(m[3]), serial: Number(m[4]) };
}

/** A project number as stored: upper-cased when it is one, anything else only trimmed. */
export const canonicalProjectNo = (input: string): string => (parseProjectNo(input) ? input.trim().toUpperCase() : input.trim());
