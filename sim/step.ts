/**
 * The monthly schedule: the order in which the mechanisms run (docs/ODD.md, "Process overview
 * and scheduling"). Each mechanism reads and writes the world's stores; each draws from its own
 * random stream, named by purpose and month.
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

export interface Stepper {
  /** Runs month `w.t`; the caller advances `w.t`. */
  step(w: World): void;
}

export function createStepper(w: World): Stepper {
  const exitFlags = new Uint8Array(w.merchants.capacity);
  const categories = cumulativeDemandShares(w.scenario);
  return {
    step(world: World) {
      const t = world.t;
      const seed = world.seed;
      const a = world.accounts;
      a.reset();
      a.cashAtStart = totalCash(world);
      // 1. the world this month: logistics prices, trade costs, demand, merchants' offers
      priceLogistics(world);
      updateTradeCosts(world);
      updateDemand(world);
      updateOffers(world);
      // 2. trade: buyers choose, merchants sell, goods ship
      chooseChannels(world, stream(seed, 'buyers', t));
      settleSales(world);
      settleLogistics(world);
      updatePeerStats(world);
      // 3. money: costs, loans, distress and exits
      settleFinances(world, stream(seed, 'finance', t), exitFlags);
      applyExits(world, stream(seed, 'exit', t), exitFlags);
      // 4. decisions for next month: go digital, enter markets, upgrade; new merchants enter
      adoptDigital(world, stream(seed, 'adoption', t));
      updateOnlineMarkets(world, stream(seed, 'online-markets', t));
      updateHallRelationships(world, stream(seed, 'hall-relationships', t));
      upgradeValueChain(world, stream(seed, 'upgrading', t));
      enterMerchants(world, stream(seed, 'entry', t), categories);
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
