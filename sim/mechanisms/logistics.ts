/**
 * Logistics capacity and congestion.
 *
 * Each provider's price factor = cost level × (1 + a congestion markup that moves a quarter of
 * the way each month toward congestion premium × u⁴)
 * × (1 − 0.25 × digitalisation) × freight shock, where u is its smoothed utilisation, capped at
 * 1.5 for price and delay alike (beyond it, shipments are carried at the capped price and delay,
 * never refused); transit times stretch by half of any (capped) utilisation above full capacity,
 * so by at most a quarter, and shrink by up to 15% with digitalisation. Utilisation is
 * smoothed over recent months, so a surge in shipments raises rates over the next months.
 * Capacity grows at the mode's trend rate, and providers add 2% a month while utilisation is
 * above 90% (ships, trains and flights are added where demand presses). Shippers spread over a
 * mode's providers by a logit on price. Freight per kg = (handling + line-haul × route length)
 * × the mode's price factor.
 *
 * Before the run (init.ts settleFreightMarket) the freight market settles on the goods of the
 * dry months (the last time on the survivors') under default policies: shippers choose modes,
 * providers' utilisation and markups follow, for as many rounds as it takes rates to stop
 * moving, so 2020 starts from a market in balance rather than from an assumed utilisation (which sent rail to 2.3× and air to 1.9× its
 * capacity in the first month, and their rates up 60% and 30% over the first quarter).
 *
 * Sources: congestion pricing of container shipping in 2021 (UNCTAD Review of Maritime Transport
 * 2021: spot rates ×3–5 at near-full utilisation); the quartic form and digitalisation effects
 * are assumptions (docs/ODD.md).
 */
import type { World } from '../world/world.ts';
import * as ids from '../ids.ts';
import { exp, pow } from '../portableMath.ts';
// Local copies: module-level constants stay fast under any module loader (test runners wrap imports in getters).
const { MODE_COUNT, CHANNEL_COUNT, CBEC } = ids;

const DIGITAL_PRICE_SAVING = 0.25;
const DIGITAL_TIME_SAVING = 0.15;
const PROVIDER_PRICE_SENSITIVITY = 5;
/** Weight of the latest month in smoothed utilisation. */
const UTILISATION_SMOOTHING = 0.3;
/** Share of the gap to the target congestion markup closed each month. */
const RATE_ADJUSTMENT = 0.25;
const MAX_PRICED_UTILISATION = 1.5;
/** Capacity added per month while smoothed utilisation is above EXPANSION_THRESHOLD. */
const EXPANSION_RATE = 0.02;
const EXPANSION_THRESHOLD = 0.9;

/** Sets providers' prices and the freight per kg and transit days of every mode and region. */
export function priceLogistics(w: World): void {
  const { providers: p, market, levers, scenario } = w;
  const t = w.t;
  const years = t / 12;
  const digital = levers.digitalLogistics[t];
  const modeUtil = scratchModeUtil;
  const modeDigital = scratchModeDigital;
  modeUtil.fill(0);
  modeDigital.fill(0);
  market.modePriceFactor.fill(0);
  for (let i = 0; i < p.count; i++) {
    const m = p.mode[i];
    const mode = scenario.modes[m];
    if (t > 0 && p.utilisation[i] > EXPANSION_THRESHOLD) p.expansion[i] *= 1 + EXPANSION_RATE;
    p.capacity[i] = p.baseCapacity[i] * p.expansion[i] * pow(1 + mode.capacityGrowth, years);
    p.digitalisation[i] = Math.min(1, digital * p.digitalAffinity[i]);
    const u = Math.min(MAX_PRICED_UTILISATION, p.utilisation[i]);
    // rates are sticky: the congestion markup moves part of the way to its target each month,
    // which keeps shippers and rates from chasing each other in a cobweb
    p.congestion[i] += RATE_ADJUSTMENT * (mode.congestionPremium * u * u * u * u - p.congestion[i]);
    p.priceFactor[i] = p.costFactor[i] * (1 + p.congestion[i])
      * (1 - DIGITAL_PRICE_SAVING * p.digitalisation[i]) * levers.freightMultiplier[m][t];
    market.modePriceFactor[m] += p.share[i] * p.priceFactor[i];
    modeUtil[m] += p.share[i] * u;
    modeDigital[m] += p.share[i] * p.digitalisation[i];
  }
  for (let m = 0; m < MODE_COUNT; m++) {
    market.modeDelayFactor[m] = (1 - DIGITAL_TIME_SAVING * modeDigital[m]) * (1 + 0.5 * Math.max(0, modeUtil[m] - 1));
    const mode = scenario.modes[m];
    for (let r = 0; r < w.R; r++) {
      const route = (scenario.regions[r].distanceKm * mode.routeFactor) / 1000;
      market.freightPerKg[m * w.R + r] = (mode.costPerKgUsd + mode.costPerKgPer1000KmUsd * route) * market.modePriceFactor[m];
      market.transitDays[m * w.R + r] = (mode.transitDaysBase + mode.daysPer1000Km * route) * market.modeDelayFactor[m];
    }
  }
}
const scratchModeUtil = new Float64Array(MODE_COUNT);
const scratchModeDigital = new Float64Array(MODE_COUNT);

/**
 * After the month's shipments are known: spread each mode's volume over its providers by price,
 * and record utilisation (which sets next month's congestion) and revenue.
 */
export function settleLogistics(w: World): void {
  const { providers: p, accounts, market } = w;
  const weightSum = scratchModeUtil;
  weightSum.fill(0);
  for (let i = 0; i < p.count; i++) {
    const m = p.mode[i];
    const rel = p.priceFactor[i] / (market.modePriceFactor[m] || 1);
    p.share[i] = p.capacity[i] * exp(-PROVIDER_PRICE_SENSITIVITY * (rel - 1));
    weightSum[m] += p.share[i];
  }
  for (let i = 0; i < p.count; i++) {
    const m = p.mode[i];
    p.share[i] = weightSum[m] > 0 ? p.share[i] / weightSum[m] : 0;
    p.volumeKg[i] = accounts.kgByMode[m] * p.share[i];
    p.utilisation[i] += UTILISATION_SMOOTHING * (p.volumeKg[i] / p.capacity[i] - p.utilisation[i]);
    p.revenue[i] = accounts.freightByMode[m] * p.share[i] * (p.priceFactor[i] / (market.modePriceFactor[m] || 1));
  }
}

/** Typical value of a cross-border e-commerce parcel, US$. */
const PARCEL_VALUE_USD = 30;

/**
 * Books one cell's goods (region r, channel c) to the month's logistics accounts by mode: value,
 * weight (goods × mode share × the category's kg per US$), freight and shipments (value ÷ a
 * typical shipment's; cross-border e-commerce ships parcels). Sales (sales.ts) book every cell
 * this way each month.
 */
export function shipCell(w: World, cell: number, r: number, c: number, goods: number, kgPerUsd: number): void {
  const { market, accounts: a, R } = w;
  for (let m = 0; m < MODE_COUNT; m++) {
    const share = market.modeShare[cell * MODE_COUNT + m];
    if (share === 0) continue;
    const value = goods * share;
    a.valueByMode[m] += value;
    a.kgByMode[m] += value * kgPerUsd;
    a.freightByMode[m] += value * market.freightPerKg[m * R + r] * kgPerUsd;
    a.shipmentsByMode[m] += value / shipmentValueUsd(w, m, c);
  }
}

/** Value of a typical shipment by mode m for channel c: cross-border e-commerce ships parcels. */
export function shipmentValueUsd(w: World, m: number, c: number): number {
  return c === CBEC ? PARCEL_VALUE_USD : w.scenario.modes[m].shipmentValueUsd;
}

/**
 * The goods bought this month shipped at the current mode shares, booked as sales would book
 * them (shipCell), for the freight market to settle on before the run without settling sales.
 */
export function shipGoodsAtCurrentModeShares(w: World): void {
  const { market, accounts, scenario, R, K } = w;
  accounts.reset();
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < K; k++) {
      const kgPerUsd = scenario.categories[k].kgPerUsd;
      for (let c = 0; c < CHANNEL_COUNT; c++) {
        const cell = (r * K + k) * CHANNEL_COUNT + c;
        const goods = market.goodsValue[cell];
        if (goods > 0) shipCell(w, cell, r, c, goods, kgPerUsd);
      }
    }
  }
}
