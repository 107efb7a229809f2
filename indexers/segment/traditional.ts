/**
 * Traditional → simplified Chinese, one character at a time, with OpenCC's tables.
 *
 * Why not OpenCC's own phrase converter on the whole text: run on text that is already
 * simplified (nearly all of ours) it rewrites valid simplified characters (显著 → 显着,
 * 什么 → 什幺). So only characters that simplified text does not use are converted: those OpenCC
 * changes that are outside GB 2312, plus a few GB 2312 characters that modern simplified text
 * still never writes (後, 於 …). Characters that are both (著, 乾, 么) are left alone, so index
 * and query agree whichever script a user typed. The table is built once, on first use.
 */
import * as OpenCC from 'opencc-js/t2cn';

/** In GB 2312 but never written in modern simplified text: convert them anyway. */
const TRADITIONAL_IN_GB2312 = '後於夥麽徵摺菸';

const HAN_RANGES: readonly (readonly [number, number])[] = [[0x3400, 0x4dbf], [0x4e00, 0x9fff]];

interface Table {
  /** 1 at the UTF-16 code of every character to convert. */
  flags: Uint8Array;
  target: Map<number, string>;
}

let table: Table | undefined;

function gb2312Han(): Set<string> {
  // WHATWG's gb2312 label decodes as GBK; rows 0xB0–0xF7 are GB 2312's level-1 and level-2 hanzi.
  const decoder = new TextDecoder('gb2312');
  const set = new Set<string>();
  const pair = new Uint8Array(2);
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      pair[0] = hi;
      pair[1] = lo;
      set.add(decoder.decode(pair));
    }
  }
  return set;
}

function buildTable(): Table {
  const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const chars: string[] = [];
  for (const [lo, hi] of HAN_RANGES) for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
  // One call per locale; '\n' between characters keeps OpenCC's phrase rules from joining them.
  const joined = chars.join('\n');
  const viaTw = tw(joined).split('\n');
  const viaHk = hk(joined).split('\n');
  const simplifiedToo = gb2312Han();
  const map = new Map<string, string>();
  chars.forEach((c, i) => {
    const t = viaTw[i] !== c ? viaTw[i] : viaHk[i];
    if (t === undefined || t === c || t.length !== 1) return;
    if (simplifiedToo.has(c) && !TRADITIONAL_IN_GB2312.includes(c)) return;
    map.set(c, t);
  });
  const flags = new Uint8Array(0x10000);
  const target = new Map<number, string>();
  for (const [from, to] of map) {
    // Follow chains (薴 → 苧 → 苎) so that converting twice changes nothing.
    let t = to;
    for (let hop = 0; hop < 4 && map.has(t); hop++) t = map.get(t)!;
    flags[from.charCodeAt(0)] = 1;
    target.set(from.charCodeAt(0), t);
  }
  return { flags, target };
}

/** Simplified form of `s`; returns `s` itself when it holds no traditional character. */
export function toSimplified(s: string): string {
  table ??= buildTable();
  const { flags, target } = table;
  let i = 0;
  const n = s.length;
  while (i < n && flags[s.charCodeAt(i)] === 0) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  let from = i;
  for (; i < n; i++) {
    const code = s.charCodeAt(i);
    if (flags[code] === 0) continue;
    out += s.slice(from, i) + target.get(code)!;
    from = i + 1;
  }
  return out + s.slice(from);
}
