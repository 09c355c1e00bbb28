/**
 * contrasts.csv, for sweeps with common random numbers: each point's effect against its reference
 * (point 0; comparing scenarios, the first scenario at the same parameter values), replicate by
 * replicate. Replicate r has the same seed at every point, so within a
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
import { SUMMARY_COLUMNS } from './stats.ts';
import { PointSummary } from './summary.ts';
import type { Cell } from './record.ts';

export const CONTRAST_COLUMNS = ['n', 'mean_difference', 'sd_difference', 'ci95_low', 'ci95_high', 'mean_relative', 'relative_ci95_low', 'relative_ci95_high'] as const;

/** Header of contrasts.csv for these point columns (plan.ts pointColumns). */
export function contrastHeader(columns: string[]): string[] {
  return ['point', ...columns, 'month', 'metric', 'region', 'channel', 'stage', 'category', 'mode', ...CONTRAST_COLUMNS];
}

/** Where a summary row's statistics start (after point, its values and the 7 key cells), and each one's offset. */
const KEY_CELLS = 7;
const column = (name: (typeof SUMMARY_COLUMNS)[number]) => SUMMARY_COLUMNS.indexOf(name);

/**
 * Feed every row of the sweep in run order (point 0's first, as runs.csv has them), then read a
 * point's rows with `rows()` once its runs are all fed (before the next point's). A point's
 * differences and relative differences are summarised as summary.csv summarises values
 * (PointSummary: the same grouping, order and statistics), fed the same keys in the same order.
 *
 * Each point is compared with its reference, `referenceOf(point)` (default: point 0), a point
 * run before it; a point that is its own reference has no rows. An experiment comparing scenarios
 * compares each scenario with the first at the same parameter values (plan.ts referencePoint).
 */
export class Contrasts {
  /** The reference points' values: point → series-and-month key → value by replicate. */
  private readonly reference = new Map<number, Map<string, number[]>>();
  private differences?: PointSummary;
  private relative?: PointSummary;

  constructor(private readonly referenceOf: (point: number) => number = () => 0, private readonly references: ReadonlySet<number> = new Set([0])) {}

  /** `key` = month, metric, region, channel, stage, category, mode; `pointCells` as the point's rows write them. */
  add(point: number, pointCells: Cell[], replicate: number, key: string[], value: number): void {
    const id = key.join('|');
    if (this.references.has(point)) {
      let values = this.reference.get(point);
      if (!values) this.reference.set(point, (values = new Map()));
      let byReplicate = values.get(id);
      if (!byReplicate) values.set(id, (byReplicate = []));
      byReplicate[replicate] = value;
    }
    const against = this.referenceOf(point);
    if (against === point) return;
    if (this.differences?.point !== point) {
      this.differences = new PointSummary(point, pointCells);
      this.relative = new PointSummary(point, pointCells);
    }
    const ref = this.reference.get(against)?.get(id)?.[replicate];
    if (ref === undefined || !Number.isFinite(ref) || !Number.isFinite(value)) return;
    this.differences.add(key, value - ref);
    // (NaN for a reference of 0: left out of the relative statistics, as summarise leaves NaN out)
    this.relative!.add(key, ref !== 0 ? value / ref - 1 : Number.NaN);
  }

  /** The current point's rows (none for a point that is its own reference). */
  *rows(): Generator<Cell[]> {
    if (!this.differences || !this.relative) return;
    const stats = 1 + this.differences.cells.length + KEY_CELLS;
    const relative = this.relative.rows();
    for (const d of this.differences.rows()) {
      const r = relative.next().value as Cell[];
      const [n, mean, sd, low, high] = (['n', 'mean', 'sd', 'ci95_low', 'ci95_high'] as const).map((c) => d[stats + column(c)]);
      yield [...d.slice(0, stats), n, mean, sd, low, high, r[stats + column('mean')], r[stats + column('ci95_low')], r[stats + column('ci95_high')]];
    }
    this.differences = this.relative = undefined;
  }
}
