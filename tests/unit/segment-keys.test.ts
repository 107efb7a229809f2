import { describe, expect, it } from 'vitest';
import { canonicalDocNo, extractDocNos, extractLetterNos, extractProjectNos } from '../../indexers/segment/keys.ts';

describe('canonicalDocNo', () => {
  it.each([
    '武规[2017]12号', '武规〔2017〕12号', '武规(2017)12号', '武规（2017）12号', '武规【2017】12号', '武规［2017］12号',
    '武规 〔2017〕 12 号', '武规 〔 2017 〕 12 号', '武規〔2017〕12號', '武规〔2017〕第12号', '武规(2017〕12号',
  ])('reads %s as 武规〔2017〕12号', (form) => {
    expect(canonicalDocNo(form)).toBe('武规〔2017〕12号');
  });

  it('keeps the issuer whole and the number as written', () => {
    expect(canonicalDocNo('豫政 〔2023〕27号')).toBe('豫政〔2023〕27号');
    expect(canonicalDocNo('武规选[2014]072号')).toBe('武规选〔2014〕072号');
    expect(canonicalDocNo('宁政办明电发〔2020〕6号')).toBe('宁政办明电发〔2020〕6号');
  });

  it('returns registration numbers untouched', () => {
    expect(canonicalDocNo('鄂规选址420100201400010')).toBe('鄂规选址420100201400010');
  });

  it('is null when there is no 文号', () => {
    expect(canonicalDocNo('项目（二期）')).toBeNull();
    expect(canonicalDocNo('青山体育公园')).toBeNull();
    expect(canonicalDocNo('[2017]09320')).toBeNull();
    expect(canonicalDocNo('电话13912345678')).toBeNull();
  });
});

describe('extractDocNos', () => {
  it('finds a 文号 in prose without the words in front of it', () => {
    expect(extractDocNos('根据武规〔2016〕12号文件精神')).toEqual(['武规〔2016〕12号']);
    expect(extractDocNos('按照国办发[2019]1号和武规（2017）12号的要求')).toEqual(['国办发〔2019〕1号', '武规〔2017〕12号']);
    expect(extractDocNos('关于印发《xx办法》的通知（建办市函[2018]160号）')).toEqual(['建办市函〔2018〕160号']);
    expect(extractDocNos('违反了物价局文件楚价商（2014）20号')).toEqual(['楚价商〔2014〕20号']);
  });

  it('deduplicates across bracket forms and keeps text order', () => {
    expect(extractDocNos('武规[2017]12号、鄂政发〔2016〕45号，武规〔2017〕12号')).toEqual(['武规〔2017〕12号', '鄂政发〔2016〕45号']);
  });

  it('finds none in plain parentheses', () => {
    expect(extractDocNos('项目（二期）位于洪山区（原青菱乡）')).toEqual([]);
  });

  it('finds registration numbers beside bracketed ones', () => {
    expect(extractDocNos('选址意见书武规选[2014]072号，省备案号鄂规选址420100201400010')).toEqual([
      '武规选〔2014〕072号',
      '鄂规选址420100201400010',
    ]);
  });
});

describe('extractProjectNos', () => {
  it('reads full-width and lower-case forms, uppercased', () => {
    expect(extractProjectNos('ＪＡＡＡ２０１６０００１')).toEqual(['JAAA20160001']);
    expect(extractProjectNos('项目编号hsaa20160151已受理')).toEqual(['HSAA20160151']);
  });

  it('reads the short form and several in order, once each', () => {
    expect(extractProjectNos('AB20140077与QSAA20160020、AB20140077')).toEqual(['AB20140077', 'QSAA20160020']);
  });

  it('ignores codes inside longer letter-digit runs', () => {
    expect(extractProjectNos('XJAAA20160001 JAAA201600012 JAAA2016')).toEqual([]);
  });
});

describe('extractLetterNos', () => {
  it('reads both bracket forms as [year]serial', () => {
    expect(extractLetterNos('信件编号〔2017〕09320，另见[2018]00012')).toEqual(['[2017]09320', '[2018]00012']);
  });

  it('does not take a 文号 for a letter number', () => {
    expect(extractLetterNos('武规〔2017〕12号')).toEqual([]);
    expect(extractLetterNos('武规〔2017〕1234号')).toEqual([]);
  });
});
