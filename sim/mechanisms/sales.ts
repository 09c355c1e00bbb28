/**
 * Sales and the month's trade accounts.
 *
 * Buyers' spending in each cell is shared among the merchants selling there in proportion to
 * their attraction (the logit choice of buyerChoice.ts, aggregated). For each cell the goods
 * value G is split into what buyers pay: G × (1 + tariff + freight + fees), less refunds of
 * fraud losses (consumer protection). So every month:
 *   buyers' payments = merchants' revenue + freight + tariffs + fees,
 * and each merchant's revenue is split into value added by value-chain stage, which sums to
 * the value produced (offers.ts, valueChainShares). Sales and gross margin are also summed by
 * the stage each merchant is at: margin by stage is the height of the smile curve.
 *
 * Logistics: goods weight by mode (category kg per US$ × mode shares) and shipments
 * (value ÷ typical shipment value; cross-border e-commerce ships parcels).
 */
import type { World } from '../world/world.ts';
import * as ids from '../ids.ts';
import { valueChainShares } from './offers.ts';
import { shipCell } from './logistics.ts';
import { ScratchBuffer } from '../scratch.ts';
// Local copies: module-level constants stay fast under any module loader (test runners wrap imports in getters).
const { CHANNEL_COUNT, HALL, B2B, CBEC, STAGE_COUNT } = ids;

/** Weight of this month in merchants' smoothed sales. */
const SMOOTHING = 0.3;

export function settleSales(w: World): void {
  const { merchants: s, market, accounts: a, scenario, R, K } = w;
  const refundShare = market.refundShare;
  const netPerAttraction = market.netPerAttraction;

  // Cell accounts: what buyers pay and where it goes.
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < K; k++) {
      const kg = scenario.categories[k].kgPerUsd;
      for (let c = 0; c < CHANNEL_COUNT; c++) {
        const cell = (r * K + k) * CHANNEL_COUNT + c;
        const fraud = market.fraudRate[r * CHANNEL_COUNT + c];
        netPerAttraction[cell] = market.spendPerAttraction[cell] * (1 - fraud * refundShare);
        const goods = market.goodsValue[cell];
        if (goods <= 0) continue;
        const refund = goods * fraud * refundShare;
        const freight = goods * market.freightShare[cell];
        const tariff = goods * market.tariffShare[cell];
        const fee = goods * market.feeShare[cell];
        a.buyerPayments += goods * market.payFactor[cell] - refund;
        a.freight += freight;
        a.tariffs += tariff;
        a.tariffsByRegion[r] += tariff;
        a.fees += fee;
        a.feesByChannel[c] += fee;
        a.refunds += refund;
        a.fraudLosses += goods * fraud * (1 - refundShare);
        a.fraudByChannel[c] += goods * fraud * (1 - refundShare);
        shipCell(w, cell, r, c, goods, kg);
      }
    }
  }

  // Merchants' revenue, summed by category × stage for the value-added split.
  const revenueByStage = revenueWork.get(K * STAGE_COUNT);
  revenueByStage.fill(0);
  const domestic = w.domestic;
  const foreign = w.foreignMask;
  let revenueTotal = 0;
  // the store's arrays in locals (fewer loads per merchant)
  const { category, offlineMask, onlineMask, level: levelOf, stage, attractHall, attractB2b, attractCbec, salesMonth, exportMonth, salesTotal, exportTotal, salesEma } = s;
  // What a unit of attraction earns abroad, for every set of foreign regions a merchant may
  // serve (by channel, category and region mask), summed from the highest region down as a
  // loop over the mask would: one lookup per merchant instead of a loop over its regions.
  const masks = 1 << R;
  const perHall = hallPerMask.get(K * masks);
  const perB2b = b2bPerMask.get(K * masks);
  const perCbec = cbecPerMask.get(K * masks);
  // Each submask's entry adds its lowest region to the entry of the set without it. Filled by
  // that lowest region, from the highest down: the sets without it (of higher regions only)
  // are then all filled, and no entry waits on the one written just before it.
  for (let k = 0; k < K; k++) {
    const base = k * masks;
    perHall[base] = perB2b[base] = perCbec[base] = 0;
  }
  for (let r = 31 - Math.clz32(foreign); r >= 0; r--) {
    if (((foreign >> r) & 1) === 0) continue;
    const bit = 1 << r;
    const higher = foreign & ~(bit | (bit - 1));
    for (let k = 0; k < K; k++) {
      const base = k * masks;
      const cell = (r * K + k) * CHANNEL_COUNT;
      const hallNet = netPerAttraction[cell + HALL];
      const b2bNet = netPerAttraction[cell + B2B];
      const cbecNet = netPerAttraction[cell + CBEC];
      // every submask `rest` of the higher regions, the empty set included
      let rest = 0;
      do {
        const o = base + rest;
        perHall[o + bit] = perHall[o] + hallNet;
        perB2b[o + bit] = perB2b[o] + b2bNet;
        perCbec[o + bit] = perCbec[o] + cbecNet;
        rest = (rest - higher) & higher;
      } while (rest !== 0);
    }
  }
  const slots = s.aliveSlots();
  for (let n = 0; n < s.aliveCount; n++) {
    const i = slots[n];
    const k = category[i];
    const home = (domestic * K + k) * CHANNEL_COUNT;
    const hall = attractHall[i];
    let exports = perHall[k * masks + (offlineMask[i] & foreign)] * hall;
    let domesticRevenue = netPerAttraction[home + HALL] * hall;
    const level = levelOf[i];
    if (level > 0) {
      const served = k * masks + (onlineMask[i] & foreign);
      const b2b = attractB2b[i];
      exports += perB2b[served] * b2b;
      if (level > 1) exports += perCbec[served] * attractCbec[i];
      domesticRevenue += netPerAttraction[home + B2B] * b2b;
    }
    const revenue = exports + domesticRevenue;
    salesMonth[i] = revenue;
    exportMonth[i] = exports;
    salesTotal[i] += revenue;
    exportTotal[i] += exports;
    salesEma[i] += SMOOTHING * (revenue - salesEma[i]);
    revenueTotal += revenue;
    revenueByStage[k * STAGE_COUNT + stage[i]] += revenue;
  }
  a.merchantRevenue += revenueTotal;
  const shares = sharesWork.get(STAGE_COUNT);
  for (let k = 0; k < K; k++) {
    for (let g = 0; g < STAGE_COUNT; g++) {
      const revenue = revenueByStage[k * STAGE_COUNT + g];
      if (revenue === 0) continue;
      valueChainShares(w, k, g, shares);
      for (let h = 0; h < STAGE_COUNT; h++) a.valueAddedByStage[h] += revenue * shares[h];
      a.salesByMerchantStage[g] += revenue;
      a.grossMarginByMerchantStage[g] += revenue * w.market.offerMargin[k * STAGE_COUNT + g];
    }
  }
}
const revenueWork = new ScratchBuffer();

const sharesWork = new ScratchBuffer();
const hallPerMask = new ScratchBuffer();
const b2bPerMask = new ScratchBuffer();
const cbecPerMask = new ScratchBuffer();
