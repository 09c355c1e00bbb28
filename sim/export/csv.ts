/**
 * The text of timeseries.csv, shared by the CLI (cli/writers.ts writes it to a file) and the
 * browser (the "CSV" download): same header, same rows, same number formatting, so a file saved
 * from the app and one written by `npm run sim` for the same scenario and seed are identical.
 * Pure TypeScript: no DOM, no Node.
 */
import type { RunResult } from '../run.ts';

export const TIMESERIES_HEADER = ['month', 'metric', 'region', 'channel', 'stage', 'category', 'mode', 'value'] as const;

export type Cell = string | number;

/** One CSV cell: numbers as String(n); text quoted only when it needs to be (RFC 4180). */
export function csvCell(v: Cell): string {
  if (typeof v === 'number') return String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One CSV line (without the newline). */
export function csvLine(row: readonly Cell[]): string {
  let line = csvCell(row[0]);
  for (let i = 1; i < row.length; i++) line += ',' + csvCell(row[i]);
  return line;
}

/** Rows of timeseries.csv: one per series and month, series in recording order; NaN values are skipped. */
export function* timeseriesRows(result: Pick<RunResult, 'series' | 'months'>): Generator<Cell[]> {
  const { keys, values } = result.series;
  for (let s = 0; s < keys.length; s++) {
    const k = keys[s];
    const v = values[s];
    for (let t = 0; t < v.length; t++) {
      if (Number.isNaN(v[t])) continue;
      yield [result.months[t], k.metric, k.region, k.channel, k.stage, k.category, k.mode, v[t]];
    }
  }
}

/** A whole CSV file as text: header line, then one line per row, each ending in "\n". */
export function csvText(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const parts: string[] = [header.join(',')];
  for (const row of rows) parts.push(csvLine(row));
  return parts.join('\n') + '\n';
}
