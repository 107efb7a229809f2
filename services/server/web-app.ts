/**
 * The web app (web/, Next.js) served by the API's own Fastify on the same origin: every GET that
 * is not under /api or /docs goes to Next's request handler. Only `planhub serve` and `start`
 * mount it; the API alone (tests through app.inject, `--no-web`) never loads Next.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { WEB_DIR, ensureWebBuild } from './web-build.ts';

export interface WebApp {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  close(): Promise<void>;
}

/**
 * The part of Next's programmatic API used here. Next's own types are kept out of the API's
 * type-check: they declare globals (a required NODE_ENV, DOM types) for the browser side.
 */
type CreateNextServer = (opts: { dev: boolean; dir: string; quiet?: boolean }) => {
  prepare(): Promise<void>;
  getRequestHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  close(): Promise<void>;
};
const NEXT = 'next';

/**
 * Paths the API owns (the internal API, the public inquiry API and the docs): the web app never
 * answers them, so an unknown API path stays a JSON 404. The public page itself (/public) is the web app's.
 */
export function isApiPath(url: string): boolean {
  const p = url.split('?')[0]!;
  return /^\/(api|docs|public\/api)(\/|$)/.test(p);
}

/** The address this process's own API answers on, for the web app's server side (0.0.0.0 is reached at 127.0.0.1). */
export function ownOrigin(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/**
 * Next's production server over web/'s build (made first when missing or stale). `apiOrigin`:
 * where the pages' server side fetches their first data (this process's own API, over loopback).
 */
export async function openWebApp(opts: { apiOrigin: string; dir?: string; say?: (line: string) => void }): Promise<WebApp> {
  const dir = opts.dir ?? WEB_DIR;
  await ensureWebBuild(dir, opts.say);
  // React and Next pick their production builds by NODE_ENV when first loaded; a custom server
  // must say so itself (`next start` would).
  process.env['NODE_ENV'] ??= 'production';
  process.env['NEXT_TELEMETRY_DISABLED'] ??= '1';
  // Read by web/features/common/server-prefetch.ts.
  process.env['HUB_API_ORIGIN'] = opts.apiOrigin;
  const { default: next } = (await import(NEXT)) as { default: CreateNextServer };
  const app = next({ dev: false, dir, quiet: true });
  await app.prepare();
  const handler = app.getRequestHandler();
  return {
    handle: (req, res) => handler(req, res),
    close: () => app.close(),
  };
}

/** True when this checkout has the web app (the API-only container image does not). */
export const webAppPresent = (dir = WEB_DIR) => fs.existsSync(path.join(dir, 'app', 'layout.tsx'));

/** Sends every GET and HEAD outside /api and /docs to the web app. Call before `listen`. */
export function mountWebApp(app: FastifyInstance, web: WebApp): void {
  app.addHook('onClose', async () => web.close());
  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    // Pages are open to all: their data comes from the API, which checks each request.
    config: { access: 'page:read' },
    schema: { hide: true },
    handler: async (req, reply) => {
      if (isApiPath(req.url)) return reply.callNotFound();
      // Next writes the response itself, on the raw objects.
      reply.hijack();
      await web.handle(req.raw, reply.raw);
    },
  });
}
