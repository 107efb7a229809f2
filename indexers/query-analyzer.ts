/**
 * Prepares a query the way documents were indexed: normalized, segmented by jieba, cut into
 * bigram phrases, and with its exact keys (project numbers, 文号 in any bracket form, letter
 * numbers, the whole query as a title or name) pulled out. With `naming` (the default) it also
 * reads keys typed loosely (`JXAA 2019 0012`, `武规2016 12`) and expands the synonyms and
 * abbreviations of ./segment/synonyms.ts, as the words' alternatives and as whole-query keys.
 */
import type { AnalyzedQuery } from './engines/search-engine.ts';
import { normalizeKey } from './search-docs.ts';
import { extractDocNos, extractLetterNos, extractProjectNos } from './segment/keys.ts';
import { looseKeys } from './segment/loose-keys.ts';
import { normalizeText } from './segment/normalize.ts';
import type { Segmenter } from './segment/segmenter.ts';
import { synonymPieces, synonymVariants } from './segment/synonyms.ts';
import { gramAlternatives, MAX_GRAM_GROUPS } from './engines/word-grams.ts';

/** Queries longer than this are cut (a pasted page is not a better query than its start). */
export const MAX_QUERY_CHARS = 200;

export interface AnalyzeOptions {
  /** Loose keys and synonyms (on by default); off gives the plain analysis, for comparisons. */
  naming?: boolean;
}

/** Characters that join the words of a name (冶金大道与工业一路, 汉西路跨长江, 金台大道至邾城段) and are no word of it. */
const CONNECTIVES: ReadonlySet<string> = new Set(['与', '和', '及', '暨', '或', '同', '之', '的', '跨', '至', '到', '在', '于']);

const isLoneHan = (gram: string | undefined) => gram !== undefined && /^\p{Script=Han}$/u.test(gram);

/**
 * The bigrams of a run, less a lone character at either end of it: the query's edge may have cut
 * a word there (`子湖片K6地` of 塔子湖片K6地块), and in the text that character sits in a longer run
 * whose bigrams do not include it alone. A lone character inside the run (`K6地K7`) stays.
 */
function runGrams(run: string, seg: Segmenter): string[] {
  const grams = seg.grams(run);
  if (grams.length < 2) return grams;
  const from = isLoneHan(grams[0]) ? 1 : 0;
  const to = isLoneHan(grams[grams.length - 1]) ? grams.length - 1 : grams.length;
  return from < to ? grams.slice(from, to) : grams;
}

/** Whole-query keys: the query itself when it could be a title or a name. */
function wholeKey(text: string): string | null {
  const whole = normalizeKey(text);
  return [...whole].length >= 2 && /[\p{L}\p{N}]/u.test(whole) ? whole : null;
}

/** The word groups of the query: each synonym spot one group of its alternatives, every other word a group of its own. */
function wordGroupsOf(normalized: string, seg: Segmenter, naming: boolean): string[][][] {
  if (!naming) return seg.queryWords(normalized).map((w) => [[w]]);
  const groups: string[][][] = [];
  for (const piece of synonymPieces(normalized)) {
    if (piece.length === 1) {
      for (const w of seg.queryWords(piece[0]!)) groups.push([[w]]);
      continue;
    }
    const alternatives = piece.map((alt) => seg.queryWords(alt)).filter((words) => words.length > 0);
    if (alternatives.length > 0) groups.push(alternatives);
  }
  // A connective between words (与, 跨, 至) is no word of a name as indexed: a name is its
  // dictionary words and their sub-words, which never cut 与 out of 冶金大道与工业一路互通立交,
  // so requiring it passed the project over for minutes that hold a 与 elsewhere. The phrase and
  // title tiers still read it in place. Other lone characters (段, 村, 厂) narrow and stay.
  const worded = groups.filter((g) => !g.every((alt) => alt.length === 1 && CONNECTIVES.has(alt[0]!)));
  return worded.length > 0 ? worded : groups;
}

export function analyzeQuery(raw: string, seg: Segmenter, opts: AnalyzeOptions = {}): AnalyzedQuery {
  const naming = opts.naming ?? true;
  const normalized = normalizeText(raw).trim().slice(0, MAX_QUERY_CHARS);
  const identifiers = [...new Set([
    ...extractProjectNos(normalized), ...extractDocNos(normalized), ...extractLetterNos(normalized),
    ...(naming ? looseKeys(normalized) : []),
  ])];
  const keys = new Set<string>(identifiers);
  for (const text of [normalized, ...(naming ? synonymVariants(normalized) : [])]) {
    const key = wholeKey(text);
    if (key) keys.add(key);
  }
  // Each run of letters, digits or CJK characters is a phrase of its own bigrams.
  const runs = normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
  // A one-character run beside longer ones is usually the end of a word cut off by the query's
  // edge or punctuation ("收悉。该项目" → 悉): in the text it sits inside a longer run whose bigrams
  // do not include it alone, so requiring it would lose the match. The longer runs carry the query.
  const long = runs.filter((run) => [...run].length > 1);
  const phrases = (long.length > 0 ? long : runs).map((run) => runGrams(run, seg)).filter((g) => g.length > 0);
  const words = seg.queryWords(normalized);
  const wordGroups = wordGroupsOf(normalized, seg, naming);
  return {
    raw, normalized, words, phrases, keys: [...keys], identifiers, wordGroups,
    ...(naming && wordGroups.length <= MAX_GRAM_GROUPS ? { gramGroups: wordGroups.map(gramAlternatives) } : {}),
  };
}
