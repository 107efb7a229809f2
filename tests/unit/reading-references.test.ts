/** References in a record's text: 文号 in any bracket form and project numbers, with offsets into the stored field. */
import { describe, expect, it } from 'vitest';
import {
  docNoKey, docNoLikePattern, docNoTargets, findCitations, resolveReferences, type Citation,
} from '../../services/reading/references.ts';

const cite = (text: string, field = 'text') => findCitations([{ field, text }]);

describe('findCitations', () => {
  it('finds 文号 in every bracket form, with offsets into the text as written', () => {
    const text = '根据武规〔2016〕12号、鄂政发[2019]3号、武土资（2020）第7号和武规建【2024】009号的要求。';
    const found = cite(text);
    expect(found.map((c) => [c.text, c.key])).toEqual([
      ['武规〔2016〕12号', '武规〔2016〕12号'],
      ['鄂政发[2019]3号', '鄂政发〔2019〕3号'],
      ['武土资（2020）第7号', '武土资〔2020〕7号'],
      ['武规建【2024】009号', '武规建〔2024〕9号'],
    ]);
    for (const c of found) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('keeps offsets right after full-width digits, traditional characters and characters outside the BMP', () => {
    const text = '𠀋𠀋见武規（２０１７）１２号，项目ＪＡＡＡ２０１６０００１。';
    const found = cite(text);
    expect(found.map((c) => c.key)).toEqual(['武规〔2017〕12号', 'JAAA20160001']);
    for (const c of found) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(found[0]!.text).toBe('武規（２０１７）１２号');
  });

  it('finds project numbers in the format of project-no.ts, not inside longer codes', () => {
    const found = cite('涉及项目HSAA20160151与qsaa20160020；编码XHSAA201601519、AB20140077不算。');
    expect(found.filter((c) => c.kind === 'project_no').map((c) => c.key)).toEqual(['HSAA20160151', 'QSAA20160020']);
  });

  it('orders by field as given, then by position, and names the field', () => {
    const found = findCitations([
      { field: 'title', text: '关于转发武规〔2016〕12号的通知' },
      { field: 'text', text: 'JAAA20160001 见武规〔2016〕12号' },
    ]);
    expect(found.map((c) => [c.field, c.kind])).toEqual([['title', 'doc_no'], ['text', 'project_no'], ['text', 'doc_no']]);
  });

  it('finds nothing in prose with plain parentheses', () => {
    expect(cite('项目（二期）于2016年开工，规模（约2000平方米）。')).toEqual([]);
  });
});

describe('docNoKey and docNoLikePattern', () => {
  it('compare 文号 across brackets, spaces, 第 and leading zeros', () => {
    const key = docNoKey('武规选[2014]072号');
    expect(key).toBe('武规选〔2014〕72号');
    for (const form of ['武规选〔2014〕72号', '武规选（2014）第72号', '武规选 [2014] 072 号']) expect(docNoKey(form)).toBe(key);
    expect(docNoKey('武规选〔2014〕73号')).not.toBe(key);
    expect(docNoKey('关于某某的通知')).toBeNull();
  });

  it('make a LIKE pattern that every spelling matches', () => {
    const pattern = docNoLikePattern('武规选〔2014〕72号');
    expect(pattern).toBe('武规选%2014%72%号');
    const like = new RegExp(`^${pattern.replace(/%/g, '.*')}$`, 'u');
    for (const form of ['武规选[2014]072号', '武规选（2014）第72号', '武规选〔2014〕72 号']) expect(form).toMatch(like);
    expect(docNoLikePattern('鄂规选址420100201400010')).toBe('鄂规选址420100201400010');
    expect(docNoLikePattern('a_b%〔2014〕1号')).toBe('a\\_b\\%%2014%1%号');
  });
});

describe('docNoTargets and resolveReferences', () => {
  const held = docNoTargets([
    { type: 'approval', id: 'apv-1', doc_no: '武规选[2014]072号' },
    { type: 'document', id: 'doc-b', doc_no: '武规选〔2014〕72号' },
    { type: 'document', id: 'doc-a', doc_no: '武规选（2014）72号' },
    { type: 'regulation', id: 'reg-1', doc_no: '武政规〔2016〕3号' },
    { type: 'document', id: 'doc-c', doc_no: '武规〔2016〕12号' },
  ]);

  it('prefers a document, then the smallest id, when several records hold a number', () => {
    expect(held.get('武规选〔2014〕72号')).toEqual({ type: 'document', id: 'doc-a' });
    expect(held.get('武政规〔2016〕3号')).toEqual({ type: 'regulation', id: 'reg-1' });
  });

  it('links what the hub holds, and drops what it lacks and the record citing itself', () => {
    const text = '武规〔2016〕12号转发武规选[2014]072号和武政规(2016)3号，另见武规〔2099〕1号，项目JAAA20160001、JAAA20169999。';
    const citations: Citation[] = cite(text);
    const refs = resolveReferences(citations, { docNos: held, projectNos: new Set(['JAAA20160001']) }, { type: 'document', id: 'doc-c' });
    expect(refs.map((r) => [r.text, r.target])).toEqual([
      ['武规选[2014]072号', { type: 'document', id: 'doc-a' }],
      ['武政规(2016)3号', { type: 'regulation', id: 'reg-1' }],
      ['JAAA20160001', { type: 'project', id: 'JAAA20160001' }],
    ]);
    for (const r of refs) expect(text.slice(r.start, r.end)).toBe(r.text);
    expect(refs[0]).toMatchObject({ field: 'text' });
  });
});
