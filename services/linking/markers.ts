/**
 * Plot, phase and district markers, as written in project names and in loose text: K1 vs K3,
 * A地块, 二期 = 2期, 首期 = 一期, 洪山区 / 东湖高新区. All take normalized text (NFKC, simplified). Pure.
 */
import { DISTRICTS, districtForms } from '../../indexers/districts.ts';

/** `K3地块`, `A地块`, `B2号地块`, `A块`: a letter, at most two digits, then 地块 or 块. */
const PLOT_WITH_WORD = /(?<![A-Za-z0-9])([A-Za-z]\d{0,2})号?地?块/g;
/**
 * A bare plot code inside a name: `王家墩中心K2(地下空间)`, `黄家湖K3的工地`. Only right after a
 * Han character, so land-use codes (`用地(S1)`, `R2 二类居住用地`) and numbers are not read as plots.
 */
const PLOT_BARE = /(?<=\p{Script=Han})([A-Za-z]\d{1,2})(?![A-Za-z0-9])(?!\s*(?:号线|号|kv|千伏))/giu;

/** The plot codes in a text, upper-cased, in order of appearance, once each. */
export function plotsIn(text: string): string[] {
  const found: { at: number; code: string }[] = [];
  for (const m of text.matchAll(PLOT_WITH_WORD)) found.push({ at: m.index, code: m[1]!.toUpperCase() });
  for (const m of text.matchAll(PLOT_BARE)) found.push({ at: m.index, code: m[1]!.toUpperCase() });
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.code))];
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23; null when it is not such a numeral. */
export function chineseNumeral(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] && !m[3] ? DIGITS[m[1]]! : null;
  return (m[1] ? DIGITS[m[1]]! : 1) * 10 + (m[3] ? DIGITS[m[3]]! : 0);
}

/** `二期`, `2期`, `第三期`, `首期`; not `工期`, `期间`, `公示期`, `一期一会`. */
const PHASE = /(首|[一二两三四五六七八九十]{1,3}|\d{1,2})期(?!间|限|满|末|初|内|货|刊|待)/g;

/** The phases in a text as numbers (首期 = 1), once each, in order. */
export function phasesIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(PHASE)) {
    const n = m[1] === '首' ? 1 : chineseNumeral(m[1]!);
    if (n !== null && n > 0 && n < 100 && !out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * The district forms that say a district without doubt (洪山区, 东湖高新区, 东湖新技术开发区…),
 * longest first: bare short names (洪山, 东湖) are also places and lakes, and are read only
 * right before a name (see `districtBefore`).
 */
const FULL_FORMS: readonly [string, string][] = DISTRICTS.flatMap((short) =>
  districtForms(short).filter((f) => f !== short && f.length >= 3).map((f): [string, string] => [f, short]),
).sort((a, b) => b[0].length - a[0].length);

/** The districts a text names in full, as short names. */
export function districtsIn(text: string): string[] {
  const out: string[] = [];
  for (const [form, short] of FULL_FORMS) {
    if (out.includes(short)) continue;
    if (text.includes(form)) out.push(short);
  }
  return out;
}

const SHORT_FORMS: readonly [string, string][] = DISTRICTS.flatMap((short) =>
  districtForms(short).map((f): [string, string] => [f, short]),
).sort((a, b) => b[0].length - a[0].length);

/** The district written right before `at` (`洪山体育公园` read at 体育, `江夏区妇幼保健院`), or null. */
export function districtBefore(text: string, at: number): string | null {
  for (const [form, short] of SHORT_FORMS) {
    if (at >= form.length && text.startsWith(form, at - form.length)) {
      // 东湖 before a name may be 东西湖's tail.
      if (short === '东湖' && text.startsWith('东西湖', at - form.length - 1)) continue;
      return short;
    }
  }
  return null;
}

/** Between the two ends of a stretch: `A到B`, `A至B`, `A和B之间`, `A-B段`. */
const STRETCH_JOIN = /^(?:一直到|到|至|往|和|与|-|—|~)/;
const ROAD_END = /(?:大道|大街|路|街)$/;
const ROAD_ON = /^(?:大道|大街|路|街)/;
/** A crossing is a point, not the stretch between two roads: `A和B交叉口`, `A与B路口`. */
const CROSSING = /^(?:交叉口|交叉路口|路口|交汇处|交汇|交界|十字路口|转角)/;

/**
 * Where `text` names the stretch between `a` and `b` (either way round): `白沙洲大道到卓刀泉路那段`,
 * not the crossing `临湖大道和沁湖路交叉口`. Returns the span, or null.
 */
export function stretchIn(text: string, a: string, b: string): { start: number; end: number } | null {
  for (const [x, y] of [[a, b], [b, a]] as const) {
    for (let at = text.indexOf(x); at !== -1; at = text.indexOf(x, at + 1)) {
      const rest = text.slice(at + x.length);
      const join = STRETCH_JOIN.exec(rest);
      if (!join || !rest.startsWith(y, join[0].length)) continue;
      const end = at + x.length + join[0].length + y.length;
      // (大花岭 is not 大花岭路: an end that is a place must not run on into a road's name.)
      if (CROSSING.test(text.slice(end)) || (!ROAD_END.test(y) && ROAD_ON.test(text.slice(end)))) continue;
      return { start: at, end };
    }
  }
  return null;
}
