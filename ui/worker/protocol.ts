/** Messages between the page and the simulation worker (see worker/sim.worker.ts). */
import type { CardFigure } from '../results.ts';
export interface RunRequest {
  runId: number;
  /** Scenario object as a user or file gives it (validated in the worker). */
  input: unknown;
  seed: number;
  /** Overrides the scenario's scale (smaller runs for previews and uncertainty bands). */
  scale?: number;
  /** Series keys to stream (SeriesTable keys), in the order the page wants them. */
  keys: string[];
  /**
   * Send months as they are computed (default), or all at once at the end: the band's seeds
   * need no progressive drawing, and every batch costs the page a redraw.
   */
  stream?: boolean;
  /**
   * Leave checkpoints for later runs to continue from (default). Background runs do not: they
   * would push the current runs' checkpoints out of the worker's store.
   */
  checkpoints?: boolean;
}

export interface Batch {
  runId: number;
  /** First and one-past-last month index of this batch. */
  from: number;
  to: number;
  /** Months of the whole run ("YYYY-MM"); sent with the first batch only. */
  months?: string[];
  /** keys.length × (to − from) values, series by series. */
  values: Float64Array;
}

export type RunOutcome =
  | {
    ok: true; cancelled: boolean; ms: number; months: number;
    /** Months taken from a checkpoint of an earlier run that agrees up to them (0: computed from the start). */
    resumedAt: number;
  }
  | { ok: false; problems: Array<{ path: string; message: string }> };

/** One run of a sweep (sim/batch): the base scenario with one number set, at a small scale. */
export interface SweepRunRequest {
  /** Scenario object as the page holds it (validated in the worker). */
  base: unknown;
  /** A sim/batch parameter path, e.g. `rules.smeCreditSupply` or `regions[eu].tariff`. */
  path: string;
  value: number;
  /** The run's seed, from sim/batch runSeed. */
  seed: number;
  scale: number;
  /** The outcome: this headline card's figure for `year` (results.ts yearFigures). */
  figure: CardFigure;
  year: string;
}

export type SweepRunOutcome =
  | { ok: true; value: number; ms: number }
  | { ok: false; problems: Array<{ path: string; message: string }> };

export interface SimWorkerApi {
  run(request: RunRequest, onBatch: (batch: Batch) => void): Promise<RunOutcome>;
  cancel(runId: number): void;
  /**
   * A background run a change now needs: from its next batch on it leaves checkpoints, and streams
   * if `stream` (the page shows it as it computes).
   */
  adopt(runId: number, stream: boolean): void;
  /** timeseries.csv (the CLI's format) of a full run of the scenario with this seed. */
  csv(input: unknown, seed: number): string;
  /** One sweep run, whole (no streaming): the outcome's mean over the year's months. */
  sweepRun(request: SweepRunRequest): SweepRunOutcome;
}
