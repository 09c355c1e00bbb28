/**
 * Which markets each merchant serves.
 *
 * Online (Melitz 2003): a digital merchant now and then weighs entering one more foreign region
 * online. It enters when the margin on the sales it can expect there — its attraction times
 * what buyers in that cell spend per unit of attraction this month — less the market's monthly
 * upkeep, over its planning horizon, exceeds the fixed entry cost (listings, certification, translation) plus a compliance cost
 * that grows with the stricter of the region's data regime and the home outbound-data rule.
 * Each month one uniform draw u decides, and a second picks a region at random (the domestic
 * one does nothing): a region the merchant serves is reviewed when u < 0.10 (it leaves when the
 * margin there covers less than half the upkeep); one it does not serve is weighed for entry
 * when 0.10 ≤ u < 0.35; otherwise nothing happens this month.
 *
 * Offline: buyers visiting the market hall meet booths. A merchant meets new buyers at a rate
 * that falls when the hall is closed; when foreign buyers cannot travel, buying agents and
 * resident foreign traders (some 15,000 in Yiwu before 2020) keep meeting booths for them, at the
 * buying-agent access rate of buyer choice. Each meeting's region is drawn from the visitors' mix
 * (importers' spending × visit rate, which falls with distance: travel cost, language,
 * information); the buyer stays when the booth is competitive enough. Each relationship lapses
 * with a constant monthly chance. Every merchant sells to domestic wholesalers.
 *
 * Sources: Melitz (2003); Chaney (2014) network structure of exporting (meeting-based market
 * entry); visit decay with distance: assumption (docs/ODD.md).
 */
import type { World } from '../world/world.ts';
import { poissonFromUniform, binomialFromUniform } from '../random.ts';
import * as ids from '../ids.ts';
import * as finance from './finance.ts';
const { annuityFactor, bitCount, financeInvestment } = finance;
import { ScratchBuffer } from '../scratch.ts';
import * as offers from './offers.ts';
import { exp, pow } from '../portableMath.ts';
const { setHallLink, setOnlineMarket } = offers;
// Local copies: module-level constants stay fast under any module loader (test runners wrap imports in getters).
const { CHANNEL_COUNT, B2B, CBEC } = ids;

/**
 * Each month a digital merchant's first draw u decides whether one region comes up: u <
 * REVIEW_MARKET reviews it if served (keep or leave), REVIEW_MARKET ≤ u < REVIEW_MARKET +
 * CONSIDER_NEW_MARKET weighs it for entry if not; the region is then drawn uniformly from all R,
 * so the chance of weighing an unserved foreign region is CONSIDER_NEW_MARKET × (unserved
 * foreign regions ÷ R), not CONSIDER_NEW_MARKET itself.
 */
const CONSIDER_NEW_MARKET = 0.25;
const REVIEW_MARKET = 0.1;

/** Distances below this count as this (km): the visit rate stops rising nearer than that. */
const VISIT_DISTANCE_FLOOR_KM = 500;
/** Distance at which every importer visits (km): the rate is (distance ÷ this)^−elasticity, at most 1. */
const FULL_VISIT_DISTANCE_KM = 1000;
/** Share of the home region's wholesalers who buy in the hall in person. */
export const DOMESTIC_VISIT_RATE = 0.9;
/**
 * Chance that a foreign buyer met in the hall stays with a booth of the category's mean hall
 * attraction; a booth k times as attractive keeps √k times as many (at most all). Also the
 * initial relationships' steady state (world/init.ts).
 */
export const STAY_CHANCE_AT_MEAN = 0.5;

/** Share of importers from a region who buy in the market hall in person (before personal variation). */
export function visitRate(distanceKm: number, elasticity: number): number {
  return Math.min(1, pow(Math.max(distanceKm, VISIT_DISTANCE_FLOOR_KM) / FULL_VISIT_DISTANCE_KM, -elasticity));
}

/** A region's visit rate: the home region's wholesalers', or foreign importers' by distance. */
export function regionVisitRate(region: { domestic: boolean; distanceKm: number }, elasticity: number): number {
  return region.domestic ? DOMESTIC_VISIT_RATE : visitRate(region.distanceKm, elasticity);
}

/** Online entry cost into region r this month. */
export function onlineEntryCost(w: World, r: number): number {
  const m = w.scenario.model;
  const strictness = Math.max(w.levers.dataRegime[r][w.t], w.levers.homeDataOutboundStrictness[w.t]);
  return m.onlineEntryCostUsd + m.localisationCostUsd * strictness;
}

export function updateOnlineMarkets(w: World): void {
  const { merchants: s, market, scenario, K, R } = w;
  const m = scenario.model;
  const annuity = annuityFactor(m.planningHorizonMonths, w.levers.smeLendingRate[w.t]);
  const entryCost = entryCostWork.get(R);
  for (let r = 0; r < R; r++) entryCost[r] = onlineEntryCost(w, r);
  const foreign = w.foreignMask;
  const net = market.netPerAttraction;
  const luck = w.merchantRandom;
  const { level, category, attractB2b, attractCbec, margin, onlineMask } = s;
  const slots = s.aliveSlots();
  for (let n = 0; n < s.aliveCount; n++) {
    const i = slots[n];
    if (level[i] === 0) continue;
    const u = luck.next(i);
    if (u >= CONSIDER_NEW_MARKET + REVIEW_MARKET) continue;
    // One region a month comes up for review: a new one to enter, or one served to keep or leave.
    const r = Math.floor(luck.next(i) * R);
    if (((foreign >> r) & 1) === 0) continue;
    const cell = (r * K + category[i]) * CHANNEL_COUNT;
    const expected = attractB2b[i] * net[cell + B2B] + attractCbec[i] * net[cell + CBEC];
    const gain = expected * margin[i] - m.marketMaintenanceUsd;
    if (((onlineMask[i] >> r) & 1) === 1) {
      if (u < REVIEW_MARKET && gain < -0.5 * m.marketMaintenanceUsd) setOnlineMarket(w, i, r, false);
      continue;
    }
    if (u < REVIEW_MARKET || gain * annuity <= entryCost[r]) continue;
    if (!financeInvestment(w, i, entryCost[r])) continue;
    setOnlineMarket(w, i, r, true);
    w.accounts.marketEntries += 1;
  }
}
const entryCostWork = new ScratchBuffer();

export function updateHallRelationships(w: World): void {
  const { merchants: s, market, scenario, peers, R, K } = w;
  const m = scenario.model;
  const t = w.t;
  // New relationships need foreign buyers in the hall: visitors, or, for buyers who cannot
  // travel, the buying agents and resident foreign traders who source for them (as in buyer choice)
  const visits = w.levers.foreignVisitsOpen[t];
  const meetings = m.hallMeetingsPerMonth * w.levers.hallOpen[t] * (visits + (1 - visits) * m.buyingAgentAccess);
  const noMeeting = exp(-meetings);
  // Visitors' regional mix per category (cumulative), from importers' spending × visit rate.
  const mix = mixWork.get(R * K);
  for (let k = 0; k < K; k++) {
    let total = 0;
    for (let r = 0; r < R; r++) {
      const region = scenario.regions[r];
      const v = region.domestic ? 0 : market.importerBudget[r * K + k] * w.visitRate[r];
      total += v;
      mix[k * R + r] = total;
    }
    for (let r = 0; r < R; r++) mix[k * R + r] = total > 0 ? mix[k * R + r] / total : 0;
  }
  // Each relationship lapses independently (lapses first: a region lost this month can be met
  // again at once); then each booth meets Poisson(meetings) new buyers. A booth has at most one
  // relationship per region (a bit of offlineMask): meeting a buyer from a region it already
  // serves adds nothing. The category's mean hall attraction is the month's peer statistics'
  // (phase 8), from before this month's exits and adoption.
  const luck = w.merchantRandom;
  const lapse = m.linkAttrition;
  // chance that none of n relationships lapses, for n = 0 … R (the common case, without a power per merchant)
  const noLapse = noLapseWork.get(R + 1);
  for (let n = 0; n <= R; n++) noLapse[n] = pow(1 - lapse, n);
  const foreign = w.foreignMask;
  const { category, offlineMask, attractHall } = s;
  const hallAttraction = peers.hallAttraction;
  const slots = s.aliveSlots();
  for (let a = 0; a < s.aliveCount; a++) {
    const i = slots[a];
    const k = category[i];
    const links = offlineMask[i] & foreign;
    if (links !== 0) {
      // how many of its n relationships lapse: Binomial(n, attrition) by inversion of one draw;
      // then which ones, uniformly (most months none, so one draw per merchant suffices)
      const n = bitCount(links);
      const u = luck.next(i);
      let lapses = u < noLapse[n] ? 0 : binomialFromUniform(u, n, lapse, noLapse[n]);
      while (lapses-- > 0) {
        let mask = offlineMask[i] & foreign;
        for (let skip = Math.floor(luck.next(i) * bitCount(mask)); skip > 0; skip--) mask &= mask - 1;
        setHallLink(w, i, 31 - Math.clz32(mask & -mask), false);
      }
    }
    const u = luck.next(i);
    if (u <= noMeeting) continue;
    // no foreign importer of the category spends this month: the booths meet nobody to keep
    if (mix[k * R + R - 1] === 0) continue;
    const n = poissonFromUniform(u, meetings, noMeeting);
    const relative = hallAttraction[k] > 0 ? attractHall[i] / hallAttraction[k] : 1;
    const stays = Math.min(1, STAY_CHANCE_AT_MEAN * Math.sqrt(relative));
    for (let j = 0; j < n; j++) {
      const v = luck.next(i);
      let r = 0;
      while (r < R - 1 && mix[k * R + r] <= v) r++;
      // (the draw is made whether or not the booth already knows buyers from r)
      if (luck.next(i) < stays && ((offlineMask[i] >> r) & 1) === 0) setHallLink(w, i, r, true);
    }
  }
}
const mixWork = new ScratchBuffer();
const noLapseWork = new ScratchBuffer();
