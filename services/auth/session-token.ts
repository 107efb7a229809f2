/**
 * Session tokens: JWTs signed with HS256 under a key the hub keeps in its database (so every
 * process, API and workers, accepts the same tokens, and they survive a restart). A token only
 * names its session (`jti`) and user (`sub`); whether it still counts is the sessions table's say.
 */
import { SignJWT, jwtVerify } from 'jose';

const ISSUER = 'planhub';
const ALGORITHM = 'HS256';
/** Tokens longer than this are not ours; refused before any parsing. */
export const MAX_TOKEN_CHARS = 2048;

export interface TokenClaims {
  sessionId: string;
  userId: number;
  role: string;
  issuedAt: Date;
  expiresAt: Date;
}

export function createTokenSigner(deps: { key: () => Promise<Uint8Array>; now: () => Date }) {
  async function sign(c: TokenClaims): Promise<string> {
    return new SignJWT({ role: c.role })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(String(c.userId))
      .setJti(c.sessionId)
      .setIssuedAt(Math.floor(c.issuedAt.getTime() / 1000))
      .setExpirationTime(Math.floor(c.expiresAt.getTime() / 1000))
      .sign(await deps.key());
  }

  /** The session and user a token names when its signature, issuer and expiry hold; null for anything else. */
  async function read(token: unknown): Promise<{ sessionId: string; userId: number } | null> {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_CHARS) return null;
    let payload;
    try {
      ({ payload } = await jwtVerify(token, await deps.key(), { algorithms: [ALGORITHM], issuer: ISSUER, currentDate: deps.now() }));
    } catch {
      return null;
    }
    const userId = Number(payload.sub);
    if (typeof payload.jti !== 'string' || !payload.jti || !Number.isSafeInteger(userId) || payload.exp === undefined) return null;
    return { sessionId: payload.jti, userId };
  }

  return { sign, read };
}
