/**
 * Running serial numbers (project numbers, certificates, 文号, letter numbers), keyed by what
 * they count within, e.g. `no/HSAA2016`. Drawn in generation order, so they are deterministic.
 */
export interface Counters {
  /** The next serial for `key`, starting at 1. */
  next(key: string, step?: number): number;
}

export function createCounters(): Counters {
  const values = new Map<string, number>();
  return {
    next(key, step = 1) {
      const value = (values.get(key) ?? 0) + step;
      values.set(key, value);
      return value;
    },
  };
}
