/**
 * Invented people: officers, chairs and petitioners. Names are drawn from common surnames and
 * given-name characters, phones and e-mails from the seed; none comes from real data, and
 * e-mails only use the reserved example.* domains (RFC 2606).
 */
import { pinyin } from 'pinyin-pro';
import { weightedTable } from './rng.ts';
import type { Rng } from './rng.ts';

/** Common surnames, roughly by frequency (the weights only need to look plausible). */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 10], ['李', 10], ['张', 9], ['刘', 8], ['陈', 8], ['杨', 6], ['黄', 5], ['赵', 5], ['吴', 5], ['周', 5],
  ['徐', 4], ['孙', 4], ['马', 4], ['朱', 4], ['胡', 5], ['郭', 3], ['何', 3], ['高', 3], ['林', 3], ['罗', 3],
  ['郑', 3], ['梁', 3], ['谢', 3], ['宋', 2], ['唐', 2], ['许', 2], ['韩', 2], ['冯', 2], ['邓', 2], ['曹', 2],
  ['彭', 3], ['曾', 2], ['肖', 3], ['田', 2], ['董', 2], ['袁', 2], ['潘', 2], ['余', 3], ['蒋', 2], ['蔡', 2],
  ['杜', 2], ['叶', 2], ['程', 2], ['魏', 2], ['吕', 1], ['丁', 1], ['沈', 1], ['姚', 1], ['卢', 1], ['熊', 2],
  ['万', 2], ['汪', 2], ['夏', 1], ['付', 1], ['方', 1], ['邹', 1], ['雷', 1], ['龚', 1], ['喻', 1], ['柯', 1],
];

const GIVEN_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '兰', '霞', '平',
  '刚', '华', '慧', '建', '国', '文', '斌', '鹏', '辉', '红', '玲', '婷', '宇', '浩', '凯', '晨', '欣', '雪', '琳', '颖',
  '志', '俊', '峰', '波', '晶', '蓉', '丹', '萍', '燕', '飞', '亮', '帆', '昊', '轩', '睿', '子', '梓', '思', '雨', '嘉',
  '海', '春', '秋', '林', '卫', '忠', '新', '正', '学', '荣', '祥', '东', '汉', '楚', '江', '金', '玉', '德', '福', '安',
];

const surnames = weightedTable(SURNAMES);

/** A surname plus one or two given-name characters. */
export function personName(rng: Rng): string {
  const surname = surnames.draw(rng);
  const first = rng.pick(GIVEN_CHARS);
  if (rng.chance(0.3)) return surname + first;
  let second = rng.pick(GIVEN_CHARS);
  if (second === first && rng.chance(0.7)) second = rng.pick(GIVEN_CHARS);
  return surname + first + second;
}

/** Romanisations computed once per character: pinyin-pro per name would dominate run time. */
const ROMAN = new Map<string, string>();
for (const [s] of SURNAMES) ROMAN.set(s, pinyin(s, { toneType: 'none', surname: 'head' }).replace(/ü/g, 'v'));
for (const c of GIVEN_CHARS) ROMAN.set(c, pinyin(c, { toneType: 'none' }).replace(/ü/g, 'v'));

function romanise(name: string): string {
  return [...name].map((c) => ROMAN.get(c) ?? 'x').join('');
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '177', '180', '186', '187', '189'];

/** An 11-digit mobile number; only the prefix is real, the rest is the seed's. */
export function mobilePhone(rng: Rng): string {
  let digits = rng.pick(MOBILE_PREFIXES);
  for (let i = 0; i < 8; i++) digits += String(rng.int(0, 9));
  return digits;
}

const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];

/** An address at a reserved example.* domain, shaped like people write theirs. */
export function fakeEmail(name: string, rng: Rng): string {
  const roman = romanise(name);
  const local = rng.chance(0.5)
    ? `${roman}${rng.int(1960, 2005)}`
    : rng.chance(0.5) ? `${roman}${rng.int(1, 999)}` : `user${rng.int(10000, 9999999)}`;
  return `${local}@${rng.pick(EMAIL_DOMAINS)}`;
}
