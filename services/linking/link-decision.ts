/**
 * From one analysed resource to the links the linker proposes. Each place a project is named
 * (a mention; overlapping mentions of several projects form one slot) is decided on its own:
 * the best project there is linked `auto` when its match probability is high AND it stands a
 * clear margin above the next project the same words could mean; others above the suggestion
 * band are `suggested`. A project named only as a home or a landmark is at most suggested; in
 * minutes and 公文, a project named only in passing beside the projects they decide on is not
 * linked. Pure.
 */
import { canonicalDistrict } from '../../indexers/districts.ts';
import type { CandidateIndex } from './candidate-index.ts';
import { compare, scopeOf, type Comparison, type Scope } from './features.ts';
import { scoreComparison, type LinkType, type LinkerModel, type Score, type Thresholds } from './link-model.ts';
import { reasonsOf, type Reason } from './link-reasons.ts';
import { itemAt, type TextItem } from './link-text.ts';
import { aboutness, type MentionContext } from './mention-context.ts';
import type { Analysis, Mention } from './text-analysis.ts';

export type ProposedStatus = 'auto' | 'suggested';

export interface Proposal {
  /** The project's index in the candidate index. */
  index: number;
  status: ProposedStatus;
  method: 'key' | 'linkage';
  probability: number;
  /** The score in bits (prior included). */
  bits: number;
  /** 1 − probability × this project's share of the probability among the slot's projects. */
  doubt: number;
  reasons: Reason[];
  /** The numbered item it came from (minutes, 公文), or null. */
  passage: string | null;
}

export interface DecideOptions {
  model: LinkerModel;
  type: LinkType;
  /** Projects already linked by the record or a person: they compete for mentions but are not proposed. */
  keep: ReadonlySet<number>;
  /** Pairs a person rejected: never proposed, and no competition for others. */
  drop: ReadonlySet<number>;
  /** Instead of the model's thresholds for the type (calibration). */
  thresholds?: Thresholds;
}

interface Slot {
  start: number;
  end: number;
  members: Set<number>;
}

/** Overlapping mentions of any candidates form one slot; candidates named nowhere share one more. */
function slotsOf(members: ReadonlyMap<number, readonly Mention[]>, length: number): Slot[] {
  const spans = [...members].flatMap(([i, ms]) => ms.map((m) => ({ i, start: m.start, end: m.end }))).sort((a, b) => a.start - b.start);
  const slots: Slot[] = [];
  for (const s of spans) {
    const last = slots.at(-1);
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.members.add(s.i);
    } else slots.push({ start: s.start, end: s.end, members: new Set([s.i]) });
  }
  const unnamed = [...members].filter(([, ms]) => ms.length === 0).map(([i]) => i);
  if (unnamed.length > 0) slots.push({ start: 0, end: length, members: new Set(unnamed) });
  return slots;
}

/** What each candidate is to the text, over its mentions; in minutes and 公文, named only in passing beside the titled ones. */
function aboutnessOf(a: Analysis, members: ReadonlyMap<number, readonly Mention[]>, type: LinkType): Map<number, MentionContext> {
  const out = new Map<number, MentionContext>();
  const titled = type !== 'petition' && [...members.values()].some((ms) => ms.some((m) => m.role !== 'body' && m.context === 'subject'));
  const isKeyed = (i: number) => a.keys.projectNos.has(i) || a.keys.certificates.has(i);
  // Items whose heading cites a project's number are about that project: another name in them
  // (武珞路(首义路至积玉桥段)… names 首义路) is part of its name or says where it is.
  const keyedItems = new Set<TextItem>();
  if (type !== 'petition') {
    for (const [i, ms] of members) {
      if (!isKeyed(i)) continue;
      for (const m of ms) {
        const item = itemAt(a.text, m.start);
        if (item && m.start < item.headEnd + 40 && m.start >= item.start) keyedItems.add(item);
      }
    }
  }
  for (const [i, ms] of members) {
    const about = aboutness(ms.filter((m) => !weakSubject(a.text.all, m, ms)).map((m) => m.context));
    const keyed = isKeyed(i);
    const onlyInBody = ms.every((m) => m.role === 'body');
    const onlyInOthersItems = !keyed && ms.length > 0 && ms.every((m) => {
      const item = itemAt(a.text, m.start);
      return item !== null && keyedItems.has(item);
    });
    // (Named only where another project's item is: at most suggested, as a landmark is.)
    out.set(i, titled && onlyInBody && !keyed && about === 'subject' ? 'passing' : onlyInOthersItems && about === 'subject' ? 'landmark' : about);
  }
  return out;
}

/**
 * A mention that says nothing of what the text is about: a district's name (东湖, 汉阳), or a
 * shorter piece of a name the text uses elsewhere as a landmark or home (月湖 beside
 * `月湖金融中心旁边的…`): the longer name shows what the writer meant by it.
 */
function weakSubject(text: string, m: Mention, ms: readonly Mention[]): boolean {
  if (m.context !== 'subject') return false;
  const said = text.slice(m.start, m.end);
  if (canonicalDistrict(said) !== null) return true;
  return ms.some((o) => o.context !== 'subject' && o.end - o.start > said.length && text.slice(o.start, o.end).includes(said));
}

interface Judged {
  status: ProposedStatus | null;
  score: Score;
  comparison: Comparison;
  share: number;
  passage: string | null;
}

const RANK = { auto: 2, suggested: 1, none: 0 } as const;
/** Levels at which the text names the project itself. */
const NAMED = new Set<string>(['unique', 'whole', 'near', 'most']);
/** What singles out one of the projects a shared name could mean: what stands there, where, whose, which plot or phase. */
const narrowed = (l: Comparison['levels']) =>
  l.kind === 'agree' ||
  (l.kind !== 'differs' && (l.street === 'agree' || l.brand === 'whole' || l.brand === 'short' || l.plot === 'agree' || l.phase === 'agree' || l.alias === 'also'));
const better = (a: Judged, b: Judged | undefined) =>
  !b || RANK[a.status ?? 'none'] > RANK[b.status ?? 'none'] || (a.status === b.status && a.score.total > b.score.total);

export function decideLinks(index: CandidateIndex, a: Analysis, opts: DecideOptions): Proposal[] {
  const { model, type } = opts;
  const thresholds = opts.thresholds ?? model.thresholds[type];
  const all = a.evidence;
  const members = new Map([...a.candidates].filter(([i]) => !opts.drop.has(i)));
  const about = aboutnessOf(a, members, type);
  const scopes = new Map<number, Scope>();
  const scored = new Map<string, { score: Score; comparison: Comparison }>();
  const judged = new Map<number, Judged>();

  for (const slot of slotsOf(members, all.length)) {
    const item = a.perItem && slot.end - slot.start < all.length ? itemAt(a.text, slot.start) : null;
    const from = item ? item.start : 0;
    let scope = scopes.get(from);
    if (!scope) scopes.set(from, (scope = item ? scopeOf(all, item.start, item.end) : scopeOf(all, 0, all.length)));
    const ranked = [...slot.members].map((i) => {
      const cacheKey = `${i}:${from}`;
      let s = scored.get(cacheKey);
      if (!s) {
        const comparison = compare(index, i, all, scope, members.get(i)!, a.keys, a.names, a.at, a.officeDistrict);
        scored.set(cacheKey, (s = { comparison, score: scoreComparison(model, type, comparison) }));
      }
      return { i, ...s };
    }).sort((x, y) => y.score.total - x.score.total);
    const top = ranked[0]!.score.total;
    const mass = ranked.reduce((sum, r) => sum + 2 ** (r.score.total - top), 0);
    const passage = item ? a.text.all.slice(item.start, item.headEnd).trim().slice(0, 120) : null;
    // Where the record's own project (or one a person confirmed) is named, the name is that project's:
    // another project of the same name there is at most suggested.
    const owned = [...slot.members].some((i) => opts.keep.has(i));
    ranked.forEach((r, rank) => {
      const p = r.score.probability;
      const margin = rank === 0 ? (ranked[1] ? r.score.total - ranked[1].score.total : Infinity) : -Infinity;
      const status: ProposedStatus | null =
        rank === 0 && !owned && p >= thresholds.auto && margin >= thresholds.margin ? 'auto' : p >= thresholds.suggest ? 'suggested' : null;
      const j: Judged = { status, score: r.score, comparison: r.comparison, share: 2 ** (r.score.total - top) / mass, passage };
      if (better(j, judged.get(r.i))) judged.set(r.i, j);
    });
  }

  // A petition is about one site: its auto link must also stand clear of every other project it names as its subject.
  let soleSubject: number | null = null;
  if (type === 'petition') {
    const subjects = [...judged].filter(([i]) => (about.get(i) ?? 'subject') === 'subject').sort((x, y) => y[1].score.total - x[1].score.total);
    const [first, second] = subjects;
    if (first && (!second || first[1].score.total - second[1].score.total >= thresholds.margin)) soleSubject = first[0];
  }
  const proposals: Proposal[] = [];
  for (const [i, j] of judged) {
    if (!j.status || opts.keep.has(i)) continue;
    const ctx = about.get(i) ?? 'subject';
    if (ctx === 'passing') continue;
    // A plot or phase that disagrees (K1 named, K3 filed) is never linked by itself, and neither is a
    // project the text does not name (by its name, sales name or a number): roads, a street and a brand only point.
    const { levels } = j.comparison;
    const disagrees = levels.plot === 'disagree' || levels.phase === 'disagree';
    // In a petition a name many projects carry (五里界, 南湖: a place as much as a project) names none of
    // them alone; with what the letter says stands there or where (五里界的还建楼, 鹦鹉街道的云庐) it
    // may, when that sets this project clear of every other carrying the name (the slot's margin).
    const named = NAMED.has(levels.name) || levels.key !== 'none' ||
      (levels.name === 'common' && (type !== 'petition' || narrowed(levels)));
    const status: ProposedStatus = ctx === 'subject' && !disagrees && named && (type !== 'petition' || soleSubject === i) ? j.status : 'suggested';
    const mention = members.get(i)?.find((m) => m.context === ctx);
    const text = a.text.all;
    const key = j.comparison.levels.key;
    proposals.push({
      index: i,
      status,
      method: key === 'project_no' || key === 'certificate' || key === 'doc_no' ? 'key' : 'linkage',
      probability: j.score.probability,
      bits: j.score.total,
      doubt: 1 - j.score.probability * j.share,
      reasons: reasonsOf(j.comparison, j.score.parts, index.profiles[i]!, ctx, mention ? text.slice(mention.start, mention.end) : null),
      passage: j.passage,
    });
  }
  // The projects the text is about come first among suggestions; a home or a landmark after them.
  const aboutFirst = (p: Proposal) => (p.reasons.some((r) => r.feature === 'about') ? 1 : 0);
  const suggestions = proposals.filter((p) => p.status === 'suggested').sort((x, y) => aboutFirst(x) - aboutFirst(y) || y.probability - x.probability);
  const dropped = new Set(suggestions.slice(thresholds.maxSuggestions));
  return proposals.filter((p) => !dropped.has(p)).sort((x, y) => y.probability - x.probability);
}
