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

/** Poisson draw by inversion; fine for the small means the model uses (< 30). */
export function poisson(rng: Stream, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}
