/**
 * The public inquiry (公众查询): what a citizen may know of a project's approvals, found by its
 * number (written loosely: lower case, spaces, dashes) or by a name. Every field is copied by
 * name, so a column added to a store later does not reach the public.
 */
import { badRequest } from '../common/errors.ts';
import type { Queryable } from '../db/db.ts';
import { canonicalProjectNo, parseProjectNo } from '../projects/project-no.ts';
import type { PublicApprovalRow, PublicStore } from './public.store.ts';

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

export function createPublicService(deps: { db: Queryable; store: Pick<PublicStore, 'findByNumber' | 'findByName' | 'approvalsOf'> }) {
  const { db, store } = deps;

  /** Projects matching `qInput` (at most MAX_PROJECTS) with their approvals. */
  async function progress(qInput: string | undefined): Promise<{ q: string; projects: PublicProject[] }> {
    const q = (qInput ?? '').trim();
    if (q.length === 0) throw badRequest('q is required: a project number or a project name');
    if ([...q].length > MAX_QUERY_CHARS) throw badRequest(`q must be at most ${MAX_QUERY_CHARS} characters`);
    // A number names one project; only text that is not one is looked for in names.
    const projectNo = projectNoIn(q);
    const projects = projectNo ? await store.findByNumber(db, projectNo) : await store.findByName(db, q, MAX_PROJECTS);
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
