/**
 * The monthly schedule: the order in which the mechanisms run (docs/ODD.md, "Process overview
 * and scheduling"), as a list of named phases. Each mechanism reads and writes the world's
 * stores; each draws from its own random stream, named by purpose and month, so adding or
 * changing one mechanism never shifts another's draws.
 */
import type { World } from './world/world.ts';
import { stream } from './random.ts';
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
  const rng = (purpose: string) => stream(w.seed, purpose, w.t);
  return [
    // 1. the world this month: logistics prices, trade costs, demand, merchants' offers
    { name: 'logistics prices', run: priceLogistics },
    { name: 'trade costs and customs', run: updateTradeCosts },
    { name: 'demand', run: updateDemand },
    { name: 'offers', run: updateOffers },
    // 2. trade: buyers choose, merchants sell, goods ship
    { name: 'buyer choice', run: (x) => chooseChannels(x, rng('buyers')) },
    { name: 'sales', run: settleSales },
    { name: 'logistics volumes', run: settleLogistics },
    { name: 'peer statistics', run: updatePeerStats },
    // 3. money: costs, loans, distress and exits
    { name: 'finance', run: (x) => settleFinances(x, rng('finance'), exitFlags) },
    { name: 'exits', run: (x) => applyExits(x, rng('exit'), exitFlags) },
    // 4. decisions for next month: go digital, enter markets, upgrade; new merchants enter
    { name: 'digital adoption', run: (x) => adoptDigital(x, rng('adoption')) },
    { name: 'online markets', run: (x) => updateOnlineMarkets(x, rng('online-markets')) },
    { name: 'hall relationships', run: (x) => updateHallRelationships(x, rng('hall-relationships')) },
    { name: 'upgrading', run: (x) => upgradeValueChain(x, rng('upgrading')) },
    { name: 'entry', run: (x) => enterMerchants(x, rng('entry'), categories) },
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
  for (let i = 0; i < s.capacity; i++) if (s.alive[i] === 1) cash += s.cash[i];
  return cash;
}
