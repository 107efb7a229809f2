/**
 * Wuhan's districts as search documents hold them and as people write them. A document's
 * `districts` come from its projects' `district` field: the short name (洪山, 东湖, as in
 * services/projects/project-no.ts DISTRICT_CODES) in generated and registered data, the full
 * name (洪山区) in some imports. A filter accepts any written form, answers with the short one,
 * and matches every stored form. Pure data and functions, for the services and the engines.
 */
import { normalizeText } from './segment/normalize.ts';

/** The short name, then the other names it is stored or written under. */
const NAMES: Record<string, string[]> = {
  江岸: ['江岸区'],
  江汉: ['江汉区'],
  硚口: ['硚口区'],
  汉阳: ['汉阳区'],
  武昌: ['武昌区'],
  青山: ['青山区'],
  洪山: ['洪山区'],
  东湖: ['东湖新技术开发区', '东湖高新技术开发区', '东湖高新区', '东湖高新', '东湖开发区'],
  东西湖: ['东西湖区'],
  蔡甸: ['蔡甸区'],
  江夏: ['江夏区'],
  黄陂: ['黄陂区'],
  新洲: ['新洲区'],
  汉南: ['汉南区'],
  中心城区: [],
};

/** The short names, in the bureau's usual order: what a filter answers with. */
export const DISTRICTS: readonly string[] = Object.keys(NAMES);

const BY_NAME = new Map<string, string>(DISTRICTS.flatMap((short) => [[short, short], ...NAMES[short]!.map((n): [string, string] => [n, short])]));

/** The city written in front (武汉市洪山区, 湖北省武汉市洪山区). */
const CITY = /^(?:湖北省?)?(?:武汉市?)?/;
/** What people add after a name: 区, 新区, 开发区 (东湖开发区 is listed; this catches the rest). */
const SUFFIX = /(?:新区|开发区|区)$/;

/** The short name of a district written any way people write it (洪山区, 武汉市洪山区, 东湖高新); null when it is none. */
export function canonicalDistrict(input: string): string | null {
  const name = normalizeText(input).replace(/\s+/g, '').replace(CITY, '');
  return BY_NAME.get(name) ?? BY_NAME.get(name.replace(SUFFIX, '')) ?? null;
}

/** Every form documents may hold a district under (its short name first). */
export function districtForms(short: string): string[] {
  return [short, ...(NAMES[short] ?? [])];
}
