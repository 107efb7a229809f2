/**
 * What the access hook adds to Fastify's types: each request's principal and grant, and the
 * permission each route declares in its options (`config: { access: 'search:read' }`).
 */
import type { Grant, Permission } from './policy.ts';
import type { Principal } from './principal.ts';

/** A route as the access hook saw it registered: what tests walk to check every route × every role. */
export interface RouteAccess {
  method: string;
  url: string;
  access: Permission;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after the access hook, with the permission it needs. */
    accessRoutes: readonly RouteAccess[];
  }
  interface FastifyRequest {
    /** Who is asking; ANONYMOUS when nobody signed in. */
    principal: Principal;
    /** What the principal holds of the route's permission (`own-office` leaves the office check to the service). */
    grant: Grant;
  }
  interface FastifyContextConfig {
    /** The permission the route needs; a route without one stops the server at startup. */
    access?: Permission;
  }
}
