/**
 * Trade costs and customs clearance: what a US$ of goods from the hub costs a buyer in each
 * region, category and channel, and which logistics modes carry it.
 *
 * For each cell the shippers choose among the modes the channel can use by a logit on the
 * generalised cost (freight share of value + time cost per day × (transit + clearance days)).
 * Buyers then pay 1 + tariff + freight + fees per US$ of goods, and weigh the landed cost
 * pay × (1 + time cost × days). Every day in transit or customs costs a share of the value
 * (Hummels & Schaur 2013, 0.6–2.1% a day). Export clearance days per channel come from the
 * customs lever and shrink with paperless trade; cross-border e-commerce parcels clear faster
 * at the destination. Online sales into a region pay a running cost for data localisation
 * scaled by the stricter of the region's regime and the home outbound rule. Fraud: a base
 * rate per channel, reduced by consumer protection and e-signatures; protection refunds part.
 *
 * Gravity is not imposed: distance enters only through freight, transit time, and (offline)
 * buyers' visits to the market hall.
 *
 * A world freight shock (freight_rate_spike) raises rates for everyone shipping to a region,
 * not only for the hub: competing suppliers elsewhere pay the same extra freight per US$ of
 * goods as the hub's exporters in that cell, so their landed cost rises by that extra over
 * what buyers would pay without the shock (market.rivalCostFactor, used in buyer choice).
 */
import type { World } from '../world/world.ts';
import * as ids from '../ids.ts';
import { exp } from '../portableMath.ts';
// Local copies: module-level constants stay fast under any module loader (test runners wrap imports in getters).
const { CHANNEL_COUNT, MODE_COUNT, HALL, B2B, CBEC } = ids;

/** Mode ids by index: sea, rail, air, express, overseas_warehouse, road. */
const SEA = 0, RAIL = 1, AIR = 2, EXPRESS = 3, WAREHOUSE = 4, ROAD = 5;
/** Logit scale of mode choice on generalised cost (share of value). */
const MODE_CHOICE_SCALE = 15;
/** Customs brokerage and document fees on exports, share of value, without paperless trade. */
const CUSTOMS_FEE = 0.015;
const PAPERLESS_FEE_SAVING = 0.7;
const PAPERLESS_DAY_SAVING = 0.3;
/** Low-value parcels clear destination customs faster (de-minimis and simplified regimes). */
const PARCEL_IMPORT_CLEARANCE = 0.6;

/** Which modes a channel can use to a region (domestic goods go by road). */
export function modeAllowed(m: number, c: number, domestic: boolean, railAccess: boolean): boolean {
  if (domestic) return m === ROAD && c !== CBEC;
  switch (m) {
    case SEA: return c !== CBEC;
    case RAIL: return c !== CBEC && railAccess;
    case AIR: return true;
    case EXPRESS: return c !== HALL;
    case WAREHOUSE: return c === CBEC;
    default: return false;
  }
}

export function updateTradeCosts(w: World): void {
  const { market, levers, scenario, R, K } = w;
  const t = w.t;
  const model = scenario.model;
  const protection = levers.consumerProtection[t];
  const eSign = levers.eSignatureAdoption[t];
  const homeData = levers.homeDataOutboundStrictness[t];
  const fraudFactor = (1 - 0.6 * protection) * (1 - 0.4 * eSign);
  market.refundShare = 0.8 * protection;
  const channelFee = scratchFee;
  channelFee[HALL] = model.hallFeeRate;
  channelFee[B2B] = model.b2bFeeRate;
  channelFee[CBEC] = model.cbecFeeRate;
  const modeWeight = scratchWeight;

  for (let r = 0; r < R; r++) {
    const region = scenario.regions[r];
    const domestic = region.domestic;
    market.fraudRate[r * CHANNEL_COUNT + HALL] = model.fraudRateHall * fraudFactor * (domestic ? 0.5 : 1);
    market.fraudRate[r * CHANNEL_COUNT + B2B] = 0.5 * model.fraudRateOnline * fraudFactor * (domestic ? 0.5 : 1);
    market.fraudRate[r * CHANNEL_COUNT + CBEC] = model.fraudRateOnline * fraudFactor;
    const tariff = domestic ? 0 : levers.tariff[r][t];
    const localisation = model.localisationFriction * Math.max(levers.dataRegime[r][t], homeData);
    for (let c = 0; c < CHANNEL_COUNT; c++) {
      const paperless = levers.paperlessShare[c][t];
      const clearance = domestic ? 0
        : levers.clearanceDays[c][t] * (1 - PAPERLESS_DAY_SAVING * paperless)
          + region.importClearanceDays * (c === CBEC ? PARCEL_IMPORT_CLEARANCE : 1);
      market.clearanceDays[r * CHANNEL_COUNT + c] = clearance;
      const fee = channelFee[c] + (domestic ? 0 : CUSTOMS_FEE * (1 - PAPERLESS_FEE_SAVING * paperless) + (c === HALL ? 0 : localisation));
      for (let k = 0; k < K; k++) {
        const cat = scenario.categories[k];
        const cell = (r * K + k) * CHANNEL_COUNT + c;
        let sum = 0;
        for (let m = 0; m < MODE_COUNT; m++) {
          if (!modeAllowed(m, c, domestic, region.railAccess)) { modeWeight[m] = 0; continue; }
          const freight = market.freightPerKg[m * R + r] * cat.kgPerUsd;
          const days = market.transitDays[m * R + r] + clearance;
          modeWeight[m] = exp(-MODE_CHOICE_SCALE * (freight + cat.timeCostPerDay * days));
          sum += modeWeight[m];
        }
        let freight = 0;
        let days = 0;
        // the part of the freight that world freight shocks add (0 without a shock)
        let shockFreight = 0;
        for (let m = 0; m < MODE_COUNT; m++) {
          const share = sum > 0 ? modeWeight[m] / sum : 0;
          market.modeShare[cell * MODE_COUNT + m] = share;
          if (share > 0) {
            const modeFreight = share * market.freightPerKg[m * R + r] * cat.kgPerUsd;
            freight += modeFreight;
            days += share * (market.transitDays[m * R + r] + clearance);
            const shock = levers.freightMultiplier[m][t];
            if (shock !== 1) shockFreight += modeFreight * (1 - 1 / shock);
          }
        }
        const available = sum > 0;
        market.freightShare[cell] = freight;
        market.feeShare[cell] = available ? fee : 0;
        market.tariffShare[cell] = available ? tariff : 0;
        market.days[cell] = days;
        market.payFactor[cell] = available ? 1 + tariff + freight + fee : 0;
        market.landedCost[cell] = available ? market.payFactor[cell] * (1 + cat.timeCostPerDay * days) : 0;
        // rivals pay a rise only: f_shock is taken on the mode mix the hub's shippers chose under
        // the shock, so passed on as it stands a fall (multiplier below 1) gave rivals the whole
        // freight of the faster mix the hub bought with it, and cut the hub's exports by 4 %
        // (docs/ODD.md, Known limitations)
        market.rivalCostFactor[cell] = shockFreight > 0 ? 1 + shockFreight / (market.payFactor[cell] - shockFreight) : 1;
      }
    }
  }
}
const scratchFee = new Float64Array(CHANNEL_COUNT);
const scratchWeight = new Float64Array(MODE_COUNT);
