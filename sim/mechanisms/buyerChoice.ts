/**
 * Buyer search and choice.
 *
 * Each buyer agent (a weighted cohort of importers or online consumers in one region buying
 * one category) splits its monthly budget between the hub's channels and competing suppliers
 * elsewhere (the outside option) by a multinomial logit. The utility of buying from merchant j
 * through channel c is −β·ln(landed cost) + ln(visibility), so summing over merchants gives a
 * channel weight  S_c · L_c^−β · access_c · e^{habit·last_c}, where S_c is the merchants'
 * summed attraction in the cell (offers.ts), L_c the landed-cost factor (tradeCosts.ts).
 *
 * - Importers reach the market hall in person (visit propensity) or through buying agents;
 *   the hall is only reachable while open, and travel restrictions turn foreign visits into
 *   purchases through agents. Online channels are reached in proportion to the
 *   region's digital readiness and the buyer's search breadth.
 * - 5G coverage raises online conversion (rich content, live-stream selling): up to +30%.
 * - Online purchases carry perceived fraud risk, larger the less the buyer trusts the channel;
 *   utility loses β × perceived risk (the risk's share of value, as if added to the landed cost).
 * - Habit: last month's channel mix among the hub's channels is kept (repeat relationships).
 * - Trust follows experience: a bad experience (more likely where fraud is common) cuts trust,
 *   softened by consumer protection and refunds; good months rebuild it.
 *
 * Competing suppliers' strength grows at `rivalImprovement` a year (other hubs improve too).
 * While world freight rates are shocked they pay the extra freight too: their weight falls by
 * their landed-cost factor^−β (tradeCosts.ts; the hall's cell for importers, cross-border
 * e-commerce's for online consumers).
 *
 * Demand: each region's small-commodity spending grows at its rate, shifts toward online
 * consumers as digital readiness grows, and moves with demand shocks.
 *
 * Sources: McFadden (1974) logit; the trust-learning rule is an assumption; fraud and trust
 * effects of consumer protection: OECD (2019) Unpacking E-commerce; online-consumer growth:
 * AliResearch–Accenture (2015).
 */
import type { World } from '../world/world.ts';
import { ScratchBuffer } from '../scratch.ts';
import * as ids from '../ids.ts';
import { exp, pow } from '../portableMath.ts';
// Local copies: module-level constants stay fast under any module loader (test runners wrap imports in getters).
const { CHANNEL_COUNT, HALL, B2B, CBEC, IMPORTER } = ids;

/** Orders an online buyer cohort places a month, for the chance of meeting fraud. */
const ORDERS_PER_MONTH = 20;
/** Extra perceived risk per unit of distrust. */
const DISTRUST_RISK = 2;
/** Monthly pull of trust back toward the region's norm. */
const TRUST_NORM_PULL = 0.01;
const MAX_ONLINE_CONSUMER_SHARE = 0.8;
/** Extra online conversion at full 5G coverage (assumption; docs/ODD.md). */
const FIVE_G_ONLINE_CONVERSION = 0.3;

/** Sets this month's spending budgets per region × category × buyer kind. */
export function updateDemand(w: World): void {
  const { scenario, levers, market, R, K } = w;
  const t = w.t;
  const years = t / 12;
  let shareSum = 0;
  for (const c of scenario.categories) shareSum += c.demandShare;
  for (let r = 0; r < R; r++) {
    const region = scenario.regions[r];
    const total = (region.marketSizeUsdBn * 1e9 / 12) * w.scenario.scale * pow(1 + region.demandGrowth, years);
    const readiness0 = levers.digitalReadiness[r][0] || 1;
    const online = Math.min(MAX_ONLINE_CONSUMER_SHARE,
      region.onlineConsumerShare * pow(1 + scenario.model.onlineConsumerGrowth, years) * (levers.digitalReadiness[r][t] / readiness0));
    for (let k = 0; k < K; k++) {
      const cell = total * (scenario.categories[k].demandShare / shareSum) * levers.demandMultiplier[r * K + k][t];
      market.importerBudget[r * K + k] = cell * (1 - online);
      market.consumerBudget[r * K + k] = cell * online;
    }
  }
}

/**
 * Every buyer chooses; fills market.goodsValue and market.spendPerAttraction per cell. In a
 * real month (`live`), buyers also update their trust from their own random stream; otherwise
 * only habits settle (used at initialisation to calibrate the outside option).
 */
export function chooseChannels(w: World, live: boolean): void {
  const { buyers: b, market, scenario, levers, K } = w;
  const t = w.t;
  const model = scenario.model;
  const beta = model.priceSensitivity;
  const habit = model.channelHabit;
  const hallOpen = levers.hallOpen[t];
  const foreignVisits = levers.foreignVisitsOpen[t];
  // 5G-enabled rich content (video catalogues, live-stream selling) converts more online visitors
  const onlineConversion = 1 + FIVE_G_ONLINE_CONVERSION * levers.fiveGCoverage[t];
  const protection = levers.consumerProtection[t];
  // competing suppliers improve over time too; at initialisation (live false) the reference is month 0
  const rivals = pow(1 + model.rivalImprovement, t / 12);
  const trustLoss = 0.3 * (1 - protection);
  market.goodsValue.fill(0);
  market.spendPerAttraction.fill(0);
  market.hubWeight.fill(0);
  market.budgetSum.fill(0);
  const landedPow = work.get(market.landedCost.length);
  for (let cell = 0; cell < landedPow.length; cell++) {
    landedPow[cell] = market.landedCost[cell] > 0 ? pow(market.landedCost[cell], -beta) : 0;
  }
  const rivalPow = rivalWork.get(market.rivalCostFactor.length);
  for (let cell = 0; cell < rivalPow.length; cell++) {
    rivalPow[cell] = market.rivalCostFactor[cell] === 1 ? 1 : pow(market.rivalCostFactor[cell], -beta);
  }

  // the stores' arrays in locals (fewer loads per buyer)
  const { region, category, kind, budgetShare, searchBreadth, visitPropensity, lastShare } = b;
  const trustOf = b.trust;
  const { importerBudget, consumerBudget, fraudRate, attraction, hubWeight, budgetSum, outsideAttraction, goodsValue, spendPerAttraction, payFactor } = market;
  const readinessNow = levers.digitalReadiness;
  for (let i = 0; i < b.count; i++) {
    const r = region[i];
    const k = category[i];
    const rk = r * K + k;
    const base = rk * CHANNEL_COUNT;
    const importer = kind[i] === IMPORTER;
    const budget = (importer ? importerBudget[rk] : consumerBudget[rk]) * budgetShare[i];
    if (budget <= 0) continue;
    const readiness = readinessNow[r][t] * searchBreadth[i] * onlineConversion;
    const trust = trustOf[i];
    const last = i * CHANNEL_COUNT;

    // weight per unit of attraction, by channel
    let wHall = 0;
    let wB2b = 0;
    let wCbec = 0;
    if (importer) {
      // buyers who cannot visit (by habit or travel restrictions) reach the hall through agents
      const v = visitPropensity[i] * (r === w.domestic ? 1 : foreignVisits);
      const access = hallOpen * (v + (1 - v) * model.buyingAgentAccess);
      wHall = access * landedPow[base + HALL] * exp(habit * lastShare[last + HALL]);
      const risk = fraudRate[r * CHANNEL_COUNT + B2B] * (1 + DISTRUST_RISK * (1 - trust));
      wB2b = readiness * landedPow[base + B2B] * exp(habit * lastShare[last + B2B] - beta * risk);
    } else {
      const risk = fraudRate[r * CHANNEL_COUNT + CBEC] * (1 + DISTRUST_RISK * (1 - trust));
      wCbec = readiness * landedPow[base + CBEC] * exp(habit * lastShare[last + CBEC] - beta * risk);
    }
    // (sums are kept incrementally, so guard against a rounding residue below zero)
    const sHall = Math.max(0, attraction[base + HALL]) * wHall;
    const sB2b = Math.max(0, attraction[base + B2B]) * wB2b;
    const sCbec = Math.max(0, attraction[base + CBEC]) * wCbec;
    const hub = sHall + sB2b + sCbec;
    hubWeight[rk] += budget * hub;
    budgetSum[rk] += budget;
    const outside = outsideAttraction[rk] * rivals * rivalPow[base + (importer ? HALL : CBEC)];
    const denominator = outside + hub;
    if (denominator <= 0) continue;
    const perUnit = budget / denominator;
    if (wHall > 0) {
      goodsValue[base + HALL] += (perUnit * sHall) / payFactor[base + HALL];
      spendPerAttraction[base + HALL] += (perUnit * wHall) / payFactor[base + HALL];
    }
    if (wB2b > 0) {
      goodsValue[base + B2B] += (perUnit * sB2b) / payFactor[base + B2B];
      spendPerAttraction[base + B2B] += (perUnit * wB2b) / payFactor[base + B2B];
    }
    if (wCbec > 0) {
      goodsValue[base + CBEC] += (perUnit * sCbec) / payFactor[base + CBEC];
      spendPerAttraction[base + CBEC] += (perUnit * wCbec) / payFactor[base + CBEC];
    }
    if (!live) {
      if (hub > 0) {
        lastShare[last + HALL] = sHall / hub;
        lastShare[last + B2B] = sB2b / hub;
        lastShare[last + CBEC] = sCbec / hub;
      }
      continue;
    }
    // habits: this month's mix among the hub's channels
    const onlineShare = hub > 0 ? (sB2b + sCbec) / hub : 0;
    if (hub > 0) {
      lastShare[last + HALL] = sHall / hub;
      lastShare[last + B2B] = sB2b / hub;
      lastShare[last + CBEC] = sCbec / hub;
    }
    // trust follows experience of online purchases
    if (onlineShare > 0) {
      const fraud = fraudRate[r * CHANNEL_COUNT + (importer ? B2B : CBEC)];
      const incident = 1 - exp(-fraud * ORDERS_PER_MONTH * onlineShare);
      let next = trust;
      if (w.buyerRandom.next(i) < incident) next = trust * (1 - trustLoss);
      else next = trust + model.trustLearning * onlineShare * (1 - trust);
      trustOf[i] = next + TRUST_NORM_PULL * (scenario.regions[r].consumerTrust - next);
    }
  }
}

const work = new ScratchBuffer();
const rivalWork = new ScratchBuffer();

/**
 * Sets the strength of competing suppliers so the hub holds `hubShareAtStart` of demand in an
 * average foreign region (and of the domestic market) at the start. The same strength in every
 * foreign region, so nothing here shapes the regional pattern of trade: that comes from trade
 * costs, market-hall visits, digital readiness and data rules, which differ by region.
 */
export function calibrateOutsideOption(w: World): void {
  const { market, scenario, R, K } = w;
  const share = scenario.model.hubShareAtStart;
  // Converge habits first (a few rounds of choice with no competitors), then measure.
  market.outsideAttraction.fill(0);
  for (let round = 0; round < 3; round++) chooseChannels(w, false);
  const hubWeight = market.hubWeight;
  const budgetSum = market.budgetSum;
  for (let k = 0; k < K; k++) {
    let foreignSum = 0;
    let foreignBudget = 0;
    for (let r = 0; r < R; r++) {
      const rk = r * K + k;
      if (scenario.regions[r].domestic) {
        const mean = budgetSum[rk] > 0 ? hubWeight[rk] / budgetSum[rk] : 0;
        market.outsideAttraction[rk] = (mean * (1 - share)) / share;
      } else {
        foreignSum += hubWeight[rk];
        foreignBudget += budgetSum[rk];
      }
    }
    const foreignMean = foreignBudget > 0 ? foreignSum / foreignBudget : 0;
    for (let r = 0; r < R; r++) {
      if (!scenario.regions[r].domestic) market.outsideAttraction[r * K + k] = (foreignMean * (1 - share)) / share;
    }
  }
}
