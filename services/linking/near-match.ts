/**
 * Names written from memory: one character swapped for a same-sounding one (东南案 for 东南岸,
 * 滨江甫 for 滨江府), as people write an estate they have only heard of. Pure.
 */
import { pinyin } from 'pinyin-pro';

const pinyinCache = new Map<string, string>();
function soundOf(ch: string): string {
  let s = pinyinCache.get(ch);
  if (s === undefined) pinyinCache.set(ch, (s = pinyin(ch, { toneType: 'none' })));
  return s;
}

/**
 * The core written with one character swapped for a same-sounding one (东南案 for 东南岸): where
 * the core's bigrams align in the text. (Any one character of a long name is not enough: 北湖商业中心
 * is not 汉兴商业中心.)
 */
export function nearMatch(text: string, core: string, from = 0): { at: number; written: string } | null {
  const chars = [...core];
  if (chars.length < 3 || chars.length !== core.length) return null;
  for (let k = 0; k + 1 < core.length; k++) {
    const gram = core.slice(k, k + 2);
    for (let at = text.indexOf(gram); at !== -1; at = text.indexOf(gram, at + 1)) {
      const start = at - k;
      if (start < from || start + core.length > text.length) continue;
      let miss = -1;
      let misses = 0;
      for (let j = 0; j < core.length && misses < 2; j++) {
        if (text[start + j] !== core[j]) {
          misses++;
          miss = j;
        }
      }
      if (misses !== 1) continue;
      const written = text[start + miss]!;
      if (!/\p{Script=Han}/u.test(written)) continue;
      if (soundOf(written) === soundOf(core[miss]!)) return { at: start, written: text.slice(start, start + core.length) };
    }
  }
  return null;
}
