/**
 * A POST whose refusal carries more than a message: a blocked move (409) lists the rules'
 * outcomes, a refused publish (422) the failing cases. The common client keeps the message only,
 * so these keep the body too.
 */
import { ApiError, readAnswer } from '../common/api-client';

export class RefusalError extends ApiError {
  readonly body: Record<string, unknown>;
  constructor(err: ApiError, body: Record<string, unknown>) {
    super(err.status, err.message, err.reqId, err.retryAfter);
    this.name = 'RefusalError';
    this.body = body;
  }
}

export async function postKeepingBody<T>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (err) {
    throw new ApiError(0, (err as Error).message);
  }
  if (res.ok || (res.status !== 409 && res.status !== 422)) return readAnswer<T>(res);
  const parsed = (await res.clone().json().catch(() => ({}))) as unknown;
  try {
    return await readAnswer<T>(res);
  } catch (err) {
    if (err instanceof ApiError) throw new RefusalError(err, typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {});
    throw err;
  }
}
