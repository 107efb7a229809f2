/**
 * The domain dictionary jieba uses on top of its own: static bureau vocabulary plus names
 * taken from the data (projects, builders' brands, laws' short names). Its version is stored
 * with the index, so a changed dictionary means a reindex.
 */
import type { Queryable } from '../services/db/db.ts';
import { STATIC_DOMAIN_WORDS, wordsFromNames } from './segment/dictionary.ts';
import { createHash } from 'node:crypto';

export function dictionaryVersionOf(words: readonly string[]): string {
  return createHash('sha1').update([...new Set(words)].sort().join('\n')).digest('hex').slice(0, 16);
}

export async function buildDictionary(db: Queryable): Promise<{ words: string[]; version: string }> {
  const [projects, builders, regulations] = await Promise.all([
    db.query<{ v: string }>('SELECT DISTINCT name AS v FROM projects'),
    db.query<{ v: string }>('SELECT name AS v FROM builders'),
    db.query<{ v: string }>('SELECT DISTINCT title AS v FROM regulations'),
  ]);
  const words = [
    ...new Set([
      ...STATIC_DOMAIN_WORDS,
      ...wordsFromNames({
        projects: projects.rows.map((r) => r.v),
        builders: builders.rows.map((r) => r.v),
        regulations: regulations.rows.map((r) => r.v),
      }),
    ]),
  ].sort();
  return { words, version: dictionaryVersionOf(words) };
}

export async function saveDictionary(db: Queryable, words: string[]): Promise<void> {
  await db.query('DELETE FROM search_dictionary');
  for (let i = 0; i < words.length; i += 10_000) {
    await db.query('INSERT INTO search_dictionary (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [words.slice(i, i + 10_000)]);
  }
}

export async function loadDictionary(db: Queryable): Promise<string[]> {
  const r = await db.query<{ word: string }>('SELECT word FROM search_dictionary ORDER BY word');
  return r.rows.map((x) => x.word);
}
