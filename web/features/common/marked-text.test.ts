import { describe, expect, it } from 'vitest';
import { parseMarked, unescapeHtml } from './marked-text';

describe('highlighted snippets from the API', () => {
  it('splits at <mark> and keeps the order', () => {
    expect(parseMarked('和平大道(仁和路至<mark>青山</mark>江滩段)<mark>综合</mark>')).toEqual([
      { text: '和平大道(仁和路至', mark: false },
      { text: '青山', mark: true },
      { text: '江滩段)', mark: false },
      { text: '综合', mark: true },
    ]);
  });

  it('turns escaped characters back into text, never into markup', () => {
    const parts = parseMarked('a &#60;script&#62;alert(1)&#60;/script&#62; <mark>&#38;</mark> &quot;x&quot;');
    expect(parts).toEqual([
      { text: 'a <script>alert(1)</script> ', mark: false },
      { text: '&', mark: true },
      { text: ' "x"', mark: false },
    ]);
  });

  it('leaves tags other than <mark> as text', () => {
    expect(parseMarked('<b>x</b>')).toEqual([{ text: '<b>x</b>', mark: false }]);
    expect(parseMarked('')).toEqual([]);
  });

  it('reads numeric, hexadecimal and named entities, and leaves unknown ones', () => {
    expect(unescapeHtml('&#39;&#x27;&amp;&lt;&gt;&bogus;')).toBe("''&<>&bogus;");
  });
});
