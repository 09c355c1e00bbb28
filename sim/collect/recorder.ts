/**
 * Where a run's results go: named time series (one Float64Array per metric and breakdown) and
 * the flow cube (month × region × channel × category × mode → value, quantity, shipments).
 * Both are allocated once per run; recording a month allocates nothing.
 */
export const DIMENSIONS = ['region', 'channel', 'stage', 'category', 'mode'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface SeriesKey {
  metric: string;
  region: string;
  channel: string;
  stage: string;
  category: string;
  mode: string;
}

export class SeriesTable {
  readonly months: number;
  readonly keys: SeriesKey[] = [];
  readonly values: Float64Array[] = [];
  private readonly index = new Map<string, number>();

  constructor(months: number) {
    this.months = months;
  }

  static keyOf(metric: string, dims: Partial<Record<Dimension, string>> = {}): string {
    return `${metric}|${dims.region ?? ''}|${dims.channel ?? ''}|${dims.stage ?? ''}|${dims.category ?? ''}|${dims.mode ?? ''}`;
  }

  register(metric: string, dims: Partial<Record<Dimension, string>> = {}): number {
    const key = SeriesTable.keyOf(metric, dims);
    const existing = this.index.get(key);
    if (existing !== undefined) return existing;
    const id = this.keys.length;
    this.keys.push({ metric, region: dims.region ?? '', channel: dims.channel ?? '', stage: dims.stage ?? '', category: dims.category ?? '', mode: dims.mode ?? '' });
    this.values.push(new Float64Array(this.months).fill(Number.NaN));
    this.index.set(key, id);
    return id;
  }

  /** The series for a metric and breakdown, or undefined. */
  get(metric: string, dims: Partial<Record<Dimension, string>> = {}): Float64Array | undefined {
    const id = this.index.get(SeriesTable.keyOf(metric, dims));
    return id === undefined ? undefined : this.values[id];
  }
}

/**
 * Flows from the hub to foreign regions, at Yiwu scale (like the metrics):
 * [((((t * R + r) * C + c) * K + k) * M + m) * 3 + field], field 0 value US$, 1 quantity (units), 2 shipments.
 */
export class FlowCube {
  static readonly VALUE = 0;
  static readonly QUANTITY = 1;
  static readonly SHIPMENTS = 2;
  readonly data: Float64Array;
  constructor(readonly months: number, readonly R: number, readonly C: number, readonly K: number, readonly M: number) {
    this.data = new Float64Array(months * R * C * K * M * 3);
  }
  offset(t: number, r: number, c: number, k: number, m: number): number {
    return ((((t * this.R + r) * this.C + c) * this.K + k) * this.M + m) * 3;
  }
}
