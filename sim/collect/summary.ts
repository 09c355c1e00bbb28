/**
 * The month in figures: aggregates that the named metrics (metrics.ts) read, computed once per
 * month from the world's stores, plus the month's slice of the flow cube.
 */
import type { World } from '../world/world.ts';
import * as ids from '../ids.ts';
import { FlowCube } from './recorder.ts';
import { shipmentValueUsd } from '../mechanisms/logistics.ts';
import { bitCount } from '../mechanisms/finance.ts';
// Local copies: module-level constants stay fast under any module loader (test runners wrap imports in getters).
const { CHANNEL_COUNT, MODE_COUNT, STAGE_COUNT, LEVEL_COUNT, IMPORTER, CONSUMER } = ids;

export class MonthSummary {
  /** Goods value by region × channel (the domestic region: domestic sales). */
  readonly tradeRC: Float64Array;
  readonly exportsByCategory: Float64Array;
  readonly landedByRegion: Float64Array;
  readonly hubShareByRegion: Float64Array;
  readonly trustByRegion: Float64Array;
  readonly clearanceByChannel = new Float64Array(CHANNEL_COUNT);
  readonly transitByMode = new Float64Array(MODE_COUNT);
  readonly merchantsByLevel = new Float64Array(LEVEL_COUNT);
  readonly merchantsByStage = new Float64Array(STAGE_COUNT);
  /** Merchants by digital level × value-chain stage: [level * STAGE_COUNT + stage]. */
  readonly merchantsByLevelStage = new Float64Array(LEVEL_COUNT * STAGE_COUNT);
  alive = 0;
  /** Merchants' debt and cash at the end of the month. */
  debt = 0;
  cash = 0;
  exporters = 0;
  destinationsOfExporters = 0;
  exports = 0;
  domestic = 0;
  exportsByChannel = new Float64Array(CHANNEL_COUNT);

  constructor(R: number, K: number) {
    this.tradeRC = new Float64Array(R * CHANNEL_COUNT);
    this.exportsByCategory = new Float64Array(K);
    this.landedByRegion = new Float64Array(R);
    this.hubShareByRegion = new Float64Array(R);
    this.trustByRegion = new Float64Array(R);
  }

  compute(w: World, flows: FlowCube | null): void {
    const { market, merchants: s, buyers: b, R, K } = w;
    const t = w.t;
    this.tradeRC.fill(0);
    this.exportsByCategory.fill(0);
    this.exportsByChannel.fill(0);
    this.clearanceByChannel.fill(0);
    this.transitByMode.fill(0);
    const landedWeight = this.landedByRegion;
    landedWeight.fill(0);
    const spent = this.hubShareByRegion;
    spent.fill(0);
    this.exports = this.domestic = 0;
    const clearanceWeight = scratchC;
    clearanceWeight.fill(0);
    const modeValue = scratchM;
    modeValue.fill(0);

    for (let r = 0; r < R; r++) {
      const foreign = !w.scenario.regions[r].domestic;
      let goodsR = 0;
      for (let k = 0; k < K; k++) {
        for (let c = 0; c < CHANNEL_COUNT; c++) {
          const cell = (r * K + k) * CHANNEL_COUNT + c;
          const goods = market.goodsValue[cell];
          if (goods <= 0) continue;
          this.tradeRC[r * CHANNEL_COUNT + c] += goods;
          goodsR += goods;
          landedWeight[r] += goods * market.landedCost[cell];
          spent[r] += goods * market.payFactor[cell];
          if (!foreign) {
            this.domestic += goods;
            continue;
          }
          this.exports += goods;
          this.exportsByChannel[c] += goods;
          this.exportsByCategory[k] += goods;
          this.clearanceByChannel[c] += goods * market.clearanceDays[r * CHANNEL_COUNT + c];
          clearanceWeight[c] += goods;
          const quantity = market.attraction[cell] > 0 ? (goods * Math.max(0, market.attractionPerPrice[cell])) / market.attraction[cell] : 0;
          for (let m = 0; m < MODE_COUNT; m++) {
            const share = market.modeShare[cell * MODE_COUNT + m];
            if (share === 0) continue;
            this.transitByMode[m] += goods * share * market.transitDays[m * R + r];
            modeValue[m] += goods * share;
            if (flows) {
              const o = flows.offset(t, r, c, k, m);
              const x = w.expansion;
              flows.data[o] += goods * share * x;
              flows.data[o + 1] += quantity * share * x;
              flows.data[o + 2] += ((goods * share) / shipmentValueUsd(w, m, c)) * x;
            }
          }
        }
      }
      // an average over nothing has no value (NaN: the metric is a ratio), not 0
      landedWeight[r] = goodsR > 0 ? landedWeight[r] / goodsR : Number.NaN;
      let budget = 0;
      for (let k = 0; k < K; k++) budget += market.importerBudget[r * K + k] + market.consumerBudget[r * K + k];
      spent[r] = budget > 0 ? spent[r] / budget : Number.NaN;
    }
    // a channel that shipped nothing (the hall closed) has no clearance time that month, not 0 days
    for (let c = 0; c < CHANNEL_COUNT; c++) this.clearanceByChannel[c] = clearanceWeight[c] > 0 ? this.clearanceByChannel[c] / clearanceWeight[c] : Number.NaN;
    for (let m = 0; m < MODE_COUNT; m++) {
      this.transitByMode[m] = modeValue[m] > 0 ? this.transitByMode[m] / modeValue[m] : 0;
    }

    // Merchants
    // alive slots in increasing order: the same sums, in the same order, as a scan of every booth
    // (summed in locals: fields written on every merchant cost a store each)
    const slots = s.aliveSlots();
    const n = s.aliveCount;
    const { debt, cash, level, stage, exportMonth, offlineMask, onlineMask } = s;
    const { merchantsByLevel, merchantsByStage, merchantsByLevelStage } = this;
    const foreignMask = w.foreignMask;
    // counts in integers, by level × stage only (counts are exact in any order; the margins by
    // level and by stage are added up from them below)
    const byLevelStage = scratchLS;
    byLevelStage.fill(0);
    let debtTotal = 0;
    let cashTotal = 0;
    let exporters = 0;
    let destinations = 0;
    for (let j = 0; j < n; j++) {
      const i = slots[j];
      debtTotal += debt[i];
      cashTotal += cash[i];
      byLevelStage[level[i] * STAGE_COUNT + stage[i]]++;
      // an exporter (1) or not (0), without a branch: about half the merchants export
      const exporter = +(exportMonth[i] > 0);
      exporters += exporter;
      destinations += bitCount((offlineMask[i] | onlineMask[i]) & foreignMask & -exporter);
    }
    merchantsByLevel.fill(0);
    merchantsByStage.fill(0);
    for (let l = 0; l < LEVEL_COUNT; l++) {
      for (let g = 0; g < STAGE_COUNT; g++) {
        const count = byLevelStage[l * STAGE_COUNT + g];
        merchantsByLevelStage[l * STAGE_COUNT + g] = count;
        merchantsByLevel[l] += count;
        merchantsByStage[g] += count;
      }
    }
    this.alive = n;
    this.debt = debtTotal;
    this.cash = cashTotal;
    this.exporters = exporters;
    this.destinationsOfExporters = destinations;

    // Buyers' trust in online channels, weighted by budget share, per region
    const trustWeight = scratchR.length === R ? scratchR : (scratchR = new Float64Array(R));
    trustWeight.fill(0);
    this.trustByRegion.fill(0);
    for (let i = 0; i < b.count; i++) {
      const r = b.region[i];
      const rk = r * K + b.category[i];
      const weight = b.budgetShare[i] * (b.kind[i] === IMPORTER ? market.importerBudget[rk] : b.kind[i] === CONSUMER ? market.consumerBudget[rk] : 0);
      this.trustByRegion[r] += weight * b.trust[i];
      trustWeight[r] += weight;
    }
    for (let r = 0; r < R; r++) this.trustByRegion[r] = trustWeight[r] > 0 ? this.trustByRegion[r] / trustWeight[r] : Number.NaN;
  }
}
const scratchC = new Float64Array(CHANNEL_COUNT);
const scratchM = new Float64Array(MODE_COUNT);
const scratchLS = new Int32Array(LEVEL_COUNT * STAGE_COUNT);
let scratchR = new Float64Array(0);
