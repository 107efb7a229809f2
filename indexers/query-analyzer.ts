/**
 * Prepares a query the way documents were indexed: normalized, segmented by jieba, cut into
 * bigram phrases, and with its exact keys (project numbers, 文号 in any bracket form, letter
 * numbers, the whole query as a title or name) pulled out.
 */
import type { AnalyzedQuery } from './engines/search-engine.ts';
import { normalizeKey } from './search-docs.ts';
import { extractDocNos, extractLetterNos, extractProjectNos } from './segment/keys.ts';
import { normalizeText } from './segment/normalize.ts';
import type { Segmenter } from './segment/segmenter.ts';

/** Queries longer than this are cut (a pasted page is not a better query than its start). */
export const MAX_QUERY_CHARS = 200;

export function analyzeQuery(raw: string, seg: Segmenter): AnalyzedQuery {
  const normalized = normalizeText(raw).trim().slice(0, MAX_QUERY_CHARS);
  const identifiers = [...new Set([...extractProjectNos(normalized), ...extractDocNos(normalized), ...extractLetterNos(normalized)])];
  const keys = new Set<string>(identifiers);
  const whole = normalizeKey(normalized);
  if ([...whole].length >= 2 && /[\p{L}\p{N}]/u.test(whole)) keys.add(whole);
  // Each run of letters, digits or CJK characters is a phrase of its own bigrams.
  const runs = normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
  // A one-character run beside longer ones is usually the end of a word cut off by the query's
  // edge or punctuation ("收悉。该项目" → 悉): in the text it sits inside a longer run whose bigrams
  // do not include it alone, so requiring it would lose the match. The longer runs carry the query.
  const long = runs.filter((run) => [...run].length > 1);
  const phrases = (long.length > 0 ? long : runs).map((run) => seg.grams(run)).filter((g) => g.length > 0);
  return { raw, normalized, words: seg.queryWords(normalized), phrases, keys: [...keys], identifiers };
}
