/**
 * One resource read once for linking: its text, the keys it cites resolved to projects, the
 * candidate projects the index finds in it (blocking), and where each is named (its spans),
 * with what each mention says about it (home, landmark, passing, subject). Pure.
 */
import { canonicalDistrict } from '../../indexers/districts.ts';
import { gramsOf } from '../../indexers/segment/grams.ts';
import { docNoKey, findCitations } from '../reading/references.ts';
import type { CandidateIndex, Hit } from './candidate-index.ts';
import type { CitedKeys, NameSpan, Span } from './features.ts';
import { itemAt, linkText, roleAt, type LinkText, type MentionRole, type TextItem } from './link-text.ts';
import { stretchIn } from './markers.ts';
import { mentionContext, withoutHome, type MentionContext } from './mention-context.ts';
import { kindAgrees, kindWordAfter } from './project-kind.ts';

/** Which projects carry a key: a certificate (its approval's), a 文号 or a letter number (declared). */
export interface KeyBook {
  certificates: ReadonlyMap<string, readonly number[]>;
  documents: ReadonlyMap<string, readonly number[]>;
  letters: ReadonlyMap<string, readonly number[]>;
}

export const EMPTY_KEYS: KeyBook = { certificates: new Map(), documents: new Map(), letters: new Map() };

export interface LinkInput {
  id: string;
  title: string | null;
  body: string | null;
  /** The resource's own 文号 or letter number: a text naming itself cites nothing. */
  ownKey?: string | null;
  /** When it was received or dated (epoch ms). */
  at?: number | null;
  /** The office handling it (洪山分局规划科, 信访中心). */
  office?: string | null;
}

export interface Mention extends Span {
  context: MentionContext;
  role: MentionRole;
}

export interface Analysis {
  text: LinkText;
  /** `text.all` with the writer's self-introduction blanked: what features read (mention-context.ts withoutHome). */
  evidence: string;
  grams: ReadonlySet<string>;
  keys: CitedKeys;
  /** Candidate project index → where it is named (empty: found by brand, roads or street only). */
  candidates: Map<number, Mention[]>;
  /** The names of projects found whole in the text: a shorter name inside one of them is part of it. */
  names: NameSpan[];
  /** When the resource was received or dated (epoch ms), or null. */
  at: number | null;
  /** The district whose branch office handles it (洪山 of 洪山分局), or null. */
  officeDistrict: string | null;
  /** The text takes several projects one numbered item each (minutes, plan notices): items are read apart. */
  perItem: boolean;
}

/** A cited 文号 naming more projects than this (a plan notice) says nothing about which one. */
const MAX_PROJECTS_PER_KEY = 2;
/** Loose name matches below this share of a core's rarity-weighted bigrams are not candidates. */
const MIN_COVERAGE = 0.34;
/** At most this many candidates are compared per resource, the best-founded first. */
const MAX_CANDIDATES = 150;

const PROJECT_NO = /(?<![A-Za-z0-9])([A-Za-z]{2}(?:[A-Za-z]{2})?(?:19|20)\d{6})(?![A-Za-z0-9])/g;
/** Petition letter numbers `[2017]09320` (as indexers/segment/key-scan.ts reads them), with positions. */
const LETTER_NO = /[〔[(【〖] ?(\d{4}) ?[〕\])】〗] ?(\d{3,8})(?!\d| ?号)/g;

/** A letter number as the key book holds it (`[2017]09320`), or null. */
export function letterKey(letterNo: string): string | null {
  const m = new RegExp(LETTER_NO.source).exec(letterNo);
  return m ? `[${m[1]}]${m[2]}` : null;
}

function citedKeys(index: CandidateIndex, all: string, book: KeyBook, ownKey: string | null | undefined, spans: Map<number, Span[]>): CitedKeys {
  const projectNos = new Map<number, string>();
  const certificates = new Map<number, string>();
  const documents = new Map<number, string>();
  const addSpan = (i: number, start: number, end: number) => {
    let list = spans.get(i);
    if (!list) spans.set(i, (list = []));
    list.push({ start, end });
  };
  for (const m of all.matchAll(PROJECT_NO)) {
    const i = index.byNo.get(m[1]!.toUpperCase());
    if (i === undefined) continue;
    projectNos.set(i, m[1]!.toUpperCase());
    addSpan(i, m.index, m.index + m[0].length);
  }
  const own = ownKey ? docNoKey(ownKey) ?? ownKey : null;
  for (const c of findCitations([{ field: 'all', text: all }])) {
    if (c.kind !== 'doc_no' || c.key === own) continue;
    const cert = book.certificates.get(c.key) ?? [];
    const docs = book.documents.get(c.key) ?? [];
    for (const i of cert.length <= MAX_PROJECTS_PER_KEY ? cert : []) {
      certificates.set(i, c.text);
      addSpan(i, c.start, c.end);
    }
    for (const i of docs.length <= MAX_PROJECTS_PER_KEY ? docs : []) if (!certificates.has(i)) documents.set(i, c.text);
  }
  for (const m of all.matchAll(LETTER_NO)) {
    const key = `[${m[1]}]${m[2]}`;
    if (ownKey && key === letterKey(ownKey)) continue;
    const list = book.letters.get(key) ?? [];
    for (const i of list.length <= MAX_PROJECTS_PER_KEY ? list : []) if (!documents.has(i)) documents.set(i, key);
  }
  return { projectNos, certificates, documents };
}

/**
 * Where a loosely written core stands: around its weightiest bigram found in the text, widened
 * over the neighbouring bigrams the core also has (五里界 of 五里界村城中村改造还建房 in 五里界还建楼).
 */
function looseSpan(index: CandidateIndex, i: number, all: string): Span | null {
  const { grams } = index.coreGrams(i);
  let best: { gram: string; w: number } | null = null;
  for (const g of grams) {
    const w = index.gramWeight(g);
    if ((!best || w > best.w) && all.includes(g)) best = { gram: g, w };
  }
  if (!best) return null;
  const own = new Set(grams);
  let start = all.indexOf(best.gram);
  let end = start + best.gram.length;
  while (start > 0 && own.has(all.slice(start - 1, start + 1))) start--;
  while (end < all.length && own.has(all.slice(end - 1, end + 1))) end++;
  return { start, end };
}

/** The district of a branch office (洪山分局, 洪山分局规划科), or null (信访中心, 规划处). */
export function officeDistrict(office: string | null | undefined): string | null {
  const m = office ? /^(.{2,8}?)分局/.exec(office.trim()) : null;
  return m ? canonicalDistrict(m[1]!) : null;
}

export function analyze(index: CandidateIndex, input: LinkInput, book: KeyBook): Analysis {
  const text = linkText(input.title, input.body);
  const all = text.all;
  const grams = new Set(gramsOf(all));
  const spans = new Map<number, Span[]>();
  const keys = citedKeys(index, all, book, input.ownKey, spans);
  const { hits, fuzzy, near } = index.scan(all, grams, MIN_COVERAGE);
  // (A name written with a character misheard is a mention, but no longer name that hides others in it:
  // 新成御江台 may be 新城御江台 or a 御江台 of another builder.)
  const misheard = new Set<Hit>(near);
  hits.push(...near);
  // Longer pieces first where several start at one place, so a run inside a whole name is not a mention of its own.
  hits.sort((x, y) => x.at - y.at || y.text.length - x.text.length);

  const found = new Map<number, number>(); // project → how well founded (for the cap)
  const attributes = new Map<number, Set<string>>();
  for (const h of hits) {
    if (h.kind === 'core' || h.kind === 'estate' || h.kind === 'piece') {
      for (const i of h.projects) {
        let list = spans.get(i);
        if (!list) spans.set(i, (list = []));
        const span = { start: h.at, end: h.at + h.text.length };
        // A run of a name is a mention unless the whole name was found there already.
        if (h.kind === 'piece' && list.some((s) => s.start <= span.start && span.end <= s.end)) continue;
        list.push(span);
        found.set(i, (found.get(i) ?? 0) + (h.kind === 'piece' ? 6 : 10));
      }
    } else {
      // A brand or its short form followed by what stands there (荣华的厂, 光明工厂) names that brand's works of that kind.
      if (h.kind === 'brandShort' || h.kind === 'brand') {
        const word = kindWordAfter(all, h.at + h.text.length);
        if (word) {
          for (const i of h.projects) {
            const own = index.kinds[i];
            if (h.kind === 'brand' && !(own && kindAgrees(word.kinds, own))) continue;
            let list = spans.get(i);
            if (!list) spans.set(i, (list = []));
            list.push({ start: h.at, end: word.end });
            found.set(i, (found.get(i) ?? 0) + 4);
          }
        }
      }
      for (const i of h.projects) {
        let set = attributes.get(i);
        if (!set) attributes.set(i, (set = new Set()));
        set.add(`${h.kind}:${h.text}`);
      }
    }
  }
  // Works said by their place or brand and what they are (解放大道上的地铁站): the mention runs to the word for what they are.
  for (const h of hits) {
    if (h.kind !== 'core') continue;
    const word = kindWordAfter(all, h.at + h.text.length);
    if (!word) continue;
    for (const i of h.projects) {
      const own = index.kinds[i];
      if (index.profiles[i]!.stem !== h.text || !own || !kindAgrees(word.kinds, own)) continue;
      const list = spans.get(i);
      const span = list?.find((s) => s.start === h.at && s.end === h.at + h.text.length);
      if (span) span.end = word.end;
    }
  }
  // The works between two roads, named as the stretch (`白沙洲大道到卓刀泉路那段`): a road found opens it.
  for (const h of hits) {
    if (h.kind !== 'road') continue;
    for (const i of index.byStretchEnd(h.text)) {
      const [a, b] = index.profiles[i]!.stretch!;
      const from = Math.max(0, h.at - 12);
      const span = stretchIn(all.slice(from, h.at + 40), a, b);
      if (!span) continue;
      let list = spans.get(i);
      if (!list) spans.set(i, (list = []));
      if (list.some((s) => s.start === from + span.start)) continue;
      list.push({ start: from + span.start, end: from + span.end });
      found.set(i, (found.get(i) ?? 0) + 10);
    }
  }
  for (const [i, coverage] of fuzzy) {
    const exact = spans.get(i);
    const s = looseSpan(index, i, all);
    if (s && !exact?.some((x) => x.start < s.end && s.start < x.end)) {
      if (exact) exact.push(s);
      else spans.set(i, [s]);
    }
    found.set(i, (found.get(i) ?? 0) + 10 * coverage);
  }
  // Longest match: a name inside a longer name of another project (盘龙城 in 盘龙城三路, 青菱 in 青菱湾)
  // is part of that name, not a mention of its own.
  const names: NameSpan[] = hits.filter((h) => (h.kind === 'core' || h.kind === 'estate') && !misheard.has(h))
    .map((h) => ({ start: h.at, end: h.at + h.text.length, projects: h.projects }));
  // (Per position, the names over it: a text names thousands of projects' pieces at 100k projects.)
  const over = new Map<number, NameSpan[]>();
  for (const n of names) {
    for (let at = n.start; at < n.end; at++) {
      const list = over.get(at);
      if (list) list.push(n);
      else over.set(at, [n]);
    }
  }
  for (const [i, list] of spans) {
    const kept = list.filter((s) => !(over.get(s.start) ?? []).some((n) =>
      n.start <= s.start && s.end <= n.end && n.end - n.start > s.end - s.start && !n.projects.includes(i)));
    if (kept.length === list.length) continue;
    if (kept.length > 0) spans.set(i, kept);
    else {
      spans.delete(i);
      found.delete(i);
    }
  }
  // A project's own shorter name inside its longer one at the same place (盘龙城 in 盘龙城小学) is one
  // mention, read as the longer: what follows it (`盘龙城小学旁边的…`) is what says what it is to the text.
  for (const [i, list] of spans) {
    const outer = list.filter((x) => !list.some((y) => y !== x && y.start <= x.start && x.end <= y.end && y.end - y.start > x.end - x.start));
    if (outer.length < list.length) spans.set(i, outer);
  }
  for (const i of [...keys.projectNos.keys(), ...keys.certificates.keys(), ...keys.documents.keys()]) found.set(i, (found.get(i) ?? 0) + 100);
  for (const [i, set] of attributes) {
    if (found.has(i)) found.set(i, found.get(i)! + set.size);
    else if (set.size >= 2) found.set(i, set.size);
  }
  const chosen = [...found].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
  const candidates = new Map<number, Mention[]>();
  for (const [i] of chosen) {
    const list = (spans.get(i) ?? []).map((s) => ({ ...s, context: mentionContext(all, s.start, s.end), role: roleAt(text, s.start) }));
    candidates.set(i, list);
  }
  const headedItems = new Set<TextItem | null>();
  for (const ms of candidates.values()) {
    const heading = ms.find((m) => m.role === 'heading' && m.context === 'subject');
    if (heading) headedItems.add(itemAt(text, heading.start));
  }
  return { text, evidence: withoutHome(all), grams, keys, candidates, names, at: input.at ?? null, officeDistrict: officeDistrict(input.office), perItem: headedItems.size >= 2 };
}
