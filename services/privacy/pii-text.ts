/**
 * Personal data written into free text (a petition's body and subject): phone numbers, ID card
 * numbers, e-mail addresses, the writer's name where they introduce themselves, and house
 * numbers. Found by pattern, masked so the text still reads (`139****1736`, `王*`,
 * `*栋*单元***室`). Pure, and a leaf: every layer may use it, the indexers included.
 *
 * What is deliberately left alone: project numbers (HSAA20190012), 文号 (武规[2024]009号),
 * dates, areas (12000平方米), and road addresses (珞喻路1037号): a road number locates a site,
 * which the bureau's records name openly; the flat inside a building (3栋2单元501室) is what
 * points at a household, and that is masked. Surname with a title (王先生, 漆女士) is how the
 * hub itself shows a petitioner to everyone, so it stays.
 */
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './surnames.ts';

export type PersonalKind = 'phone' | 'id_number' | 'email' | 'name' | 'house_number' | 'address';

export interface PersonalMatch {
  kind: PersonalKind;
  start: number;
  end: number;
  text: string;
}

/** What the hub knows of the writer (the petitioners table), masked wherever it appears as written. */
export interface KnownPerson {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

export interface MaskOptions {
  /**
   * Keep no digit of a number and no letter of an e-mail's user: for search indexes, where
   * `139****1736` would still let a search for 139 and 1736 find the petition.
   */
  strict?: boolean;
  known?: KnownPerson | null;
}

const HAN = /^\p{Script=Han}$/u;
const isHan = (c: string | undefined): boolean => c !== undefined && HAN.test(c);
const digitsOf = (s: string): string => s.replace(/\D/g, '');

// ---- numbers --------------------------------------------------------------------------------

/** A mainland mobile number, optionally with +86, written whole or in 3-4-4 groups. */
const MOBILE = /(?<![\d.])(?:(?:\+|00)?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![\d.])/g;
/** A landline with its area code: 027-87654321, (027)87654321, （0710）3456789. */
const LANDLINE = /(?<![\d-])(?:[(（]0\d{2,3}[)）] ?|0\d{2,3}[- ])[2-9]\d{6,7}(?![\d-])/g;
/** An 18-digit ID number with a plausible birth date (the checksum is not asked: people mistype it). */
const ID_18 = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
/** A first-generation 15-digit ID number (YYMMDD birth date). */
const ID_15 = /(?<![0-9A-Za-z])[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/g;
/** Numbers announced as a phone: whatever digits follow, when there are seven or more. */
const PHONE_LABEL = /(?:联系电话|联系方式|电话号码|手机号码|手机号|电话|手机|座机|[Tt][Ee][Ll])[：: ]*(\+?[\d(（][\d\-()（） ]*\d)/g;
/** Numbers announced as an ID or an account. */
const ID_LABEL = /(?:身份证号码|身份证号|身份证|证件号码|证件号|银行卡号|银行卡|卡号|账号)[：: ]*(\d[\dXx\- ]*[\dXx])/g;
/** Starts only where the user part starts: scanning from inside a long run of such characters would be quadratic. */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// ---- house numbers --------------------------------------------------------------------------

const N = '[\\d一二三四五六七八九十]';
/** A building (3栋, 12号楼, B座), then optionally a unit and a floor, then a room of 3-4 digits. */
const BUILDING_ROOM = new RegExp(
  `(?<![0-9A-Za-z])[A-Za-z\\d一二三四五六七八九十]{1,4}(?:栋|幢|号楼|座) ?(?:${N}{1,2}单元 ?)?(?:${N}{1,3}[楼层] ?)?\\d{3,4}(?:室|房|号|#)?(?!\\d)`, 'g');
/** A unit and a room without the building: 2单元501室. */
const UNIT_ROOM = new RegExp(`(?<![0-9A-Za-z])${N}{1,2}单元 ?\\d{3,4}(?:室|房|号|#)?(?!\\d)`, 'g');
/** A room on its own, only with 室: 501室. */
const ROOM = /(?<![0-9A-Za-z-])\d{3,4}室/g;
/** building-unit-room: 5-2-301 (a date has a four-digit year or a two-digit day, so it never fits). */
const DASHED_ROOM = /(?<![\d-])\d{1,3}-\d{1,2}-\d{3,4}(?![\d-])/g;

// ---- names ----------------------------------------------------------------------------------

/** Characters that are not part of a given name in these phrases (本人申请, 我叫了, 本人认为). */
const NOT_IN_NAME = new Set([...'的了在是和与及对把被从因为也都就还又已要想请不没很我你他她它们这那有个到说去来给让向于等年月日号区市省县镇村路街栋楼室层']);
/** What may follow a name when nothing else marks where it ends. */
const AFTER_NAME = /^(?:[^\p{Script=Han}]|电话|手机|联系|身份证|家住|住在|现住|住址|现年|今年|系|反映|投诉|举报|来信|特此|男|女)/u;
const TITLES = /^(?:先生|女士|小姐|老师|师傅|同志|老板|阿姨|大爷)/;
/** Words that start like a name but say who someone is (本人是农民工, 我是党员). */
const NOT_NAMES = /^(?:农民|居民|村民|市民|业主|党员|司机|老人|工人|职工|员工|公民|群众|学生|教师|退休|个体|房东|租户|家长)/;

/** Labels after which a name is written: 联系人：王小明. */
const NAME_LABEL = /(?:姓名|联系人|投诉人|举报人|反映人|信访人|来信人|申请人|签名|署名|落款|户主) *[：:] */g;
/** Self-introductions: the name follows directly. */
const NAME_INTRO = /(?:我叫|我名叫|我的名字叫|本人叫|本人名叫|本人姓名[：:]?|本人是)/g;
/** 本人 and 我是…的业主 only count when the name is followed by a boundary (本人不才 is no name). */
const NAME_LOOSE = /本人|我是[^，。！？；\n]{0,30}?(?:业主|居民|村民|住户|职工|员工|市民|租户|家属)/g;

function surnameAt(text: string, at: number): number {
  if (COMPOUND_SURNAMES.has(text.slice(at, at + 2))) return 2;
  return SINGLE_SURNAMES.has(text[at] ?? '') ? 1 : 0;
}

/**
 * The length of a name starting at `at` (surname and one or two given characters), or 0.
 * `bounded`: the name must end before a boundary, so an ordinary word is not taken for one.
 */
function nameAt(text: string, at: number, bounded: boolean): number {
  // What follows is read a few characters at a time: the longest test (a name, then a boundary word) needs 7.
  const ahead = text.slice(at, at + 8);
  const s = surnameAt(ahead, 0);
  if (s === 0 || TITLES.test(ahead.slice(s)) || NOT_NAMES.test(ahead)) return 0;
  for (const given of [2, 1]) {
    const chars = ahead.slice(s, s + given);
    if (chars.length < given || ![...chars].every((c) => isHan(c) && !NOT_IN_NAME.has(c))) continue;
    const rest = ahead.slice(s + given);
    if (rest === '' || AFTER_NAME.test(rest)) return s + given;
    // A self-introduction names the person however the sentence goes on (我叫王明想问).
    if (!bounded && (given === 1 || !isHan(rest[0]) || NOT_IN_NAME.has(rest[0]!))) return s + given;
  }
  return 0;
}

// ---- finding --------------------------------------------------------------------------------

function* regexMatches(re: RegExp, text: string, kind: PersonalKind): Generator<PersonalMatch> {
  for (const m of text.matchAll(re)) yield { kind, start: m.index, end: m.index + m[0].length, text: m[0] };
}

/** The group 1 of a labelled number, when it has at least `minDigits` digits. */
function* labelledNumbers(re: RegExp, text: string, kind: PersonalKind, minDigits: number): Generator<PersonalMatch> {
  for (const m of text.matchAll(re)) {
    const value = m[1]!.trimEnd();
    if (digitsOf(value).length < minDigits) continue;
    const start = m.index + m[0].length - m[1]!.length;
    yield { kind, start, end: start + value.length, text: value };
  }
}

function* names(text: string): Generator<PersonalMatch> {
  for (const [re, bounded] of [[NAME_LABEL, true], [NAME_INTRO, false], [NAME_LOOSE, true]] as const) {
    for (const m of text.matchAll(re)) {
      const at = m.index + m[0].length;
      const n = nameAt(text, at, bounded);
      if (n > 0) yield { kind: 'name', start: at, end: at + n, text: text.slice(at, at + n) };
    }
  }
}

function* occurrences(text: string, needle: string, kind: PersonalKind, ignoreCase = false): Generator<PersonalMatch> {
  const hay = ignoreCase ? text.toLowerCase() : text;
  const n = ignoreCase ? needle.toLowerCase() : needle;
  for (let at = hay.indexOf(n); at >= 0; at = hay.indexOf(n, at + n.length)) {
    yield { kind, start: at, end: at + n.length, text: text.slice(at, at + n.length) };
  }
}

/** The known person's data as written in the text: the whole name, the phone in any grouping, the e-mail, the address. */
function* knownData(text: string, known: KnownPerson): Generator<PersonalMatch> {
  const name = known.name?.trim();
  if (name && [...name].length >= 2) yield* occurrences(text, name, 'name');
  const phone = normalizePhone(known.phone);
  if (phone && phone.length >= 7) {
    for (const m of text.matchAll(/\+?\d[\d\-() （）]*\d/g)) {
      const digits = digitsOf(m[0]);
      if (digits === phone || normalizePhone(digits) === phone) yield { kind: 'phone', start: m.index, end: m.index + m[0].length, text: m[0] };
    }
  }
  const email = known.email?.trim();
  if (email && email.includes('@')) yield* occurrences(text, email, 'email', true);
  const address = known.address?.trim();
  if (address && [...address].length >= 6) yield* occurrences(text, address, 'address');
}

const MAY_HOLD = /[\d@叫人名是款主]/;

/** Every piece of personal data found in the text, in order, none overlapping (the earlier, then the longer, wins). */
export function findPersonalData(text: string, known?: KnownPerson | null): PersonalMatch[] {
  // Every pattern needs a digit, an @ or a word that introduces a name: most texts (titles, names) have none.
  if (!text || (!known && !MAY_HOLD.test(text))) return [];
  const all: PersonalMatch[] = [
    ...(known ? knownData(text, known) : []),
    ...regexMatches(EMAIL, text, 'email'),
    ...regexMatches(ID_18, text, 'id_number'),
    ...[...regexMatches(ID_15, text, 'id_number')].filter((m) => !isHan(text[m.start - 1]) || /(?:身份证|证件)号?码?[：: ]*$/.test(text.slice(Math.max(0, m.start - 8), m.start))),
    ...labelledNumbers(ID_LABEL, text, 'id_number', 6),
    ...regexMatches(MOBILE, text, 'phone'),
    ...regexMatches(LANDLINE, text, 'phone'),
    ...labelledNumbers(PHONE_LABEL, text, 'phone', 7),
    ...names(text),
    ...regexMatches(BUILDING_ROOM, text, 'house_number'),
    ...regexMatches(UNIT_ROOM, text, 'house_number'),
    ...regexMatches(ROOM, text, 'house_number'),
    ...regexMatches(DASHED_ROOM, text, 'house_number'),
  ];
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PersonalMatch[] = [];
  for (const m of all) if (out.length === 0 || m.start >= out[out.length - 1]!.end) out.push(m);
  return out;
}

// ---- masking --------------------------------------------------------------------------------

/** Digits only, without a +86/0086 country code; null when there are none. */
export function normalizePhone(phone: string | null | undefined): string | null {
  let d = digitsOf(phone ?? '');
  if (d.length === 15 && d.startsWith('0086')) d = d.slice(4);
  if (d.length === 13 && d.startsWith('86')) d = d.slice(2);
  return d.length > 0 ? d : null;
}

/** The text with each digit starred except the first `head` and last `tail` digits; separators kept. */
function starDigits(text: string, head: number, tail: number): string {
  const n = digitsOf(text).length;
  let i = 0;
  return text.replace(/\d/g, (d) => (i++ < head || i > n - tail ? d : '*'));
}

function maskPhoneText(text: string, strict: boolean): string {
  if (strict) return text.replace(/\d/g, '*');
  const d = normalizePhone(text) ?? '';
  if (d.length === 11 && d.startsWith('1')) return `${d.slice(0, 3)}****${d.slice(-4)}`;
  // A landline keeps its area code (the digits before the first separator) and its last four.
  const area = /^[(（]?(0\d{2,3})[)）\- ]/.exec(text);
  return starDigits(text, area ? area[1]!.length : 0, d.length > 6 ? 4 : 0);
}

function maskMatch(m: PersonalMatch, strict: boolean): string {
  switch (m.kind) {
    case 'phone':
      return maskPhoneText(m.text, strict);
    case 'id_number': {
      const n = m.text.replace(/[^\dXx]/g, '').length;
      return strict || n < 12 ? m.text.replace(/[\dXx]/g, '*') : `${m.text.slice(0, 4)}${'*'.repeat(m.text.length - 8)}${m.text.slice(-4)}`;
    }
    case 'email': {
      const at = m.text.lastIndexOf('@');
      return `${strict ? '' : m.text[0]}***${m.text.slice(at)}`;
    }
    case 'name': {
      const s = surnameAt(m.text, 0) || 1;
      return `${m.text.slice(0, s)}*`;
    }
    case 'house_number':
    case 'address':
      return m.text.replace(/[0-9A-Za-z一二三四五六七八九十零〇]/g, '*');
  }
}

/** The text with every piece of personal data masked (see the file's comment for what counts). */
export function maskPersonalText(text: string, opts: MaskOptions = {}): string {
  const found = findPersonalData(text, opts.known);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of found) {
    out += text.slice(at, m.start) + maskMatch(m, opts.strict ?? false);
    at = m.end;
  }
  return out + text.slice(at);
}

/** Masks the value, or null for nothing to mask; non-strings pass. */
export const maskNullable = <T extends string | null | undefined>(text: T, opts?: MaskOptions): T =>
  (typeof text === 'string' ? maskPersonalText(text, opts) : text) as T;

// ---- URLs, for log lines --------------------------------------------------------------------

/** A query value a log may keep as it is: short, plain ASCII (ids, types, page numbers, project numbers). */
const PLAIN_VALUE = /^[\w.,:~*-]{0,60}$/;

function maskUrlPart(part: string, keepText: boolean): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    decoded = part;
  }
  const masked = maskPersonalText(decoded, { strict: true });
  if (!keepText && !PLAIN_VALUE.test(masked)) return '…';
  return masked === decoded ? part : encodeURIComponent(masked).replace(/%2A/g, '*');
}

/**
 * A request URL fit for a log line: personal data in the path masked, and each query value
 * masked, or replaced by `…` when it is free text (a name typed into the search box cannot be
 * recognised as one, so free text is not logged at all).
 */
export function maskPersonalQuery(url: string): string {
  const q = url.indexOf('?');
  const path = (q < 0 ? url : url.slice(0, q)).split('/').map((p) => maskUrlPart(p, true)).join('/');
  if (q < 0) return path;
  const query = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? maskUrlPart(pair, false) : `${pair.slice(0, eq + 1)}${maskUrlPart(pair.slice(eq + 1), false)}`;
  });
  return `${path}?${query.join('&')}`;
}
