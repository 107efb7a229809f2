/**
 * The session through TanStack Query: who is signed in (`GET /api/auth/me`), and signing in and
 * out. The session itself is the HttpOnly `planhub_session` cookie the API sets; the pages never
 * see the token. `authKeys.all` covers everything about the session.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../common/api-client';
import type { Credentials, LoginAnswer, SessionUser } from './auth.types';
import { LOGIN_PATH } from './next-path';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

/** The signed-in user; a 401 (no session, or an expired one) sends the page to /login (app/providers.tsx). */
export function useSession() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => apiGet<SessionUser>('/api/auth/me', undefined, signal),
    // Who is signed in changes only by logging in or out, and both reload the page.
    staleTime: 5 * 60_000,
  });
}

/**
 * Signs in; on success the browser goes to `next` with a full load, so that every page and
 * cached answer starts over as the new user (nothing fetched before the login survives it).
 */
export function useLogin(next: string) {
  return useMutation({
    mutationFn: (input: Credentials) => apiPost<LoginAnswer>('/api/auth/login', input),
    onSuccess: () => window.location.assign(next),
  });
}

/** Ends the session on the server (the token is refused from then on) and shows the login page. */
export function useLogout() {
  return useMutation({
    mutationFn: () => apiPost<unknown>('/api/auth/logout', {}),
    // Even when the server could not be told (already expired), the page leaves the session.
    onSettled: () => window.location.assign(LOGIN_PATH),
  });
}
