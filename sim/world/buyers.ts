/**
 * Buyer store: buyer agents as a struct of typed arrays. Each agent is a weighted cohort — a
 * group of wholesale importers or of online consumers in one region buying one category — with
 * its own budget, visits to the market hall, online search breadth, trust in online channels
 * and channel habits (its repeat relationships). Weights sum to about one million buyers at
 * Yiwu scale.
 */
import { CHANNEL_COUNT } from '../ids.ts';

export class BuyerStore {
  readonly count: number;
  readonly region: Uint8Array;
  readonly kind: Uint8Array;
  readonly category: Uint8Array;
  /** People or firms this agent stands for. */
  readonly weight: Float64Array;
  /** Share of its cell's spending this agent makes (sums to 1 within a region × kind × category cell). */
  readonly budgetShare: Float64Array;
  /** Share of purchases an importer makes in person in the market hall (0 for consumers). */
  readonly visitPropensity: Float32Array;
  /** Online search breadth relative to the region's average. */
  readonly searchBreadth: Float32Array;
  /** Trust in buying online from the hub, 0–1. */
  readonly trust: Float32Array;
  /** Last month's shares of the hub's channels in its purchases from the hub, [agent * CHANNEL_COUNT + c]. */
  readonly lastShare: Float32Array;

  constructor(count: number) {
    this.count = count;
    this.region = new Uint8Array(count);
    this.kind = new Uint8Array(count);
    this.category = new Uint8Array(count);
    this.weight = new Float64Array(count);
    this.budgetShare = new Float64Array(count);
    this.visitPropensity = new Float32Array(count);
    this.searchBreadth = new Float32Array(count);
    this.trust = new Float32Array(count);
    this.lastShare = new Float32Array(count * CHANNEL_COUNT);
  }
}
