/**
 * Type-ahead terms: project names, builders, places and regulations, each with its pinyin and
 * initials so that `qingshan` and `qstygy` find 青山体育公园, and with what it names (`ref`) so
 * that same-named projects stay apart.
 */
import { pinyin } from 'pinyin-pro';
import type { Queryable } from '../services/db/db.ts';
import type { Suggestion, SuggestionKind, SuggestionTerm } from './engines/search-engine.ts';
import { lawShortNames } from './segment/dictionary.ts';
import { suggestionSourceStore, type SuggestionSources } from './suggestion-source.store.ts';
import { wuhanPlaces } from './segment/wuhan-places.ts';

export type { SuggestionTerm };

/** Full pinyin without tones or spaces, and the initials; other characters kept, lowercased. */
export function pinyinForms(text: string): { pinyin: string; initials: string } {
  const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  const clean = (s: string) => s.toLowerCase().replace(/\s+/g, '');
  return { pinyin: clean(full), initials: clean(initials) };
}

export function term(text: string, kind: SuggestionKind, ref: string, detail: string | null, weight: number): SuggestionTerm {
  return { text, kind, ref, detail, weight, ...pinyinForms(text) };
}

/** An entry's identity: the same text may name several things (万科中央公馆 in three districts). */
export const suggestionKey = (s: Pick<Suggestion, 'kind' | 'text' | 'ref'>) => `${s.kind}\u0000${s.text}\u0000${s.ref}`;

/** One term per key, with the highest weight any source gave it (a place is both a district body and a street's base name). */
export function uniqueTerms(terms: SuggestionTerm[]): SuggestionTerm[] {
  const byKey = new Map<string, SuggestionTerm>();
  for (const t of terms) {
    const k = suggestionKey(t);
    const seen = byKey.get(k);
    if (!seen || seen.weight < t.weight) byKey.set(k, t);
  }
  return [...byKey.values()];
}

/**
 * Every term, once per key. Projects name their district and number, which is all that tells
 * same-named ones apart; a law's short name, the title it stands for; a regulation's title, its
 * date (the same title is reissued). Builders and places are their own ref.
 */
export async function buildSuggestions(db: Queryable): Promise<SuggestionTerm[]> {
  return suggestionTerms(await suggestionSourceStore.load(db));
}

/** The terms of the sources (pure). */
export function suggestionTerms({ projects, builders, regulations }: SuggestionSources): SuggestionTerm[] {
  return uniqueTerms([
    ...projects.map((p) => term(p.name, 'project', p.project_no, [p.district, p.project_no].filter(Boolean).join(' · '), 1 + Math.log1p(p.n))),
    ...builders.map((b) => term(b.name, 'builder', b.name, null, 1 + Math.log1p(b.n))),
    ...[...wuhanPlaces().districts, ...wuhanPlaces().streets].map((w) => term(w, 'place', w, null, 1)),
    ...regulations.flatMap((r) => [
      term(r.title, 'regulation', r.id, r.date, 1),
      ...lawShortNames(r.title).map((s) => term(s, 'regulation', r.id, r.title, 1.5)),
    ]),
  ]);
}
