/**
 * The world: everything a run knows, as flat typed arrays. Regions (R), categories (K),
 * channels (C), modes (M), value-chain stages (G) and digital levels (L) index small tables;
 * merchants, buyers and logistics providers live in their stores. Market "cells" are
 * region × category × channel, indexed `(r * K + k) * C + c`.
 */
import type { ResolvedScenario } from '../schema/resolve.ts';
import { CHANNEL_COUNT, MODE_COUNT, STAGE_COUNT, LEVEL_COUNT, EXIT_REASONS } from '../ids.ts';
import { MerchantStore, MerchantArchive } from './merchants.ts';
import { BuyerStore } from './buyers.ts';
import { ProviderStore } from './providers.ts';
import type { LeverSeries } from './levers.ts';
import type { AgentStreams } from '../random.ts';

/**
 * Money and counts of one month, at sample scale; reset at the start of every month (a new
 * field goes into reset() too: test/state-reset.test.ts names one it leaves as it was).
 */
export class MonthAccounts {
  // what buyers pay, and where it goes
  buyerPayments = 0;
  merchantRevenue = 0;
  freight = 0;
  tariffs = 0;
  fees = 0;
  refunds = 0;
  fraudLosses = 0;
  readonly tariffsByRegion: Float64Array;
  readonly fraudByChannel = new Float64Array(CHANNEL_COUNT);
  readonly feesByChannel = new Float64Array(CHANNEL_COUNT);
  // logistics
  readonly freightByMode = new Float64Array(MODE_COUNT);
  readonly kgByMode = new Float64Array(MODE_COUNT);
  readonly valueByMode = new Float64Array(MODE_COUNT);
  readonly shipmentsByMode = new Float64Array(MODE_COUNT);
  // value chain
  readonly valueAddedByStage = new Float64Array(STAGE_COUNT);
  /** Merchants' sales by the stage the merchant is at, and Σ margin × sales (the smile curve's height). */
  readonly salesByMerchantStage = new Float64Array(STAGE_COUNT);
  readonly grossMarginByMerchantStage = new Float64Array(STAGE_COUNT);
  // merchants' cash flows (for the no-cash-from-nothing check)
  cashAtStart = 0;
  grossProfit = 0;
  fixedCosts = 0;
  investment = 0;
  interestPaid = 0;
  principalRepaid = 0;
  loansReceived = 0;
  ownerWithdrawals = 0;
  ownerEquity = 0;
  // credit
  creditApplications = 0;
  creditApplied = 0;
  creditApprovals = 0;
  creditApproved = 0;
  loanWriteOffs = 0;
  // demography and decisions
  entries = 0;
  readonly exitsByReason = new Float64Array(EXIT_REASONS.length);
  adoptions = 0;
  upgrades = 0;
  marketEntries = 0;

  constructor(regionCount: number) {
    this.tariffsByRegion = new Float64Array(regionCount);
  }

  reset(): void {
    this.buyerPayments = this.merchantRevenue = this.freight = this.tariffs = this.fees = 0;
    this.refunds = this.fraudLosses = 0;
    this.tariffsByRegion.fill(0);
    this.fraudByChannel.fill(0);
    this.feesByChannel.fill(0);
    this.freightByMode.fill(0);
    this.kgByMode.fill(0);
    this.valueByMode.fill(0);
    this.shipmentsByMode.fill(0);
    this.valueAddedByStage.fill(0);
    this.salesByMerchantStage.fill(0);
    this.grossMarginByMerchantStage.fill(0);
    this.cashAtStart = this.grossProfit = this.fixedCosts = this.investment = 0;
    this.interestPaid = this.principalRepaid = this.loansReceived = this.ownerWithdrawals = this.ownerEquity = 0;
    this.creditApplications = this.creditApplied = this.creditApprovals = this.creditApproved = this.loanWriteOffs = 0;
    this.entries = this.adoptions = this.upgrades = this.marketEntries = 0;
    this.exitsByReason.fill(0);
  }
}

/** The state of the market in one month: costs, attraction and spending per cell. */
export class MarketState {
  /** Σ attraction of merchants selling in the cell. */
  readonly attraction: Float64Array;
  /** Σ attraction / price (turns spending into quantities). */
  readonly attractionPerPrice: Float64Array;
  /** Goods value bought per unit of a merchant's attraction, gross of refunds (the marginal market). */
  readonly spendPerAttraction: Float64Array;
  /** The same, net of refunds: what a merchant earns per unit of attraction in the cell. */
  readonly netPerAttraction: Float64Array;
  /** Goods value bought in the cell (gross of refunds). */
  readonly goodsValue: Float64Array;
  /** What buyers pay per US$ of goods: 1 + tariff + freight + fees. */
  readonly payFactor: Float64Array;
  /** Landed-cost multiplier buyers weigh: pay factor × (1 + time cost). */
  readonly landedCost: Float64Array;
  readonly freightShare: Float64Array;
  readonly feeShare: Float64Array;
  readonly tariffShare: Float64Array;
  readonly days: Float64Array;
  /** Customs clearance days (export + import), per region × channel. */
  readonly clearanceDays: Float64Array;
  /** Mode shares per cell, [cell * M + m]. */
  readonly modeShare: Float64Array;
  /** Share of goods value lost to fraud, per region × channel. */
  readonly fraudRate: Float64Array;
  /** Strength of competing suppliers outside the hub, per region × category. */
  readonly outsideAttraction: Float64Array;
  /**
   * Landed-cost factor of those competing suppliers per cell: 1, except while world freight
   * rates are shocked, which rivals pay too (tradeCosts.ts).
   */
  readonly rivalCostFactor: Float64Array;
  /** Spending per region × category this month by importers and by online consumers (all sources), US$. */
  readonly importerBudget: Float64Array;
  readonly consumerBudget: Float64Array;
  /** Σ budget × the hub's summed channel weight, and Σ budget, per region × category (for calibration and reports). */
  readonly hubWeight: Float64Array;
  readonly budgetSum: Float64Array;
  /** Freight cost per kg and transit days per mode and region, [m * R + r]. */
  readonly freightPerKg: Float64Array;
  readonly transitDays: Float64Array;
  /** Average price and transit-time factors per mode this month. */
  readonly modePriceFactor = new Float64Array(MODE_COUNT);
  readonly modeDelayFactor = new Float64Array(MODE_COUNT);
  /** Share of refunded fraud losses this month. */
  refundShare = 0;
  /** Offer tables (offers.ts): [((k * STAGES + g) * 2 + ai) * 2 + (0 price | 1 attraction)] at φ = 1; margins [k * STAGES + g]. */
  readonly offerTable: Float64Array;
  readonly offerMargin: Float64Array;
  /** True when the attraction sums must be rebuilt from scratch (set after initialisation changes). */
  offersStale = true;

  constructor(R: number, K: number) {
    const cells = R * K * CHANNEL_COUNT;
    this.attraction = new Float64Array(cells);
    this.attractionPerPrice = new Float64Array(cells);
    this.spendPerAttraction = new Float64Array(cells);
    this.goodsValue = new Float64Array(cells);
    this.netPerAttraction = new Float64Array(cells);
    this.payFactor = new Float64Array(cells);
    this.landedCost = new Float64Array(cells);
    this.freightShare = new Float64Array(cells);
    this.feeShare = new Float64Array(cells);
    this.tariffShare = new Float64Array(cells);
    this.days = new Float64Array(cells);
    this.modeShare = new Float64Array(cells * MODE_COUNT);
    this.fraudRate = new Float64Array(R * CHANNEL_COUNT);
    this.clearanceDays = new Float64Array(R * CHANNEL_COUNT);
    this.outsideAttraction = new Float64Array(R * K);
    this.rivalCostFactor = new Float64Array(cells).fill(1);
    this.importerBudget = new Float64Array(R * K);
    this.consumerBudget = new Float64Array(R * K);
    this.hubWeight = new Float64Array(R * K);
    this.budgetSum = new Float64Array(R * K);
    this.freightPerKg = new Float64Array(MODE_COUNT * R);
    this.transitDays = new Float64Array(MODE_COUNT * R);
    this.offerTable = new Float64Array(K * STAGE_COUNT * 2 * 2);
    this.offerMargin = new Float64Array(K * STAGE_COUNT);
  }
}

/** What merchants observe of their peers: performance and counts by category and digital level. */
export class PeerStats {
  /** Alive merchants by [k * L + level]. */
  readonly count: Float64Array;
  /** Mean sales per unit of φ^β by [k * L + level] (productivity-adjusted performance). */
  readonly performance: Float64Array;
  /** Mean attraction in the market hall per category (how competitive a booth is). */
  readonly hallAttraction: Float64Array;
  /** Alive merchants per category. */
  readonly categoryCount: Float64Array;

  constructor(K: number) {
    this.count = new Float64Array(K * LEVEL_COUNT);
    this.performance = new Float64Array(K * LEVEL_COUNT);
    this.hallAttraction = new Float64Array(K);
    this.categoryCount = new Float64Array(K);
  }
}

/** Yiwu International Trade City: about 75,000 booths (the population a sample stands for). */
export const YIWU_MERCHANTS = 75_000;

/** Merchants simulated at the start: one per booth, 75,000 × scale (at least 20). */
export function sampleMerchants(scale: number): number {
  return Math.max(20, Math.round(YIWU_MERCHANTS * scale));
}

export interface World {
  readonly scenario: ResolvedScenario;
  readonly seed: number;
  /** Month number of the first month, and number of months. */
  readonly firstMonth: number;
  readonly months: number;
  /** Multiply sample totals by this to report at Yiwu scale (1 / scale). */
  readonly expansion: number;
  readonly R: number;
  readonly K: number;
  /** Index of the domestic region, and the bit mask of foreign regions. */
  readonly domestic: number;
  readonly foreignMask: number;
  readonly levers: LeverSeries;
  /** Share of a region's importers who visit the market hall (falls with distance), per region. */
  readonly visitRate: Float64Array;
  readonly merchants: MerchantStore;
  /** Each merchant's own random stream (by slot; a new merchant gets a fresh stream). */
  readonly merchantRandom: AgentStreams;
  /** Each booth's stream, for the would-be entrants it draws when vacant. */
  readonly boothRandom: AgentStreams;
  /** Each buyer agent's stream. */
  readonly buyerRandom: AgentStreams;
  readonly archive: MerchantArchive;
  readonly buyers: BuyerStore;
  readonly providers: ProviderStore;
  readonly market: MarketState;
  readonly peers: PeerStats;
  readonly accounts: MonthAccounts;
  /** Credit demanded last month (sets lenders' rationing this month). */
  creditDemandLastMonth: number;
  /** Month index within the run (0 … months-1) of the step in progress or last completed. */
  t: number;
}
