import { describe, expect, it } from 'vitest';
import { annotate } from './annotate';
import { findQuerySpans } from './query-terms';
import type { ReadingReference } from './reading.types';

const ref = (text: string, all: string, type: 'document' | 'project', id: string, field = 'text'): ReadingReference => {
  const start = all.indexOf(text);
  return { field, text, start, end: start + text.length, target: { type, id } };
};

describe('the query marked in a full text', () => {
  it('marks each part of the query as written, case-insensitively, longest first', () => {
    const text = '关于青山体育公园的批复。青山区 JAAA20160001 项目';
    const spans = findQuerySpans(text, '青山体育公园 jaaa20160001');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['青山体育公园', 'JAAA20160001']);
  });

  it('finds a 文号 in any bracket form, with or without 第 and leading zeros', () => {
    const text = '依据武规[2017]12号和武规（2017）第012号，及武规〔2017〕120号。';
    const spans = findQuerySpans(text, '武规〔2017〕12号');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['武规[2017]12号', '武规（2017）第012号']);
  });

  it('falls back to two-character pieces when the text lacks the phrase as written', () => {
    const text = '青山区和平体育公园';
    const spans = findQuerySpans(text, '青山体育公园');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['青山', '体育', '公园']);
  });

  it('marks nothing without a query', () => {
    expect(findQuerySpans('任何文字', '')).toEqual([]);
    expect(findQuerySpans('任何文字', undefined)).toEqual([]);
  });
});

describe('a text with its references and marks', () => {
  const text = '根据武规〔2017〕12号，同意HSAA20160001项目的方案。';
  const refs = [ref('武规〔2017〕12号', text, 'document', 'doc-12'), ref('HSAA20160001', text, 'project', 'HSAA20160001')];

  it('turns each reference into a link piece and keeps the rest as text', () => {
    expect(annotate(text, refs)).toEqual([
      { text: '根据', link: null, mark: false },
      { text: '武规〔2017〕12号', link: { type: 'document', id: 'doc-12' }, mark: false },
      { text: '，同意', link: null, mark: false },
      { text: 'HSAA20160001', link: { type: 'project', id: 'HSAA20160001' }, mark: false },
      { text: '项目的方案。', link: null, mark: false },
    ]);
  });

  it('marks inside and across links, splitting the pieces there', () => {
    const pieces = annotate(text, refs, '2017 同意');
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['2017', '同意']);
    expect(pieces.filter((p) => p.link?.id === 'doc-12').map((p) => p.text).join('')).toBe('武规〔2017〕12号');
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('ignores references that do not fit the text or overlap another', () => {
    const bad: ReadingReference[] = [
      { field: 'text', text: 'x', start: 40, end: 60, target: { type: 'document', id: 'far' } },
      { ...refs[0]!, start: refs[0]!.start + 2, end: refs[0]!.end + 2, target: { type: 'document', id: 'overlap' } },
      refs[0]!,
      { field: 'text', text: '根据', start: 0, end: 2, target: null },
    ];
    expect(annotate(text, bad).filter((p) => p.link).map((p) => p.link!.id)).toEqual(['doc-12']);
  });
});
