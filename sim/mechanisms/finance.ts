/**
 * SME finance: credit applications, approval and rationing, repayment, and financial distress.
 *
 * Merchants apply for credit when an investment (going digital, entering a market online,
 * upgrading) exceeds their spare cash, and for working capital when a month leaves them short.
 * Lenders score each application: collateral cover (cash plus receivables and stock) and age
 * count for it, leverage against it; where lenders score on transaction data, a digital
 * merchant's sales record stands in for collateral. Approval probability is the logistic of the
 * score, scaled down when last month's demand for credit exceeded this month's supply, and no
 * more is lent in a month than the supply. Each month a merchant repays 1/term of its balance
 * (a declining schedule) with interest on the balance. Owners draw out part of any cash above a
 * working reserve each month. Investments (going digital, an online market, upgrading) are paid
 * from spare cash, the rest borrowed (financeInvestment).
 * A merchant short of cash for several months in a row closes: as "credit-starved" when it was
 * refused credit although it was solvent (its cash, receivables and stock cover its debt: it
 * was illiquid, not broke), otherwise as "insolvent". Debt left at exit is written off.
 *
 * Sources: Manova (2013) credit constraints and trade; ADB Trade Finance Gaps, Growth and Jobs
 * Surveys (2017–2023): 45–56% of SME trade-finance applications rejected; transaction-data
 * lending: Frost et al. (2019) BigTech and the changing structure of financial intermediation.
 */
import type { World } from '../world/world.ts';
import { exp, log1p, pow } from '../portableMath.ts';

/** Share of cash above the working reserve that owners draw out each month. */
const OWNER_DRAW_SHARE = 0.3;
/** Months of sales that count as collateral (receivables and stock). */
const COLLATERAL_MONTHS_OF_SALES = 3;

/**
 * Credit score weights (ODD 7.7): on ln(1 + age in years); on collateral cover, counted up to
 * COVER_COUNTED_UP_TO; against leverage, counted up to LEVERAGE_COUNTED_UP_TO; and on a digital
 * merchant's sales record where lenders score on transaction data.
 */
const SCORE_PER_LOG_AGE = 0.4;
const SCORE_PER_COVER = 1.2;
const COVER_COUNTED_UP_TO = 2;
const LEVERAGE_COUNTED_UP_TO = 3;
const SCORE_PER_DATA_RECORD = 2;
/** Weight of the latest month in a merchant's smoothed profit (`profitEma`). */
const PROFIT_SMOOTHING = 0.2;

export function annuityFactor(months: number, annualRate: number): number {
  const r = annualRate / 12;
  return r > 1e-9 ? (1 - pow(1 + r, -months)) / r : months;
}

/** Popcount of a mask (branch-free: masks vary from merchant to merchant, so a loop mispredicts). */
export function bitCount(mask: number): number {
  let x = mask - ((mask >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Lending available this month, US$ (sample scale). */
export function creditSupply(w: World): number {
  return w.levers.smeCreditSupply[w.t] * w.scenario.model.creditSupplyUsdPerMonth * w.scenario.scale;
}

/** A merchant applies for `amount`; returns true and pays it out if approved. */
export function requestCredit(w: World, i: number, amount: number): boolean {
  const s = w.merchants;
  const a = w.accounts;
  const t = w.t;
  a.creditApplications += 1;
  a.creditApplied += amount;
  const supply = creditSupply(w);
  let approved = false;
  if (a.creditApproved + amount <= supply) {
    const tightness = Math.min(1, supply / Math.max(w.creditDemandLastMonth, 1));
    const ageYears = Math.max(0, w.firstMonth + t - s.birthMonth[i]) / 12;
    const assets = Math.max(0, s.cash[i]) + COLLATERAL_MONTHS_OF_SALES * s.salesEma[i];
    const cover = assets / (s.debt[i] + amount);
    const leverage = s.debt[i] / Math.max(1, 12 * s.salesEma[i]);
    const record = s.level[i] >= 1 ? Math.min(1, (12 * s.salesEma[i]) / (2 * amount)) : 0;
    const score = -w.scenario.model.creditStrictness + SCORE_PER_LOG_AGE * log1p(ageYears) + SCORE_PER_COVER * Math.min(COVER_COUNTED_UP_TO, cover)
      - Math.min(LEVERAGE_COUNTED_UP_TO, leverage) + SCORE_PER_DATA_RECORD * w.levers.transactionDataScoring[t] * record;
    approved = w.merchantRandom.next(i) < tightness / (1 + exp(-score));
  }
  if (approved) {
    s.debt[i] += amount;
    s.cash[i] += amount;
    s.creditUsed[i] += amount;
    a.creditApprovals += 1;
    a.creditApproved += amount;
    a.loansReceived += amount;
  } else {
    s.refused[i] = 1;
  }
  return approved;
}

/** Monthly fixed costs of a merchant: booth, digital running costs, upkeep of online markets (as in settleFinances). */
export function fixedCosts(w: World, i: number): number {
  const s = w.merchants;
  const m = w.scenario.model;
  return m.boothCostUsd + m.digitalRunningCostUsd * s.level[i] + m.marketMaintenanceUsd * bitCount(s.onlineMask[i] & w.foreignMask);
}

/**
 * Books the month's gross profit, costs and loan service into every merchant's cash; short
 * merchants seek working capital. Returns nothing; marks merchants to exit via `exitFlag`.
 */
export function settleFinances(w: World, exitReason: Uint8Array): void {
  const s = w.merchants;
  const a = w.accounts;
  const model = w.scenario.model;
  const monthlyRate = w.levers.smeLendingRate[w.t] / 12;
  const term = model.creditTermMonths;
  const booth = model.boothCostUsd;
  const perLevel = model.digitalRunningCostUsd;
  const perMarket = model.marketMaintenanceUsd;
  const foreign = w.foreignMask;
  // month totals, kept in locals and booked once
  let grossProfit = 0;
  let fixedTotal = 0;
  let interestTotal = 0;
  let principalTotal = 0;
  let drawnTotal = 0;
  exitReason.fill(0);
  // the store's arrays in locals: the loop calls requestCredit, after which V8 would reload every field
  const { margin: marginOf, salesMonth, level: levelOf, onlineMask, debt: debtOf, cash: cashOf, refused, profitEma, lossMonths, salesEma, distressMonths } = s;
  const distressLimit = model.distressMonths;
  const slots = s.aliveSlots();
  for (let n = 0; n < s.aliveCount; n++) {
    const i = slots[n];
    refused[i] = 0;
    const margin = marginOf[i];
    const gross = salesMonth[i] * margin;
    const fixed = booth + perLevel * levelOf[i] + perMarket * bitCount(onlineMask[i] & foreign);
    const debt = debtOf[i];
    const interest = debt * monthlyRate;
    const principal = Math.min(debt, debt / term);
    let cash = cashOf[i] + gross - fixed - interest - principal;
    debtOf[i] = debt - principal;
    grossProfit += gross;
    fixedTotal += fixed;
    interestTotal += interest;
    principalTotal += principal;
    const profit = gross - fixed - interest;
    profitEma[i] += PROFIT_SMOOTHING * (profit - profitEma[i]);
    lossMonths[i] = profit < 0 ? Math.min(255, lossMonths[i] + 1) : 0;

    // Owners draw out cash above a working reserve (two months of fixed costs and a month of goods bought), so
    // investments beyond the reserve need credit: the margin on which finance policy works.
    const reserve = 2 * fixed + salesEma[i] * (1 - margin);
    if (cash > reserve) {
      const drawn = OWNER_DRAW_SHARE * (cash - reserve);
      cash -= drawn;
      drawnTotal += drawn;
    }
    cashOf[i] = cash;
    if (cash < 0) {
      const need = -cash + fixed;
      if (requestCredit(w, i, need)) distressMonths[i] = 0;
      else distressMonths[i] = Math.min(255, distressMonths[i] + 1);
    } else {
      distressMonths[i] = 0;
    }
    if (distressMonths[i] >= distressLimit) {
      // EXIT_REASONS: 1 credit_starved (refused credit while solvent: its receivables and stock
      // cover its debt), 2 insolvent (debts exceed what it owns)
      const solvent = Math.max(0, cashOf[i]) + COLLATERAL_MONTHS_OF_SALES * salesEma[i] >= debtOf[i];
      exitReason[i] = refused[i] === 1 && solvent ? 1 : 2;
    }
  }
  a.grossProfit += grossProfit;
  a.fixedCosts += fixedTotal;
  a.interestPaid += interestTotal;
  a.principalRepaid += principalTotal;
  a.ownerWithdrawals += drawnTotal;
}

/** Pays an investment from spare cash, borrowing what is missing. Returns false if it cannot. */
export function financeInvestment(w: World, i: number, cost: number): boolean {
  const s = w.merchants;
  const spare = s.cash[i] - fixedCosts(w, i);
  if (spare < cost && !requestCredit(w, i, cost - Math.max(0, spare))) return false;
  s.cash[i] -= cost;
  w.accounts.investment += cost;
  return true;
}
