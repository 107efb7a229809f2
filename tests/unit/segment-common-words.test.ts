/** Everyday two-character words by jieba's dictionary (indexers/segment/common-words.ts). */
import { describe, expect, it } from 'vitest';
import { isCommonWord } from '../../indexers/segment/common-words.ts';

describe('isCommonWord', () => {
  it.each(['人民', '城市', '国际', '世纪', '中央'])('%s is an everyday word', (w) => {
    expect(isCommonWord(w)).toBe(true);
  });

  it.each(['唐家', '宗关', '光谷', '后湖', '五里', '东湖'])('%s, the start of a place, is not', (w) => {
    expect(isCommonWord(w)).toBe(false);
  });
});
