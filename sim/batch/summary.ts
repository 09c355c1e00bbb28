/**
 * summary.csv: for each point, each recorded series and month, statistics over the point's
 * replicates (stats.ts). Feed one point's rows (any replicate order gives the same numbers only
 * if fed in replicate order — the CLI feeds them so); read the rows back in series-then-month order.
 */
import { summarise, summaryCells, SUMMARY_COLUMNS } from './stats.ts';
import type { Cell } from './record.ts';

export function summaryHeader(paths: string[]): string[] {
  return ['point', ...paths, 'month', 'metric', 'region', 'channel', 'stage', 'category', 'mode', ...SUMMARY_COLUMNS];
}

/** Collects one point's values by series key and month, in first-seen order. */
export class PointSummary {
  private readonly groups = new Map<string, { key: string[]; values: number[] }>();
  constructor(readonly point: number, readonly values: number[]) {}

  /** `key` = month, metric, region, channel, stage, category, mode. */
  add(key: string[], value: number): void {
    const id = key.join('|');
    let g = this.groups.get(id);
    if (!g) this.groups.set(id, (g = { key, values: [] }));
    g.values.push(value);
  }

  *rows(): Generator<Cell[]> {
    for (const g of this.groups.values()) yield [this.point, ...this.values, ...g.key, ...summaryCells(summarise(g.values))];
  }
}
