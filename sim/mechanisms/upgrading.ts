/**
 * Value-chain upgrading along the "smile curve" (Shih 1992): producers invest in their own
 * design and R&D; traders, and designers, build an own brand with after-sales service.
 *
 * Now and then (more often for data-driven merchants, whose data show them what sells) a
 * merchant weighs the step up. Design and brand raise the price by a premium and buyers value
 * it as quality, so sales change by (premium ratio)^(β·(q − 1)) and the margin widens. The
 * merchant invests when the expected gain — times the chance the investment succeeds — over its
 * planning horizon exceeds the cost (cheaper with cheaper cloud and AI design tools), and it
 * can pay from spare cash or credit. Value added is then booked to the new stage (offers.ts).
 *
 * Sources: Shih (1992); Gereffi (1999) industrial upgrading in apparel chains; Humphrey &
 * Schmitz (2002) process, product and functional upgrading; costs and odds: assumption.
 */
import type { World } from '../world/world.ts';
import * as ids from '../ids.ts';
import { premiumFactor, attachMerchant, detachMerchant } from './offers.ts';
import { annuityFactor } from './finance.ts';
import { financeInvestment } from './finance.ts';
import { pow } from '../portableMath.ts';
// Local copies: module-level constants stay fast under any module loader (test runners wrap imports in getters).
const { DESIGN, BRAND } = ids;
/** Where each stage can upgrade to (-1: nowhere), by ids.ts STAGES index: production → design; trading and design → brand. */
const UPGRADE_TO = [-1, BRAND, DESIGN, BRAND, -1];
const DATA_DRIVEN_BOOST = 1.5;

export function upgradeValueChain(w: World): void {
  const { merchants: s, scenario, levers } = w;
  const m = scenario.model;
  const t = w.t;
  const beta = m.priceSensitivity;
  const annuity = annuityFactor(m.planningHorizonMonths, levers.smeLendingRate[t]);
  const toolFactor = 0.7 + 0.3 * levers.cloudAiPriceIndex[t];
  const luck = w.merchantRandom;
  // chance to consider upgrading, for other and for data-driven merchants
  const hazard = m.upgradeHazard;
  const hazardDataDriven = m.upgradeHazard * DATA_DRIVEN_BOOST;
  const stageOf = s.stage;
  const level = s.level;
  const slots = s.aliveSlots();
  for (let n = 0; n < s.aliveCount; n++) {
    const i = slots[n];
    const stage = stageOf[i];
    const target = UPGRADE_TO[stage];
    if (target < 0) continue;
    const dataDriven = level[i] === 3;
    if (luck.next(i) >= (dataDriven ? hazardDataDriven : hazard)) continue;
    const cat = scenario.categories[s.category[i]];
    const before = premiumFactor(w, stage, cat.designIntensity);
    const after = premiumFactor(w, target, cat.designIntensity);
    const salesAfter = s.salesEma[i] * pow(after / before, beta * (m.qualityPerPremium - 1));
    const marginAfter = 1 - (1 - s.margin[i]) * (before / after);
    const success = Math.min(1, m.upgradeSuccess * (dataDriven ? 1.3 : 1));
    const gain = success * (salesAfter * marginAfter - s.salesEma[i] * s.margin[i]);
    const cost = (target === BRAND ? m.upgradeCostBrandUsd : m.upgradeCostDesignUsd) * toolFactor;
    if (gain * annuity <= cost) continue;
    if (!financeInvestment(w, i, cost)) continue;
    if (luck.next(i) < success) {
      detachMerchant(w, i);
      s.stage[i] = target;
      attachMerchant(w, i);
      w.accounts.upgrades += 1;
    }
  }
}

