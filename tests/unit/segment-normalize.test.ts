import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../indexers/segment/normalize.ts';
import { toSimplified } from '../../indexers/segment/traditional.ts';

describe('normalizeText', () => {
  it('turns full-width letters, digits and brackets half-width', () => {
    expect(normalizeText('ＪＡＡＡ２０１６０００１')).toBe('JAAA20160001');
    expect(normalizeText('面积１２００㎡（含地下）')).toBe('面积1200m2(含地下)');
  });

  it('turns traditional characters simplified', () => {
    expect(normalizeText('規劃許可')).toBe('规划许可');
    expect(normalizeText('建設工程規劃許可證')).toBe('建设工程规划许可证');
    expect(normalizeText('臺灣後來於此')).toBe('台湾后来于此');
  });

  it('leaves simplified characters that OpenCC would also rewrite alone', () => {
    for (const s of ['显著', '什么', '乾隆', '著作权', '蒜薹', '拚命', '哪吒']) expect(normalizeText(s)).toBe(s);
  });

  it('collapses whitespace, keeping one line break where there was one, and trims', () => {
    expect(normalizeText('  青山\u3000 体育\t公园  ')).toBe('青山 体育 公园');
    expect(normalizeText('第一条\r\n\r\n  第二条')).toBe('第一条\n第二条');
  });

  it('drops zero-width characters', () => {
    expect(normalizeText('\u200b武规〔2017〕12号\u200d')).toBe('武规〔2017〕12号');
    expect(normalizeText('规\ufeff划')).toBe('规划');
  });

  it('gives every bracket form of a 文号 the same canonical text', () => {
    const forms = ['武规[2017]12号', '武规〔2017〕12号', '武规(2017)12号', '武规（2017）12号', '武规【2017】12号', '武规 〔 2017 〕 12 号', '武规［２０１７］１２号'];
    for (const f of forms) expect(normalizeText(f)).toBe('武规〔2017〕12号');
    expect(normalizeText('根据武规[2016]12号文件精神')).toBe('根据武规〔2016〕12号文件精神');
  });

  it('leaves parentheses that are not part of a 文号 as they are (half-width)', () => {
    expect(normalizeText('项目（二期）')).toBe('项目(二期)');
    expect(normalizeText('建设规模（2017）平方米')).toBe('建设规模(2017)平方米');
    expect(normalizeText('信件编号[2017]09320')).toBe('信件编号[2017]09320');
  });

  it('is idempotent', () => {
    for (const s of ['武规 [2017] 12 号', '規劃 許可\n\n證', 'ＡＢ２０１４００７７　（二期）']) {
      const once = normalizeText(s);
      expect(normalizeText(once)).toBe(once);
    }
  });
});

describe('toSimplified', () => {
  it('returns the very same string when there is nothing to convert', () => {
    const s = '武汉市城乡规划条例';
    expect(toSimplified(s)).toBe(s);
  });

  it('converts chains to their end so that a second pass changes nothing', () => {
    const once = toSimplified('薴麻');
    expect(toSimplified(once)).toBe(once);
  });
});
