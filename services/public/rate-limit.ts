/**
 * Per-client rate limits for the routes open to the public. Registered with `global: false`, so
 * only a route that asks (`config: { rateLimit: { max, timeWindow } }`) is counted: internal
 * endpoints are never slowed by it. Must be registered before the routes it limits.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { tooManyRequests } from '../common/errors.ts';

export async function registerRateLimit(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    // One count per client address (the plugin's default key, which groups an IPv6 client's
    // /64); behind a proxy, Fastify's `trustProxy` decides what that address is.
    // The plugin sets Retry-After and the X-RateLimit-* headers, then throws what this builds;
    // the app's error handler writes the body, so a 429 keeps the one error shape.
    errorResponseBuilder: (_req, ctx) =>
      tooManyRequests(`too many requests from this client (at most ${ctx.max} in the window); retry in ${ctx.after}`, Math.ceil(ctx.ttl / 1000)),
  });
}
