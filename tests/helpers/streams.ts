/** Byte sources for the importer, built from records or raw text in memory. */

export async function* fromText(text: string | Buffer, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  for (let i = 0; i < buf.length; i += chunkSize) yield buf.subarray(i, i + chunkSize);
}

export function jsonl(records: unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}
