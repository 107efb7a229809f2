/**
 * The domain dictionary jieba uses on top of its own: static bureau vocabulary plus names
 * taken from the data (projects, builders' brands, laws' short names). Its version is stored
 * with the index, so a changed dictionary means a reindex.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../services/db/db.ts';
import { dictionaryStore } from './dictionary.store.ts';
import { SEARCH_TYPES } from './engines/search-engine.ts';
import { STATIC_DOMAIN_WORDS, wordsFromNames } from './segment/dictionary.ts';

/**
 * What else an index depends on beside the words: the searchable types, the PostgreSQL
 * indexes listings need, the type-ahead's inner-word keys, and petitions indexed without
 * personal data (an index built before holds phone numbers, so it is rebuilt). A change here changes the version, so a store indexed before it is
 * rebuilt when the hub starts.
 */
const INDEX_LAYOUT = `types:${SEARCH_TYPES.join(',')};listing-indexes:1;suggest-words:1;petitions-masked:1`;

export function dictionaryVersionOf(words: readonly string[]): string {
  return createHash('sha1').update(`${INDEX_LAYOUT}\n`).update([...new Set(words)].sort().join('\n')).digest('hex').slice(0, 16);
}

/** The words the data calls for now, and their version. */
export async function buildDictionary(db: Queryable): Promise<{ words: string[]; version: string }> {
  const words = [...new Set([...STATIC_DOMAIN_WORDS, ...wordsFromNames(await dictionaryStore.names(db))])].sort();
  return { words, version: dictionaryVersionOf(words) };
}

export const saveDictionary = dictionaryStore.save;
export const loadDictionary = dictionaryStore.load;
