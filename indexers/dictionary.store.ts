/** The names the domain dictionary is built from, and the dictionary the live index was built with. Plain SQL. */
import type { Queryable } from '../services/db/db.ts';

/** Every project name, builder and regulation title, once each. */
async function names(db: Queryable): Promise<{ projects: string[]; builders: string[]; regulations: string[] }> {
  const [projects, builders, regulations] = await Promise.all([
    db.query<{ v: string }>('SELECT DISTINCT name AS v FROM projects'),
    db.query<{ v: string }>('SELECT name AS v FROM builders'),
    db.query<{ v: string }>('SELECT DISTINCT title AS v FROM regulations'),
  ]);
  const values = (r: { rows: { v: string }[] }) => r.rows.map((x) => x.v);
  return { projects: values(projects), builders: values(builders), regulations: values(regulations) };
}

/** Replaces the saved words (the dictionary of the index just built). */
async function save(db: Queryable, words: string[]): Promise<void> {
  await db.query('DELETE FROM search_dictionary');
  for (let i = 0; i < words.length; i += 10_000) {
    await db.query('INSERT INTO search_dictionary (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [words.slice(i, i + 10_000)]);
  }
}

async function load(db: Queryable): Promise<string[]> {
  const r = await db.query<{ word: string }>('SELECT word FROM search_dictionary ORDER BY word');
  return r.rows.map((x) => x.word);
}

export const dictionaryStore = { names, save, load };
export type DictionaryStore = typeof dictionaryStore;
