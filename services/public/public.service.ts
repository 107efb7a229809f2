/**
 * The public inquiry (公众查询): what a citizen may know of a project's approvals, found by its
 * number (written loosely: lower case, spaces, dashes) or by a name. Names go through the search
 * engine's project search, which knows how people name projects (short names, abbreviations,
 * aliases, estate names) without reading every project; only the numbers of its hits are used.
 * Every field is copied by name, so a column added to a store later does not reach the public.
 */
import { badRequest } from '../common/errors.ts';
import type { Queryable } from '../db/db.ts';
import { canonicalProjectNo, parseProjectNo } from '../projects/project-no.ts';
import type { SearchService } from '../search/search.service.ts';
import type { PublicApprovalRow, PublicProjectRow, PublicStore } from './public.store.ts';

/** The longest query the page accepts, in characters. */
export const MAX_QUERY_CHARS = 100;
/** The most projects one answer lists. */
export const MAX_PROJECTS = 10;

export interface PublicApproval {
  item: string;
  status: string;
  received_at: string | null;
  closed_at: string | null;
  stages: string[];
}

export interface PublicProject {
  project_no: string;
  name: string;
  district: string | null;
  approvals: PublicApproval[];
}

/** Separators people put inside a project number when they copy or say it (HSAA-2019-0012, hsaa 2019 0012). */
const NUMBER_SEPARATORS = /[\s\-_－—–.·/]/g;

/** The project number `q` writes, however loosely; null when it is not one. */
export function projectNoIn(q: string): string | null {
  const compact = q.replace(NUMBER_SEPARATORS, '');
  return parseProjectNo(compact) ? canonicalProjectNo(compact) : null;
}

/** The stages an approval passes through, each named once, in the order it first reaches them. */
export const stagesOf = (stages: (string | null)[]): string[] =>
  [...new Set(stages.map((s) => s?.trim()).filter((s): s is string => Boolean(s)))];

const toPublicApproval = (a: PublicApprovalRow): PublicApproval => ({
  item: a.item,
  status: a.status,
  received_at: a.received_at,
  closed_at: a.closed_at,
  stages: stagesOf(a.stages),
});

/** Distinct numbers in first-seen order. */
const distinct = (nos: (string | null)[]): string[] => [...new Set(nos.filter((n): n is string => Boolean(n)))];

export function createPublicService(deps: {
  db: Queryable;
  store: Pick<PublicStore, 'findByNumbers' | 'approvalsOf'>;
  search: Pick<SearchService, 'search'>;
}) {
  const { db, store, search } = deps;

  /**
   * The projects the engine finds for a name, best first. A hit only lends its project number:
   * what is shown is read again from the allowed columns. Partial hits (lacking some of the
   * words) are left out: they are other projects that share a word, not the one asked about.
   */
  async function numbersNamed(q: string): Promise<string[]> {
    const found = await search.search({ q, type: 'project', size: MAX_PROJECTS });
    return distinct(found.hits.filter((h) => h.matched !== 'partial').map((h) => h.project_no)).slice(0, MAX_PROJECTS);
  }

  /** Projects matching `qInput` (at most MAX_PROJECTS) with their approvals. */
  async function progress(qInput: string | undefined): Promise<{ q: string; projects: PublicProject[] }> {
    const q = (qInput ?? '').trim();
    if (q.length === 0) throw badRequest('q is required: a project number or a project name');
    if ([...q].length > MAX_QUERY_CHARS) throw badRequest(`q must be at most ${MAX_QUERY_CHARS} characters`);
    // A number names one project; only text that is not one is looked for in names.
    const projectNo = projectNoIn(q);
    const numbers = projectNo ? [projectNo] : await numbersNamed(q);
    const rows = await store.findByNumbers(db, numbers);
    // In the order asked (the engine's ranking); a number the engine has but the table no longer does is dropped.
    const byNo = new Map(rows.map((r) => [r.project_no, r]));
    const projects = numbers.map((no) => byNo.get(no)).filter((p): p is PublicProjectRow => p !== undefined);
    const approvals = await store.approvalsOf(db, projects.map((p) => p.project_no));
    return {
      q,
      projects: projects.map((p) => ({
        project_no: p.project_no,
        name: p.name,
        district: p.district,
        approvals: approvals.filter((a) => a.project_no === p.project_no).map(toPublicApproval),
      })),
    };
  }

  return { progress };
}

export type PublicService = ReturnType<typeof createPublicService>;
