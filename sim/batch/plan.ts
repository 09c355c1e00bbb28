/**
 * The runs of an experiment: every point × replicate, numbered, each with its own seed.
 *
 *   run index = point × replications + replicate      (so sorting by index sorts by point, replicate)
 *   seed      = a draw from stream(experiment seed, "batch:run:<point>", replicate)
 *               (or "batch:run:common" when commonRandomNumbers: replicate r shares a seed at every point)
 *
 * A run's seed depends only on the experiment seed, its point and its replicate — never on the
 * worker that runs it or the order runs finish — so results are identical for any number of
 * workers or shards. A shard i/n (1-based) takes the runs whose index ≡ i − 1 (mod n).
 */
import { stream } from '../random.ts';
import { resolveScenario, type ResolvedScenario } from '../schema/resolve.ts';
import { applyValues } from './paths.ts';
import { designPoints, type Point } from './design.ts';
import type { Experiment } from './experiment.ts';

export interface Run {
  index: number;
  point: number;
  replicate: number;
  seed: number;
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** The seed of one run (0 … 2³¹ − 1). */
export function runSeed(experimentSeed: number, point: number, replicate: number, common = false): number {
  return Math.floor(stream(experimentSeed, common ? 'batch:run:common' : `batch:run:${point}`, replicate)() * 2 ** 31);
}

/**
 * The experiment's points: the design's, or — when it compares scenarios — the design's points
 * on each scenario in turn (point = scenario × design points + design point), so every scenario
 * runs at the same parameter values.
 */
export function experimentPoints(exp: Pick<Experiment, 'parameters' | 'design' | 'seed' | 'scenarios'>): Point[] {
  const design = designPoints(exp.parameters, exp.design, exp.seed);
  if (!exp.scenarios) return design;
  return exp.scenarios.flatMap((_, scenario) => design.map((p) => ({ id: scenario * design.length + p.id, values: p.values, scenario })));
}

/**
 * The columns that tell points apart in the files, after point (and replicate and seed): the
 * scenario's name when the experiment compares scenarios, then each varied parameter's path.
 */
export function pointColumns(exp: Pick<Experiment, 'parameters' | 'scenarios'>): string[] {
  return [...(exp.scenarios ? ['scenario'] : []), ...exp.parameters.map((p) => p.path)];
}

/** A point's cells in those columns. */
export function pointCells(exp: Pick<Experiment, 'scenarios'>, point: Point): Array<string | number> {
  return exp.scenarios ? [exp.scenarios[point.scenario!].name, ...point.values] : point.values;
}

/**
 * The point a point is compared with in contrasts.csv: point 0; comparing scenarios, the first
 * scenario at the same parameter values (so a scenario's effect is not mixed with the
 * parameters'), and within the first scenario, point 0 (the parameters' effect there). Point 0
 * is its own reference. `designSize` is the number of parameter points per scenario.
 */
export function referencePoint(point: Point, designSize: number): number {
  return point.scenario ? point.id % designSize : 0;
}

/** The scenario object a point's values are written into: the base, or the point's scenario. */
export function pointBase(exp: Pick<Experiment, 'base' | 'scenarios'>, point: Point): Record<string, unknown> {
  return exp.scenarios ? exp.scenarios[point.scenario!].base : exp.base;
}

/** Every run of the experiment, in index order. */
export function planRuns(exp: Pick<Experiment, 'seed' | 'replications' | 'commonRandomNumbers'>, points: number): Run[] {
  const runs: Run[] = [];
  for (let point = 0; point < points; point++) {
    for (let replicate = 0; replicate < exp.replications; replicate++) {
      runs.push({ index: runs.length, point, replicate, seed: runSeed(exp.seed, point, replicate, exp.commonRandomNumbers) });
    }
  }
  return runs;
}

/** The runs a shard takes. */
export function shardRuns(runs: Run[], shard?: Shard): Run[] {
  if (!shard || shard.count === 1) return runs;
  return runs.filter((r) => r.index % shard.count === shard.index - 1);
}

/** Parses "i/n" (1 ≤ i ≤ n); undefined if malformed. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/** The scenario object of a point: the base with the point's values written in. */
export function scenarioObject(base: Record<string, unknown>, paths: string[], values: number[]): Record<string, unknown> {
  return applyValues(base, paths.map((p, j) => [p, values[j]] as const));
}

/** The resolved scenario of a point (throws a ScenarioError if a combination is invalid). */
export function pointScenario(exp: Pick<Experiment, 'base' | 'parameters' | 'name'>, values: number[]): ResolvedScenario {
  return resolveScenario(scenarioObject(exp.base, exp.parameters.map((p) => p.path), values), { name: exp.name });
}
