/**
 * Who a text is about. A project named as the writer's home (`我家住在X小区`, `我们是X的业主`,
 * `X小区的居民反映小区楼下要建垃圾站`), as
 * a landmark (`X门口`, `X旁边的工地`, `X对面`) or in passing (`参照X的做法`, `与X做好衔接`) is not
 * what the text is about; the linker may suggest it, never link it by itself, unless another
 * mention of the same project is about it (`我家住在X小区，X的开发商承诺的幼儿园一直没建`).
 * Read from the clause around one mention, in normalized text. Pure; the cases are in
 * tests/unit/linking-context.test.ts.
 */

export type MentionContext = 'subject' | 'home' | 'landmark' | 'passing';

/** Clause boundaries after NFKC (full-width commas, colons and marks are ASCII by then). */
const BOUNDARY = /[,.;:!?。;!?\n]/;

function clauseBefore(text: string, start: number): string {
  let from = start;
  while (from > 0 && !BOUNDARY.test(text[from - 1]!)) from--;
  return text.slice(from, start);
}

function clauseAfter(text: string, end: number): string {
  let to = end;
  while (to < text.length && !BOUNDARY.test(text[to]!)) to++;
  return text.slice(end, to);
}

/** Right before the name: `我们东南岸小区`, `我家所在的X`. */
const HOME_RIGHT_BEFORE = /(?:我们|我家|俺家|我们家|本人所在的?|我所在的?|我们所在的?|我们住的|我住的|我住|我们住|本人住|俺住|我家住)$/;
/** Living somewhere, then at most a district and street before the name: `我家住在洪山区关山街道X`. */
const HOME_LIVES_IN = /(?:住在|居住在|居住于|家住在?|家在|住的是|搬到|入住)([^,.;:!?。\n]{0,16})$/;
/** What may not stand between "live in" and the name: a verb or a site means the name is something else. */
const NOT_AN_ADDRESS = /发现|看到|听说|反映|投诉|工地|施工|建设|修建|盖|旁边|附近|对面|门口/;
/** `我们是X的业主`, `我是X小区的居民`: first person before, residents after. */
const FIRST_PERSON = /(?:我们|我|本人|俺们?)(?:都|也)?是/;
const RESIDENTS_AFTER = /^[^,.;:!?。\n]{0,12}?(?:的)?(?:业主|居民|住户|老住户|租户)/;
/**
 * `X小区的居民反映小区楼下准备建垃圾转运站`: the writers named as X's residents, with no first
 * person, complaining of something else; X is where they live. Unless what follows is X's own
 * affairs (`X业主反映延期交房`, `…开发商承诺的幼儿园`), which make X the subject.
 */
const RESIDENTS_OF = /^([^,.;:!?。\n]{0,12}?)(?:小区|社区)?(?:的)?(?:全体|部分|广大|众多)?(?:业主|居民|住户)(?:们)?/;
const OWN_AFFAIRS = /交房|延期|开发商|物业|办证|房产证|不动产|产权|质量|漏水|开裂|渗水|规划变更|变更规划|容积率|绿化率|车位|配套|幼儿园|烂尾|维权|购房|售楼|宣传/;
/** `我在X小区买的房子`: where the writer bought their home. */
const BOUGHT_BEFORE = /(?:我|我们|本人|俺)(?:家)?(?:在|于)[^,.;:!?。\n]{0,16}$/;
const BOUGHT_AFTER = /^[^,.;:!?。\n]{0,6}?(?:买的房|买了房|购买的房|购的房|买的那套|的房子)/;

/** What follows a name that is used to say where something else is. */
const LANDMARK_AFTER =
  /^(?:[一二三四五六七八九十\d]{1,2}期|[A-Za-z]\d{0,2}(?:号?地块)?|[^,.;:!?。\n]{1,8}?(?:工程|项目))?(?:小区|社区|项目|工地|楼盘|大楼|那个|这个|的){0,2}(?:大门口|门口|大门|后门|旁边|旁|对面|附近|周边|周围|隔壁|边上|一侧|[东西南北]{1,2}(?:侧|边|面|角)|后面|前面|背后|楼下|外面|不远处|那边|这边|一带|内(?!容|涵)|里面)/;
/** `东侧为X`, `北面是X`: the name marks where the subject lies. */
const LANDMARK_BEFORE = /(?:[东西南北]{1,2}(?:侧|面|邻|边)(?:为|是|紧邻|毗邻|与)?|靠近|紧挨着?|挨着|离)$/;

/** A road named as one end of a stretch: `X到Y那段`, `X至Y段`, `X与Y之间`. */
const SEGMENT_AFTER = /^(?:到|至|与|和|-)[^,.;:!?。\n]{1,8}?(?:大道|大街|路|街)(?:那段|段|之间|一段|路段)/;
const SEGMENT_BEFORE = /(?:大道|大街|路|街)(?:到|至|与|和|-)$/;

/** `参照X的做法`, `紧邻X`, `例如X`: named as an example or a neighbour. */
const PASSING_BEFORE = /(?:参照|参考|借鉴|比照|例如|比如|类似于?|毗邻|紧邻|邻近|临近|相邻的|如同)$/;
const PASSING_AFTER = /^(?:小区|项目|工程)?(?:的做法|的经验|的模式|为例|相邻|毗邻|接壤)/;
/** `与X做好衔接`: another project the subject must fit in with. */
const WITH_BEFORE = /(?:与|和|同)$/;
const WITH_AFTER = /衔接|对接|协调|相邻|毗邻|接壤|统筹|共享|共用|之间/;

/** What the clause around `text[start, end)` says the named thing is to the text. */
export function mentionContext(text: string, start: number, end: number): MentionContext {
  const before = clauseBefore(text, start);
  const after = clauseAfter(text, end);
  if (HOME_RIGHT_BEFORE.test(before)) return 'home';
  const lives = HOME_LIVES_IN.exec(before);
  if (lives && !NOT_AN_ADDRESS.test(lives[1]!)) return 'home';
  if (FIRST_PERSON.test(before) && RESIDENTS_AFTER.test(after)) return 'home';
  if (BOUGHT_BEFORE.test(before) && BOUGHT_AFTER.test(after)) return 'home';
  const residents = RESIDENTS_OF.exec(after);
  if (residents && !NOT_AN_ADDRESS.test(before + residents[1]) && !OWN_AFFAIRS.test(after)) return 'home';
  if (PASSING_BEFORE.test(before) || PASSING_AFTER.test(after)) return 'passing';
  if (WITH_BEFORE.test(before) && WITH_AFTER.test(after)) return 'passing';
  if (LANDMARK_AFTER.test(after) || LANDMARK_BEFORE.test(before)) return 'landmark';
  // `白沙洲大道到卓刀泉路那段新路`: the two roads bound the site, the works between them are the subject.
  if (SEGMENT_AFTER.test(after) || (SEGMENT_BEFORE.test(before) && /^(?:那段|段|之间|一段|路段)/.test(after))) return 'landmark';
  // `高新四路上全是泥`: on a road is where something happens, not what it is about.
  if (/[路道街]$/.test(text.slice(start, end)) && /^上(?!访|报|级|传|诉)/.test(after)) return 'landmark';
  return 'subject';
}

const LIVES = /住在|居住在|居住于|家住|家在/;
const RESIDENTS = /业主|居民|住户|租户/;
const BOUGHT = /(?:我|我们|本人|俺)(?:家)?(?:在|于).{0,20}?(?:买的房|买了房|购买的房)/;

/**
 * The text with the writer's self-introduction blanked (`我是住在洪山区关山街道X小区的居民`,
 * `本人住在…`): where the writer lives is no evidence about the site they write about, so its
 * street, roads and district must not count for any project. Offsets are kept (blanks are spaces).
 */
export function withoutHome(text: string): string {
  let out = '';
  let from = 0;
  for (let at = 0; at <= text.length; at++) {
    if (at < text.length && !BOUNDARY.test(text[at]!)) continue;
    const clause = text.slice(from, at);
    out += LIVES.test(clause) || (FIRST_PERSON.test(clause) && RESIDENTS.test(clause)) || BOUGHT.test(clause) ? ' '.repeat(clause.length) : clause;
    if (at < text.length) out += text[at];
    from = at + 1;
  }
  return out;
}

/** What a project is to the text over all its mentions: about it as soon as one mention is. */
export function aboutness(contexts: readonly MentionContext[]): MentionContext {
  if (contexts.length === 0 || contexts.includes('subject')) return 'subject';
  if (contexts.includes('home')) return 'home';
  if (contexts.includes('landmark')) return 'landmark';
  return 'passing';
}
