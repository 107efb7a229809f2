/**
 * The process's one jieba instance and the domain words loaded into it.
 *
 * Building jieba takes ~130 ms and a few tens of MB, so every segmenter of a process shares
 * one; jieba cannot forget a word, so the set of domain words is per process too.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Bump when the segmentation output changes for the same words: it forces a reindex. */
const ALGORITHM_VERSION = 'segment-1';

/**
 * Frequencies tried in turn until jieba cuts a new word whole. Starting low keeps a domain word
 * from swallowing its neighbours in running text; most compounds are whole at the first step.
 */
const FREQUENCY_LADDER = [5, 50, 500, 5_000, 50_000];

/** What jieba keeps together: Han, ASCII letters and digits (its own `re_han` also allows +#&._%-). */
const DICTIONARY_WORD = /^[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9]{2,40}$/;

let jieba: Jieba | undefined;
const domainWords = new Set<string>();
let version: string | undefined;

export function sharedJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

function isWhole(j: Jieba, word: string): boolean {
  const cut = j.cut(word, false);
  return cut.length === 1 && cut[0] === word;
}

/**
 * Adds words (already normalized) that are new to this process. Words jieba already cuts whole
 * are recorded but not loaded, so jieba's own frequencies for common words stay as they are.
 */
export function loadDomainWords(words: Iterable<string>): void {
  const j = sharedJieba();
  let pending: string[] = [];
  for (const w of words) {
    if (domainWords.has(w) || !DICTIONARY_WORD.test(w)) continue;
    domainWords.add(w);
    version = undefined;
    if (!isWhole(j, w)) pending.push(w);
  }
  for (const freq of FREQUENCY_LADDER) {
    if (pending.length === 0) break;
    j.loadDict(Buffer.from(pending.map((w) => `${w} ${freq} nz\n`).join('')));
    pending = pending.filter((w) => !isWhole(j, w));
  }
}

/** Hash of the algorithm, jieba's version and the sorted domain words. */
export function domainDictionaryVersion(): string {
  if (version === undefined) {
    const hash = createHash('sha256');
    hash.update(`${ALGORITHM_VERSION}\n${jiebaPackageVersion()}\n`);
    for (const w of [...domainWords].sort()) hash.update(`${w}\n`);
    version = hash.digest('hex').slice(0, 16);
  }
  return version;
}

function jiebaPackageVersion(): string {
  const pkg: unknown = createRequire(import.meta.url)('@node-rs/jieba/package.json');
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
}
