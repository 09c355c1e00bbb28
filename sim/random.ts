/**
 * Seeded random streams. Every random draw in the model comes from a stream named by its
 * purpose (and an index such as the month), derived from the scenario seed. Adding a mechanism
 * or changing how many draws one mechanism makes therefore never shifts the draws of another,
 * and the same scenario and seed give identical numbers in any environment.
 *
 * Generator: seedrandom's Alea (Baagøe), fast and identical across JavaScript engines.
 */
import seedrandom from 'seedrandom';

export interface Stream {
  /** Uniform on [0, 1). */
  (): number;
}

export function stream(seed: number, purpose: string, index = 0): Stream {
  return seedrandom.alea(`yiwu:${seed}:${purpose}:${index}`) as unknown as Stream;
}

/** Standard normal draw (Box–Muller, one value per call: simple and allocation-free). */
export function normal(rng: Stream): number {
  let u = rng();
  while (u <= 1e-300) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Pareto draw with minimum 1 and tail exponent `shape`: P(X > x) = x^-shape. */
export function pareto(rng: Stream, shape: number): number {
  return Math.pow(1 - rng(), -1 / shape);
}

/**
 * Poisson draw by inversion of the CDF from one uniform `u`, with e^-mean precomputed by the
 * caller (so a month's draws at the same mean share one exp). Fine for small means (< 30).
 */
export function poissonFromUniform(u: number, mean: number, expMinusMean: number): number {
  let k = 0;
  let p = expMinusMean;
  let cdf = p;
  while (u > cdf && k < 200) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/**
 * Geometric skipping for rare independent events: instead of one draw per trial with
 * probability p, draw how many trials pass before the next event (Devroye 1986, ch. X.2).
 * Exactly the same distribution of events, with one draw per event instead of one per trial.
 *
 *   const skip = new EventSkipper(rng, p);
 *   let next = skip.gap();                       // trials before the first event
 *   for (let i = 0; i < n; i++) if (i === next) { event(i); next += 1 + skip.gap(); }
 */
export class EventSkipper {
  private readonly logQ: number;
  constructor(private readonly rng: Stream, readonly p: number) {
    this.logQ = p > 0 && p < 1 ? Math.log1p(-p) : 0;
  }
  /** Number of trials without an event before the next one (Infinity when p = 0). */
  gap(): number {
    if (this.p <= 0) return Infinity;
    if (this.p >= 1) return 0;
    return Math.floor(Math.log(1 - this.rng()) / this.logQ);
  }
}
