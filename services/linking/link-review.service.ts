/**
 * What people do with links: read a resource's links, work through the review queue, decide
 * (confirm / reject / unsure, recorded with who and when, never overwritten by the linker), and
 * export every link for audit and measurement.
 */
import type { AuditStore } from '../audit/audit.store.ts';
import { badRequest, notFound } from '../common/errors.ts';
import type { Db, Queryable } from '../db/db.ts';
import { canonicalDistrict, districtForms } from '../../indexers/districts.ts';
import { TOPICS } from '../jobs/job-types.ts';
import type { OutboxStore } from '../outbox/outbox.store.ts';
import { canonicalProjectNo } from '../projects/project-no.ts';
import { maskNullable, maskPersonalText } from '../privacy/pii-text.ts';
import { isLinkType, LINK_TYPES, type LinkType } from './link-model.ts';
import type { Reason } from './link-reasons.ts';
import { LINK_STATUSES, type ExportRow, type LinkReviewStore, type LinkStatus } from './link-review.store.ts';

export const REVIEW_PAGE_SIZE = 20;

/**
 * A petition's link with personal data masked where it quotes the petition (its subject, the
 * passage the mention was found in, the evidence): links are read and exported by every role,
 * and only a supervisor's reading page shows a petition whole.
 */
function masked<T extends { resource_type: string; passage: string | null; reasons: Reason[]; resource_title?: string | null }>(row: T): T {
  if (row.resource_type !== 'petition') return row;
  return {
    ...row,
    passage: maskNullable(row.passage),
    reasons: row.reasons.map((r) => ({ ...r, text: maskPersonalText(r.text) })),
    ...(row.resource_title !== undefined ? { resource_title: maskNullable(row.resource_title) } : {}),
  };
}
const DECISIONS = ['confirm', 'reject', 'unsure'] as const;
/** Statuses under which a link counts (search, 360 view, summaries). */
const COUNTED = new Set(['confirmed', 'auto']);

export interface ReviewParams {
  status?: string;
  type?: string;
  district?: string;
  min_score?: number;
  max_score?: number;
  page?: number;
}

export interface DecisionInput {
  resource_type: string;
  resource_id: string;
  project_no: string;
  decision: string;
  by: string;
}

function linkType(name: string, value: string): LinkType {
  if (isLinkType(value)) return value;
  throw badRequest(`${name}: "${value}" is not a linked type; expected one of ${LINK_TYPES.join(', ')}`);
}

function linkStatus(value: string): LinkStatus {
  if ((LINK_STATUSES as readonly string[]).includes(value)) return value as LinkStatus;
  throw badRequest(`status: "${value}" is not a link status; expected one of ${LINK_STATUSES.join(', ')}`);
}

export function createLinkReviewService(deps: {
  db: Pick<Db, 'transaction'> & Queryable;
  store: Pick<LinkReviewStore, 'linksOf' | 'reviewQueue' | 'resourceVersion' | 'projectExists' | 'recordDecision' | 'exportPage'>;
  outbox: Pick<OutboxStore, 'append'>;
  audit: Pick<AuditStore, 'append'>;
}) {
  const { db, store } = deps;

  async function linksOf(typeName: string, id: string) {
    const type = linkType('resource_type', typeName);
    if ((await store.resourceVersion(db, type, id)) === null) throw notFound(`no ${type} with id "${id}"`);
    return { resource_type: type, resource_id: id, links: (await store.linksOf(db, type, id)).map(masked) };
  }

  async function reviewQueue(params: ReviewParams) {
    const status = linkStatus(params.status ?? 'suggested');
    const type = params.type ? linkType('type', params.type) : undefined;
    let districts: string[] | undefined;
    if (params.district) {
      const short = canonicalDistrict(params.district);
      if (!short) throw badRequest(`district: "${params.district}" is not a district of Wuhan`);
      districts = districtForms(short);
    }
    if (params.min_score !== undefined && params.max_score !== undefined && params.min_score > params.max_score) {
      throw badRequest('min_score: must not be above max_score');
    }
    const page = params.page ?? 1;
    const { total, items } = await store.reviewQueue(db, {
      status, type, districts, minScore: params.min_score, maxScore: params.max_score,
      offset: (page - 1) * REVIEW_PAGE_SIZE, limit: REVIEW_PAGE_SIZE,
    });
    return { status, total, page, size: REVIEW_PAGE_SIZE, items: items.map(masked) };
  }

  /** Records a person's decision; the link then counts (or stops counting) at once, and the linker keeps it. */
  async function decide(input: DecisionInput) {
    const type = linkType('resource_type', input.resource_type);
    if (!(DECISIONS as readonly string[]).includes(input.decision)) {
      throw badRequest(`decision: "${input.decision}" is not a decision; expected one of ${DECISIONS.join(', ')}`);
    }
    const by = input.by.trim();
    if (!by) throw badRequest('by: say who decides');
    const projectNo = canonicalProjectNo(input.project_no);
    const version = await store.resourceVersion(db, type, input.resource_id);
    if (version === null) throw notFound(`no ${type} with id "${input.resource_id}"`);
    if (!(await store.projectExists(db, projectNo))) throw notFound(`no project numbered "${projectNo}"`);
    const decision = input.decision as (typeof DECISIONS)[number];
    const result = await db.transaction(async (tx) => {
      const r = await store.recordDecision(tx, { resource_type: type, resource_id: input.resource_id, project_no: projectNo, decision, by });
      if (COUNTED.has(r.before ?? '') !== COUNTED.has(r.after)) {
        await deps.outbox.append(tx, [{
          topic: TOPICS.linksChanged, resource_type: type, resource_id: input.resource_id, version, payload: { project_nos: [projectNo] },
        }]);
      }
      await deps.audit.append(tx, {
        actor: by, action: 'link.decision', resource_type: type, resource_id: input.resource_id,
        detail: { project_no: projectNo, decision, before: r.before, after: r.after },
      });
      return r;
    });
    const links = await store.linksOf(db, type, input.resource_id);
    return { link: masked(links.find((l) => l.project_no === projectNo)!), before: result.before };
  }

  /** Every link of the given type and status, in key order, a page at a time. */
  async function* exportLinks(filter: { type?: string; status?: string } = {}): AsyncGenerator<ExportRow> {
    const f = { type: filter.type ? linkType('type', filter.type) : undefined, status: filter.status ? linkStatus(filter.status) : undefined };
    let after: ExportRow | null = null;
    for (;;) {
      const page: ExportRow[] = await store.exportPage(db, f, after, 2000);
      yield* page.map(masked);
      if (page.length < 2000) return;
      after = page[page.length - 1]!;
    }
  }

  return { linksOf, reviewQueue, decide, exportLinks };
}

export type LinkReviewService = ReturnType<typeof createLinkReviewService>;
