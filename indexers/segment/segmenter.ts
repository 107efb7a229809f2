/**
 * Chinese segmentation for every search engine: PostgreSQL and OpenSearch receive these tokens
 * ready-made, so neither needs a Chinese plugin. Index and query sides normalize the same way
 * and share one jieba dictionary; `grams` backs both up where jieba cut a phrase differently.
 */
import { STATIC_DOMAIN_WORDS } from './dictionary.ts';
import { gramsOf } from './grams.ts';
import { domainDictionaryVersion, loadDomainWords, sharedJieba } from './jieba-dictionary.ts';
import { scanKeys } from './key-scan.ts';
import { normalizeText } from './normalize.ts';
import { isAllHan, keepToken } from './tokens.ts';

export interface Segmenter {
  /**
   * Index-time words: jieba's search-mode cut of the normalized text (its words plus their
   * dictionary sub-words), lowercased, punctuation and whitespace dropped, in text order with
   * repeats kept; then each 文号 / project number / letter number once, canonical.
   */
  indexWords(text: string): string[];
  /** Query-time words: jieba's precise cut (with HMM) of the normalized query, same filtering and keys. */
  queryWords(text: string): string[];
  /**
   * Han bigrams (a lone Han character stands for itself) and lowercase letter/digit words, the
   * same at index and query time: any substring of two or more Han characters finds its text.
   */
  grams(text: string): string[];
  /** Adds domain words (project names, estates, brands ...) to the process's dictionary. */
  addWords(words: string[]): void;
  /** Hash of the domain words loaded (sorted, unique) and of the algorithm; store it with the index. */
  readonly dictionaryVersion: string;
}

/** Sub-words of at least this many characters come from cutAll; cutForSearch gives the 2- and 3-character ones. */
const LONG_SUBWORD = 4;

function normalizeWords(words: Iterable<string>): string[] {
  const out: string[] = [];
  for (const w of words) out.push(normalizeText(w).replace(/ /g, ''));
  return out;
}

let staticLoaded = false;

export function createSegmenter(domainWords: string[] = []): Segmenter {
  const jieba = sharedJieba();
  if (!staticLoaded) {
    loadDomainWords(normalizeWords(STATIC_DOMAIN_WORDS));
    staticLoaded = true;
  }
  loadDomainWords(normalizeWords(domainWords));

  // indexWords and grams are usually called on the same text in a row: normalize it once.
  let lastText: string | undefined;
  let lastNorm = '';
  const normalize = (text: string): string => {
    if (text !== lastText) {
      lastNorm = normalizeText(text);
      lastText = text;
    }
    return lastNorm;
  };

  function finish(norm: string, raw: string[], withSubwords: boolean): string[] {
    const out: string[] = [];
    let long: string[] | undefined;
    for (const token of raw) {
      const kept = keepToken(token);
      if (kept === null) continue;
      out.push(kept);
      if (withSubwords && kept.length > LONG_SUBWORD && isAllHan(kept)) (long ??= []).push(kept);
    }
    if (long) pushLongSubwords(long, out);
    for (const key of scanKeys(norm)) out.push(key);
    return out;
  }

  /**
   * cutForSearch adds only the 2- and 3-character dictionary words inside a long word, so a
   * query for 福星惠誉 would miss 福星惠誉东南岸小区 once that is a word. cutAll over the long
   * words (space-separated, one call) gives the longer ones.
   */
  function pushLongSubwords(long: string[], out: string[]): void {
    let group = 0;
    for (const w of jieba.cutAll(long.join(' '))) {
      if (w === ' ') {
        group++;
        continue;
      }
      if (w.length >= LONG_SUBWORD && w.length < (long[group]?.length ?? 0)) out.push(w);
    }
  }

  return {
    indexWords(text) {
      const norm = normalize(text);
      return finish(norm, jieba.cutForSearch(norm, true), true);
    },
    queryWords(text) {
      const norm = normalize(text);
      return finish(norm, jieba.cut(norm, true), false);
    },
    grams(text) {
      return gramsOf(normalize(text));
    },
    addWords(words) {
      loadDomainWords(normalizeWords(words));
    },
    get dictionaryVersion() {
      return domainDictionaryVersion();
    },
  };
}
