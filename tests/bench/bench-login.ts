/**
 * Benchmarks against a running hub sign in first, as a person would: a demo user by default
 * (`npm start` creates them on the embedded store). API requests carry the Bearer token; browser
 * contexts get the session cookie the web app would have been given.
 */
import type { BrowserContext } from 'playwright-core';

export interface BenchSession {
  headers: { authorization: string };
  /** Puts the session cookie into a fresh browser context. */
  enter(context: BrowserContext): Promise<void>;
}

export async function benchSignIn(base: string, username = 'officer', password = 'planhub-demo'): Promise<BenchSession> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`sign-in as ${username} at ${base} answered ${res.status}: ${await res.text()} (pass --user and --password)`);
  const { token } = (await res.json()) as { token: string };
  return {
    headers: { authorization: `Bearer ${token}` },
    enter: (context) => context.addCookies([{ name: 'planhub_session', value: token, url: base, httpOnly: true, sameSite: 'Strict' }]),
  };
}
