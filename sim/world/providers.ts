/**
 * Logistics providers: carriers, rail operators, airlines, express firms and overseas
 * warehouses, each offering one mode with a capacity, a cost level and a degree of
 * digitalisation. Their prices rise with utilisation (congestion pricing).
 */
export class ProviderStore {
  readonly count: number;
  readonly mode: Uint8Array;
  /** Capacity at the start of the run, kg per month (sample scale). */
  readonly baseCapacity: Float64Array;
  readonly capacity: Float64Array;
  /** Capacity added in response to demand (multiplier, starts at 1). */
  readonly expansion: Float64Array;
  /** Relative cost level (1 = the mode's average). */
  readonly costFactor: Float64Array;
  /** How far the provider has digitalised, relative to the digital-logistics lever. */
  readonly digitalAffinity: Float64Array;
  readonly digitalisation: Float64Array;
  /** Share of its mode's volume (lagged one month), smoothed utilisation, this month's price factor. */
  readonly share: Float64Array;
  readonly utilisation: Float64Array;
  readonly priceFactor: Float64Array;
  /** Congestion markup on the price, adjusting gradually (logistics.ts). */
  readonly congestion: Float64Array;
  readonly volumeKg: Float64Array;
  readonly revenue: Float64Array;

  constructor(count: number) {
    this.count = count;
    this.mode = new Uint8Array(count);
    this.baseCapacity = new Float64Array(count);
    this.capacity = new Float64Array(count);
    this.expansion = new Float64Array(count).fill(1);
    this.costFactor = new Float64Array(count);
    this.digitalAffinity = new Float64Array(count);
    this.digitalisation = new Float64Array(count);
    this.share = new Float64Array(count);
    this.utilisation = new Float64Array(count);
    this.priceFactor = new Float64Array(count);
    this.congestion = new Float64Array(count);
    this.volumeKg = new Float64Array(count);
    this.revenue = new Float64Array(count);
  }
}
