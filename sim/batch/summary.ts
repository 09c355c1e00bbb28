/**
 * summary.csv: for each point, each recorded series and month, statistics over the point's
 * replicates (stats.ts). Feed one point's rows (any replicate order gives the same numbers only
 * if fed in replicate order — the CLI feeds them so); read the rows back in series-then-month order.
 */
import { summarise, summaryCells, SUMMARY_COLUMNS } from './stats.ts';
import type { Cell } from './record.ts';

/** Header of summary.csv for these point columns (plan.ts pointColumns). */
export function summaryHeader(columns: string[]): string[] {
  return ['point', ...columns, 'month', 'metric', 'region', 'channel', 'stage', 'category', 'mode', ...SUMMARY_COLUMNS];
}

/**
 * Collects one point's values by series and month: series in the order first seen, each one's
 * months in calendar order (a month with no value in the first replicate, such as a rejection
 * rate in a month without applications, still sorts into place).
 */
export class PointSummary {
  private readonly series = new Map<string, Map<string, { key: string[]; values: number[] }>>();
  /** `cells`: the point's cells (plan.ts pointCells), written after its number on each row. */
  constructor(readonly point: number, readonly cells: Cell[]) {}

  /** `key` = month, metric, region, channel, stage, category, mode. */
  add(key: string[], value: number): void {
    const seriesId = key.slice(1).join('|');
    let months = this.series.get(seriesId);
    if (!months) this.series.set(seriesId, (months = new Map()));
    let g = months.get(key[0]);
    if (!g) months.set(key[0], (g = { key, values: [] }));
    g.values.push(value);
  }

  *rows(): Generator<Cell[]> {
    for (const months of this.series.values()) {
      // "YYYY-MM" (or a year, or "all") sorts as text in calendar order
      for (const month of [...months.keys()].sort()) {
        const g = months.get(month)!;
        yield [this.point, ...this.cells, ...g.key, ...summaryCells(summarise(g.values))];
      }
    }
  }
}
