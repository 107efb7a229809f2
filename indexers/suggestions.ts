/**
 * Type-ahead terms: project names, builders, places and regulations, each with its pinyin and
 * initials so that `qingshan` and `qstygy` find 青山体育公园.
 */
import { pinyin } from 'pinyin-pro';
import type { Queryable } from '../services/db/db.ts';
import type { Suggestion } from './engines/search-engine.ts';
import { lawShortNames } from './segment/dictionary.ts';
import { wuhanPlaces } from './segment/wuhan-places.ts';

export type SuggestionTerm = Suggestion & { pinyin: string; initials: string; weight: number };

/** Full pinyin without tones or spaces, and the initials; other characters kept, lowercased. */
export function pinyinForms(text: string): { pinyin: string; initials: string } {
  const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  const clean = (s: string) => s.toLowerCase().replace(/\s+/g, '');
  return { pinyin: clean(full), initials: clean(initials) };
}

export function term(text: string, kind: Suggestion['kind'], ref: string | null, weight: number): SuggestionTerm {
  return { text, kind, ref, weight, ...pinyinForms(text) };
}

export async function buildSuggestions(db: Queryable): Promise<SuggestionTerm[]> {
  const [projects, builders, regulations] = await Promise.all([
    db.query<{ name: string; project_no: string; n: number }>(
      `SELECT p.name, p.project_no, coalesce(s.approvals + s.documents + s.meetings + s.petitions, 0) AS n
       FROM projects p LEFT JOIN project_summaries s USING (project_no)`,
    ),
    db.query<{ name: string; n: number }>('SELECT builder AS name, count(*)::int AS n FROM projects WHERE builder IS NOT NULL GROUP BY builder'),
    db.query<{ title: string; id: string }>('SELECT title, id FROM regulations'),
  ]);
  return [
    ...projects.rows.map((p) => term(p.name, 'project', p.project_no, 1 + Math.log1p(p.n))),
    ...builders.rows.map((b) => term(b.name, 'builder', null, 1 + Math.log1p(b.n))),
    ...[...wuhanPlaces().districts, ...wuhanPlaces().streets].map((w) => term(w, 'place', null, 1)),
    ...regulations.rows.flatMap((r) => [
      term(r.title, 'regulation', r.id, 1),
      ...lawShortNames(r.title).map((s) => term(s, 'regulation', r.id, 1.5)),
    ]),
  ];
}
