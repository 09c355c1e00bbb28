/**
 * Which markets each merchant serves.
 *
 * Online (Melitz 2003): a digital merchant now and then weighs entering one more foreign region
 * online. It enters when the margin on the sales it can expect there — its attraction times
 * what buyers in that cell spend per unit of attraction this month — over its planning horizon
 * exceeds the fixed entry cost (listings, certification, translation) plus a compliance cost
 * that grows with the stricter of the region's data regime and the home outbound-data rule.
 * It leaves a region whose smoothed sales no longer cover the upkeep.
 *
 * Offline: buyers visiting the market hall meet booths. A merchant meets new buyers at a rate
 * that falls when the hall is closed; each meeting's region is drawn from the visitors' mix
 * (importers' spending × visit rate, which falls with distance: travel cost, language,
 * information); the buyer stays when the booth is competitive enough. Relationships lapse at a
 * constant rate (each month one of a merchant's n relationships lapses with probability
 * n × attrition). Every merchant sells to domestic wholesalers.
 *
 * Sources: Melitz (2003); Chaney (2014) network structure of exporting (meeting-based market
 * entry); visit decay with distance: assumption (docs/ODD.md).
 */
import type { World } from '../world/world.ts';
import { poisson, type Stream } from '../random.ts';
import { CHANNEL_COUNT, B2B, CBEC } from '../ids.ts';
import { annuityFactor, bitCount } from './finance.ts';
import { financeInvestment } from './adoption.ts';
import { ScratchBuffer } from '../scratch.ts';

/** Monthly chance a digital merchant weighs a new region. */
const CONSIDER_NEW_MARKET = 0.25;
/** Monthly chance a merchant notices a region no longer pays. */
const REVIEW_MARKET = 0.1;

/** Share of importers from a region who buy in the market hall in person (before personal variation). */
export function visitRate(distanceKm: number, elasticity: number): number {
  return Math.min(1, Math.pow(Math.max(distanceKm, 500) / 1000, -elasticity));
}

/** Online entry cost into region r this month. */
export function onlineEntryCost(w: World, r: number): number {
  const m = w.scenario.model;
  const strictness = Math.max(w.levers.dataRegime[r][w.t], w.levers.homeDataOutboundStrictness[w.t]);
  return m.onlineEntryCostUsd + m.localisationCostUsd * strictness;
}

export function updateOnlineMarkets(w: World, rng: Stream): void {
  const { merchants: s, market, scenario, K, R } = w;
  const m = scenario.model;
  const annuity = annuityFactor(m.planningHorizonMonths, w.levers.smeLendingRate[w.t]);
  const entryCost = entryCostWork.get(R);
  for (let r = 0; r < R; r++) entryCost[r] = onlineEntryCost(w, r);
  const foreign = w.foreignMask;
  for (let i = 0; i < s.capacity; i++) {
    if (s.alive[i] === 0 || s.level[i] === 0) continue;
    const k = s.category[i];
    // leave regions that no longer pay
    let mask = s.onlineMask[i] & foreign;
    while (mask !== 0) {
      const r = 31 - Math.clz32(mask);
      mask &= ~(1 << r);
      if (s.onlineRevenue[i * R + r] * s.margin[i] < 0.5 * m.marketMaintenanceUsd && rng() < REVIEW_MARKET) {
        s.onlineMask[i] &= ~(1 << r);
        s.onlineRevenue[i * R + r] = 0;
      }
    }
    if (rng() >= CONSIDER_NEW_MARKET) continue;
    const r = Math.floor(rng() * R);
    if (((foreign >> r) & 1) === 0 || ((s.onlineMask[i] >> r) & 1) === 1) continue;
    const cell = (r * K + k) * CHANNEL_COUNT;
    const expected = s.attractB2b[i] * market.netPerAttraction[cell + B2B] + s.attractCbec[i] * market.netPerAttraction[cell + CBEC];
    const gain = expected * s.margin[i] - m.marketMaintenanceUsd;
    if (gain * annuity <= entryCost[r]) continue;
    if (!financeInvestment(w, i, entryCost[r], rng)) continue;
    s.onlineMask[i] |= 1 << r;
    s.onlineRevenue[i * R + r] = expected;
    w.accounts.marketEntries += 1;
  }
}
const entryCostWork = new ScratchBuffer();

export function updateHallRelationships(w: World, rng: Stream): void {
  const { merchants: s, market, scenario, peers, R, K } = w;
  const m = scenario.model;
  const t = w.t;
  const meetings = m.hallMeetingsPerMonth * w.levers.hallOpen[t];
  // Visitors' regional mix per category (cumulative), from importers' spending × visit rate.
  const mix = mixWork.get(R * K);
  for (let k = 0; k < K; k++) {
    let total = 0;
    for (let r = 0; r < R; r++) {
      const region = scenario.regions[r];
      const v = region.domestic ? 0 : market.importerBudget[r * K + k] * visitRate(region.distanceKm, m.visitDistanceElasticity);
      total += v;
      mix[k * R + r] = total;
    }
    for (let r = 0; r < R; r++) mix[k * R + r] = total > 0 ? mix[k * R + r] / total : 0;
  }
  for (let i = 0; i < s.capacity; i++) {
    if (s.alive[i] === 0) continue;
    const k = s.category[i];
    // lapsed relationships: with n relationships, one lapses with probability n × attrition
    // (at most one a month: a cheap stand-in for n separate draws when attrition is small)
    const links = s.offlineMask[i] & w.foreignMask;
    if (links !== 0) {
      const n = bitCount(links);
      const u = rng() * Math.max(1, n * m.linkAttrition);
      if (u < n * m.linkAttrition) {
        // the (floor(u / attrition))-th set bit lapses
        let skip = Math.min(n - 1, Math.floor(u / m.linkAttrition));
        let mask = links;
        while (skip-- > 0) mask &= mask - 1;
        s.offlineMask[i] &= ~(mask & -mask);
      }
    }
    // new buyers met in the hall
    const n = poisson(rng, meetings);
    if (n === 0) continue;
    const relative = peers.hallAttraction[k] > 0 ? s.attractHall[i] / peers.hallAttraction[k] : 1;
    const stays = Math.min(1, 0.5 * Math.sqrt(relative));
    for (let j = 0; j < n; j++) {
      const u = rng();
      let r = 0;
      while (r < R - 1 && mix[k * R + r] <= u) r++;
      if (rng() < stays) s.offlineMask[i] |= 1 << r;
    }
  }
}
const mixWork = new ScratchBuffer();
