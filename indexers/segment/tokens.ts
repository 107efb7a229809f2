/** Which jieba tokens become index or query words, and in what form. */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The token lowercased, or null when it has no letter or digit (punctuation such as ，。、《》〔〕
 * and whitespace).
 */
export function keepToken(token: string): string | null {
  let upper = false;
  let wordy = false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) wordy = true;
    else if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) upper = wordy = true;
      else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) wordy = true;
    } else {
      upper = true; // non-ASCII letters: let toLowerCase decide
      if (!wordy && LETTER_OR_DIGIT.test(token)) wordy = true;
    }
  }
  if (!wordy) return null;
  return upper ? token.toLowerCase() : token;
}

/** True when every character is a BMP Han ideograph. */
export function isAllHan(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff || (c > 0x4dbf && c < 0x4e00)) return false;
  }
  return true;
}
