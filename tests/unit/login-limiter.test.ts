/** Failed sign-ins per username and per client address, on a clock the test moves. */
import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from '../../services/auth/login-limiter.ts';

const limits = { perUser: 5, perIp: 20, windowMs: 15 * 60_000 };

function limiterAt(start = 1_000_000) {
  let t = start;
  const limiter = createLoginLimiter(limits, () => t);
  return { limiter, advance: (ms: number) => (t += ms) };
}

describe('login limiter', () => {
  it('refuses a username after 5 failures in 15 minutes, until the oldest leaves the window', () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 4; i++) {
      limiter.failed('wang', '10.0.0.1');
      advance(60_000);
    }
    expect(limiter.blockedFor('wang', '10.0.0.1')).toBeNull();
    limiter.failed('wang', '10.0.0.1'); // 5th, 4 minutes after the first
    // The first failure leaves the window 15 minutes after it was made: 11 minutes from now.
    expect(limiter.blockedFor('wang', '10.0.0.9')).toBe(11 * 60);
    expect(limiter.blockedFor('li', '10.0.0.9')).toBeNull();
    advance(11 * 60_000 - 1000);
    expect(limiter.blockedFor('wang', null)).toBe(1);
    advance(1000);
    expect(limiter.blockedFor('wang', null)).toBeNull();
    // One more failure makes five in the window again (the 2nd…5th are still in it).
    limiter.failed('wang', null);
    expect(limiter.blockedFor('wang', null)).toBe(60);
  });

  it('refuses a client address after 20 failures across usernames', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 19; i++) limiter.failed(`user${i}`, '10.0.0.2');
    expect(limiter.blockedFor('someone', '10.0.0.2')).toBeNull();
    limiter.failed('user19', '10.0.0.2');
    expect(limiter.blockedFor('someone', '10.0.0.2')).toBe(15 * 60);
    expect(limiter.blockedFor('someone', '10.0.0.3')).toBeNull();
  });

  it('a success clears the username but not the address', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 5; i++) limiter.failed('zhang', '10.0.0.4');
    for (let i = 0; i < 15; i++) limiter.failed(`x${i}`, '10.0.0.4');
    expect(limiter.blockedFor('zhang', null)).not.toBeNull();
    limiter.succeeded('zhang');
    expect(limiter.blockedFor('zhang', null)).toBeNull();
    expect(limiter.blockedFor('zhang', '10.0.0.4')).toBe(15 * 60);
  });

  it('answers the longer wait when both the username and the address are over', () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 20; i++) limiter.failed(`y${i}`, '10.0.0.5');
    advance(5 * 60_000);
    for (let i = 0; i < 5; i++) limiter.failed('chen', '10.0.0.6');
    expect(limiter.blockedFor('chen', '10.0.0.6')).toBe(15 * 60);
    expect(limiter.blockedFor('chen', '10.0.0.5')).toBe(15 * 60);
    advance(60_000);
    expect(limiter.blockedFor('other', '10.0.0.5')).toBe(9 * 60);
  });

  it('forgets stale keys once many usernames were tried', () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 10_000; i++) limiter.failed(`spray${i}`, null);
    expect(limiter.size()).toBe(10_000);
    advance(16 * 60_000);
    limiter.failed('fresh', null);
    expect(limiter.size()).toBe(1);
    for (let i = 0; i < 4; i++) limiter.failed('fresh', null);
    expect(limiter.blockedFor('fresh', null)).toBe(15 * 60);
    expect(limiter.blockedFor('spray1', null)).toBeNull();
  });
});
