/** Highlights mark what the query matched: its identifiers whole, its runs and words, never a label's 号. */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../indexers/query-analyzer.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { highlightTerms, snippet } from '../../services/search/highlight.ts';

const seg = createSegmenter([]);
const marks = (q: string, text: string, labels = true) => snippet(text, highlightTerms(analyzeQuery(q, seg)), 400, labels);
const DOC = '文号：国发〔2011〕20号\n发文单位：国务院\n根据国发[2011] 20号的要求，2011年起各地加强地质灾害防治。';

describe('highlight', () => {
  it('marks a 文号 whole, in any bracket form, and not its pieces elsewhere', () => {
    const out = marks('国发【2011】20号', DOC);
    expect(out).toContain('文号：<mark>国发〔2011〕20号</mark>');
    expect(out).toContain('根据<mark>国发[2011] 20号</mark>的要求');
    expect(out).toContain('2011年起');
    expect(out).not.toContain('<mark>2011</mark>');
    expect(out).not.toContain('<mark>号</mark>');
  });

  it('never marks part of a line label, but marks the whole label when asked for', () => {
    expect(marks('号', DOC)).not.toContain('文<mark>号</mark>');
    expect(marks('号', DOC)).toContain('20<mark>号</mark>');
    expect(marks('文号', DOC)).toContain('<mark>文号</mark>：');
    expect(marks('发文', DOC)).not.toContain('<mark>发文</mark>单位');
  });

  it('marks labels in titles, which have none', () => {
    expect(marks('规划', '规划设计方案审查：名都一期', false)).toContain('<mark>规划</mark>设计');
  });

  it("marks a phrase's words but not its one-character words", () => {
    const out = marks('道路改造的', '城市道路改造的计划，另见道路的养护和管网改造。');
    expect(out).toContain('城市<mark>道路改造的</mark>计划');
    expect(out).toContain('<mark>道路</mark>的养护');
    expect(out).toContain('管网<mark>改造</mark>');
    expect(out).not.toContain('<mark>的</mark>');
  });

  it('marks project and letter numbers in any case and bracket', () => {
    expect(marks('jaaa20160001 进度', '项目编号：JAAA20160001，进度正常')).toContain('<mark>JAAA20160001</mark>');
    expect(marks('〔2017〕09320', '信件编号：[2017]09320')).toContain('<mark>[2017]09320</mark>');
  });

  it('escapes the text around the marks', () => {
    expect(marks('规划', '<b>规划</b> & 许可')).toBe('&#60;b&#62;<mark>规划</mark>&#60;/b&#62; &#38; 许可');
  });
});
