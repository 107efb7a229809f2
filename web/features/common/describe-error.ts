/** An error from the API, said in plain Chinese for the page; the API's own words kept as detail. */
import { rolesNeeded } from '../auth/roles';
import { ApiError } from './api-client';
import { COMMON_TEXTS } from './texts';

export interface ErrorWording {
  title: string;
  detail: string | null;
}

/**
 * `notFound`: what the page looked for (`编号为 X 的项目`), said when the API answers 404.
 */
export function describeError(err: unknown, notFound?: string): ErrorWording {
  const t = COMMON_TEXTS.errors;
  if (!(err instanceof ApiError)) return { title: t.unexpected, detail: err instanceof Error ? err.message : null };
  const ref = err.reqId ? `${t.requestId}${err.reqId}` : null;
  if (err.status === 0) return { title: t.offline, detail: null };
  if (err.status === 404) return { title: notFound ? t.notFoundWhat(notFound) : t.notFound, detail: null };
  if (err.status === 401) return { title: t.signIn, detail: null };
  if (err.status === 403) {
    const roles = rolesNeeded(err.message);
    return { title: roles.length > 0 ? t.forbiddenNeeds(roles) : t.forbidden, detail: null };
  }
  if (err.status === 400) return { title: t.badRequest, detail: err.message };
  if (err.status === 414 || err.status === 431) return { title: t.tooLong, detail: null };
  if (err.status === 429) return { title: t.tooMany, detail: null };
  if (err.status === 503) return { title: t.unavailable, detail: ref };
  if (err.status >= 500) return { title: t.serverError, detail: ref };
  return { title: t.unexpected, detail: `${err.status} ${err.message}` };
}
