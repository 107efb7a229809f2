/**
 * HTTP over a real socket, byte for byte: what Node's parser refuses (raw non-ASCII in the URL,
 * oversized headers) never reaches `app.inject`, which skips the parser.
 */
import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits what came back on a socket into its responses (several when requests were pipelined). */
export function parseResponses(bytes: Buffer): RawResponse[] {
  const out: RawResponse[] = [];
  let rest = bytes;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) throw new Error(`an incomplete response: ${JSON.stringify(rest.toString())}`);
    const [statusLine, ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    const length = Number(headers['content-length'] ?? rest.length - end - 4);
    out.push({ status: Number(statusLine!.split(' ')[1]), headers, body: rest.subarray(end + 4, end + 4 + length).toString('utf8') });
    rest = rest.subarray(end + 4 + length);
  }
  return out;
}

/** A socket to the server that collects every byte until the server closes it. */
export function openSocket(port: number): { socket: net.Socket; closed: Promise<RawResponse[]> } {
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  const closed = new Promise<RawResponse[]>((resolve, reject) => {
    // A reset after the answer was sent is how a server may drop a connection it cannot parse.
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
    socket.on('close', () => {
      try {
        resolve(parseResponses(Buffer.concat(chunks)));
      } catch (e) {
        reject(e);
      }
    });
  });
  return { socket, closed };
}

/** Sends the bytes as they are and returns the one response the server answered with. */
export async function rawRequest(port: number, bytes: Buffer | string): Promise<RawResponse> {
  const { socket, closed } = openSocket(port);
  socket.write(bytes);
  const responses = await closed;
  if (responses.length !== 1) throw new Error(`expected one response, got ${responses.length}`);
  return responses[0]!;
}

/** A GET with the target written as raw bytes (UTF-8), and extra header lines. */
export const rawGet = (target: string, headers: string[] = []) =>
  Buffer.concat([Buffer.from(`GET ${target} HTTP/1.1\r\n`, 'utf8'), Buffer.from([`Host: 127.0.0.1`, 'Connection: close', ...headers, '', ''].join('\r\n'), 'latin1')]);
