/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`: open to everyone (`session:use`). */
import type {} from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '../access/fastify-types.ts';
import { TooManyRequestsError, unauthorized } from '../common/errors.ts';
import type { AuthService } from './auth.service.ts';
import { SESSION_COOKIE, credentialOf } from './credential.ts';
import { MAX_PASSWORD_CHARS } from './password.ts';

const BODY_LIMIT = 4096;
const userSchema = {
  type: 'object',
  properties: { username: { type: 'string' }, displayName: { type: 'string' }, role: { type: 'string' }, office: { type: ['string', 'null'] } },
};
const principalSchema = {
  type: 'object',
  properties: { userId: { type: 'integer' }, ...userSchema.properties },
};

const cookieOptions = (req: FastifyRequest) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  path: '/',
  // Only where the browser reached us over https (directly or, with trustProxy, through a proxy).
  secure: req.protocol === 'https',
});

export function authRoutes(deps: { auth: Pick<AuthService, 'login' | 'logout' | 'sessionHours'> }): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: { username: string; password: string } }>('/api/auth/login', {
      config: { access: 'session:use' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['auth'],
        summary: '登录：返回会话令牌（API 客户端用 Authorization: Bearer），并设置 HttpOnly 会话 Cookie（网页用）；连续失败过多时返回 429',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['username', 'password'],
          properties: { username: { type: 'string', minLength: 1, maxLength: 80 }, password: { type: 'string', minLength: 1, maxLength: MAX_PASSWORD_CHARS * 4 } },
        },
        response: {
          200: { type: 'object', properties: { token: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' }, user: userSchema } },
        },
      },
    }, async (req, reply) => {
      let result;
      try {
        result = await deps.auth.login(req.body, { ip: req.ip });
      } catch (err) {
        if (err instanceof TooManyRequestsError) void reply.header('Retry-After', String(err.retryAfterSeconds));
        throw err;
      }
      void reply
        .header('Cache-Control', 'no-store')
        .setCookie(SESSION_COOKIE, result.token, { ...cookieOptions(req), maxAge: Math.round(deps.auth.sessionHours * 3600) });
      return result;
    });

    app.post('/api/auth/logout', {
      config: { access: 'session:use' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['auth'],
        summary: '退出登录：吊销本次会话（此后该令牌不再有效）并清除会话 Cookie',
        response: { 204: { type: 'null', description: '已退出（未登录时同样返回 204）' } },
      },
    }, async (req, reply: FastifyReply) => {
      const credential = credentialOf(req);
      if (credential) await deps.auth.logout(credential.token);
      void reply.clearCookie(SESSION_COOKIE, cookieOptions(req)).code(204);
      return null;
    });

    app.get('/api/auth/me', {
      // Held by every signed-in role: the access hook answers the public (and stale tokens) with 401.
      config: { access: 'session:read' },
      schema: {
        tags: ['auth'],
        summary: '当前登录用户：用户名、姓名、角色与处室；未登录返回 401',
        response: { 200: principalSchema },
      },
    }, async (req, reply) => {
      // The access hook has authenticated the request; a stale or missing token left the public's principal.
      const principal = req.principal;
      if (!principal || principal.userId === null) throw unauthorized('not signed in (or the session has ended); POST /api/auth/login first');
      void reply.header('Cache-Control', 'no-store');
      return principal;
    });
  };
}
