/** The sweep's timer: rounds come on time, a slow round is never stacked under the next, stop waits for the running one. */
import { describe, expect, it } from 'vitest';
import { startSupervisionSweep } from '../../services/alerts/supervision-sweep.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the supervision sweep timer', () => {
  it('sweeps first after its delay, then on every interval', async () => {
    let rounds = 0;
    const sweep = startSupervisionSweep({ sweep: async () => ({ evaluated: 0, raised: rounds++ }) }, { firstAfterMs: 10, intervalMs: 25 });
    await wait(5);
    expect(rounds).toBe(0);
    await wait(100);
    await sweep.stop();
    expect(rounds).toBeGreaterThanOrEqual(3);
    const after = rounds;
    await wait(60);
    expect(rounds).toBe(after);
  });

  it('skips a tick while a round is still running, and stop waits for that round', async () => {
    let started = 0;
    let finished = 0;
    const slow = async () => {
      started++;
      await wait(80);
      finished++;
      return { evaluated: 0, raised: 0 };
    };
    const errors: Error[] = [];
    const sweep = startSupervisionSweep({ sweep: slow }, { firstAfterMs: 1, intervalMs: 10, onError: (e) => errors.push(e) });
    await wait(50);
    expect(started).toBe(1);
    await sweep.stop();
    expect(finished).toBe(1);
    expect(errors).toEqual([]);
  });

  it('reports a failed round and goes on', async () => {
    const errors: string[] = [];
    let rounds = 0;
    const sweep = startSupervisionSweep({
      sweep: async () => {
        rounds++;
        throw new Error('store unavailable');
      },
    }, { firstAfterMs: 1, intervalMs: 15, onError: (e) => errors.push(e.message) });
    await wait(50);
    await sweep.stop();
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect(errors[0]).toBe('store unavailable');
  });
});
