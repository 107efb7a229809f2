/** Why a login failed, in the words a person at the form needs. */
import { ApiError } from '../common/api-client';
import { describeError } from '../common/describe-error';
import { AUTH_TEXTS as T } from './texts';

export function loginFailure(err: unknown): string {
  if (err instanceof ApiError && err.status === 401) return T.wrongCredentials;
  if (err instanceof ApiError && err.status === 429) return T.tooMany(err.retryAfter);
  return describeError(err).title;
}
