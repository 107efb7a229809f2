/**
 * The one way the web app reads the API: same-origin GETs of JSON. A failure becomes an
 * ApiError carrying the API's status and message, which `describeError` words in Chinese.
 */

export class ApiError extends Error {
  /** The HTTP status; 0 when no answer came (network down, server stopped). */
  readonly status: number;
  readonly reqId: string | null;
  constructor(status: number, message: string, reqId: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.reqId = reqId;
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

export async function apiGet<T>(path: string, params?: Record<string, QueryValue>, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, params), { headers: { accept: 'application/json' }, signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, (err as Error).message);
  }
  if (res.ok) return (await res.json()) as T;
  let message = res.statusText;
  let reqId: string | null = null;
  try {
    const body = (await res.json()) as { message?: string; reqId?: string };
    message = body.message ?? message;
    reqId = body.reqId ?? null;
  } catch {
    // Not the API's JSON (a proxy's error page): the status says enough.
  }
  throw new ApiError(res.status, message, reqId);
}
