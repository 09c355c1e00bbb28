/**
 * contrasts.csv, for sweeps with common random numbers: each point's effect against point 0, the
 * reference, replicate by replicate. Replicate r has the same seed at every point, so within a
 * replicate the difference point − reference is the parameters' effect with the seed's luck
 * shared (paired, as the browser's cards weigh a policy against its baseline): its spread over
 * replicates is the effect's own noise, often far smaller than either point's spread in
 * summary.csv, which an interval from two independent samples would take.
 *
 * Per point other than the reference, series and month (in summary.csv's order): over the
 * replicates where both have a value, the difference's n, mean, sample sd and Student-t 95 %
 * interval of the mean, and the same mean and interval of the relative difference (point ÷
 * reference − 1) over the replicates whose reference is not 0.
 */
import { summarise } from './stats.ts';
import type { Cell } from './record.ts';

export const CONTRAST_COLUMNS = ['n', 'mean_difference', 'sd_difference', 'ci95_low', 'ci95_high', 'mean_relative', 'relative_ci95_low', 'relative_ci95_high'] as const;

export function contrastHeader(paths: string[]): string[] {
  return ['point', ...paths, 'month', 'metric', 'region', 'channel', 'stage', 'category', 'mode', ...CONTRAST_COLUMNS];
}

interface Group {
  key: string[];
  differences: number[];
  relative: number[];
}

/**
 * Feed every row of the sweep in run order (point 0's first, as runs.csv has them), then read a
 * point's rows with `rows()` once its runs are all fed (before the next point's).
 */
export class Contrasts {
  /** The reference point's values: series-and-month key → value by replicate. */
  private readonly reference = new Map<string, number[]>();
  private point = -1;
  private pointValues: number[] = [];
  /** The current point's differences, by series (in the order first seen), then month. */
  private series = new Map<string, Map<string, Group>>();

  /** `key` = month, metric, region, channel, stage, category, mode. */
  add(point: number, pointValues: number[], replicate: number, key: string[], value: number): void {
    const id = key.join('|');
    if (point === 0) {
      let byReplicate = this.reference.get(id);
      if (!byReplicate) this.reference.set(id, (byReplicate = []));
      byReplicate[replicate] = value;
      return;
    }
    if (point !== this.point) {
      this.point = point;
      this.pointValues = pointValues;
      this.series = new Map();
    }
    const ref = this.reference.get(id)?.[replicate];
    if (ref === undefined || !Number.isFinite(ref) || !Number.isFinite(value)) return;
    const seriesId = key.slice(1).join('|');
    let months = this.series.get(seriesId);
    if (!months) this.series.set(seriesId, (months = new Map()));
    let g = months.get(key[0]);
    if (!g) months.set(key[0], (g = { key, differences: [], relative: [] }));
    g.differences.push(value - ref);
    g.relative.push(ref !== 0 ? value / ref - 1 : Number.NaN);
  }

  /** The current point's rows (none for the reference). */
  *rows(): Generator<Cell[]> {
    if (this.point <= 0) return;
    for (const months of this.series.values()) {
      for (const month of [...months.keys()].sort()) {
        const g = months.get(month)!;
        const d = summarise(g.differences);
        const r = summarise(g.relative);
        yield [this.point, ...this.pointValues, ...g.key, ...[d.n, d.mean, d.sd, d.ci95Low, d.ci95High, r.mean, r.ci95Low, r.ci95High].map((v) => (Number.isNaN(v) ? '' : v))];
      }
    }
    this.series = new Map();
  }
}
