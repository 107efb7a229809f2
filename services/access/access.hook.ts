/**
 * Every request is checked against the policy before its route runs: who is asking (a session
 * token in the Bearer header or the session cookie), and whether their role holds the route's
 * permission. A route that declares no permission stops the server at startup, so a new route
 * cannot be left open by forgetting. Runs in `onRequest`, before validation: an anonymous
 * caller learns that they must sign in, not what was wrong with their parameters.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../common/errors.ts';
import { credentialOf } from '../auth/credential.ts';
import { decide, isPermission, type Permission } from './policy.ts';
import { ANONYMOUS, type Principal } from './principal.ts';
import type { RouteAccess } from './fastify-types.ts';

export interface AccessDeps {
  /** The principal a session token stands for; null when it is forged, expired, revoked, or its user disabled. */
  authenticate(token: string): Promise<Principal | null>;
}

/** Routes that plugins register without our options, with the permission they need. */
const PLUGIN_ROUTES: [RegExp, Permission][] = [[/^\/docs(\/|$)/, 'docs:read']];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the write came from a page of this same origin (Origin, or Referer when a browser sent no Origin). */
function sameOrigin(req: FastifyRequest): boolean {
  const from = req.headers.origin ?? req.headers.referer;
  const host = req.headers.host;
  if (!from || from === 'null' || !host || !URL.canParse(from)) return false;
  const origin = new URL(from);
  // Through URL both sides drop a default port (Host: example.org:80 is example.org).
  const own = `${origin.protocol}//${host}`;
  return URL.canParse(own) && new URL(own).host === origin.host;
}

export function registerAccess(app: FastifyInstance, deps: AccessDeps): void {
  app.decorateRequest('principal', null as unknown as Principal);
  app.decorateRequest('grant', null as unknown as 'all');
  const routes: RouteAccess[] = [];
  app.decorate('accessRoutes', routes);

  app.addHook('onRoute', (route) => {
    const declared = route.config?.access ?? PLUGIN_ROUTES.find(([re]) => re.test(route.url))?.[1];
    if (!isPermission(declared)) {
      const methods = [route.method].flat().join(',');
      throw new Error(`route ${methods} ${route.url} declares no access permission: add config: { access: '<permission>' } (services/access/policy.ts)`);
    }
    route.config = { ...route.config, access: declared };
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, access: declared });
  });

  app.addHook('onRequest', async (req) => {
    req.principal = ANONYMOUS;
    const permission = req.routeOptions.config?.access;
    // A request that matched no route goes on to the 404 handler, which says nothing about data.
    if (!permission) return;
    // A cross-site page must not drive a write with the user's cookie, nor sign them in as someone else.
    const credential = credentialOf(req);
    if (!SAFE_METHODS.has(req.method)) {
      const crossSite = req.headers.origin !== undefined && !sameOrigin(req);
      if (crossSite || (credential?.via === 'cookie' && !sameOrigin(req))) {
        throw forbidden('cross-site request refused: a write signed in by cookie must come from a page of this site (Origin header)');
      }
    }
    let principal: Principal | null = ANONYMOUS;
    if (credential) principal = await deps.authenticate(credential.token);
    const decision = decide(principal ?? ANONYMOUS, permission);
    if (!decision.allowed) {
      if (!principal) throw unauthorized('the session has expired, was ended or is not valid: sign in again');
      throw decision.status === 401 ? unauthorized(decision.reason) : forbidden(decision.reason);
    }
    // A stale token on an open route is the public's request, not an error.
    req.principal = principal ?? ANONYMOUS;
    req.grant = decision.grant;
  });
}
