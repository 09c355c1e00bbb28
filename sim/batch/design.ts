/**
 * Experiment designs: which combinations of parameter values (points) to run.
 *
 *   grid    every combination of each parameter's values (first parameter varies slowest)
 *   random  `samples` points, each parameter drawn independently
 *   lhs     Latin hypercube: `samples` points; each parameter's range is cut into `samples`
 *           equally likely strata and every stratum is used exactly once (McKay et al. 1979)
 *
 * A parameter gives explicit `values`, a linear `range` (from, to, steps) or a `distribution`.
 * Every design works through each parameter's quantile function q(u), u ∈ [0, 1]: explicit
 * values are equally likely, a range is uniform on [from, to], a distribution is inverted.
 * Draws come from seeded streams named by purpose (random.ts), so a design is reproducible.
 */
import { probit, errorFunction } from 'simple-statistics';
import { stream } from '../random.ts';

export type Distribution =
  | { type: 'uniform'; min: number; max: number }
  | { type: 'loguniform'; min: number; max: number }
  | { type: 'normal'; mean: number; sd: number; min?: number; max?: number };

export interface ParameterSpec {
  path: string;
  values?: number[];
  /** `steps` values for a grid; random and lhs designs and sensitivity analyses sample from … to and need no steps. */
  range?: { from: number; to: number; steps?: number };
  distribution?: Distribution;
  /** Round every value to a whole number (for counts such as model.distressMonths). */
  integer?: boolean;
}

export type DesignSpec = { type: 'grid' } | { type: 'random'; samples: number } | { type: 'lhs'; samples: number };

export interface Point {
  /** 0-based point number; runs, files and summaries are keyed by it. */
  id: number;
  /** One value per parameter, in the experiment's order. */
  values: number[];
  /** The scenario it runs on (an index into the experiment's `scenarios`), when the experiment compares scenarios. */
  scenario?: number;
}

/** The values a grid takes for a parameter (explicit values, or the range's steps; a range without steps: its two ends). */
export function gridValues(p: ParameterSpec): number[] | undefined {
  if (p.values) return p.values.map((v) => finish(p, v));
  if (p.range) {
    const { from, to, steps = 2 } = p.range;
    return Array.from({ length: steps }, (_, i) => finish(p, i === steps - 1 ? to : from + ((to - from) * i) / (steps - 1)));
  }
  return undefined;
}

const normalCdf = (x: number) => 0.5 * (1 + errorFunction(x / Math.SQRT2));

/** The parameter's quantile function: u ∈ [0, 1] → a value. */
export function quantile(p: ParameterSpec, u: number): number {
  return finish(p, rawQuantile(p, Math.min(1, Math.max(0, u))));
}

function rawQuantile(p: ParameterSpec, u: number): number {
  if (p.values) return p.values[Math.min(p.values.length - 1, Math.floor(u * p.values.length))];
  if (p.range) return p.range.from + u * (p.range.to - p.range.from);
  const d = p.distribution!;
  switch (d.type) {
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'loguniform':
      return Math.exp(Math.log(d.min) + u * (Math.log(d.max) - Math.log(d.min)));
    case 'normal': {
      // truncated to [min, max] when given; unbounded tails are cut at the 0.1% and 99.9% quantiles
      const lo = d.min === undefined ? 0.001 : normalCdf((d.min - d.mean) / d.sd);
      const hi = d.max === undefined ? 0.999 : normalCdf((d.max - d.mean) / d.sd);
      const x = d.mean + d.sd * probit(Math.min(0.999999, Math.max(0.000001, lo + u * (hi - lo))));
      return Math.min(d.max ?? Infinity, Math.max(d.min ?? -Infinity, x));
    }
  }
}

function finish(p: ParameterSpec, v: number): number {
  return p.integer ? Math.round(v) : v;
}

/** Number of points a design gives (a grid: the product of the parameters' value counts). */
export function designSize(parameters: ParameterSpec[], design: DesignSpec): number {
  if (design.type !== 'grid') return design.samples;
  return parameters.reduce((n, p) => n * (gridValues(p)?.length ?? 1), 1);
}

/** The points of a design. `seed` is the experiment's seed. */
export function designPoints(parameters: ParameterSpec[], design: DesignSpec, seed: number): Point[] {
  if (parameters.length === 0) return [{ id: 0, values: [] }];
  if (design.type === 'grid') {
    const axes = parameters.map((p) => {
      const v = gridValues(p);
      if (!v) throw new Error(`parameter ${p.path} has a distribution; a grid needs values or a range`);
      return v;
    });
    const n = axes.reduce((a, v) => a * v.length, 1);
    return Array.from({ length: n }, (_, id) => {
      const values: number[] = new Array(axes.length);
      let rest = id;
      for (let j = axes.length - 1; j >= 0; j--) {
        values[j] = axes[j][rest % axes[j].length];
        rest = Math.floor(rest / axes[j].length);
      }
      return { id, values };
    });
  }
  const n = design.samples;
  if (design.type === 'random') {
    const rngs = parameters.map((_, j) => stream(seed, 'design:random', j));
    return Array.from({ length: n }, (_, id) => ({ id, values: parameters.map((p, j) => quantile(p, rngs[j]())) }));
  }
  // Latin hypercube: per parameter, a random permutation of the strata and a jitter within each
  const columns = parameters.map((p, j) => {
    const rng = stream(seed, 'design:lhs', j);
    const perm = shuffled(n, rng);
    return perm.map((stratum) => quantile(p, (stratum + rng()) / n));
  });
  return Array.from({ length: n }, (_, id) => ({ id, values: columns.map((c) => c[id]) }));
}

/** 0 … n−1 in random order (Fisher–Yates). */
export function shuffled(n: number, rng: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const k = Math.floor(rng() * (i + 1));
    [a[i], a[k]] = [a[k], a[i]];
  }
  return a;
}
