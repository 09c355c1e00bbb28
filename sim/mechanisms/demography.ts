/**
 * Entry and exit of merchants.
 *
 * Exit: a merchant closes when it has been short of cash for several months (finance.ts:
 * credit-starved or insolvent), when it has lost money for as many months in a row as its
 * owner will bear (unprofitable: 9 to 15 months, the same for a merchant all its life and
 * spread evenly across merchants, so that merchants hit by the same shock do not all give up in
 * the same month), or for reasons outside the model (retirement, a small monthly chance). Its booth falls
 * vacant; its record goes to the archive; its remaining debt is written off and its cash is
 * withdrawn by the owner (negative cash: bills left unpaid).
 *
 * Entry: a vacant booth attracts a would-be merchant with a monthly chance. The candidate draws
 * a category (by demand), a productivity (Pareto) and a starting digital level like its
 * category's merchants (but not data-driven), and enters when the profit it expects — what
 * peers at its level sell for their productivity, times its margin, less fixed costs — is
 * positive. It brings its start-up capital.
 *
 * Productivity draws (incumbents, survivors and entrants) go through drawProductivity: the
 * Pareto as the sample's merchants of a category represent Yiwu's booths of that category
 * (random.ts representativePareto), so the heavy tail of sales does not change with the scale.
 *
 * Sources: Hopenhayn (1992) and Melitz (2003) entry and exit with a productivity cut-off.
 */
import type { World } from '../world/world.ts';
import { representativePareto } from '../random.ts';
import { YIWU_MERCHANTS, sampleMerchants } from '../world/world.ts';
import * as ids from '../ids.ts';
import { bitCount } from './finance.ts';
import { marginAt, attachMerchant, detachMerchant } from './offers.ts';
import { pow } from '../portableMath.ts';
// Local copies: module-level constants stay fast under any module loader (test runners wrap imports in getters).
const { LEVEL_COUNT } = ids;

/** Exit reasons (ids.ts EXIT_REASONS). */
export const CREDIT_STARVED = 1, INSOLVENT = 2, UNPROFITABLE = 3, RETIRED = 4;
/** Months of losses in a row owners bear before they close: from … to (mean 12, a year of losses). */
const LOSS_PATIENCE_SHORTEST = 9, LOSS_PATIENCE_LONGEST = 15;

/**
 * Months of losses in a row merchant number `id` bears before it closes. A hash of the number
 * (Fibonacci hashing: the top bits of id × 2^32/φ), not a random draw: the same merchant has the
 * same patience in a scenario and its baseline, and no agent's stream shifts.
 */
export function lossPatience(id: number): number {
  return patienceAt((Math.imul(id + 1, 0x9e3779b9) >>> 0) / 4294967296);
}

/** Months of losses borne at quantile u of owners' patience. */
const patienceAt = (u: number) => LOSS_PATIENCE_SHORTEST + Math.floor(u * (LOSS_PATIENCE_LONGEST - LOSS_PATIENCE_SHORTEST + 1));

/**
 * The patience of the merchant in slot i: an incumbent's by its number (lossPatience), an
 * entrant's by its booth and month of entry, as its stream (random.ts uniformAt): numbers go by
 * order of entry, which differs between a scenario and its baseline once one run has an entrant
 * more, while the same booth's entrant in the same month is the same merchant in both.
 */
function patienceOf(w: World, i: number, incumbents: number): number {
  const s = w.merchants;
  return s.id[i] < incumbents ? lossPatience(s.id[i]) : patienceAt(w.merchantRandom.uniformAt(i, s.birthMonth[i]));
}

export function removeMerchant(w: World, i: number, reason: number): void {
  const s = w.merchants;
  const a = w.accounts;
  w.archive.add(s, i, w.firstMonth + w.t, reason, bitCount((s.offlineMask[i] | s.onlineMask[i]) & w.foreignMask));
  a.loanWriteOffs += s.debt[i];
  a.ownerWithdrawals += s.cash[i];
  a.exitsByReason[reason] += 1;
  detachMerchant(w, i);
  s.setAlive(i, 0);
  s.id[i] = -1;
  s.resetSlot(i);
}

/** Applies this month's exits: those flagged by finance, plus losses and retirement. */
export function applyExits(w: World, flagged: Uint8Array): void {
  const s = w.merchants;
  const retire = w.scenario.model.retirementRate;
  const luck = w.merchantRandom;
  const { lossMonths } = s;
  // incumbents are merchants 0 … n − 1 (init.ts placeIncumbents)
  const incumbents = sampleMerchants(w.scenario.scale);
  // (removeMerchant only marks the list stale: this loop goes on over the month's alive merchants)
  const slots = s.aliveSlots();
  const count = s.aliveCount;
  for (let n = 0; n < count; n++) {
    const i = slots[n];
    let reason = flagged[i];
    // (the hash only for the few past the shortest patience)
    if (reason === 0 && lossMonths[i] >= LOSS_PATIENCE_SHORTEST && lossMonths[i] >= patienceOf(w, i, incumbents)) reason = UNPROFITABLE;
    if (luck.next(i) < retire && reason === 0) reason = RETIRED;
    if (reason !== 0) removeMerchant(w, i, reason);
  }
}

/**
 * Productivity at Pareto quantile u of a merchant in category k, as one of the sample's
 * merchants of that category represents Yiwu's booths of the category (random.ts
 * representativePareto); `above` > 1 draws from the distribution truncated below at `above` (a
 * survivor: the same rule, applied at the population quantile).
 */
export function drawProductivity(w: World, k: number, u: number, above = 1): number {
  const { scenario } = w;
  const m = scenario.model;
  let total = 0;
  for (const c of scenario.categories) total += c.demandShare;
  const share = scenario.categories[k].demandShare / total;
  const q = above > 1 ? 1 - (1 - u) * pow(above, -m.productivityShape) : u;
  return representativePareto(q, m.productivityShape, m.priceSensitivity, sampleMerchants(scenario.scale) * share, YIWU_MERCHANTS * share);
}

/** Draws a category index from cumulative demand shares. */
export function drawCategory(cumulative: Float64Array, u: number): number {
  let k = 0;
  while (k < cumulative.length - 1 && cumulative[k] <= u) k++;
  return k;
}

/** Stage of a new merchant (ids.ts STAGES order), by the shares of Yiwu's booths. */
export const ENTRANT_STAGE_CUMULATIVE = new Float64Array([0.05, 0.09, 0.44, 0.99, 1]);

/**
 * Fills a slot with a new merchant (the caller adds it to the market: offers.ts attachMerchant).
 * Its stream: an incumbent (`entrant` false) takes the next in order of creation; an entrant the
 * one named by its booth and month (random.ts assignAt), so the same booth's entrant in the same
 * month has the same luck in a scenario and its baseline, whatever entered elsewhere before.
 */
export function placeMerchant(w: World, i: number, k: number, productivity: number, stage: number, level: number, birthMonth: number, cash: number, entrant: boolean): void {
  const s = w.merchants;
  s.resetSlot(i);
  s.id[i] = s.nextId++;
  if (entrant) w.merchantRandom.assignAt(i, birthMonth);
  else w.merchantRandom.assign(i);
  s.setAlive(i, 1);
  s.category[i] = k;
  s.productivity[i] = productivity;
  s.productivityPower[i] = pow(productivity, w.scenario.model.priceSensitivity);
  s.stage[i] = stage;
  s.level[i] = level;
  s.birthMonth[i] = birthMonth;
  s.cash[i] = cash;
  s.offlineMask[i] = 1 << w.domestic;
  s.onlineMask[i] = level > 0 ? 1 << w.domestic : 0;
}

export function enterMerchants(w: World, categoryCumulative: Float64Array): void {
  const { merchants: s, peers, scenario } = w;
  const m = scenario.model;
  // each vacant booth has its own stream: the same booth sees the same would-be entrants in any scenario
  const luck = w.boothRandom;
  // (placing an entrant only marks the list stale: this loop goes on over the month's vacant booths)
  const slots = s.vacantSlots();
  const count = s.vacantCount;
  for (let n = 0; n < count; n++) {
    const i = slots[n];
    if (luck.next(i) >= m.entryRate) continue;
    const k = drawCategory(categoryCumulative, luck.next(i));
    const phi = drawProductivity(w, k, luck.next(i));
    const stage = drawCategory(ENTRANT_STAGE_CUMULATIVE, luck.next(i));
    // starting level: like the category's merchants, at most cross-border e-commerce
    let total = 0;
    for (let l = 0; l < LEVEL_COUNT; l++) total += peers.count[k * LEVEL_COUNT + l];
    let u = luck.next(i) * total;
    let level = 0;
    while (level < LEVEL_COUNT - 1 && u >= peers.count[k * LEVEL_COUNT + level]) u -= peers.count[k * LEVEL_COUNT + level++];
    level = Math.min(level, 2);
    const margin = marginAt(w, stage, scenario.categories[k].designIntensity);
    const expectedSales = peers.performance[k * LEVEL_COUNT + level] * pow(phi, m.priceSensitivity);
    const fixed = m.boothCostUsd + m.digitalRunningCostUsd * level;
    if (expectedSales * margin <= fixed) continue;
    placeMerchant(w, i, k, phi, stage, level, w.firstMonth + w.t, m.startupCapitalUsd, true);
    attachMerchant(w, i);
    w.accounts.ownerEquity += m.startupCapitalUsd;
    w.accounts.entries += 1;
  }
}
