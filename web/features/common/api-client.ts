/**
 * The one way the web app talks to the API: same-origin requests of JSON. A failure becomes an
 * ApiError carrying the API's status and message, which `describeError` words in Chinese.
 */

export class ApiError extends Error {
  /** The HTTP status; 0 when no answer came (network down, server stopped). */
  readonly status: number;
  readonly reqId: string | null;
  /** Seconds to wait before asking again (a 429's `Retry-After`), when the answer said. */
  readonly retryAfter: number | null;
  constructor(status: number, message: string, reqId: string | null = null, retryAfter: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.reqId = reqId;
    this.retryAfter = retryAfter;
  }
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

/** `path?k=v&…` with empty values left out and arrays repeated (`no=A&no=B`). */
export function withQuery(path: string, params: Record<string, QueryValue> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v as readonly string[]) qs.append(k, item);
    else qs.append(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** `Retry-After` in seconds: a number of seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The API's answer, or an ApiError with its status, message, request id and `Retry-After`. */
export async function readAnswer<T>(res: Response): Promise<T> {
  if (res.ok) {
    // 204 (a logout, say) has no body.
    const text = res.status === 204 ? '' : await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  let message = res.statusText;
  let reqId: string | null = null;
  try {
    const body = (await res.json()) as { message?: string; reqId?: string };
    message = body.message ?? message;
    reqId = body.reqId ?? null;
  } catch {
    // Not the API's JSON (a proxy's error page): the status says enough.
  }
  throw new ApiError(res.status, message, reqId, retryAfterSeconds(res.headers.get('retry-after')));
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, (err as Error).message);
  }
}

export async function apiGet<T>(path: string, params?: Record<string, QueryValue>, signal?: AbortSignal): Promise<T> {
  return readAnswer<T>(await send(withQuery(path, params), { headers: { accept: 'application/json' }, signal }));
}

/** A write: POST with a JSON body, or DELETE with its parameters in the query. */
export async function apiPost<T>(path: string, body: unknown): Promise<T> {
  return readAnswer<T>(await send(path, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

export async function apiDelete<T>(path: string, params?: Record<string, QueryValue>): Promise<T> {
  return readAnswer<T>(await send(withQuery(path, params), { method: 'DELETE', headers: { accept: 'application/json' } }));
}
