/**
 * Sobol variance-based sensitivity indices with Saltelli's sampling scheme (Saltelli et al. 2010).
 *
 * Two independent N × k sample matrices A and B on the unit hypercube, and for each factor i the
 * matrix AB_i (A with column i taken from B): N(k + 2) model runs. With V the variance of the
 * outputs of A and B together,
 *
 *   first-order  S_i  = mean( (f(B) − m) · (f(AB_i) − f(A)) ) / V   (Saltelli 2010, eq. b)
 *   total        ST_i = mean( (f(A) − f(AB_i))² ) / (2V)          (Jansen 1999)
 *
 * with m the mean of those outputs: subtracting it changes nothing in expectation but keeps a large
 * level (trade in US$, 4e9 with a spread of 1e8) from swamping the estimate — without it, S_i
 * moved with a constant added to the output (SALib standardises the outputs for the same reason).
 * S_i is the share of output variance due to factor i alone, ST_i including all its interactions.
 * 95% intervals come from a bootstrap over the N rows (seeded, so reproducible). Samples are
 * pseudo-random (a seeded stream), not a quasi-random sequence: estimates converge as 1/√N.
 */
import { mean, variance } from 'simple-statistics';
import { stream } from '../random.ts';
import { percentileSorted } from './stats.ts';

export interface SaltelliSample {
  n: number;
  k: number;
  /** Rows in run order: A (n rows), B (n rows), then AB_0 … AB_{k−1} (n rows each). */
  points: number[][];
}

export function saltelliSample(n: number, k: number, seed: number): SaltelliSample {
  const rng = stream(seed, 'sobol:saltelli');
  const A = Array.from({ length: n }, () => Array.from({ length: k }, () => rng()));
  const B = Array.from({ length: n }, () => Array.from({ length: k }, () => rng()));
  const points = [...A, ...B];
  for (let i = 0; i < k; i++) for (let j = 0; j < n; j++) points.push(A[j].map((a, q) => (q === i ? B[j][i] : a)));
  return { n, k, points };
}

export interface SobolIndex {
  factor: number;
  s1: number;
  s1Low: number;
  s1High: number;
  st: number;
  stLow: number;
  stHigh: number;
}

function estimate(n: number, k: number, y: ArrayLike<number>, rows: ArrayLike<number>): { s1: number[]; st: number[] } {
  const all: number[] = [];
  for (let r = 0; r < n; r++) all.push(y[rows[r]], y[n + rows[r]]);
  const v = variance(all);
  const m = mean(all);
  const s1: number[] = [];
  const st: number[] = [];
  for (let i = 0; i < k; i++) {
    let a = 0;
    let b = 0;
    for (let r = 0; r < n; r++) {
      const j = rows[r];
      const fA = y[j], fB = y[n + j], fAB = y[(2 + i) * n + j];
      a += (fB - m) * (fAB - fA);
      b += (fA - fAB) ** 2;
    }
    s1.push(v > 0 ? a / n / v : Number.NaN);
    st.push(v > 0 ? b / (2 * n) / v : Number.NaN);
  }
  return { s1, st };
}

/** Indices from the outputs `y` of a Saltelli sample's points (same order), with bootstrap 95% intervals. */
export function sobolIndices(sample: SaltelliSample, y: ArrayLike<number>, seed: number, bootstrap = 200): SobolIndex[] {
  const { n, k } = sample;
  const identity = Array.from({ length: n }, (_, j) => j);
  const point = estimate(n, k, y, identity);
  const rng = stream(seed, 'sobol:bootstrap');
  const bs1: number[][] = Array.from({ length: k }, () => []);
  const bst: number[][] = Array.from({ length: k }, () => []);
  const rows = new Int32Array(n);
  for (let b = 0; b < bootstrap; b++) {
    for (let r = 0; r < n; r++) rows[r] = Math.floor(rng() * n);
    const e = estimate(n, k, y, rows);
    for (let i = 0; i < k; i++) {
      bs1[i].push(e.s1[i]);
      bst[i].push(e.st[i]);
    }
  }
  const ci = (xs: number[]) => {
    const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
    return [percentileSorted(s, 0.025), percentileSorted(s, 0.975)];
  };
  return Array.from({ length: k }, (_, i) => {
    const [s1Low, s1High] = ci(bs1[i]);
    const [stLow, stHigh] = ci(bst[i]);
    return { factor: i, s1: point.s1[i], s1Low, s1High, st: point.st[i], stLow, stHigh };
  });
}
