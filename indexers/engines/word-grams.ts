/**
 * A word written as its bigrams: how a word group is matched when the text was cut differently.
 * jieba cuts a query and a name each in its own context (`武丰村` in the query, `武丰村城中村改造
 * 还建房` in the name), so a word the query holds may not be a word of the text it is in; its
 * bigrams are there whatever the cut. Each word's own bigrams only: the bigram across two words
 * of the query (`村还` of 武丰村还建房) need not be in a text that holds both words apart.
 */
import { gramsOf } from '../segment/grams.ts';

/**
 * Queries with more word groups than this (a pasted passage) are not matched word by word in
 * bigrams: the characters tier then needs all of the query's bigrams, as it always did, and the
 * request stays within the engines' clause limits (OpenSearch refuses over 1,024 clauses).
 */
export const MAX_GRAM_GROUPS = 12;

const isLoneHan = (w: string) => /^\p{Script=Han}$/u.test(w);

/**
 * Each alternative of a word group as the bigrams of its words (words already normalized). A
 * lone Han character has no bigram of its own and is left out; an alternative left with nothing
 * is dropped, so a group of lone characters has no gram form (`[]`).
 */
export function gramAlternatives(group: readonly (readonly string[])[]): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const alt of group) {
    const grams = [...new Set(alt.flatMap((w) => (isLoneHan(w) ? [] : gramsOf(w))))];
    const key = grams.join(' ');
    if (grams.length > 0 && !seen.has(key)) {
      seen.add(key);
      out.push(grams);
    }
  }
  return out;
}
