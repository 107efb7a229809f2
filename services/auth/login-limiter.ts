/**
 * Failed sign-ins, counted per username and per client address over a sliding window: past the
 * limit, further attempts are refused before any password is checked, so guessing costs time.
 * In memory, since the API is one process; a restart forgets the counts. A success clears the
 * username's count but not the address's, or one known account would unlock guessing at others.
 */

export interface LoginLimits {
  /** Failures per username within the window before that username is refused. */
  perUser: number;
  /** Failures per client address within the window before that address is refused. */
  perIp: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUser: 5, perIp: 20, windowMs: 15 * 60_000 };

/** Past this many keys, stale ones are swept, so sprayed usernames cannot grow the map without end. */
const SWEEP_AT = 10_000;

export interface LoginLimiter {
  /** Seconds to wait when the username or address is over its limit now, else null. */
  blockedFor(username: string, ip: string | null): number | null;
  failed(username: string, ip: string | null): void;
  succeeded(username: string): void;
  /** How many usernames and addresses it keeps failures for (memory, for tests). */
  size(): number;
}

export function createLoginLimiter(limits: LoginLimits = DEFAULT_LOGIN_LIMITS, now: () => number = Date.now): LoginLimiter {
  // Each key keeps the times of its latest failures, at most as many as its limit.
  const failures = new Map<string, number[]>();
  const userKey = (u: string) => `u:${u}`;
  const ipKey = (ip: string) => `ip:${ip}`;

  const recent = (key: string, t: number): number[] => {
    const times = (failures.get(key) ?? []).filter((x) => x > t - limits.windowMs);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  };

  /** Seconds until the oldest counted failure leaves the window, when the key is at its limit. */
  const wait = (key: string, limit: number, t: number): number | null => {
    const times = recent(key, t);
    if (times.length < limit) return null;
    return Math.max(1, Math.ceil((times[0]! + limits.windowMs - t) / 1000));
  };

  const record = (key: string, limit: number, t: number) => {
    const times = recent(key, t);
    times.push(t);
    failures.set(key, times.slice(-limit));
  };

  const sweep = (t: number) => {
    if (failures.size < SWEEP_AT) return;
    for (const key of [...failures.keys()]) recent(key, t);
  };

  return {
    blockedFor(username, ip) {
      const t = now();
      const waits = [wait(userKey(username), limits.perUser, t), ip ? wait(ipKey(ip), limits.perIp, t) : null];
      const blocked = waits.filter((w): w is number => w !== null);
      return blocked.length ? Math.max(...blocked) : null;
    },
    failed(username, ip) {
      const t = now();
      sweep(t);
      record(userKey(username), limits.perUser, t);
      if (ip) record(ipKey(ip), limits.perIp, t);
    },
    succeeded(username) {
      failures.delete(userKey(username));
    },
    size: () => failures.size,
  };
}
