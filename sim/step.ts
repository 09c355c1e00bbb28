/**
 * The monthly schedule: the order in which the mechanisms run (docs/ODD.md, "Process overview
 * and scheduling"), as a list of named phases. Each mechanism reads and writes the world's
 * stores. Agents draw their luck from their own random streams (random.ts AgentStreams), so one
 * incumbent's decisions do not shift another's draws — except through credit, which is first
 * come, first served: once the month's supply is lent, later applicants are refused without a
 * draw (finance.ts requestCredit). An entrant's stream is named by its booth and month of entry
 * (random.ts assignAt), so an entrant more or fewer in one run shifts no other entrant's stream
 * (docs/ODD.md, Stochasticity).
 */
import type { World } from './world/world.ts';
import { priceLogistics, settleLogistics } from './mechanisms/logistics.ts';
import { updateTradeCosts } from './mechanisms/tradeCosts.ts';
import { updateDemand, chooseChannels } from './mechanisms/buyerChoice.ts';
import { updateOffers } from './mechanisms/offers.ts';
import { settleSales } from './mechanisms/sales.ts';
import { updatePeerStats } from './mechanisms/peers.ts';
import { settleFinances } from './mechanisms/finance.ts';
import { applyExits, enterMerchants } from './mechanisms/demography.ts';
import { adoptDigital } from './mechanisms/adoption.ts';
import { updateOnlineMarkets, updateHallRelationships } from './mechanisms/markets.ts';
import { upgradeValueChain } from './mechanisms/upgrading.ts';
import { cumulativeDemandShares } from './world/init.ts';

export interface Phase {
  name: string;
  run(w: World): void;
}

/** The month's phases, in order. */
export function monthlyPhases(w: World): Phase[] {
  const exitFlags = new Uint8Array(w.merchants.capacity);
  const categories = cumulativeDemandShares(w.scenario);
  return [
    // 1. the world this month: logistics prices, trade costs, demand, merchants' offers
    { name: 'logistics prices', run: priceLogistics },
    { name: 'trade costs and customs', run: updateTradeCosts },
    { name: 'demand', run: updateDemand },
    { name: 'offers', run: updateOffers },
    // 2. trade: buyers choose, merchants sell, goods ship
    { name: 'buyer choice', run: (x) => chooseChannels(x, true) },
    { name: 'sales', run: settleSales },
    { name: 'logistics volumes', run: settleLogistics },
    { name: 'peer statistics', run: updatePeerStats },
    // 3. money: costs, loans, distress and exits
    { name: 'finance', run: (x) => settleFinances(x, exitFlags) },
    { name: 'exits', run: (x) => applyExits(x, exitFlags) },
    // 4. decisions for next month: go digital, enter markets, upgrade; new merchants enter
    { name: 'digital adoption', run: adoptDigital },
    { name: 'online markets', run: updateOnlineMarkets },
    { name: 'hall relationships', run: updateHallRelationships },
    { name: 'upgrading', run: upgradeValueChain },
    { name: 'entry', run: (x) => enterMerchants(x, categories) },
  ];
}

export interface Stepper {
  readonly phases: Phase[];
  /** Runs month `w.t`; the caller advances `w.t`. */
  step(w: World): void;
}

export function createStepper(w: World): Stepper {
  const phases = monthlyPhases(w);
  return {
    phases,
    step(world: World) {
      const a = world.accounts;
      a.reset();
      a.cashAtStart = totalCash(world);
      for (const phase of phases) phase.run(world);
      world.creditDemandLastMonth = a.creditApplied;
    },
  };
}

export function totalCash(w: World): number {
  const s = w.merchants;
  let cash = 0;
  const slots = s.aliveSlots();
  for (let n = 0; n < s.aliveCount; n++) cash += s.cash[slots[n]];
  return cash;
}
