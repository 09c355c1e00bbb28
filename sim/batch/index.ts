/**
 * Batch experiments, pure: experiment files, designs, per-run seeds, parameter paths, what a run
 * records, summaries and Morris screening. No DOM, no Node: the CLI (cli/sweep.ts) runs it on a
 * worker-thread pool, and the browser can run it in Web Workers the same way:
 *
 *   // main thread
 *   const exp = resolveExperiment(json);                 // throws ExperimentError (.problems)
 *   const points = experimentPoints(exp);
 *   const runs = planRuns(exp, points.length);           // index, point, replicate, seed
 *   // send each worker { base: exp.base, paths, values: points[run.point].values, seed: run.seed }
 *
 *   // in a Web Worker
 *   const scenario = resolveScenario(scenarioObject(base, paths, values));
 *   const result = runScenario(scenario, { seed, flows: false });
 *   postMessage(outcomeValue(result, outcome));           // or [...runRows(result, tag, metrics, months)]
 *
 *   // main thread, per point: new PointSummary(point, values).add(key, value) → rows(); or summarise(values)
 *
 * Results do not depend on how runs are spread over workers: a run's seed is fixed by the plan.
 */
export { resolveExperiment, parseExperimentText, isExperimentLike, experimentFileSchema, ExperimentError, DEFAULT_METRICS, MAX_RUNS, MAX_SCENARIOS, type Experiment, type ComparedScenario, type ExperimentFile, type Outcome } from './experiment.ts';
export { designPoints, designSize, gridValues, quantile, type ParameterSpec, type DesignSpec, type Distribution, type Point } from './design.ts';
export { parsePath, applyValues } from './paths.ts';
export { planRuns, shardRuns, parseShard, runSeed, experimentPoints, pointColumns, pointCells, pointBase, referencePoint, scenarioObject, pointScenario, type Run, type Shard } from './plan.ts';
export { runRows, runsHeader, outcomeValue, outcomeLabel, outcomeDimensions, OUTCOME_DIMENSIONS, SERIES_COLUMNS, type Cell, type RunTag } from './record.ts';
export { summarise, summaryCells, tCritical95, percentileSorted, SUMMARY_COLUMNS, type Summary } from './stats.ts';
export { PointSummary, summaryHeader } from './summary.ts';
export { Contrasts, contrastHeader, CONTRAST_COLUMNS } from './contrasts.ts';
export { morrisTrajectories, morrisIndices, morrisDelta, spanStep, type Trajectory, type MorrisIndex } from './morris.ts';
export { saltelliSample, sobolIndices, type SaltelliSample, type SobolIndex } from './sobol.ts';
