/**
 * The dictionary-independent representation of a normalized text: overlapping bigrams of each
 * run of Han characters (a lone character stands for itself), and each run of other letters
 * and digits as one lowercase word. Any substring of two or more Han characters has all its
 * bigrams in the text's bigrams, however jieba cut either side.
 */

const OTHER = 0;
const HAN = 1;
const WORD = 2;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Han in the BMP, or a high surrogate of the supplementary ideograph planes (U+20000–U+3FFFF). */
function classify(code: number): number {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)
      ? WORD
      : OTHER;
  }
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3007) return HAN;
  if (code >= 0xd840 && code <= 0xd8bf) return HAN;
  if (code >= 0xf900 && code <= 0xfaff) return HAN;
  if (code >= 0xd800 && code <= 0xdfff) return OTHER;
  return LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? WORD : OTHER;
}

function pushHanRun(text: string, starts: number[], count: number, end: number, out: string[]): void {
  if (count === 1) {
    out.push(text.slice(starts[0], end));
    return;
  }
  for (let k = 0; k + 1 < count; k++) out.push(text.slice(starts[k], k + 2 < count ? starts[k + 2] : end));
}

/** Grams of `norm`, which must already be normalized (see normalizeText). */
export function gramsOf(norm: string, out: string[] = []): string[] {
  const starts: number[] = [];
  let count = 0;
  let wordStart = -1;
  let wordUpper = false;
  const n = norm.length;
  for (let i = 0; i < n; i++) {
    const code = norm.charCodeAt(i);
    const kind = classify(code);
    if (kind === HAN) {
      if (wordStart >= 0) {
        const w = norm.slice(wordStart, i);
        out.push(wordUpper ? w.toLowerCase() : w);
        wordStart = -1;
      }
      starts[count++] = i;
      if (code >= 0xd800 && code <= 0xdbff) i++; // skip the low surrogate of a supplementary ideograph
      continue;
    }
    if (count > 0) {
      pushHanRun(norm, starts, count, i, out);
      count = 0;
    }
    if (kind === WORD) {
      if (wordStart < 0) {
        wordStart = i;
        wordUpper = false;
      }
      if (code >= 0x41 && code <= 0x5a) wordUpper = true;
      else if (code >= 0x80) wordUpper = true; // non-ASCII letters: let toLowerCase decide
    } else if (wordStart >= 0) {
      const w = norm.slice(wordStart, i);
      out.push(wordUpper ? w.toLowerCase() : w);
      wordStart = -1;
    }
  }
  if (count > 0) pushHanRun(norm, starts, count, n, out);
  if (wordStart >= 0) {
    const w = norm.slice(wordStart);
    out.push(wordUpper ? w.toLowerCase() : w);
  }
  return out;
}
