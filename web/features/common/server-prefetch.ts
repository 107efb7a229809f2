/**
 * Server-side first data: a page's server component asks the API for what the page will show
 * and hands it to TanStack Query (HydrationBoundary), so the HTML already holds the results and
 * the browser does not wait for its JavaScript before asking. Still HTTP, over loopback: the web
 * app imports nothing of the services. A failed prefetch is left to the page to fetch and report.
 */
import { QueryClient, dehydrate, type DehydratedState } from '@tanstack/react-query';
import { headers } from 'next/headers';
import { authKeys } from '../auth/auth.queries';
import type { SessionUser } from '../auth/auth.types';
import { ApiError, withQuery, type QueryValue } from './api-client';

/** Where this server reaches the API: the hub's own address when it serves the web app itself, else the request's host. */
async function apiOrigin(): Promise<string | null> {
  const own = process.env.HUB_API_ORIGIN;
  if (own) return own;
  const host = (await headers()).get('host');
  return host ? `http://${host}` : null;
}

/**
 * A GET of the API from the server, as the person whose page it is: their cookie (the session)
 * goes along, so the API answers what it would answer them (their role's data, or 401). The same
 * answers and errors as apiGet in the browser.
 */
export async function serverGet<T>(path: string, params?: Record<string, QueryValue>): Promise<T> {
  const origin = await apiOrigin();
  if (!origin) throw new ApiError(0, 'no API origin');
  const cookie = (await headers()).get('cookie');
  const res = await fetch(`${origin}${withQuery(path, params)}`, {
    headers: cookie ? { accept: 'application/json', cookie } : { accept: 'application/json' },
    cache: 'no-store',
    signal: AbortSignal.timeout(5_000),
  });
  if (!res.ok) throw new ApiError(res.status, res.statusText);
  return (await res.json()) as T;
}

/**
 * The queries `fill` fetches, dehydrated for the page, with who is signed in (the page may depend
 * on the role, and the header then needs no request of its own); whatever fails is left out.
 */
export async function prefetched(fill: (client: QueryClient) => Promise<void>): Promise<DehydratedState> {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
  const session = client.prefetchQuery({ queryKey: authKeys.me(), queryFn: () => serverGet<SessionUser>('/api/auth/me') });
  try {
    await fill(client);
  } catch {
    // The page fetches it in the browser and shows the error in its own words.
  }
  await session;
  return dehydrate(client);
}
