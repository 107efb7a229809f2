/**
 * Where the login page sends the user afterwards (`/login?next=/projects/XX`), and which pages
 * are open without a login. Only a path of this site is accepted as `next`: anything else
 * (`https://…`, `//evil.example`, `/\evil.example`, `javascript:…`) would make the login page an
 * open redirect, so it falls back to the front page.
 */

export const LOGIN_PATH = '/login';

/** The pages anyone may open: the login page itself and 公众查询. A 401 never sends these to /login. */
export function isOpenPath(pathname: string): boolean {
  return [LOGIN_PATH, '/public'].some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** `next` when it is a path of this site (one leading `/`, no scheme, no host, no control characters), else `/`. */
export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > 2000) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Browsers drop tabs and newlines from URLs (`/\t/evil.example` becomes `//evil.example`) and
  // read a backslash as a slash.
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  // Resolved against a stand-in origin, it must stay there (catches what the checks above missed).
  const url = new URL(next, 'http://planhub.invalid');
  if (url.origin !== 'http://planhub.invalid') return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Back to the login page would only show the form again.
  return isOpenPath(url.pathname) && url.pathname.startsWith(LOGIN_PATH) ? '/' : path;
}

/** The login page, asked to return to `from` (a path with its query) afterwards. */
export function loginHref(from?: string | null): string {
  const next = safeNext(from);
  return next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}
