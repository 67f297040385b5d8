// Small, exact statistics for ensembles: percentiles, ranks, Spearman's rank correlation and a
// binomial confidence interval. Everything is deterministic and never returns NaN: a statistic that
// does not exist (a correlation with a constant) is null.

/** The percentiles an ensemble reports. */
export const PERCENTILES = [5, 25, 50, 75, 95] as const;
export type PercentileName = `p${(typeof PERCENTILES)[number]}`;
export type Percentiles = Readonly<Record<PercentileName, number>>;

/**
 * The p-th quantile (0 ≤ p ≤ 1) of values sorted in ascending order, interpolating linearly between
 * order statistics (Hyndman & Fan type 7, as R's default, numpy's default and d3.quantile).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error('quantile: no values');
  if (!(p >= 0 && p <= 1)) throw new Error(`quantile: expected p from 0 to 1, found ${p}`);
  if (p === 0 || n < 2) return sorted[0]!;
  if (p === 1) return sorted[n - 1]!;
  // d3-array's formula, written here because models/ imports no d3 (house rule).
  const i = (n - 1) * p;
  const lo = Math.floor(i);
  const a = sorted[lo]!;
  const b = sorted[lo + 1]!;
  // a + (b − a)·f can leave [a, b] by rounding; clamp so that quantiles stay ordered.
  return Math.min(b, Math.max(a, a + (b - a) * (i - lo)));
}

/** The 5th, 25th, 50th, 75th and 95th percentiles of finite values; null when there are none. */
export function percentiles(values: ArrayLike<number>): Percentiles | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values as ArrayLike<number>);
  for (const v of sorted) {
    if (!Number.isFinite(v)) throw new Error(`percentiles: found ${v} among the values`);
  }
  sorted.sort();
  const out: Record<string, number> = {};
  for (const p of PERCENTILES) out[`p${p}`] = quantileSorted(sorted, p / 100);
  return out as Percentiles;
}

export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** Ranks 1..n, ties sharing the mean of the ranks they span. */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i);
  // Stable sort by value; ties keep index order, which does not change their shared rank.
  order.sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(n);
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && values[order[end]!]! === values[order[start]!]!) end++;
    const rank = (start + 1 + end) / 2; // mean of ranks start+1 .. end
    for (let k = start; k < end; k++) out[order[k]!] = rank;
    start = end;
  }
  return out;
}

/** Pearson's correlation; null when either variable is constant or there are fewer than 3 pairs. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (y.length !== n) throw new Error(`correlation: ${n} x values but ${y.length} y values`);
  if (n < 3) return null;
  const mx = mean(x)!;
  const my = mean(y)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0 && syy > 0)) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks (ties get mean ranks, so a yes/no
 * variable such as survival works). −1 to 1; null when either variable is constant.
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  if (x.length !== y.length) {
    throw new Error(`correlation: ${x.length} x values but ${y.length} y values`);
  }
  return pearson(ranks(x), ranks(y));
}

/**
 * The correlation below which a rank correlation of n pairs is indistinguishable from none at the
 * 5 % level: 1.96 / √(n − 1) (the null distribution is close to normal with variance 1/(n − 1)).
 */
export function correlationNoiseLevel(n: number): number | null {
  return n > 2 ? 1.96 / Math.sqrt(n - 1) : null;
}

/** Wilson's 95 % interval for a proportion of `successes` in `n` trials. */
export function wilsonInterval(successes: number, n: number): readonly [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.959963984540054;
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  // At 0 or n successes one end is exactly 0 or 1; computed, it can be off by rounding.
  return [
    successes === 0 ? 0 : Math.max(0, centre - half),
    successes === n ? 1 : Math.min(1, centre + half),
  ];
}
