/**
 * Splits a byte stream into JSON lines and parses each one, reporting per line what was wrong
 * instead of failing the whole stream. Errors never quote the line: it may hold a
 * petitioner's personal data.
 */

/** A line longer than this is skipped without being parsed. */
export const MAX_LINE_BYTES = 32 * 1024 * 1024;

export type ParsedLine =
  | { lineNo: number; bytes: number; value: Record<string, unknown> }
  | { lineNo: number; bytes: number; error: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseLine(lineNo: number, raw: Buffer): ParsedLine | null {
  const bytes = raw.length + 1;
  let end = raw.length;
  if (end > 0 && raw[end - 1] === 0x0d) end -= 1; // CRLF files
  if (end === 0) return null;
  let text: string;
  try {
    text = decoder.decode(raw.subarray(0, end));
  } catch {
    const at = firstInvalidUtf8(raw.subarray(0, end));
    return { lineNo, bytes, error: `not valid UTF-8 (first bad byte at offset ${at})` };
  }
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const pos = /position (\d+)/.exec((err as Error).message)?.[1];
    const where = pos ? ` (at character ${pos})` : /end of JSON/i.test((err as Error).message) ? ' (it ends early: truncated?)' : '';
    return { lineNo, bytes, error: `not valid JSON${where}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { lineNo, bytes, error: `expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` };
  }
  return { lineNo, bytes, value: value as Record<string, unknown> };
}

function firstInvalidUtf8(buf: Buffer): number {
  // Binary search on the longest valid prefix; decoding is strict, so this finds the first bad byte.
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/** Yields each non-empty line of the stream, parsed or with the reason it could not be. */
export async function* readJsonLines(source: AsyncIterable<Uint8Array>): AsyncGenerator<ParsedLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let oversized = false;
  let lineNo = 0;
  for await (const chunk of source) {
    let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let nl: number;
    while ((nl = buf.indexOf(0x0a)) !== -1) {
      lineNo += 1;
      const piece = buf.subarray(0, nl);
      buf = buf.subarray(nl + 1);
      if (oversized || pendingBytes + piece.length > MAX_LINE_BYTES) {
        yield { lineNo, bytes: pendingBytes + piece.length + 1, error: tooLong(pendingBytes + piece.length) };
      } else {
        const line = pending.length ? Buffer.concat([...pending, piece]) : piece;
        const parsed = parseLine(lineNo, line);
        if (parsed) yield parsed;
      }
      pending = [];
      pendingBytes = 0;
      oversized = false;
    }
    if (buf.length > 0) {
      pendingBytes += buf.length;
      if (pendingBytes > MAX_LINE_BYTES) {
        oversized = true;
        pending = [];
      } else {
        pending.push(Buffer.from(buf)); // copy: the stream may reuse its chunk
      }
    }
  }
  if (pendingBytes > 0 || oversized) {
    lineNo += 1;
    if (oversized) yield { lineNo, bytes: pendingBytes, error: tooLong(pendingBytes) };
    else {
      const parsed = parseLine(lineNo, Buffer.concat(pending));
      if (parsed) yield parsed;
    }
  }
}

function tooLong(bytes: number): string {
  return `line is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${MAX_LINE_BYTES / 1024 / 1024} MB limit`;
}
