/**
 * What a batch run keeps: the rows of runs.csv for one run (the single-run timeseries columns,
 * prefixed by point, replicate, seed and the varied values), filtered to the experiment's
 * metrics and months; and, for sensitivity analysis, one number per outcome.
 * Rows keep the single run's order (series in recording order, then month), so concatenating
 * runs in index order gives a deterministic table.
 */
import type { RunResult } from '../run.ts';
import type { Outcome } from './experiment.ts';

export const SERIES_COLUMNS = ['month', 'metric', 'region', 'channel', 'stage', 'category', 'mode', 'value'] as const;

/** Header of runs.csv for these point columns (plan.ts pointColumns: the scenario, when compared, and the parameter paths). */
export function runsHeader(columns: string[]): string[] {
  return ['point', 'replicate', 'seed', ...columns, ...SERIES_COLUMNS];
}

export type Cell = string | number;

export interface RunTag {
  point: number;
  replicate: number;
  seed: number;
  /** The point's cells (plan.ts pointCells): its scenario's name, when compared, and its parameter values. */
  cells: Cell[];
}

/** Rows of one run for runs.csv; NaN values (months a series does not apply) are skipped. */
export function* runRows(result: RunResult, tag: RunTag, metrics: ReadonlySet<string>, monthIndices: readonly number[]): Generator<Cell[]> {
  const { keys, values } = result.series;
  const prefix: Cell[] = [tag.point, tag.replicate, tag.seed, ...tag.cells];
  for (let s = 0; s < keys.length; s++) {
    const k = keys[s];
    if (!metrics.has(k.metric)) continue;
    const v = values[s];
    for (const t of monthIndices) {
      if (t >= v.length || Number.isNaN(v[t])) continue;
      yield [...prefix, result.months[t], k.metric, k.region, k.channel, k.stage, k.category, k.mode, v[t]];
    }
  }
}

/** An outcome's breakdown columns, in the order of runs.csv's (region, channel, stage, category, mode; '' where the outcome has none). */
export const OUTCOME_DIMENSIONS = ['region', 'channel', 'stage', 'category', 'mode'] as const;
export function outcomeDimensions(o: Outcome): string[] {
  return OUTCOME_DIMENSIONS.map((d) => o[d] ?? '');
}

/** An outcome's months, "from…to" as given (either end may be left to the run's), or '' for the whole run. */
export function outcomeWindow(o: Outcome): string {
  return o.from === undefined && o.to === undefined ? '' : `${o.from ?? ''}…${o.to ?? ''}`;
}

/** The label of an outcome, e.g. "trade_value_usd[region=eu] (mean)", "trade_value_usd (sum 2030-01…2030-12)". */
export function outcomeLabel(o: Outcome): string {
  const dims = OUTCOME_DIMENSIONS.filter((d) => o[d] !== undefined).map((d) => `${d}=${o[d]}`);
  const window = outcomeWindow(o);
  return `${o.metric}${dims.length ? `[${dims.join(',')}]` : ''} (${o.statistic}${window ? ` ${window}` : ''})`;
}

/** One number for an outcome: the series' last value, mean or sum over its months (the run's, or from … to). */
export function outcomeValue(result: RunResult, o: Outcome): number {
  const v = result.series.get(o.metric, { region: o.region, channel: o.channel, stage: o.stage, category: o.category, mode: o.mode });
  if (!v) throw new Error(`the run recorded no series ${outcomeLabel(o)}`);
  // months are "YYYY-MM": in order as text
  const months = result.months;
  let start = 0;
  let end = v.length - 1;
  if (o.from !== undefined) while (start < v.length && months[start] < o.from) start++;
  if (o.to !== undefined) while (end >= 0 && months[end] > o.to) end--;
  if (o.statistic === 'last') {
    for (let t = end; t >= start; t--) if (!Number.isNaN(v[t])) return v[t];
    return Number.NaN;
  }
  let sum = 0;
  let n = 0;
  for (let t = start; t <= end; t++) if (!Number.isNaN(v[t])) { sum += v[t]; n++; }
  return o.statistic === 'sum' ? sum : n > 0 ? sum / n : Number.NaN;
}
