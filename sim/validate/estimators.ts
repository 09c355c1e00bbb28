/**
 * Estimators used to compare simulated data with stylised facts: least squares with a few
 * regressors, the power-law tail exponent of Clauset, Shalizi & Newman (2009), and a logistic
 * (S-curve) fit. Pure functions on plain arrays.
 */
import { mean, sum } from 'simple-statistics';

export interface Regression {
  /** Coefficients: intercept first, then one per regressor. */
  coefficients: number[];
  /** Standard errors of the coefficients. */
  standardErrors: number[];
  r2: number;
  n: number;
}

/** Solves A x = b for a small dense system by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    if (Math.abs(m[c][c]) < 1e-12) throw new Error('regressors are collinear');
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

function invert(a: number[][]): number[][] {
  const n = a.length;
  return Array.from({ length: n }, (_, j) => solve(a, Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))))
    .reduce<number[][]>((cols, col, j) => { col.forEach((v, i) => { (cols[i] ??= [])[j] = v; }); return cols; }, []);
}

/** Ordinary least squares of y on the columns of x (an intercept is added). */
export function ols(y: number[], x: number[][]): Regression {
  const n = y.length;
  const k = x.length + 1;
  if (n <= k) throw new Error(`need more observations (${n}) than coefficients (${k})`);
  const row = (i: number) => [1, ...x.map((col) => col[i])];
  const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xty = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const r = row(i);
    for (let a = 0; a < k; a++) {
      xty[a] += r[a] * y[i];
      for (let b = 0; b < k; b++) xtx[a][b] += r[a] * r[b];
    }
  }
  const beta = solve(xtx, xty);
  const fitted = Array.from({ length: n }, (_, i) => row(i).reduce((s, v, a) => s + v * beta[a], 0));
  const residual = y.map((v, i) => v - fitted[i]);
  const rss = sum(residual.map((e) => e * e));
  const ybar = mean(y);
  const tss = sum(y.map((v) => (v - ybar) ** 2));
  const sigma2 = rss / (n - k);
  const cov = invert(xtx);
  return { coefficients: beta, standardErrors: cov.map((r, i) => Math.sqrt(sigma2 * r[i])), r2: tss > 0 ? 1 - rss / tss : 1, n };
}

export interface TailFit {
  /** Exponent α of P(X > x) ∝ x^−α above xMin. */
  alpha: number;
  xMin: number;
  /** Observations in the tail. */
  tail: number;
  /** Kolmogorov–Smirnov distance of the fit. */
  ks: number;
}

/**
 * Power-law tail by Clauset, Shalizi & Newman (2009): for each candidate lower bound x_min,
 * the maximum-likelihood (Hill) exponent α = n / Σ ln(x_i / x_min) over x_i ≥ x_min, keeping the
 * x_min whose fitted tail is closest to the data (smallest Kolmogorov–Smirnov distance).
 * Candidates are the order statistics between the median and the 50th largest value.
 */
export function powerLawTail(values: number[]): TailFit {
  const x = values.filter((v) => v > 0 && Number.isFinite(v)).sort((a, b) => a - b);
  const n = x.length;
  if (n < 100) throw new Error(`need at least 100 positive values for a tail fit, got ${n}`);
  let best: TailFit | undefined;
  const step = Math.max(1, Math.floor(n / 400));
  for (let start = Math.floor(n / 2); start <= n - 50; start += step) {
    const xMin = x[start];
    const tail = n - start;
    let logSum = 0;
    for (let i = start; i < n; i++) logSum += Math.log(x[i] / xMin);
    if (logSum <= 0) continue;
    const alpha = tail / logSum;
    let ks = 0;
    for (let i = start; i < n; i++) {
      const empirical = (i - start) / tail;
      const model = 1 - Math.pow(x[i] / xMin, -alpha);
      ks = Math.max(ks, Math.abs(empirical - model));
    }
    if (!best || ks < best.ks) best = { alpha, xMin, tail, ks };
  }
  if (!best) throw new Error('no tail could be fitted');
  return best;
}

export interface LogisticFit {
  /** Ceiling, midpoint (in the units of t) and steepness of y = K / (1 + e^{−r (t − t0)}). */
  ceiling: number;
  midpoint: number;
  rate: number;
  r2: number;
}

/** Least-squares logistic curve by grid search over ceiling, midpoint and rate (robust, no derivatives). */
export function fitLogistic(t: number[], y: number[]): LogisticFit {
  const ybar = mean(y);
  const tss = sum(y.map((v) => (v - ybar) ** 2)) || 1;
  const yMax = Math.max(...y);
  const tMin = Math.min(...t);
  const tMax = Math.max(...t);
  let best: LogisticFit = { ceiling: yMax, midpoint: tMin, rate: 0, r2: -Infinity };
  const span = tMax - tMin;
  for (let c = 0; c <= 20; c++) {
    const ceiling = yMax * (1 + c * 0.1);
    for (let m = -20; m <= 40; m++) {
      const midpoint = tMin + (m / 20) * span;
      for (let k = 1; k <= 40; k++) {
        const rate = (k / 40) * (20 / span);
        let rss = 0;
        for (let i = 0; i < t.length; i++) rss += (y[i] - ceiling / (1 + Math.exp(-rate * (t[i] - midpoint)))) ** 2;
        const r2 = 1 - rss / tss;
        if (r2 > best.r2) best = { ceiling, midpoint, rate, r2 };
      }
    }
  }
  return best;
}
