/**
 * What the access hook adds to Fastify's types: each request's principal and grant, and the
 * permission each route declares in its options (`config: { access: 'search:read' }`).
 */
import type { Grant, Permission } from './policy.ts';
import type { Principal } from './principal.ts';

declare module 'fastify' {
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
