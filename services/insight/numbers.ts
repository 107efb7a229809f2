/**
 * Small numeric helpers of the analysis: growable typed columns (millions of step times held
 * without an object each), quantiles, the rank-sum test that says whether an order changes a
 * duration, and a least-squares slope for a queue that grows.
 */

/** A growable Float64 column. */
export class Column {
  private data: Float64Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Float64Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  /** A sorted copy of the values. */
  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** The p-quantile (0–1) of sorted values, interpolated between ranks; null when there are none. */
export function quantile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const x = (n - 1) * p;
  const lo = Math.floor(x);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (x - lo);
}

export const sortNumbers = (values: ArrayLike<number>): Float64Array => Float64Array.from(values).sort();
export const median = (values: ArrayLike<number>): number | null => quantile(sortNumbers(values), 0.5);

/** Working days as the API sends them: one decimal. */
export const days1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

/** p50 and p90 in working days, one decimal. */
export function p50p90(values: ArrayLike<number>): { p50: number | null; p90: number | null } {
  const s = values instanceof Float64Array ? values : sortNumbers(values);
  return { p50: days1(quantile(s, 0.5)), p90: days1(quantile(s, 0.9)) };
}

/**
 * Mann–Whitney U as a z score (normal approximation, ties averaged and corrected): how far the
 * second sample lies above the first. |z| ≥ 3 is a difference chance alone rarely makes.
 */
export function rankSumZ(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return 0;
  const all: [number, number][] = [];
  for (let i = 0; i < n1; i++) all.push([a[i]!, 0]);
  for (let i = 0; i < n2; i++) all.push([b[i]!, 1]);
  all.sort((x, y) => x[0] - y[0]);
  let rankB = 0;
  let ties = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]![0] === all[i]![0]) j++;
    const rank = (i + j) / 2 + 1;
    const t = j - i + 1;
    ties += t * t * t - t;
    for (let k = i; k <= j; k++) if (all[k]![1] === 1) rankB += rank;
    i = j + 1;
  }
  const n = n1 + n2;
  const u = rankB - (n2 * (n2 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1)));
  return variance > 0 ? (u - mean) / Math.sqrt(variance) : 0;
}

/** Least-squares slope of ys over 0, 1, 2, …; 0 for fewer than two points. */
export function slope(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}
