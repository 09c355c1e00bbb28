/**
 * One batch run, inside a worker thread: resolve the point's scenario, run it, and either write
 * its rows of runs.csv to a part file (sweeps) or return one number per outcome (sensitivity).
 * A part is written to a temporary name, flushed to disk and renamed, so a part file that
 * exists is always complete; the main thread logs the run as done only after that.
 */
import * as fs from 'node:fs';
import { runScenario } from '../sim/index.ts';
import { pointScenario, runRows, outcomeValue, type Outcome, type Cell } from '../sim/batch/index.ts';
import type { ParameterSpec } from '../sim/batch/index.ts';
import { csvCell } from './writers.ts';

interface Common {
  name: string;
  base: Record<string, unknown>;
  parameters: ParameterSpec[];
  values: number[];
  seed: number;
}
export interface RowsTask extends Common {
  kind: 'rows';
  /** The point's cells in runs.csv (its scenario's name, when compared, and its parameter values). */
  cells: Cell[];
  index: number;
  point: number;
  replicate: number;
  metrics: string[];
  monthIndices: number[];
  partFile: string;
}
export interface OutcomesTask extends Common {
  kind: 'outcomes';
  outcomes: Outcome[];
}
export interface RowsResult {
  index: number;
  rows: number;
  bytes: number;
  runTimeMs: number;
}

function csvLines(rows: Iterable<Cell[]>): { text: string; rows: number } {
  let text = '';
  let n = 0;
  for (const row of rows) {
    text += row.map(csvCell).join(',') + '\n';
    n++;
  }
  return { text, rows: n };
}

export default function runTask(task: RowsTask | OutcomesTask): RowsResult | number[] {
  const scenario = pointScenario(task, task.values);
  const result = runScenario(scenario, { seed: task.seed, flows: false });
  if (task.kind === 'outcomes') return task.outcomes.map((o) => outcomeValue(result, o));
  const { text, rows } = csvLines(runRows(result, task, new Set(task.metrics), task.monthIndices));
  const tmp = `${task.partFile}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, task.partFile);
  return { index: task.index, rows, bytes: Buffer.byteLength(text), runTimeMs: result.runTimeMs };
}
