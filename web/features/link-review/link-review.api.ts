/**
 * The one write the web app makes so far: a JSON POST, failing with the same ApiError as
 * `apiGet` (common/api-client.ts), so `describeError` words it in Chinese. It belongs beside
 * `apiGet` once a second feature writes.
 */
import { ApiError } from '../common/api-client';

export async function apiPost<T>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (err) {
    throw new ApiError(0, (err as Error).message);
  }
  if (res.ok) return (await res.json()) as T;
  let message = res.statusText;
  let reqId: string | null = null;
  try {
    const answer = (await res.json()) as { message?: string; reqId?: string };
    message = answer.message ?? message;
    reqId = answer.reqId ?? null;
  } catch {
    // Not the API's JSON: the status says enough.
  }
  throw new ApiError(res.status, message, reqId);
}
