/**
 * A resource's text as the linker reads it: title (a petition's subject, a document's or
 * meeting's title) and body normalized as the search index normalizes them (full-width to
 * ASCII, traditional to simplified, 文号 brackets canonical), joined into one string, with the
 * numbered items of minutes and 公文 marked. Pure.
 */
import { normalizeText } from '../../indexers/segment/normalize.ts';

/** A numbered item (`一、…`, `(二)…`, `3.…`) in `LinkText.all` coordinates. */
export interface TextItem {
  start: number;
  end: number;
  /** Where the item's marker (`一、`, `(二)`) ends. */
  markerEnd: number;
  /** Where the item's heading (its first clause or line) ends. */
  headEnd: number;
}

export interface LinkText {
  /** Title, a line break, body: every offset the linker reports is into this string. */
  all: string;
  /** Where the title ends in `all` (0 when there is none). */
  titleEnd: number;
  items: TextItem[];
}

/** Item markers at the start of a line, after NFKC (full-width brackets are ASCII by then). */
const ITEM_MARKER = /^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[、.](?!\d)|\(\d{1,2}\)|第[一二三四五六七八九十]{1,3}[项条、,:])/;
/** Where a heading ends: the first clause (after NFKC, commas and colons are ASCII). */
const HEAD_END = /[,;:。\n]/;

export function linkText(title: string | null | undefined, body: string | null | undefined): LinkText {
  const t = title ? normalizeText(title).replace(/\n/g, ' ') : '';
  const b = body ? normalizeText(body) : '';
  const all = t && b ? `${t}\n${b}` : t || b;
  const titleEnd = t ? t.length : 0;
  return { all, titleEnd, items: itemsOf(all, t ? titleEnd + 1 : 0) };
}

function itemsOf(all: string, from: number): TextItem[] {
  const starts: number[] = [];
  for (let at = from; at < all.length; ) {
    const nl = all.indexOf('\n', at);
    const lineEnd = nl === -1 ? all.length : nl;
    if (ITEM_MARKER.test(all.slice(at, Math.min(lineEnd, at + 8)))) starts.push(at);
    at = lineEnd + 1;
  }
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! - 1 : lastLineOfItem(all, start);
    const rest = all.slice(start, end);
    const marker = ITEM_MARKER.exec(rest)![0].length;
    const cut = rest.slice(marker).search(HEAD_END);
    return { start, end, markerEnd: start + marker, headEnd: start + marker + (cut === -1 ? rest.length - marker : cut) };
  });
}

/**
 * The last item runs to the end of its paragraph run: signatures, dates and 出席 lines after a
 * blank-free list are not part of it. An item's own body is the lines up to the first line that
 * reads as closing matter (short, or a known closing word).
 */
function lastLineOfItem(all: string, start: number): number {
  const lines = all.slice(start).split('\n');
  let end = start + lines[0]!.length;
  for (const line of lines.slice(1)) {
    if (/^(?:出席|列席|抄送|附件|特此|此复|上述|以上|各单位|请|[^,。]{0,20}$)/.test(line)) break;
    end += 1 + line.length;
  }
  return end;
}

/** The item holding `at`, or null (the title and unnumbered text belong to none). */
export function itemAt(text: LinkText, at: number): TextItem | null {
  for (const item of text.items) if (at >= item.start && at < item.end) return item;
  return null;
}

/** Whether the text span lies in the title, in an item's heading, or elsewhere. */
export type MentionRole = 'title' | 'heading' | 'body';

/** A heading names its subject first: `一、A项目`, `(二)关于B的…`; a name further on (`…位于C东侧`) is body. */
const HEADING_LEAD = 4;

/**
 * What a text takes up, named right after the verb (`专题会，研究积玉桥江山璟园项目信访问题`,
 * `审议关于X的方案`): minutes without numbered items say their subject so, and it counts as a heading
 * wherever it stands.
 */
const TAKES_UP = /(?:研究|审议|协调|讨论|研究解决|协调解决|专题研究)(?:了)?(?:关于)?$/;

export function roleAt(text: LinkText, at: number): MentionRole {
  if (at < text.titleEnd) return 'title';
  const item = itemAt(text, at);
  if (item && at < item.headEnd && at - item.markerEnd <= HEADING_LEAD) return 'heading';
  return TAKES_UP.test(text.all.slice(Math.max(0, at - 8), at)) ? 'heading' : 'body';
}
