/**
 * Digital adoption: merchants climb digital levels — offline → B2B platform → cross-border
 * e-commerce → data-driven (cloud, ERP, AI) — one level at a time.
 *
 * Each month a merchant considers the next level with the Bass (1969) hazard p + q × (share of
 * its category's merchants already at that level or above): innovators and imitators, which
 * gives the S-curve. It adopts when the gain it expects — what peers at the next level sell for
 * their productivity, applied to its own productivity, times its margin, less the running
 * cost — over its planning horizon, discounted at the lending rate, exceeds the one-off cost,
 * and when it can pay: from spare cash, or with credit (finance.ts). The cost falls with 5G
 * coverage and with the price of cloud and AI services (most for the data-driven level).
 *
 * Sources: Bass (1969); Rogers (2003) diffusion of innovations; adoption costs and the role of
 * 5G and cloud prices: assumption, documented in docs/ODD.md.
 */
import type { World } from '../world/world.ts';
import { ScratchBuffer } from '../scratch.ts';
import { attachMerchant, detachMerchant } from './offers.ts';
import * as ids from '../ids.ts';
import { shareAtOrAbove } from './peers.ts';
import { annuityFactor, financeInvestment } from './finance.ts';
import { pow } from '../portableMath.ts';
// Local copies: module-level constants stay fast under any module loader (test runners wrap imports in getters).
const { LEVEL_COUNT } = ids;

/** How much each level's cost depends on the cloud/AI price (exponent), by target level. */
const CLOUD_PRICE_EXPONENT = [0, 0.3, 0.5, 1];
/** Share of the adoption cost that full 5G coverage saves. */
const FIVE_G_COST_SAVING = 0.35;
/** Gain assumed when no peer is at the next level yet. */
const PRIOR_GAIN = 0.3;

export function adoptionCost(w: World, targetLevel: number): number {
  const m = w.scenario.model;
  const t = w.t;
  const base = targetLevel === 1 ? m.adoptionCostB2bUsd : targetLevel === 2 ? m.adoptionCostCbecUsd : m.adoptionCostDataUsd;
  return base * (1 - FIVE_G_COST_SAVING * w.levers.fiveGCoverage[t]) * pow(w.levers.cloudAiPriceIndex[t], CLOUD_PRICE_EXPONENT[targetLevel]);
}

export function adoptDigital(w: World): void {
  const { merchants: s, peers, scenario, levers, K } = w;
  const m = scenario.model;
  const t = w.t;
  const annuity = annuityFactor(m.planningHorizonMonths, levers.smeLendingRate[t]);
  const costs = [0, adoptionCost(w, 1), adoptionCost(w, 2), adoptionCost(w, 3)];
  // Bass hazard of considering the next level, per category × current level.
  const hazard = hazardWork.get(K * LEVEL_COUNT);
  for (let k = 0; k < K; k++) {
    for (let level = 0; level < LEVEL_COUNT - 1; level++) {
      hazard[k * LEVEL_COUNT + level] = Math.min(1, m.bassInnovation + m.bassImitation * shareAtOrAbove(w, k, level + 1));
    }
    hazard[k * LEVEL_COUNT + LEVEL_COUNT - 1] = 0;
  }
  const luck = w.merchantRandom;
  const levelOf = s.level;
  const category = s.category;
  const slots = s.aliveSlots();
  for (let n = 0; n < s.aliveCount; n++) {
    const i = slots[n];
    const level = levelOf[i];
    if (level === LEVEL_COUNT - 1) continue;
    const k = category[i];
    if (luck.next(i) >= hazard[k * LEVEL_COUNT + level]) continue;
    const nextLevel = level + 1;
    const peersNext = peers.count[k * LEVEL_COUNT + nextLevel];
    const expected = peersNext > 0 ? peers.performance[k * LEVEL_COUNT + nextLevel] * s.productivityPower[i] : s.salesEma[i] * (1 + PRIOR_GAIN);
    const gain = (expected - s.salesEma[i]) * s.margin[i] - m.digitalRunningCostUsd;
    if (gain * annuity <= costs[nextLevel]) continue;
    if (!financeInvestment(w, i, costs[nextLevel])) continue;
    detachMerchant(w, i);
    s.level[i] = nextLevel;
    if (nextLevel === 1) s.onlineMask[i] |= 1 << w.domestic;
    attachMerchant(w, i);
    w.accounts.adoptions += 1;
  }
}
const hazardWork = new ScratchBuffer();
