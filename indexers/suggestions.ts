/**
 * Type-ahead terms: project names (and their sales names and aliases), builders, places and
 * regulations, each with its pinyin and initials so that `qingshan` and `qstygy` find
 * 青山体育公园, the same from each inner word on so that `ggxx` finds 武昌区某某街光谷小学新建工程,
 * and with what it names (`ref`) so that same-named projects stay apart.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';
import type { Queryable } from '../services/db/db.ts';
import { findPersonalData } from '../services/privacy/pii-text.ts';
import type { Suggestion, SuggestionKind, SuggestionTerm } from './engines/search-engine.ts';
import { lawShortNames } from './segment/dictionary.ts';
import { suggestionSourceStore, type SuggestionSources } from './suggestion-source.store.ts';
import { wuhanPlaces } from './segment/wuhan-places.ts';

export type { SuggestionTerm };

/** Cuts a text into words whose concatenation is the text (jieba's precise cut keeps every character). */
export type WordCutter = (text: string) => string[];

/**
 * jieba's precise cut with jieba's own dictionary only. Not the process's shared instance: the
 * domain dictionary holds whole project names as words, which would hide the words inside them.
 * A fresh instance (~130 ms, ~40 MB) per build, left to the collector afterwards.
 */
export function plainWordCutter(): WordCutter {
  const jieba = Jieba.withDict(dict);
  return (text) => jieba.cut(text, true);
}

/** Inner words a term is found from, at most: keeps the key table within ~16 rows per term. */
export const MAX_WORD_STARTS = 8;

/** Lowercase letters and digits only: `万科·湖畔里` is typed `wankehupanli`, not with the dot. */
const clean = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Full pinyin without tones or spaces, and the initials; other letters and digits kept, lowercased, punctuation dropped. */
export function pinyinForms(text: string): { pinyin: string; initials: string } {
  const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  return { pinyin: clean(full), initials: clean(initials) };
}

/**
 * Where the inner words of a text begin (string offsets, 0 excluded), the first MAX_WORD_STARTS
 * of them. A word of one character (街, 里, 期) or of punctuation begins nothing: typing from it
 * is rare, and `j…` or `l…` would match half the table.
 */
export function wordStarts(text: string, cut: WordCutter): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const word of cut(text)) {
    const found = text.indexOf(word, at);
    if (found < 0) break; // a cutter that rewrote the text: stop rather than guess
    if (found > 0 && [...word].length >= 2 && /^[\p{L}\p{N}]/u.test(word)) starts.push(found);
    if (starts.length === MAX_WORD_STARTS) break;
    at = found + word.length;
  }
  return starts;
}

/** The pinyin and initials of the text from each inner word on, without those of the whole. */
export function wordKeys(text: string, cut: WordCutter): string[] {
  const whole = pinyinForms(text);
  const keys = new Set<string>();
  for (const start of wordStarts(text, cut)) {
    const forms = pinyinForms(text.slice(start));
    for (const k of [forms.pinyin, forms.initials]) if (k && k !== whole.pinyin && k !== whole.initials) keys.add(k);
  }
  return [...keys];
}

export function term(text: string, kind: SuggestionKind, ref: string, detail: string | null, weight: number, cut: WordCutter): SuggestionTerm {
  return { text, kind, ref, detail, weight, ...pinyinForms(text), wordKeys: wordKeys(text, cut) };
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
 * same-named ones apart; its sales name and aliases show its registered name and number (the
 * phases of one estate share a sales name); a law's short name, the title it stands for; a
 * regulation's title, its date (the same title is reissued). Builders and places are their own ref.
 */
export async function buildSuggestions(db: Queryable, cut: WordCutter = plainWordCutter()): Promise<SuggestionTerm[]> {
  return suggestionTerms(await suggestionSourceStore.load(db), cut);
}

/** The terms of the sources (pure). */
export function suggestionTerms({ projects, builders, regulations }: SuggestionSources, cut: WordCutter): SuggestionTerm[] {
  const t = (text: string, kind: SuggestionKind, ref: string, detail: string | null, weight: number) => term(text, kind, ref, detail, weight, cut);
  // Names come from records and from people (aliases): one that holds a phone number or a flat is left out, never suggested.
  return uniqueTerms([
    ...projects.flatMap((p) => {
      const weight = 1 + Math.log1p(p.n);
      const otherNames = [p.estate_name, ...(p.aliases ?? [])].filter((n): n is string => Boolean(n) && n !== p.name);
      return [
        t(p.name, 'project', p.project_no, [p.district, p.project_no].filter(Boolean).join(' · '), weight),
        ...otherNames.map((n) => t(n, 'project', p.project_no, `${p.name} · ${p.project_no}`, weight)),
      ];
    }),
    ...builders.map((b) => t(b.name, 'builder', b.name, null, 1 + Math.log1p(b.n))),
    ...[...wuhanPlaces().districts, ...wuhanPlaces().streets].map((w) => t(w, 'place', w, null, 1)),
    ...regulations.flatMap((r) => [
      t(r.title, 'regulation', r.id, r.date, 1),
      ...lawShortNames(r.title).map((s) => t(s, 'regulation', r.id, r.title, 1.5)),
    ]),
  ].filter((x) => findPersonalData(x.text).length === 0 && (x.detail === null || findPersonalData(x.detail).length === 0)));
}
