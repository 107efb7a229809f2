/**
 * What a 401 does anywhere in the app: the page goes to the login page, which returns to it
 * afterwards. Not on the pages open without a login (the login page itself, 公众查询).
 */
import { ApiError } from '../common/api-client';
import { isOpenPath, loginHref } from './next-path';

let leaving = false;

/** Sends the browser to /login?next=<this page> when `err` is a 401 on a page that needs a login; true when it did. */
export function signInOnUnauthorized(err: unknown): boolean {
  if (!(err instanceof ApiError) || err.status !== 401 || typeof window === 'undefined') return false;
  const { pathname, search } = window.location;
  if (isOpenPath(pathname)) return false;
  // Several queries of one page fail together: one navigation is enough.
  if (!leaving) {
    leaving = true;
    window.location.assign(loginHref(`${pathname}${search}`));
  }
  return true;
}
