/**
 * What a case handler should read, as pure functions: each source of evidence (the link graph,
 * the builder's record, similar past cases, text likeness) becomes recommendations with a score
 * in [0, 1] and reasons a person can check, and one list is merged from them. The weights say
 * how much each kind of evidence is worth next to the others; they are ordered, not tuned to a
 * figure: what the record itself or a person declared, then what the linker is sure of, an
 * alert on the builder, suggested links, similar cases, text likeness.
 */
import type { SimilarHit } from '../../indexers/engines/search-engine.ts';
import { isDishonest } from '../resources/resource.schema.ts';
import { maskNullable, maskPersonalText } from '../privacy/pii-text.ts';
import type { CaseRow, CreditRow, LinkedRow, SubjectProject } from './recommend.store.ts';

const maskedPetitionLink = (r: LinkedRow): LinkedRow => ({
  ...r,
  title: maskNullable(r.title),
  passage: maskNullable(r.passage),
  reasons: r.reasons?.map((x) => ({ ...x, text: maskPersonalText(x.text) })) ?? r.reasons,
});

export type RecommendationGroup = 'about' | 'builder' | 'case' | 'regulation' | 'nearby';

export interface Reason {
  /** link 关联证据, builder 同一建设单位, item 同一业务事项, place 同一地点, scale 规模, terms 共同词, status 状态. */
  kind: string;
  text: string;
}

export interface Recommendation {
  type: 'document' | 'meeting' | 'petition' | 'credit' | 'approval' | 'regulation';
  id: string;
  title: string;
  date: string | null;
  group: RecommendationGroup;
  score: number;
  /** The project a case or a neighbour's material belongs to, when not this one. */
  project_no: string | null;
  reasons: Reason[];
}

const LINK_WEIGHT = { confirmed: 1, auto: 0.9, suggested: 0.6 } as const;
const STATUS_TEXT = { confirmed: '已确认与本项目关联', auto: '自动关联到本项目', suggested: '可能与本项目有关（待审核）' } as const;
const TYPE_TEXT = { document: '公文', meeting: '会议纪要', petition: '信访件' } as const;

/** The linked materials: declared and confirmed first, then by the linker's probability. */
export function fromLinks(rows: readonly LinkedRow[]): Recommendation[] {
  // A petition's subject, passage and evidence quote its text: personal data in them is masked.
  return rows.map((row) => (row.resource_type === 'petition' ? maskedPetitionLink(row) : row)).map((r) => {
    const declared = r.method === 'declared';
    const evidence = [...(r.reasons ?? [])].filter((x) => x.weight > 0 && x.text).sort((a, b) => b.weight - a.weight).slice(0, 2);
    const reasons: Reason[] = [
      { kind: 'status', text: declared ? `${TYPE_TEXT[r.resource_type]}登记时写明本项目` : STATUS_TEXT[r.status] },
      ...evidence.map((x) => ({ kind: 'link', text: x.text })),
      ...(r.passage ? [{ kind: 'link', text: `出自：${r.passage}` }] : []),
    ];
    // A suggestion's worth is its probability less what the other projects the same mention could
    // be take of it (1 − doubt): three equally likely candidates are a third each.
    const sure = r.status === 'suggested' && r.doubt != null ? 1 - r.doubt : r.score;
    const score = declared ? 1 : LINK_WEIGHT[r.status] * Math.min(1, Math.max(0, sure));
    return { type: r.resource_type, id: r.resource_id, title: r.title ?? r.resource_id, date: r.date, group: 'about', score, project_no: null, reasons };
  });
}

/**
 * The builder's credit records: an alert (失信) ranks with the surest links; the latest plain
 * record (the standing the credit check reads) above similar cases; older ones a little lower.
 */
export function fromCredits(rows: readonly CreditRow[]): Recommendation[] {
  return rows.slice(0, 5).map((c, i) => {
    const alert = isDishonest(c.status);
    const reasons: Reason[] = [{ kind: 'builder', text: `建设单位「${c.builder}」的信用记录：${c.status}${c.reason ? `（${c.reason}）` : ''}` }];
    return {
      type: 'credit', id: c.id, title: `${c.builder} · ${c.status}`, date: c.date, group: 'builder',
      // Newest first: an older record of the same builder says less.
      score: (alert ? 0.85 : 0.65) * 0.95 ** i, project_no: null, reasons,
    };
  });
}

const wan = (m2: number) => `${(m2 / 10_000).toFixed(m2 >= 100_000 ? 0 : 1)} 万㎡`;

/** How close two scales are, 1 for equal, 0 at four times apart or more (or unknown). */
export function scaleCloseness(a: number | null, b: number | null): number {
  if (!a || !b || a <= 0 || b <= 0) return 0;
  return Math.max(0, 1 - Math.abs(Math.log(a / b)) / Math.log(4));
}

/** Past approvals of the same item in similar cases (案例式引导). */
export function fromCases(rows: readonly CaseRow[], subject: SubjectProject): Recommendation[] {
  return rows.map((c) => {
    const close = scaleCloseness(c.scale_m2, subject.scale_m2);
    const reasons: Reason[] = [{ kind: 'item', text: `同一业务事项「${c.item}」` }];
    if (c.district && c.district === subject.district) reasons.push({ kind: 'place', text: `同在${c.district}` });
    if (c.land_use && c.land_use === subject.land_use) reasons.push({ kind: 'item', text: `用地性质相同（${c.land_use}）` });
    if (close > 0.5 && c.scale_m2 && subject.scale_m2) reasons.push({ kind: 'scale', text: `规模相近（${wan(c.scale_m2)}，本项目 ${wan(subject.scale_m2)}）` });
    reasons.push({ kind: 'status', text: c.status === '办结' ? `已办结${c.certificate_no ? `，证号 ${c.certificate_no}` : ''}` : `在办（${c.status}）` });
    return {
      type: 'approval', id: c.approval_id, title: `${c.project_name} · ${c.item}`, date: c.closed_at?.slice(0, 10) ?? null,
      group: 'case', score: 0.45 + 0.1 * close + (c.status === '办结' ? 0.05 : 0), project_no: c.project_no, reasons,
    };
  });
}

/**
 * The longest runs of text the source and a hit share (青菱湖路 rather than 菱湖 and 路), each at
 * least two characters once ignored words (districts, the city, 项目…) are taken out, longest
 * first: what a person can find in both texts.
 */
export function sharedPhrases(sources: readonly string[], hit: Pick<SimilarHit, 'title' | 'body'>, ignore: ReadonlySet<string>): string[] {
  const text = `${hit.title}\n${hit.body}`;
  const found = new Set<string>();
  for (const source of sources) {
    for (const run of source.split(/[\s，。、；：,.;:()（）·•・]+/)) {
      for (let i = 0; i + 1 < run.length; i++) {
        for (let end = run.length; end - i >= 2; end--) {
          const piece = run.slice(i, end);
          if (!text.includes(piece)) continue;
          found.add(piece);
          break;
        }
      }
    }
  }
  const telling = (p: string) => {
    let rest = p;
    for (const w of ignore) if (w.length >= 2) rest = rest.split(w).join('');
    return [...rest.replace(/[0-9a-z号]/gi, '')].length >= 2;
  };
  // A piece inside a longer shared one adds nothing (山区 in 洪山区), even when that one tells nothing.
  const all = [...found].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return all.filter((w, i) => !all.slice(0, i).some((longer) => longer.includes(w))).filter(telling);
}

/**
 * Records like the project's text: regulations for its items, or materials about its place.
 * Scores are relative to the best hit (engines score on different scales) and capped by
 * `weight`; a hit sharing no word a person could check is left out, as is one about another
 * project when `others` is 'discount' (a neighbour's material: worth less, and said so).
 */
export function fromSimilar(
  hits: readonly SimilarHit[],
  opts: { group: 'regulation' | 'nearby'; weight: number; sources: readonly string[]; ignore: ReadonlySet<string>; projectNo: string; names: ReadonlyMap<string, string> },
): Recommendation[] {
  const best = hits[0]?.score ?? 0;
  if (best <= 0) return [];
  return hits.flatMap((h) => {
    const shared = sharedPhrases(opts.sources, h, opts.ignore);
    if (shared.length === 0) return [];
    const other = h.projectNos.find((no) => no !== opts.projectNo) ?? null;
    const about = other && !h.projectNos.includes(opts.projectNo) ? other : null;
    const reasons: Reason[] = [{ kind: 'terms', text: `共同词：${shared.slice(0, 5).join('、')}` }];
    if (about) reasons.push({ kind: 'place', text: `关于邻近项目「${opts.names.get(about) ?? about}」` });
    const score = opts.weight * (h.score / best) * (about ? 0.6 : 1);
    return [{ type: h.type as Recommendation['type'], id: h.id, title: h.title, date: h.date, group: opts.group, score, project_no: about, reasons }];
  });
}

/** One list, best first; a record recommended twice keeps its best entry and the other's reasons. */
export function merge(lists: readonly Recommendation[][], limit: number): Recommendation[] {
  const byKey = new Map<string, Recommendation>();
  for (const r of lists.flat()) {
    const key = `${r.type}:${r.id}`;
    const had = byKey.get(key);
    if (!had) byKey.set(key, r);
    else {
      const [keep, other] = had.score >= r.score ? [had, r] : [r, had];
      const texts = new Set(keep.reasons.map((x) => x.text));
      byKey.set(key, { ...keep, reasons: [...keep.reasons, ...other.reasons.filter((x) => !texts.has(x.text))] });
    }
  }
  return [...byKey.values()]
    .sort((a, b) => b.score - a.score || (a.date && b.date ? (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) : 0) || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}
