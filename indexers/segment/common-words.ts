/**
 * Two-character words so common in any Chinese text (人民, 城市, 国际, 世纪) that finding one says
 * nothing about which name a writer meant, by jieba's own dictionary frequencies. A name's first two
 * characters are usually its place (唐家 of 唐家墩, 宗关, 光谷: rare or absent here) and count as a
 * hint of it; these do not. Read once from the dictionary jieba ships (~115k two-character words).
 */
import { dict } from '@node-rs/jieba/dict.js';

/** Frequency in jieba's dictionary from which a word is common: 人民 43,719, 阳光 3,451; 东湖 1,866, 光谷 567. */
const COMMON_FREQUENCY = 3000;

let common: Set<string> | undefined;

function load(): Set<string> {
  const out = new Set<string>();
  for (const line of new TextDecoder().decode(dict).split('\n')) {
    const [word, freq] = line.split(' ');
    if (word?.length === 2 && Number(freq) >= COMMON_FREQUENCY) out.add(word);
  }
  return out;
}

/** Whether `word` is a two-character word of everyday language (人民, 城市), not a name's own. */
export function isCommonWord(word: string): boolean {
  common ??= load();
  return common.has(word);
}
