/**
 * 分件: who in the approval's office should take it. The candidates are the people who handle
 * the office's approvals; each is judged by the cases they hold open now and by how many of the
 * project's similar past cases (the recommendation feature's: same business item, district and
 * land use, nearest in scale) they handled. The scoring and its reasons are the rules'
 * (`rankHandlers`, rules/functions/handler-ranking.ts).
 */
import { rankHandlers, type HandlerCandidate, type RankedHandler } from '../../rules/index.ts';
import { withinGrant, type Grant } from '../access/policy.ts';
import type { Principal } from '../access/principal.ts';
import { badRequest, forbidden, notFound } from '../common/errors.ts';
import type { Queryable } from '../db/db.ts';
import type { RecommendStore } from '../recommend/recommend.store.ts';
import type { AssignmentStore } from './assignment.store.ts';

/** Similar past cases looked at: enough that a handler's experience shows, few enough to stay quick. */
const SIMILAR_CASES = 100;
/** Similar cases handled at which relatedness is full: a handful is experience enough. */
const FULL_EXPERIENCE = 5;
export const DEFAULT_ASSIGNEES = 5;

export interface Viewer {
  grant: Grant;
  principal: Pick<Principal, 'office'>;
}

export interface Assignees {
  approval_id: string;
  office: string;
  /** Who holds it now, if anyone. */
  current: string | null;
  /** How many similar past cases the candidates were judged by. */
  similar_cases: number;
  candidates: RankedHandler[];
}

export function createAssignmentService(deps: {
  db: Queryable;
  store: Pick<AssignmentStore, 'approval' | 'officeHandlers' | 'handlersOf'>;
  recommend: Pick<RecommendStore, 'project' | 'similarCases'>;
}) {
  const { db, store, recommend } = deps;

  async function assignees(approvalId: string, viewer: Viewer, size = DEFAULT_ASSIGNEES): Promise<Assignees> {
    const approval = await store.approval(db, approvalId.trim());
    if (!approval) throw notFound(`no approval with id "${approvalId}"`);
    if (!approval.office) throw badRequest(`approval ${approval.id} names no handling office, so there is nobody to assign it to`);
    if (!withinGrant(viewer.grant, viewer.principal, approval.office)) {
      throw forbidden(`approval ${approval.id} is handled by ${approval.office}, not your office (${viewer.principal.office ?? 'none'}): a handler assigns their own office's cases`);
    }
    const project = await recommend.project(db, approval.project_no);
    const [handlers, similar] = await Promise.all([
      store.officeHandlers(db, approval.office),
      project
        ? recommend.similarCases(db, { items: [approval.item], district: project.district, landUse: project.land_use, scale: project.scale_m2, exceptNo: project.project_no, limit: SIMILAR_CASES })
        : Promise.resolve([]),
    ]);
    const handledBy = new Map<string, string[]>();
    const names = new Map(similar.map((c) => [c.approval_id, c.project_name]));
    for (const { id, handler } of await store.handlersOf(db, similar.map((c) => c.approval_id))) {
      handledBy.set(handler, [...(handledBy.get(handler) ?? []), names.get(id) ?? id]);
    }
    const candidates: HandlerCandidate[] = handlers.map((h) => {
      const cases = handledBy.get(h.handler) ?? [];
      return { handler: h.handler, office: approval.office!, openCases: h.open_cases, relatedness: Math.min(1, cases.length / FULL_EXPERIENCE), relatedCases: cases };
    });
    return { approval_id: approval.id, office: approval.office, current: approval.handler, similar_cases: similar.length, candidates: rankHandlers(candidates).slice(0, size) };
  }

  return { assignees };
}

export type AssignmentService = ReturnType<typeof createAssignmentService>;
