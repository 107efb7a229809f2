/**
 * Next.js for PlanHub's web app. It is served by the API's own process (services/server/web-app.ts)
 * on the same origin, so pages call `/api/...` without any proxy or CORS.
 */
import path from 'node:path';
import type { NextConfig } from 'next';

// The packages live in the repository's root node_modules, one level up.
const root = path.join(import.meta.dirname, '..');

const config: NextConfig = {
  turbopack: { root },
  outputFileTracingRoot: root,
  // `npm run typecheck` runs `tsc -p web`; checking again in every build would double its time.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // `next dev web` runs on a port of its own; the API then runs beside it
  // (`PORT=3001 npx planhub serve --no-web`) and HUB_API_ORIGIN says where.
  async rewrites() {
    const api = process.env.HUB_API_ORIGIN;
    return process.env.NODE_ENV === 'development' && api ? [{ source: '/api/:path*', destination: `${api}/api/:path*` }] : [];
  },
};

export default config;
