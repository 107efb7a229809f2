/**
 * A bounded search load: a few concurrent loops, each sending the next query as soon as the last
 * one was answered, until stopped or `maxRequests` were sent. Every request has a deadline: one
 * not answered by then counts as a timeout (the call itself is left to finish on its own).
 */

export interface Sample {
  /** ms since the load started. */
  at: number;
  ms: number;
  outcome: 'ok' | 'error' | 'timeout';
  error?: string;
}

export interface SearchLoad {
  /** Stops sending; resolves with every sample once the requests in flight are answered or timed out. */
  stop(): Promise<Sample[]>;
  readonly started: number;
}

export function startSearchLoad(
  search: (q: string) => Promise<unknown>,
  queries: readonly string[],
  opts: { concurrency: number; timeoutMs: number; maxRequests: number },
): SearchLoad {
  const started = Date.now();
  const samples: Sample[] = [];
  let sent = 0;
  let stopped = false;

  async function one(q: string): Promise<void> {
    const t = performance.now();
    const at = Date.now() - started;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), opts.timeoutMs);
    });
    try {
      const r = await Promise.race([search(q).then(() => 'ok' as const), deadline]);
      samples.push({ at, ms: performance.now() - t, outcome: r });
    } catch (err) {
      samples.push({ at, ms: performance.now() - t, outcome: 'error', error: (err as Error).message.slice(0, 200) });
    } finally {
      clearTimeout(timer);
    }
  }

  const loops = Array.from({ length: opts.concurrency }, async () => {
    while (!stopped && sent < opts.maxRequests) {
      const q = queries[sent % queries.length]!;
      sent += 1;
      await one(q);
    }
  });

  return {
    started,
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return samples.sort((a, b) => a.at - b.at);
    },
  };
}
