/**
 * Summary statistics of one quantity over replicate runs: n, mean, sample standard deviation,
 * a 95% confidence interval of the mean (Student's t), and the 10th, 50th and 90th percentiles.
 *
 * Mean and standard deviation come from simple-statistics. Percentiles interpolate linearly
 * between order statistics (Hyndman & Fan type 7: h = (n − 1)p), the default of R's quantile(),
 * NumPy and pandas, so a researcher's own check in those tools gives the same numbers.
 * With n = 1 the standard deviation and interval are undefined (NaN).
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';

export interface Summary {
  n: number;
  mean: number;
  sd: number;
  ci95Low: number;
  ci95High: number;
  p10: number;
  p50: number;
  p90: number;
}

export const SUMMARY_COLUMNS = ['n', 'mean', 'sd', 'ci95_low', 'ci95_high', 'p10', 'p50', 'p90'] as const;

/** Two-sided 95% critical values of Student's t for 1 … 30 degrees of freedom. */
const T975 = [
  12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852,
  2.200985160, 2.178812830, 2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.100922040, 2.093024054, 2.085963447,
  2.079613845, 2.073873068, 2.068657610, 2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
];

/** The 97.5% quantile of Student's t with `df` degrees of freedom (table to 30, then a series in 1/df). */
export function tCritical95(df: number): number {
  if (!(df >= 1)) return Number.NaN;
  if (df <= 30 && Number.isInteger(df)) return T975[df - 1];
  // Cornish–Fisher expansion around z = 1.959964 (error < 1e-6 for df > 30)
  const z = 1.959963984540054;
  const z3 = z ** 3, z5 = z ** 5, z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/** Linear-interpolation percentile of sorted values (type 7). */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Summary of `values` (NaN entries are left out). */
export function summarise(values: ArrayLike<number>): Summary {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) xs.push(values[i]);
  const n = xs.length;
  if (n === 0) return { n: 0, mean: NaN, sd: NaN, ci95Low: NaN, ci95High: NaN, p10: NaN, p50: NaN, p90: NaN };
  const m = mean(xs);
  const sd = n > 1 ? sampleStandardDeviation(xs) : NaN;
  const half = n > 1 ? tCritical95(n - 1) * sd / Math.sqrt(n) : NaN;
  const sorted = xs.slice().sort((a, b) => a - b);
  return { n, mean: m, sd, ci95Low: m - half, ci95High: m + half, p10: percentileSorted(sorted, 0.1), p50: percentileSorted(sorted, 0.5), p90: percentileSorted(sorted, 0.9) };
}

/** The summary as CSV cells in SUMMARY_COLUMNS order; undefined values are empty cells. */
export function summaryCells(s: Summary): Array<number | string> {
  return [s.n, s.mean, s.sd, s.ci95Low, s.ci95High, s.p10, s.p50, s.p90].map((v) => (Number.isNaN(v) ? '' : v));
}
