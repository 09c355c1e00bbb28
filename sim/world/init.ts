/**
 * Initialisation: the world as it stands in the first month, from a resolved scenario.
 *
 * Merchants: one per occupied booth (75,000 × scale), a category drawn by demand share, productivity
 * from a Pareto distribution, a stage by the shares of Yiwu's booths, an age, cash and debt.
 * Digital levels are assigned by a noisy productivity ranking to the 2020 shares (more
 * productive merchants went digital first). Market-hall relationships start at their steady
 * state; online markets are seeded from productivity and each region's readiness, then the
 * market-entry mechanism takes over. A booth reserve of 20% lets the hub grow.
 *
 * Buyers: agents per region × category × kind (10,000 × scale in all, at least 4 per cell), with budget shares,
 * visit propensity, search breadth and trust drawn around their region's values.
 *
 * Then dry months (no money booked) set prices, costs, the strength of competing suppliers
 * (calibrateOutsideOption, on the scenario with default policies: see policyReference) and
 * what merchants expect to sell; incumbents who could not cover their costs are redrawn as
 * survivors (see prime), and the freight market settles (settleFreightMarket). The outside
 * option, the survivors and the settled freight market all come from the reference world, so a
 * scenario with default policies starts where the calibration put it (close, not to the digit:
 * the scenario's own world then runs its dry months, without redraws, so that habits settle, and the hub's starting share of an
 * average region's demand comes out 2.9–3.0 % for a 3 % target).
 */
import { defaultScenario, type ResolvedScenario } from '../schema/resolve.ts';
import { parseMonth } from '../schema/dates.ts';
import { stream, normal, AgentStreams, type Stream } from '../random.ts';
import { CHANNEL_COUNT, IMPORTER, CONSUMER } from '../ids.ts';
import { MerchantStore, MerchantArchive } from './merchants.ts';
import { BuyerStore } from './buyers.ts';
import { ProviderStore } from './providers.ts';
import { buildLevers } from './levers.ts';
import { MarketState, MonthAccounts, PeerStats, sampleMerchants, type World } from './world.ts';
import { priceLogistics, settleLogistics, shipGoodsAtCurrentModeShares } from '../mechanisms/logistics.ts';
import { updateTradeCosts } from '../mechanisms/tradeCosts.ts';
import { updateOffers } from '../mechanisms/offers.ts';
import { updateDemand, chooseChannels, calibrateOutsideOption } from '../mechanisms/buyerChoice.ts';
import { settleSales } from '../mechanisms/sales.ts';
import { updatePeerStats } from '../mechanisms/peers.ts';
import { regionVisitRate, STAY_CHANCE_AT_MEAN } from '../mechanisms/markets.ts';
import { fixedCosts, creditSupply } from '../mechanisms/finance.ts';
import { drawCategory, drawProductivity, placeMerchant, ENTRANT_STAGE_CUMULATIVE } from '../mechanisms/demography.ts';
import { exp, log, pow } from '../portableMath.ts';
import { ScratchBuffer } from '../scratch.ts';

export { YIWU_MERCHANTS } from './world.ts';
/** Buyer agents at Yiwu scale, and the buyers they stand for. */
export const YIWU_BUYER_AGENTS = 10_000;
export const YIWU_IMPORTERS = 150_000;
export const YIWU_ONLINE_CONSUMERS = 850_000;
/** Regions a world can hold: merchants' regions are bit masks in 16 bits (MerchantStore offlineMask, onlineMask). */
const MAX_REGIONS = 16;
/** Share of booths kept in reserve for growth. */
const BOOTH_RESERVE = 0.2;
/** Shares of merchants at each digital level in 2020: offline, B2B, cross-border e-commerce, data-driven (assumption). */
const INITIAL_LEVEL_SHARES = [0.4, 0.38, 0.17, 0.05];
const MEAN_AGE_MONTHS = 96;

export function cumulativeDemandShares(s: ResolvedScenario): Float64Array {
  const out = new Float64Array(s.categories.length);
  let total = 0;
  for (const c of s.categories) total += c.demandShare;
  let acc = 0;
  s.categories.forEach((c, k) => (out[k] = acc += c.demandShare / total));
  return out;
}

/**
 * The scenario with every policy lever and shock at its default (Yiwu as it is), keeping the
 * world tables' structural figures and the behavioural parameters. The strength of competing
 * suppliers is calibrated on this reference, so a policy in force from the first month still
 * changes the hub's share of demand instead of being calibrated away.
 */
export function policyReference(scenario: ResolvedScenario): ResolvedScenario {
  const defaults = defaultScenario();
  return {
    ...scenario,
    infrastructure: defaults.infrastructure,
    platform: defaults.platform,
    rules: defaults.rules,
    shocks: [],
    regions: scenario.regions.map((r, i) => ({
      ...r,
      tariff: defaults.regions[i].tariff,
      dataRegime: defaults.regions[i].dataRegime,
      digitalReadiness: defaults.regions[i].digitalReadiness,
    })),
  };
}

/**
 * What a world takes from its default-policy reference: the strength of competing suppliers,
 * the incumbents' productivity after the survivor redraws (by booth slot; 0 for vacant booths)
 * and the settled freight market.
 * The first two are set together in the reference: the outside option is calibrated on the survivors, so
 * a world that redrew its own survivors against it would hold a different share of demand.
 */
export interface Reference {
  outsideAttraction: Float64Array;
  productivity: Float64Array;
  /** The freight market as it settled before the run (by provider): see settleFreightMarket. */
  freight: FreightMarketState;
}

/** The providers' state that carries from month to month: shares of their mode, utilisation, congestion markup. */
export interface FreightMarketState {
  share: Float64Array;
  utilisation: Float64Array;
  congestion: Float64Array;
}

/**
 * The reference of a scenario: built from the default-policy world. Scenarios that differ only
 * in policies share it, so it is kept for the last few references (a pure function of the
 * reference and seed: caching changes no number, it only saves rebuilding the reference when a
 * user moves one slider after another).
 */
function referenceOf(scenario: ResolvedScenario, seed: number): Reference {
  const reference = policyReference(scenario);
  // names and texts do not change any number
  const key = `${seed}|${JSON.stringify({ ...reference, name: '', title: null, description: null, seed: 0 })}`;
  let value = referenceCache.get(key);
  if (!value) {
    const w = createWorld(reference, seed, null);
    const p = w.providers;
    value = {
      outsideAttraction: w.market.outsideAttraction,
      productivity: w.merchants.productivity.slice(),
      freight: { share: p.share.slice(), utilisation: p.utilisation.slice(), congestion: p.congestion.slice() },
    };
    referenceCache.set(key, value);
    if (referenceCache.size > 8) referenceCache.delete(referenceCache.keys().next().value!);
  }
  return value;
}
const referenceCache = new Map<string, Reference>();

/** Builds the world; `reference` null calibrates the outside option and draws survivors here (the reference world itself). */
export function createWorld(scenario: ResolvedScenario, seed = scenario.seed, reference?: Reference | null): World {
  const firstMonth = parseMonth(scenario.time.start);
  const months = parseMonth(scenario.time.end) - firstMonth + 1;
  const R = scenario.regions.length;
  const K = scenario.categories.length;
  // merchants' regions are bit masks in 16 bits, and sales keep a table over every set of regions
  if (R > MAX_REGIONS) throw new Error(`${R} regions; the model holds at most ${MAX_REGIONS}`);
  const domestic = Math.max(0, scenario.regions.findIndex((r) => r.domestic));
  let foreignMask = 0;
  scenario.regions.forEach((r, i) => { if (!r.domestic) foreignMask |= 1 << i; });

  const merchantCount = sampleMerchants(scenario.scale);
  const merchants = new MerchantStore(Math.ceil(merchantCount * (1 + BOOTH_RESERVE)), R);
  const buyers = createBuyers(scenario, seed, R, K, domestic);
  const providers = createProviders(scenario, seed);
  const w: World = {
    scenario, seed, firstMonth, months, expansion: 1 / scenario.scale, R, K, domestic, foreignMask,
    levers: buildLevers(scenario, firstMonth, months),
    visitRate: Float64Array.from(scenario.regions, (r) => regionVisitRate(r, scenario.model.visitDistanceElasticity)),
    merchants, archive: new MerchantArchive(), buyers, providers,
    merchantRandom: new AgentStreams(merchants.capacity, seed, 'merchants'),
    boothRandom: new AgentStreams(merchants.capacity, seed, 'booths'),
    buyerRandom: new AgentStreams(buyers.count, seed, 'buyers'),
    market: new MarketState(R, K), peers: new PeerStats(K), accounts: new MonthAccounts(R),
    creditDemandLastMonth: 0, t: 0,
  };
  w.creditDemandLastMonth = creditSupply(w);
  for (let i = 0; i < merchants.capacity; i++) w.boothRandom.assign(i);
  for (let i = 0; i < buyers.count; i++) w.buyerRandom.assign(i);
  placeIncumbents(w, merchantCount);
  prime(w, reference === undefined ? referenceOf(scenario, seed) : reference);
  return w;
}

function placeIncumbents(w: World, count: number): void {
  const { scenario, merchants: s, R, K } = w;
  const m = scenario.model;
  const rng = stream(w.seed, 'init-merchants');
  const cumulative = cumulativeDemandShares(scenario);
  const categoryOf = new Uint8Array(count);
  const perCategory = new Int32Array(K);
  for (let i = 0; i < count; i++) perCategory[categoryOf[i] = drawCategory(cumulative, rng())]++;
  // Productivity quantiles stratified within each category: one merchant in each 1/n of
  // quantiles (in random order), so the sample holds the population's tail, top included
  const strata = stream(w.seed, 'init-strata');
  const slices = Array.from(perCategory, (n) => {
    const order = Array.from({ length: n }, (_, j) => j);
    for (let j = n - 1; j > 0; j--) {
      const r = Math.floor(strata() * (j + 1));
      [order[j], order[r]] = [order[r], order[j]];
    }
    return order;
  });
  const placed = new Int32Array(K);
  for (let i = 0; i < count; i++) {
    const k = categoryOf[i];
    const phi = drawProductivity(w, k, (slices[k][placed[k]++] + strata()) / perCategory[k]);
    const stage = drawCategory(ENTRANT_STAGE_CUMULATIVE, rng());
    const age = Math.floor(-log(1 - rng()) * MEAN_AGE_MONTHS);
    placeMerchant(w, i, k, phi, stage, 0, w.firstMonth - age, m.startupCapitalUsd * (0.5 + rng()), false);
    if (rng() < 0.3) s.debt[i] = 0.4 * m.startupCapitalUsd;
  }
  // Digital levels by a noisy productivity ranking (Gumbel noise on log productivity).
  const score = new Float64Array(count);
  for (let i = 0; i < count; i++) score[i] = log(s.productivity[i]) - 0.8 * log(-log(rng() || 1e-12));
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
  let cut = 0;
  for (let level = 3; level >= 1; level--) {
    const n = Math.round(INITIAL_LEVEL_SHARES[level] * count);
    for (let j = cut; j < cut + n && j < count; j++) {
      s.level[order[j]] = level;
      s.onlineMask[order[j]] |= 1 << w.domestic;
    }
    cut += n;
  }
  // Hall relationships at their steady state; online markets seeded by productivity × readiness.
  w.t = 0;
  updateDemand(w);
  const meet = m.hallMeetingsPerMonth * STAY_CHANCE_AT_MEAN;
  for (let i = 0; i < count; i++) {
    const k = s.category[i];
    let visitors = 0;
    for (let r = 0; r < R; r++) if (r !== w.domestic) visitors += w.market.importerBudget[r * K + k] * w.visitRate[r];
    for (let r = 0; r < R; r++) {
      const region = scenario.regions[r];
      if (region.domestic) continue;
      const rate = (meet * w.market.importerBudget[r * K + k] * w.visitRate[r]) / (visitors || 1);
      if (rng() < rate / (rate + m.linkAttrition)) s.offlineMask[i] |= 1 << r;
      if (s.level[i] > 0) {
        const p = 1 - exp(-0.15 * Math.sqrt(s.productivity[i]) * w.levers.digitalReadiness[r][0] * (1 - 0.5 * w.levers.dataRegime[r][0]));
        if (rng() < p) s.onlineMask[i] |= 1 << r;
      }
    }
  }
}

function createBuyers(scenario: ResolvedScenario, seed: number, R: number, K: number, domestic: number): BuyerStore {
  const rng = stream(seed, 'init-buyers');
  const cells: Array<[number, number, number]> = [];
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < K; k++) {
      cells.push([r, k, IMPORTER]);
      if (r !== domestic) cells.push([r, k, CONSUMER]);
    }
  }
  const perCell = Math.max(4, Math.round((YIWU_BUYER_AGENTS * scenario.scale) / cells.length));
  const b = new BuyerStore(cells.length * perCell);
  const m = scenario.model;
  let i = 0;
  for (const [r, k, kind] of cells) {
    const region = scenario.regions[r];
    const first = i;
    let total = 0;
    const kindWeight = (kind === IMPORTER ? YIWU_IMPORTERS / (R * K) : YIWU_ONLINE_CONSUMERS / ((R - 1) * K)) * scenario.scale;
    for (let j = 0; j < perCell; j++, i++) {
      b.region[i] = r;
      b.category[i] = k;
      b.kind[i] = kind;
      b.budgetShare[i] = exp(0.6 * normal(rng));
      total += b.budgetShare[i];
      b.visitPropensity[i] = kind === IMPORTER
        ? Math.min(1, regionVisitRate(region, m.visitDistanceElasticity) * exp(0.4 * normal(rng)))
        : 0;
      b.searchBreadth[i] = exp(0.3 * normal(rng));
      b.trust[i] = Math.min(0.95, Math.max(0.05, region.consumerTrust + 0.1 * normal(rng)));
      b.lastShare[i * CHANNEL_COUNT] = 1;
    }
    for (let j = first; j < i; j++) {
      b.budgetShare[j] /= total;
      b.weight[j] = kindWeight * b.budgetShare[j];
    }
  }
  return b;
}

function createProviders(scenario: ResolvedScenario, seed: number): ProviderStore {
  const rng = stream(seed, 'init-providers');
  const total = scenario.modes.reduce((n, m) => n + Math.max(1, m.providers), 0);
  const p = new ProviderStore(total);
  let i = 0;
  scenario.modes.forEach((mode, m) => {
    const n = Math.max(1, mode.providers);
    const first = i;
    let sum = 0;
    for (let j = 0; j < n; j++, i++) {
      p.mode[i] = m;
      p.baseCapacity[i] = 0.6 + 0.8 * rng();
      sum += p.baseCapacity[i];
      p.costFactor[i] = 0.85 + 0.3 * rng();
      p.digitalAffinity[i] = 0.6 + 0.8 * rng();
      p.utilisation[i] = 0.7;
      p.congestion[i] = mode.congestionPremium * pow(0.7, 4);
    }
    for (let j = first; j < i; j++) {
      p.baseCapacity[j] *= (mode.capacityMillionKgPerMonth * 1e6 * scenario.scale) / sum;
      p.share[j] = p.baseCapacity[j] / (mode.capacityMillionKgPerMonth * 1e6 * scenario.scale);
    }
  });
  return p;
}

/**
 * A dry first month: costs, offers, the outside option, and merchants' expectations.
 *
 * Incumbents are survivors: a merchant that could not cover its costs would not be in the hall
 * in 2020. So after a dry month, each merchant whose sales would not cover its fixed costs gets
 * its productivity redrawn above its break-even level (a Pareto distribution truncated there is
 * the same Pareto scaled up), and the month is rerun; a few rounds settle it. This happens in
 * the reference world (reference null), recalibrating the outside option each round; any other
 * world takes them and the settled freight market from its reference and only lets habits settle.
 */
function prime(w: World, reference: Reference | null): void {
  w.t = 0;
  if (reference) {
    w.providers.share.set(reference.freight.share);
    w.providers.utilisation.set(reference.freight.utilisation);
    w.providers.congestion.set(reference.freight.congestion);
  }
  priceLogistics(w);
  updateTradeCosts(w);
  updateDemand(w);
  const s = w.merchants;
  if (reference) {
    w.market.outsideAttraction.set(reference.outsideAttraction);
    for (let i = 0; i < s.capacity; i++) {
      if (s.alive[i] === 0) continue;
      s.productivity[i] = reference.productivity[i];
      s.productivityPower[i] = pow(s.productivity[i], w.scenario.model.priceSensitivity);
    }
    w.market.offersStale = true;
    updateOffers(w);
    for (let round = 0; round < SURVIVOR_ROUNDS; round++) dryMonth(w);
  } else {
    const rng = stream(w.seed, 'init-survivors');
    for (let round = 0; round < SURVIVOR_ROUNDS; round++) {
      updateOffers(w);
      calibrateOutsideOption(w);
      dryMonth(w);
      // the freight market settles on each round's goods, the last time on the survivors'
      settleFreightMarket(w);
      if (round < SURVIVOR_ROUNDS - 1) redrawLossMakers(w, rng);
    }
  }
  updatePeerStats(w);
  for (let i = 0; i < s.capacity; i++) {
    if (s.alive[i] === 0) continue;
    s.salesEma[i] = s.salesMonth[i];
    s.profitEma[i] = s.salesMonth[i] * s.margin[i] - fixedCosts(w, i);
    s.salesMonth[i] = s.exportMonth[i] = s.salesTotal[i] = s.exportTotal[i] = 0;
  }
  w.accounts.reset();
}

const SURVIVOR_ROUNDS = 4;

/**
 * The freight market before the run, on the goods of the dry month just run: providers'
 * utilisation and congestion markups, and shippers' mode choice, move as they do month by month
 * (logistics.ts; no capacity is added before the run) until neither rates nor utilisation move
 * (utilisation too: above 1.5 the price is capped and stops moving first). Without this the run
 * started from an assumed utilisation of 0.7 and rail and air rates climbed over the first
 * quarter of 2020 for no reason in the model.
 */
function settleFreightMarket(w: World): void {
  const p = w.providers;
  const priceBefore = freightPriceWork.get(p.count);
  const utilisationBefore = freightUtilisationWork.get(p.count);
  for (let round = 0; round < FREIGHT_MAX_ROUNDS; round++) {
    priceBefore.set(p.priceFactor);
    utilisationBefore.set(p.utilisation);
    shipGoodsAtCurrentModeShares(w);
    settleLogistics(w);
    priceLogistics(w);
    updateTradeCosts(w);
    let moved = 0;
    for (let i = 0; i < p.count; i++) {
      // absolute changes (both are of order 1): a mode nobody ships by has its utilisation fall towards 0
      moved = Math.max(moved, Math.abs(p.priceFactor[i] - priceBefore[i]), Math.abs(p.utilisation[i] - utilisationBefore[i]));
    }
    if (moved < FREIGHT_SETTLED) break;
  }
  w.accounts.reset();
}
/** Settled when no provider's price factor or utilisation changes by more than this in a round. */
const FREIGHT_SETTLED = 1e-6;
const FREIGHT_MAX_ROUNDS = 400;
const freightPriceWork = new ScratchBuffer();
const freightUtilisationWork = new ScratchBuffer();

/** Buyers choose (habits settle over two rounds) and merchants sell, without booking anything. */
function dryMonth(w: World): void {
  for (let round = 0; round < 2; round++) {
    chooseChannels(w, false);
    w.accounts.reset();
    settleSales(w);
  }
}

function redrawLossMakers(w: World, rng: Stream): void {
  const s = w.merchants;
  const m = w.scenario.model;
  for (let i = 0; i < s.capacity; i++) {
    if (s.alive[i] === 0) continue;
    const margin = s.salesMonth[i] * s.margin[i];
    const fixed = fixedCosts(w, i);
    if (margin >= fixed) continue;
    // sales grow as φ^β, so break-even productivity is φ × (fixed / margin)^(1/β)
    const breakEven = s.productivity[i] * (margin > 0 ? pow(fixed / margin, 1 / m.priceSensitivity) : 10);
    s.productivity[i] = drawProductivity(w, s.category[i], rng(), breakEven);
    s.productivityPower[i] = pow(s.productivity[i], m.priceSensitivity);
  }
  w.market.offersStale = true;
}
