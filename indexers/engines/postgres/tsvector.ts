/**
 * tsvector and tsquery values written as PostgreSQL literals. The tokens come from our own
 * segmenter, so PostgreSQL's parser must not cut them again: literals keep each token whole,
 * with the positions and weights we choose.
 */

export type Weight = 'A' | 'B' | 'C' | 'D';

/** PostgreSQL's limits: positions above 16383 are clamped, lexemes are at most 2047 bytes. */
export const MAX_POSITION = 16383;
const MAX_LEXEME_BYTES = 2047;

const quote = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const usable = (t: string) => t.length > 0 && Buffer.byteLength(t) <= MAX_LEXEME_BYTES;

/** Builds a tsvector from runs of tokens, each run with its weight and first position. */
export class TsvectorBuilder {
  private readonly positions = new Map<string, string[]>();
  private next = 1;

  /** Adds tokens at consecutive positions; `gap` positions separate this run from the last. */
  add(tokens: readonly string[], weight: Weight, gap = 0): this {
    this.next += gap;
    for (const t of tokens) {
      if (this.next > MAX_POSITION) break;
      if (usable(t)) {
        const list = this.positions.get(t);
        const entry = `${this.next}${weight === 'D' ? '' : weight}`;
        if (list) {
          if (list.length < 256) list.push(entry); // PostgreSQL keeps at most 256 positions per lexeme
        } else this.positions.set(t, [entry]);
      }
      this.next += 1;
    }
    return this;
  }

  toString(): string {
    const parts: string[] = [];
    for (const [t, pos] of this.positions) parts.push(`${quote(t)}:${pos.join(',')}`);
    return parts.join(' ');
  }
}

/** All of the tokens (AND); empty string when there are none. */
export function andQuery(tokens: readonly string[], weight?: Weight): string {
  const w = weight ? `:${weight}` : '';
  return [...new Set(tokens.filter(usable))].map((t) => `${quote(t)}${w}`).join(' & ');
}

/** The tokens in this order, next to each other (a phrase). */
export function phraseQuery(tokens: readonly string[], weight?: Weight): string {
  const w = weight ? `:${weight}` : '';
  const ok = tokens.filter(usable);
  if (ok.length === 1) return `${quote(ok[0]!)}${w}`;
  return ok.map((t) => `${quote(t)}${w}`).join(' <-> ');
}

/** Several phrases, all required. */
export function phrasesQuery(phrases: readonly (readonly string[])[], weight?: Weight): string {
  return phrases.filter((p) => p.length > 0).map((p) => `(${phraseQuery(p, weight)})`).join(' & ');
}

/** One word group: any of its alternatives, each all of its words (`(a) | (b & c)`); empty string when none is usable. */
export function groupQuery(alternatives: readonly (readonly string[])[]): string {
  const alts = [...new Set(alternatives.map((alt) => andQuery(alt)).filter(Boolean))];
  return alts.length === 1 ? alts[0]! : alts.map((a) => `(${a})`).join(' | ');
}

/** Every word group (see AnalyzedQuery.wordGroups): `(a) & (b | (c & d))`; empty string when none is usable. */
export function groupsQuery(groups: readonly (readonly (readonly string[])[])[]): string {
  return groups.map(groupQuery).filter(Boolean).map((g) => `(${g})`).join(' & ');
}
