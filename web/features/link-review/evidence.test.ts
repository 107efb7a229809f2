import { describe, expect, it } from 'vitest';
import { evidenceTerms, highlightEvidence } from './evidence';
import type { LinkReason } from './link-review.types';

const reason = (text: string, weight = 1): LinkReason => ({ feature: 'name', level: 'whole', weight, text });

describe('the evidence a link’s reasons talk about', () => {
  it('takes the quoted words, the text’s side of a comparison and listed words, not the project’s side', () => {
    const terms = evidenceTerms([
      reason('文中出现建设单位品牌“鼎泓”'),
      reason('文中分期（2期）与项目（1期）不符', -5.27),
      reason('文中出现项目四至道路：临湖大道、沁湖路'),
      reason('文中“云栖台”只用来指明位置，仅作建议', 0),
      reason('项目名称出现在标题或议定事项的开头'),
      reason('承办单位（洪山分局）与项目所在区一致'),
    ]);
    expect(terms).toEqual(expect.arrayContaining(['鼎泓', '2期', '二期', '临湖大道', '沁湖路', '云栖台']));
    expect(terms).not.toContain('1期');
    expect(terms).not.toContain('一期');
    expect(terms).not.toContain('洪山分局');
    expect(terms.indexOf('临湖大道')).toBeLessThan(terms.indexOf('鼎泓'));
  });

  it('marks every occurrence in the text, the longer word winning where two overlap', () => {
    const pieces = highlightEvidence('鼎泓云栖台二期的渣土车；云栖台工地', ['云栖台二期', '云栖台', '鼎泓']);
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['鼎泓云栖台二期', '云栖台']);
    expect(pieces.map((p) => p.text).join('')).toBe('鼎泓云栖台二期的渣土车；云栖台工地');
  });

  it('marks nothing that is not in the text, and keeps the text whole', () => {
    const text = '小区内消防通道长期被私家车占用。';
    expect(highlightEvidence(text, ['澜栖湾'])).toEqual([{ text, mark: false, passage: false }]);
    expect(highlightEvidence('', ['澜栖湾'])).toEqual([]);
  });

  it('sets off the item the link came from, found by the head the linker kept, to the end of its line', () => {
    const text = '议定事项如下：\n一、审议栖霞府项目建设工程设计方案。会议原则同意该方案。\n二、审议枫丹里项目规划条件调整。';
    const first = highlightEvidence(text, ['栖霞府'], '一、审议栖霞府项目建设工程设计方案');
    expect(first.filter((p) => p.passage).map((p) => p.text).join('')).toBe('一、审议栖霞府项目建设工程设计方案。会议原则同意该方案。');
    expect(first.find((p) => p.mark)).toEqual({ text: '栖霞府', mark: true, passage: true });
    const last = highlightEvidence(text, [], '二、审议枫丹里项目规划条件调整。（此处为截断的条目开头，文字不全');
    expect(last.filter((p) => p.passage).map((p) => p.text).join('')).toBe('二、审议枫丹里项目规划条件调整。');
    expect(highlightEvidence(text, [], '三、别的事项').some((p) => p.passage)).toBe(false);
    expect(highlightEvidence(text, [], null).some((p) => p.passage)).toBe(false);
  });
});
