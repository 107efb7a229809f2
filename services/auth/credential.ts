/**
 * Where a request carries its session token: the `Authorization: Bearer …` header (API clients)
 * or the `planhub_session` cookie (the web app). The access hook and the auth routes read it here.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { MAX_TOKEN_CHARS } from './session-token.ts';

export const SESSION_COOKIE = 'planhub_session';

export interface Credential {
  token: string;
  via: 'cookie' | 'bearer';
}

/** The request's token; the header wins when both are sent, as the caller chose it explicitly. */
export function credentialOf(req: { headers: IncomingHttpHeaders; cookies?: Record<string, string | undefined> }): Credential | null {
  const header = req.headers.authorization;
  if (typeof header === 'string') {
    const m = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header);
    if (m && m[1]!.length <= MAX_TOKEN_CHARS) return { token: m[1]!, via: 'bearer' };
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (cookie && cookie.length <= MAX_TOKEN_CHARS) return { token: cookie, via: 'cookie' };
  return null;
}
