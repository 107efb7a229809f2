/**
 * A JSON-lines file written through a WriteStream. Lines are gathered into chunks and the writer
 * waits for 'drain' whenever the stream's buffer is full, so a million records never sit in
 * memory at once.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

export interface JsonlWriter {
  readonly path: string;
  readonly count: number;
  /** Queues one record; the promise, when there is one, resolves once the stream can take more. */
  write(record: unknown): Promise<void> | undefined;
  close(): Promise<void>;
  /** Stops writing after a failure elsewhere; the file is left incomplete. */
  abort(): void;
}

const CHUNK_CHARS = 256 * 1024;

export function openJsonl(path: string): JsonlWriter {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  let failure: Error | null = null;
  stream.on('error', (err) => { failure = err; });
  let lines: string[] = [];
  let chars = 0;
  let count = 0;

  const flush = async () => {
    if (failure) throw failure;
    if (lines.length === 0) return;
    const chunk = lines.join('');
    lines = [];
    chars = 0;
    if (!stream.write(chunk)) await once(stream, 'drain');
  };

  return {
    path,
    get count() { return count; },
    write(record) {
      const line = `${JSON.stringify(record)}\n`;
      lines.push(line);
      chars += line.length;
      count++;
      return chars >= CHUNK_CHARS ? flush() : undefined;
    },
    async close() {
      await flush();
      stream.end();
      await finished(stream);
      if (failure) throw failure;
    },
    abort() {
      stream.destroy();
    },
  };
}
