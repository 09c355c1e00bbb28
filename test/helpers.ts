/** Shared helpers for model tests: small, fast runs and averages over months and seeds. */
import { resolveScenario } from '../sim/schema/resolve.ts';
import { runScenario, type RunResult } from '../sim/run.ts';
import type { Dimension } from '../sim/collect/recorder.ts';

/** A small world (1,500 merchants) so a run takes a fraction of a second. */
export const SMALL = 0.02;

export function run(overrides: Record<string, unknown> = {}, seed = 1, scale = SMALL): RunResult {
  return runScenario(resolveScenario({ scale, ...overrides }), { seed });
}

/** Mean of a series over months [from, to] (indices; negative counts from the end). */
export function mean(r: RunResult, metric: string, dims: Partial<Record<Dimension, string>> = {}, from = -24, to = -1): number {
  const v = r.series.get(metric, dims);
  if (!v) throw new Error(`no series ${metric} ${JSON.stringify(dims)}`);
  const a = from < 0 ? v.length + from : from;
  const b = to < 0 ? v.length + to : to;
  // (over the months with a value: a ratio has none in a month without a denominator)
  let s = 0;
  let n = 0;
  for (let t = a; t <= b; t++) if (!Number.isNaN(v[t])) { s += v[t]; n++; }
  return s / n;
}

/** Sum of a series over the whole run. */
export function total(r: RunResult, metric: string, dims: Partial<Record<Dimension, string>> = {}): number {
  return mean(r, metric, dims, 0, -1) * r.months.length;
}

/** Average of `f` over several seeds (common seeds for scenario and baseline reduce noise). */
export function overSeeds(seeds: number[], overrides: Record<string, unknown>, f: (r: RunResult) => number, scale = SMALL): number {
  let s = 0;
  for (const seed of seeds) s += f(run(overrides, seed, scale));
  return s / seeds.length;
}
