/**
 * Personal data in free text (services/privacy/pii-text.ts): each kind masked, the numbers of the
 * bureau's own records left alone, and a pass over the real citizen messages of the shared corpus
 * (read in place, never copied). Every name and number here is invented.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPersonalData, maskPersonalQuery, maskPersonalText, normalizePhone } from '../../services/privacy/pii-text.ts';
import { ROOT } from '../helpers/processes.ts';

const mask = (text: string) => maskPersonalText(text);
const strict = (text: string) => maskPersonalText(text, { strict: true });

describe('phone numbers', () => {
  it.each([
    ['来电13912341736反映', '来电139****1736反映'],
    ['号码139-1234-1736', '号码139****1736'],
    ['号码 139 1234 1736。', '号码 139****1736。'],
    ['号码+86 139 1234 1736', '号码139****1736'],
    ['座机027-87654321', '座机027-****4321'],
    ['座机(027)87654321', '座机(027)****4321'],
    ['座机（0710）3456789', '座机（0710）***6789'],
    ['联系电话：87654321', '联系电话：****4321'],
  ])('%s → %s', (text, masked) => {
    expect(mask(text)).toBe(masked);
  });

  it('keeps no digit of a number in strict mode, so no part of it can be searched for', () => {
    expect(strict('电话13912341736，座机027-87654321')).toBe('电话***********，座机***-********');
    expect(strict('139 1234 1736')).not.toMatch(/\d/);
  });
});

describe('ID card numbers', () => {
  it('keeps the first and last four of an 18-digit number, X included', () => {
    expect(mask('身份证420106199001011234')).toBe('身份证4201**********1234');
    expect(mask('证号42010619900101123X，')).toBe('证号4201**********123X，');
    expect(strict('42010619900101123x')).toBe('******************');
  });

  it('masks a 15-digit number after 身份证 and a number with an impossible birth date only when announced', () => {
    expect(mask('身份证号码420106900101123')).toBe('身份证号码4201*******1123');
    expect(mask('编号420106199013011234')).toBe('编号420106199013011234');
    expect(mask('身份证号：420106199013011234')).toBe('身份证号：4201**********1234');
  });
});

describe('e-mail addresses', () => {
  it('keep the first letter and the domain', () => {
    expect(mask('请回复到 wang.xiaoming@example.com，谢谢')).toBe('请回复到 w***@example.com，谢谢');
    expect(strict('x_y@mail.example.org')).toBe('***@mail.example.org');
  });
});

describe('names where the writer introduces themselves', () => {
  it.each([
    ['我叫王小明，住在附近', '我叫王*，住在附近'],
    ['我叫王明想问一下', '我叫王*想问一下'],
    ['本人王小明，女，45岁', '本人王*，女，45岁'],
    ['我是某某花园三期的业主王小明，反映噪音', '我是某某花园三期的业主王*，反映噪音'],
    ['联系人：张大伟 电话另告', '联系人：张* 电话另告'],
    ['投诉人：欧阳娜娜', '投诉人：欧阳*'],
  ])('%s → %s', (text, masked) => {
    expect(mask(text)).toBe(masked);
  });

  it.each([
    '本人不才，本人认为不妥',
    '本人于2019年5月反映过',
    '本人申请作为代表',
    '本人向相关部门反映',
    '本人是农民工',
    '我叫[姓名]',
    '联系人：王先生',
    '我是一名退休老人',
  ])('leaves %s alone', (text) => {
    expect(mask(text)).toBe(text);
  });
});

describe('house numbers', () => {
  it.each([
    ['住3栋2单元501室', '住*栋*单元***室'],
    ['住12号楼1单元302', '住**号楼*单元***'],
    ['住5-2-301', '住*-*-***'],
    ['住B座1203室', '住*座****室'],
    ['住A栋三层301#', '住*栋*层***#'],
    ['2单元501室的住户', '*单元***室的住户'],
  ])('%s → %s', (text, masked) => {
    expect(mask(text)).toBe(masked);
  });

  it('leaves buildings without a flat alone: a building is a place, a flat a household', () => {
    for (const text of ['一栋32层的高楼', '12栋7层住房', '16栋电梯', '3栋楼下开烧烤摊']) expect(mask(text)).toBe(text);
  });
});

describe('what is not personal data', () => {
  it.each([
    '项目HSAA20190012的批复',
    '依据武规建[2024]009号',
    '2019-05-12 收到，19-05-12 回复',
    '建设规模12000平方米',
    // A road address locates a site, not a person: the bureau's records name these openly.
    '珞喻路1037号的工地',
    '鄂规选址420100201400010',
    '统一社会信用代码91420100MA4KRR002B',
    '热线12345，电话打了10多次',
    '王先生和漆女士',
  ])('%s', (text) => {
    expect(mask(text)).toBe(text);
    expect(strict(text)).toBe(text);
  });
});

describe('what the hub knows of the writer', () => {
  it('masks the petitioner\'s own name, phone (in any grouping), e-mail and address wherever they appear', () => {
    const known = { name: '甄晓某', phone: '186-0000-2468', email: 'Zhen@Example.com', address: '洪山区某某路1号2栋301' };
    const text = '甄晓某反映：请打18600002468或+86 186 0000 2468，邮件zhen@example.com，地址洪山区某某路1号2栋301。甄晓某';
    expect(maskPersonalText(text, { known })).toBe(
      '甄*反映：请打186****2468或186****2468，邮件z***@example.com，地址洪山区某某路*号*栋***。甄*');
  });

  it('normalizes a phone by its digits, without the country code', () => {
    expect(normalizePhone('+86 139-1234-1736')).toBe('13912341736');
    expect(normalizePhone('008613912341736')).toBe('13912341736');
    expect(normalizePhone('')).toBeNull();
  });
});

describe('findPersonalData', () => {
  it('reports each piece once, in order, with its kind and offsets', () => {
    const text = '我叫王小明，电话13912341736，邮箱a@example.com，住3栋2单元501室';
    const found = findPersonalData(text);
    expect(found.map((m) => [m.kind, m.text])).toEqual([
      ['name', '王小明'], ['phone', '13912341736'], ['email', 'a@example.com'], ['house_number', '3栋2单元501室'],
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('long texts', () => {
  // Before the e-mail pattern was anchored, each start inside such a run scanned the rest of it:
  // 16 KB took two seconds, and this would take minutes.
  it('reads a 200 KB run of digits and dashes in linear time', () => {
    const text = `身份证${'1-'.repeat(100_000)}x`;
    expect(maskPersonalText(text)).toHaveLength(text.length);
  });
});

describe('maskPersonalQuery (log lines)', () => {
  it('masks numbers in the path and query, and drops free text from the query', () => {
    expect(maskPersonalQuery('/api/search?q=13912341736&type=petition&page=2')).toBe('/api/search?q=***********&type=petition&page=2');
    expect(maskPersonalQuery('/api/search?q=139%201234%201736')).toBe('/api/search?q=…');
    expect(maskPersonalQuery(`/api/search?q=${encodeURIComponent('王小明')}`)).toBe('/api/search?q=…');
    expect(maskPersonalQuery('/api/search?q=a%40example.com')).toBe('/api/search?q=…');
    expect(maskPersonalQuery('/api/petitions/pet-1')).toBe('/api/petitions/pet-1');
    expect(maskPersonalQuery('/api/x/13912341736?q=HSAA20190012')).toBe('/api/x/***********?q=HSAA20190012');
  });
});

describe('the citizen messages of the shared corpus', () => {
  const file = path.join(ROOT, '..', 'shared', 'corpus', 'citizen-messages.jsonl');
  const messages = fs.readFileSync(file, 'utf8').trim().split('\n')
    .map((line) => JSON.parse(line) as { id: string; subject: string; text: string; reply: string | null });
  const texts = messages.flatMap((m) => [m.subject, m.text, m.reply ?? '']);
  const changed = messages.filter((m) => [m.subject, m.text, m.reply ?? ''].some((t) => mask(t) !== t));

  // The source had its phone and ID numbers masked already (0000-00000000): what is left to find
  // is those placeholders after 电话, a few flats, and the names the source's anonymizer missed.
  it('masks 31 of the 614 messages, and no 11-digit mobile number survives', () => {
    expect(messages).toHaveLength(614);
    const mobile = /(?<!\d)1[3-9]\d{9}(?!\d)/;
    for (const t of texts) expect(mask(t)).not.toMatch(mobile);
    expect(changed).toHaveLength(31);
  });

  it('takes no ordinary words for names: exactly the three self-introductions', () => {
    const names = texts.flatMap((t) => findPersonalData(t).filter((m) => m.kind === 'name').map((m) => m.text));
    expect(names.sort()).toEqual(['刘平积', '朱琼会', '贺山立']);
  });

  it('finds flats, not buildings', () => {
    const flats = texts.flatMap((t) => findPersonalData(t).filter((m) => m.kind === 'house_number').map((m) => m.text));
    expect(flats.sort()).toEqual(['1栋三单元706房', '20栋201', '7栋1005室', 'A栋三层301#']);
  });
});
