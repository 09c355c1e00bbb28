/**
 * Morris elementary-effects screening (Morris 1991; μ* of Campolongo, Cariboni & Saltelli 2007).
 *
 * On the unit hypercube with p levels {0, 1/(p−1), …, 1} and step Δ = p / (2(p − 1)), each of r
 * trajectories starts at a random grid point and changes one factor at a time by ±Δ, in random
 * order, visiting k + 1 points for k factors. The elementary effect of factor i on a trajectory is
 *
 *   EE_i = (y(x + e_i·Δ) − y(x)) / Δ        (signed by the direction of the step)
 *
 * and over the r trajectories: μ = mean EE, μ* = mean |EE| (importance), σ = sd of EE
 * (non-linearity or interactions). Factors are in unit-range terms (u ∈ [0, 1] is mapped to a
 * value by the parameter's quantile function), so μ* compares levers on a common footing: the
 * change of the outcome over a lever's whole range. The step in the denominator is how far the
 * parameter itself moved over its span (`spanStep`): Δ for a range or a distribution, the other
 * way for a range given from high to low, and the change of the value for a list of values or a
 * whole-number parameter (with two values each step crosses the whole span, not Δ of it).
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { stream } from '../random.ts';
import { shuffled, quantile, gridValues, type ParameterSpec } from './design.ts';
import { tCritical95 } from './stats.ts';

export interface Trajectory {
  /** k + 1 points on the unit hypercube. */
  points: number[][];
  /** Which factor changes between point j and j + 1. */
  order: number[];
  /** The signed step of that change (+Δ or −Δ). */
  steps: number[];
}

export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/**
 * r Morris trajectories for k factors on a p-level grid (p even). Points are kept as whole
 * level numbers 0 … p − 1 and only divided by p − 1 at the end, so a level has one value
 * wherever it occurs (1/3 is always 0.3333333333333333, never 0.333333333333 after a step).
 */
export function morrisTrajectories(k: number, r: number, levels: number, seed: number): Trajectory[] {
  const delta = morrisDelta(levels);
  const jump = levels / 2; // Δ in levels
  const toUnit = (level: number) => level / (levels - 1);
  const out: Trajectory[] = [];
  for (let t = 0; t < r; t++) {
    const rng = stream(seed, 'morris:trajectory', t);
    // start: a level from which +Δ stays inside [0, 1]; each factor goes up or down from there
    const low = Array.from({ length: k }, () => Math.floor(rng() * jump));
    const up = Array.from({ length: k }, () => rng() < 0.5);
    const x = low.map((l, i) => (up[i] ? l : l + jump));
    const order = shuffled(k, rng);
    const points = [x.map(toUnit)];
    const steps: number[] = [];
    for (const i of order) {
      x[i] += up[i] ? jump : -jump;
      points.push(x.map(toUnit));
      steps.push(up[i] ? delta : -delta);
    }
    out.push({ points, order, steps });
  }
  return out;
}

/**
 * How far a step from u = `before` to u = `after` (the grid step `step`, ±Δ) moved parameter `p`,
 * as a signed share of its span. A range (from below to) or a distribution: the step itself, so u
 * is the position on the span or on the probability scale. A range from above to below: the
 * step the other way (more u is less of the lever; the effect keeps the lever's direction). A list
 * of values, or a whole-number range: the change of the value over the span of the values, since
 * each step joins two of them whatever Δ is (two values: one to the other, the whole span) and
 * rounding can join two levels into one value (no change: 0). A whole-number distribution: the
 * step, or 0 when rounding gives both ends of the step one value.
 */
export function spanStep(p: ParameterSpec, before: number, after: number, step: number): number {
  const from = quantile(p, before), to = quantile(p, after);
  if (p.values || (p.range && p.integer)) {
    // (a range's grid runs from its rounded "from" to its rounded "to")
    const ends = gridValues(p)!;
    const span = Math.max(...ends) - Math.min(...ends);
    return span > 0 ? (to - from) / span : 0;
  }
  if (p.integer && from === to) return 0;
  return p.range && p.range.to < p.range.from ? -step : step;
}

export interface MorrisIndex {
  factor: number;
  mu: number;
  muStar: number;
  sigma: number;
  /** Half-width of a 95% interval for μ* (t × sd(|EE|) / √r). */
  muStarCi95: number;
  effects: number[];
  /** Steps that left the parameter's value as it was (levels joined by rounding): no effect to take. */
  unchanged: number;
}

/**
 * Elementary effects and their statistics per factor; `y[t][j]` is the output at point j of
 * trajectory t. `span` gives how far factor i moved on its span in a step (default: the grid
 * step, ±Δ); a step that moved it not at all gives no effect, and is counted in `unchanged`.
 */
export function morrisIndices(trajectories: Trajectory[], y: number[][], span: (factor: number, before: number, after: number, step: number) => number = (_i, _a, _b, step) => step): MorrisIndex[] {
  const k = trajectories[0]?.order.length ?? 0;
  const effects: number[][] = Array.from({ length: k }, () => []);
  const unchanged = new Array<number>(k).fill(0);
  trajectories.forEach((tr, t) => {
    tr.order.forEach((i, j) => {
      const moved = span(i, tr.points[j][i], tr.points[j + 1][i], tr.steps[j]);
      if (moved === 0) { unchanged[i]++; return; }
      const ee = (y[t][j + 1] - y[t][j]) / moved;
      if (Number.isFinite(ee)) effects[i].push(ee);
    });
  });
  return effects.map((ee, factor) => {
    const abs = ee.map(Math.abs);
    const n = ee.length;
    return {
      factor,
      mu: n ? mean(ee) : NaN,
      muStar: n ? mean(abs) : NaN,
      sigma: n > 1 ? sampleStandardDeviation(ee) : NaN,
      muStarCi95: n > 1 ? (tCritical95(n - 1) * sampleStandardDeviation(abs)) / Math.sqrt(n) : NaN,
      effects: ee,
      unchanged: unchanged[factor],
    };
  });
}
