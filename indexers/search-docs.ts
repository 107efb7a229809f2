/**
 * Turns an indexable record into search documents: normalized text split into passages,
 * segmented twice (jieba words, and dictionary-free bigrams), with the keys and project keys
 * every engine filters and boosts on.
 */
import type { SearchDoc, SearchType } from './engines/search-engine.ts';
import type { SourcePage, SourceRows } from './index-source.store.ts';
import { TO_INDEXABLE, type Indexable } from './indexable.ts';
import { normalizeText } from './segment/normalize.ts';
import { canonicalDocNo, extractProjectNos } from './segment/keys.ts';
import { lawShortNames } from './segment/dictionary.ts';
import type { Segmenter } from './segment/segmenter.ts';

/** Passages are cut at paragraph ends near this length. */
export const PASSAGE_CHARS = 1500;

const TYPE_WEIGHT: Record<SearchDoc['type'], number> = {
  project: 1, approval: 0.8, document: 0.7, meeting: 0.6, petition: 0.6, regulation: 0.7, credit: 0.6,
};

/** Splits text at line ends into pieces of at most about `max` characters. */
export function splitPassages(text: string, max = PASSAGE_CHARS): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (let i = 0; i < line.length || i === 0; i += max) {
      const piece = line.slice(i, i + max);
      if (current && current.length + piece.length + 1 > max) {
        out.push(current);
        current = '';
      }
      current = current ? `${current}\n${piece}` : piece;
      if (line.length === 0) break;
    }
  }
  if (current) out.push(current);
  return out;
}

/** Exact keys as a query would produce them: normalized, 文号 canonical, numbers uppercased. */
export function normalizeKey(raw: string): string {
  const n = normalizeText(raw).trim();
  // Only a 文号 written alone becomes that 文号: a title that cites one (关于贯彻国发〔2011〕20号…)
  // stays a title, or its record would share the cited document's exact key and outrank it.
  const docNo = canonicalDocNo(n);
  if (docNo !== null && docNo === n) return docNo;
  return extractProjectNos(n)[0] === n.toUpperCase() ? n.toUpperCase() : n;
}

/** A prior in [0, 1]: recent and open records first, at equal relevance. */
export function prior(x: Pick<Indexable, 'type' | 'date' | 'open'>, now = new Date()): number {
  const year = x.date ? Number(x.date.slice(0, 4)) : 1990;
  const recency = Math.max(0, Math.min(1, (year - 1980) / Math.max(1, now.getUTCFullYear() - 1980)));
  return Math.round((0.5 * recency + 0.3 * (x.open ? 1 : 0) + 0.2 * TYPE_WEIGHT[x.type]) * 1000) / 1000;
}

export function toSearchDocs(x: Indexable, seg: Segmenter, now = new Date()): SearchDoc[] {
  // Titles and passages are kept as written, for display; their tokens come from the normalized text.
  const title = normalizeText(x.title);
  const projectNames = x.projects.map((p) => p.name);
  // A project's other names (sales name, aliases) find its records as its registered name does.
  const otherNames = x.projects.flatMap((p) => [p.estate, ...(p.aliases ?? [])]).filter((n): n is string => Boolean(n));
  const keySet = new Set<string>();
  for (const k of [...x.keys, ...x.projects.map((p) => p.no), ...projectNames, ...otherNames]) if (k) keySet.add(normalizeKey(k));
  if (x.type === 'regulation') for (const short of lawShortNames(title)) keySet.add(short);
  keySet.delete('');
  const nameWords = seg.indexWords([title, ...projectNames, ...otherNames].join('\n'));
  const titleGrams = seg.grams(title);
  const passages = splitPassages(x.body);
  const base = {
    type: x.type,
    resourceId: x.id,
    version: x.version,
    title: x.title,
    date: x.date,
    status: x.status,
    item: x.item,
    open: x.open,
    districts: [...new Set(x.projects.map((p) => p.district).filter((d): d is string => Boolean(d)))],
    projectNos: x.projects.map((p) => p.no),
    projectNames,
    builders: [...new Set(x.projects.map((p) => p.builder).filter((b): b is string => Boolean(b)))],
    keys: [...keySet],
    nameWords,
    titleGrams,
    prior: prior(x, now),
  };
  return passages.map((body, passage) => ({
    ...base,
    docId: passages.length === 1 ? `${x.type}:${x.id}` : `${x.type}:${x.id}#${passage}`,
    passage,
    body,
    bodyWords: seg.indexWords(normalizeText(body)),
    bodyGrams: seg.grams(normalizeText(body)),
  }));
}

/** The search documents of a page of one type's source rows, as read from PostgreSQL. */
export function docsOfPage(page: SourcePage, seg: Segmenter): SearchDoc[] {
  return docsOf(page.type, page.rows, seg);
}

function docsOf<T extends SearchType>(type: T, rows: SourceRows[T][], seg: Segmenter): SearchDoc[] {
  const toIndexable = TO_INDEXABLE[type];
  return rows.flatMap((row) => toSearchDocs(toIndexable(row), seg));
}
