/** Messages between the page and the simulation worker (see worker/sim.worker.ts). */
export interface RunRequest {
  runId: number;
  /** Scenario object as a user or file gives it (validated in the worker). */
  input: unknown;
  seed: number;
  /** Overrides the scenario's scale (smaller runs for previews and uncertainty bands). */
  scale?: number;
  /** Series keys to stream (SeriesTable keys), in the order the page wants them. */
  keys: string[];
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
  | { ok: true; cancelled: boolean; ms: number; months: number }
  | { ok: false; problems: Array<{ path: string; message: string }> };

export interface SimWorkerApi {
  run(request: RunRequest, onBatch: (batch: Batch) => void): Promise<RunOutcome>;
  cancel(runId: number): void;
  /** timeseries.csv (the CLI's format) of a full run of the scenario with this seed. */
  csv(input: unknown, seed: number): string;
}
