/**
 * Recommendations for a project or an approval: the link graph (materials linked to the
 * project, its builder's credit record, past approvals of the same item in similar cases)
 * combined with text likeness (the engine's `similar`: regulations for its items, materials
 * about its place that no link reaches). Ranking and reasons are ./recommend-rank.ts's.
 */
import type { SearchReader, SearchType } from '../../indexers/engines/search-engine.ts';
import { DISTRICTS, districtForms } from '../../indexers/districts.ts';
import type { Segmenter } from '../../indexers/segment/segmenter.ts';
import type { Queryable } from '../db/db.ts';
import { forbidden, notFound } from '../common/errors.ts';
import { withinGrant, type Grant } from '../access/policy.ts';
import type { Principal } from '../access/principal.ts';
import { canonicalProjectNo } from '../projects/project-no.ts';
import { fromCases, fromCredits, fromLinks, fromSimilar, merge, type Recommendation } from './recommend-rank.ts';
import type { RecommendStore, SubjectProject } from './recommend.store.ts';

export const DEFAULT_RECOMMENDATIONS = 20;
export const MAX_RECOMMENDATIONS = 50;

/** Words that name the whole city or a district, or any project: a shared one says nothing. */
const GENERIC = ['武汉', '武汉市', '湖北', '湖北省', '项目', '工程', '建设', '新建', '地块', '小区', '用地', '规划', '有限公司', '公司'];
const IGNORED: ReadonlySet<string> = new Set([...GENERIC, ...DISTRICTS.flatMap((d) => districtForms(d))]);

/** How many likeness hits each source asks for, and with how many of the source's words. */
const NEARBY_HITS = 20;
const NEARBY_TERMS = 12;
const LAW_HITS = 8;
/** Similar past cases offered: a handful to compare with, not a register of every approval of the item. */
const CASES = 5;

/** Types whose materials can be about a place. */
const PLACE_TYPES: readonly SearchType[] = ['document', 'meeting', 'petition'];

/** Whose recommendations they are: a handler's grant covers only the cases of their office. */
export interface Viewer {
  grant: Grant;
  principal: Pick<Principal, 'office'>;
}
const EVERYONE: Viewer = { grant: 'all', principal: { office: null } };

const outsideOffice = (viewer: Viewer, what: string) =>
  forbidden(`${what} is not handled by your office (${viewer.principal.office ?? 'none'}): a handler sees recommendations for their own office's cases`);

export function createRecommendService(deps: {
  db: Queryable;
  store: Pick<RecommendStore, 'project' | 'approval' | 'linked' | 'rejected' | 'credits' | 'similarCases' | 'names'>;
  engine: Pick<SearchReader, 'similar'>;
  segmenter: Pick<Segmenter, 'queryWords'>;
}) {
  const { db, store, engine, segmenter } = deps;

  /** What the project is called and where it is: the text its place materials share. */
  const placeTexts = (p: SubjectProject) => [p.name, p.estate_name, ...(p.aliases ?? []), p.address].filter((x): x is string => Boolean(x));

  async function recommend(subject: SubjectProject, items: string[], size: number, exceptApproval: string | null) {
    const places = placeTexts(subject);
    const lawTexts = [...items, subject.project_type, subject.land_use].filter((x): x is string => Boolean(x));
    // Every read at once: likeness does not wait for the links; what they already cover is
    // dropped from its hits afterwards (asking for a few more to make up for it).
    const [linked, rejected, credits, cases, nearby, laws] = await Promise.all([
      store.linked(db, subject.project_no, 200),
      store.rejected(db, subject.project_no),
      subject.builder ? store.credits(db, subject.builder, subject.builder_credit_code) : Promise.resolve([]),
      store.similarCases(db, { items, district: subject.district, landUse: subject.land_use, scale: subject.scale_m2, exceptNo: subject.project_no, limit: CASES }),
      engine.similar({ words: segmenter.queryWords(places.join(' ')), types: PLACE_TYPES, exclude: [], size: NEARBY_HITS, maxTerms: NEARBY_TERMS }),
      engine.similar({ words: segmenter.queryWords(lawTexts.join(' ')), types: ['regulation'], exclude: [], size: LAW_HITS }),
    ]);
    const known = new Set([...linked, ...rejected].map((l) => `${l.resource_type}:${l.resource_id}`));
    const unlinked = nearby.filter((h) => !known.has(`${h.type}:${h.id}`));
    // The neighbours' names, for the reason that says a material is about one of them.
    const neighbours = [...new Set(unlinked.flatMap((h) => h.projectNos).filter((no) => no !== subject.project_no))];
    const common = { ignore: IGNORED, projectNo: subject.project_no, names: await store.names(db, neighbours) };
    return merge([
      fromLinks(linked),
      fromCredits(credits),
      fromCases(cases.filter((c) => c.approval_id !== exceptApproval), subject),
      fromSimilar(laws, { ...common, group: 'regulation', weight: 0.4, sources: lawTexts }).slice(0, 3),
      fromSimilar(unlinked, { ...common, group: 'nearby', weight: 0.3, sources: places }),
    ], size);
  }

  /** What a case handler working on the project should read, best first, with reasons. */
  async function forProject(projectNoInput: string, size = DEFAULT_RECOMMENDATIONS, viewer: Viewer = EVERYONE) {
    const projectNo = canonicalProjectNo(projectNoInput);
    const subject = await store.project(db, projectNo);
    if (!subject) throw notFound(`no project numbered "${projectNo}"`);
    if (viewer.grant !== 'all' && !subject.offices.some((office) => withinGrant(viewer.grant, viewer.principal, office))) {
      throw outsideOffice(viewer, `project ${projectNo}`);
    }
    const items: Recommendation[] = await recommend(subject, subject.items, size, null);
    return { project_no: subject.project_no, approval_id: null, items };
  }

  /** The same for one approval: similar cases and regulations of its own item. */
  async function forApproval(approvalId: string, size = DEFAULT_RECOMMENDATIONS, viewer: Viewer = EVERYONE) {
    const approval = await store.approval(db, approvalId.trim());
    if (!approval) throw notFound(`no approval with id "${approvalId}"`);
    if (!withinGrant(viewer.grant, viewer.principal, approval.office)) throw outsideOffice(viewer, `approval ${approval.id}`);
    const subject = await store.project(db, approval.project_no);
    if (!subject) throw notFound(`approval "${approvalId}" names project "${approval.project_no}", which is not in the hub`);
    const items = await recommend(subject, [approval.item], size, approval.id);
    return { project_no: subject.project_no, approval_id: approval.id, items };
  }

  return { forProject, forApproval };
}

export type RecommendService = ReturnType<typeof createRecommendService>;
