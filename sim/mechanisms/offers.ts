/**
 * Merchants' offers: unit cost, price and attraction in each channel.
 *
 * Unit cost = the category's base cost ÷ productivity φ, less an AI saving for data-driven
 * merchants that grows with 5G coverage. Price = cost × (1 + design premium) × (1 + brand
 * premium) × (1 + trading margin): design and brand are what lift a merchant up the "smile
 * curve" (Shih 1992). Buyers value the premium as quality: quality = premium^q. A merchant's
 * attraction in a channel is (price ÷ quality)^−β — the logit on log landed cost of the buyer
 * choice, in which the cell's landed-cost factor is common to all sellers — times its
 * visibility there (data-driven merchants rank higher online).
 *
 * Since price is proportional to 1/φ, attraction = φ^β × a factor that depends only on the
 * category, stage and AI use: the factors are tabled once a month, so the loop over merchants
 * does no powers.
 *
 * The hall channel reaches the regions where the merchant has market-hall buyer relationships;
 * the online channels reach the regions it has entered online (B2B from digital level 1,
 * cross-border e-commerce from level 2). The sums of attraction per cell feed buyer choice.
 *
 * Sources: Melitz (2003) and Chaney (2008) for productivity-driven sales; logit demand on
 * landed cost as in Anderson, de Palma & Thisse (1992).
 */
import type { World } from '../world/world.ts';
import * as ids from '../ids.ts';
import { pow } from '../portableMath.ts';
// Local copies: module-level constants stay fast under any module loader (test runners wrap imports in getters).
const { CHANNEL_COUNT, STAGE_COUNT, HALL, B2B, CBEC, DESIGN, BRAND, RAW } = ids;

/** Base unit cost as a share of the category's export unit value. */
export const BASE_COST_SHARE = 0.75;
/** Online visibility bonus of data-driven merchants (search ranking, targeted ads). */
const DATA_DRIVEN_VISIBILITY = 1.25;

/** Price premium factor (design × brand) of a merchant at `stage` in a category of `designIntensity`. */
export function premiumFactor(w: World, stage: number, designIntensity: number): number {
  const m = w.scenario.model;
  const design = stage === DESIGN || stage === BRAND ? m.designPremium * designIntensity : 0;
  const brand = stage === BRAND ? m.brandPremium : 0;
  return (1 + design) * (1 + brand);
}

/** Margin on sales (1 − cost ÷ price) at a stage: it does not depend on productivity. */
export function marginAt(w: World, stage: number, designIntensity: number): number {
  return 1 - 1 / (premiumFactor(w, stage, designIntensity) * (1 + w.scenario.model.traderMarkup));
}

/**
 * Shares of the price that are value added at each value-chain stage, for a category and stage
 * (ids.ts STAGES order). They sum to 1, so value added by stage sums to the value produced.
 */
export function valueChainShares(w: World, k: number, stage: number, out: Float64Array, offset = 0): void {
  const cat = w.scenario.categories[k];
  const m = w.scenario.model;
  const design = stage === DESIGN || stage === BRAND ? m.designPremium * cat.designIntensity : 0;
  const brand = stage === BRAND ? m.brandPremium : 0;
  const material = stage === RAW ? 1 : cat.materialShare;
  const price = (1 + design) * (1 + brand) * (1 + m.traderMarkup); // per unit of cost
  out[offset + 0] = material / price; // raw_material
  out[offset + 1] = design / price; // design_rnd
  out[offset + 2] = (1 - material) / price; // production
  out[offset + 4] = ((1 + design) * brand) / price; // brand
  out[offset + 3] = 1 - out[offset] - out[offset + 1] - out[offset + 2] - out[offset + 4]; // market_sales: the trading margin
}

/**
 * Sets this month's offer tables and brings the cells' attraction sums up to date.
 *
 * The sums are kept incrementally: a merchant's contribution changes only when it enters or
 * leaves, gains or loses a market, or changes digital level or stage (attachMerchant,
 * detachMerchant, setHallLink, setOnlineMarket below), or — for data-driven merchants — when the
 * AI cost saving moves with 5G. So each month only data-driven merchants are re-priced; once a
 * year (and at the start) every sum is rebuilt from scratch, which also clears rounding drift.
 */
export function updateOffers(w: World): void {
  const { merchants: s, market } = w;
  fillOfferTables(w);
  if (w.t % REBUILD_EVERY_MONTHS === 0 || market.offersStale) {
    market.attraction.fill(0);
    market.attractionPerPrice.fill(0);
    const slots = s.aliveSlots();
    for (let n = 0; n < s.aliveCount; n++) attachMerchant(w, slots[n]);
    market.offersStale = false;
    return;
  }
  const level = s.level;
  const slots = s.aliveSlots();
  for (let n = 0; n < s.aliveCount; n++) {
    const i = slots[n];
    if (level[i] === 3) {
      detachMerchant(w, i);
      attachMerchant(w, i);
    }
  }
}
/** Removing more than this share of a cell's sum triggers a rebuild (the remainder would be mostly rounding). */
const LARGE_SHARE = 0.999;
/** Months between full rebuilds of the attraction sums. */
const REBUILD_EVERY_MONTHS = 12;

/** Per category × stage × (AI or not): price and attraction at φ = 1; margin per category × stage. */
function fillOfferTables(w: World): void {
  const { market, scenario, K } = w;
  const model = scenario.model;
  const beta = model.priceSensitivity;
  const aiSaving = model.aiCostSaving * (0.3 + 0.7 * w.levers.fiveGCoverage[w.t]);
  const table = market.offerTable;
  for (let k = 0; k < K; k++) {
    const cat = scenario.categories[k];
    for (let g = 0; g < STAGE_COUNT; g++) {
      const premium = premiumFactor(w, g, cat.designIntensity);
      const quality = pow(premium, model.qualityPerPremium);
      market.offerMargin[k * STAGE_COUNT + g] = 1 - 1 / (premium * (1 + model.traderMarkup));
      for (let ai = 0; ai < 2; ai++) {
        const cost = BASE_COST_SHARE * cat.unitValueUsd * (ai === 1 ? 1 - aiSaving : 1);
        const price = cost * premium * (1 + model.traderMarkup);
        const o = ((k * STAGE_COUNT + g) * 2 + ai) * 2;
        table[o] = price;
        table[o + 1] = pow(price / quality, -beta);
      }
    }
  }
}

/** Prices merchant i at this month's tables and adds its attraction to every cell it sells in. */
export function attachMerchant(w: World, i: number): void {
  const { merchants: s, market } = w;
  const level = s.level[i];
  const ks = s.category[i] * STAGE_COUNT + s.stage[i];
  const o = (ks * 2 + (level === 3 ? 1 : 0)) * 2;
  s.price[i] = market.offerTable[o] / s.productivity[i];
  s.margin[i] = market.offerMargin[ks];
  const base = market.offerTable[o + 1] * s.productivityPower[i];
  const online = level === 3 ? base * DATA_DRIVEN_VISIBILITY : base;
  s.attractHall[i] = base;
  s.attractB2b[i] = level >= 1 ? online : 0;
  s.attractCbec[i] = level >= 2 ? online : 0;
  addContributions(w, i, 1);
}

/** Removes merchant i's attraction from every cell (before it changes or leaves). */
export function detachMerchant(w: World, i: number): void {
  addContributions(w, i, -1);
}

/**
 * Adds (sign 1) or removes (sign -1) merchant i's attraction, and attraction per price, in the
 * cells it sells in: at home always (hall, and B2B once online), abroad by its masks.
 */
function addContributions(w: World, i: number, sign: number): void {
  const { merchants: s, market, K } = w;
  // Removing a contribution that dominates a cell would leave rounding residue comparable to
  // what remains: rebuild all sums from scratch next month instead. (Checked on the domestic hall
  // cell, the one where a single merchant can hold nearly all; other cells are rebuilt yearly.)
  if (sign < 0 && s.attractHall[i] > LARGE_SHARE * market.attraction[(w.domestic * K + s.category[i]) * CHANNEL_COUNT + HALL]) market.offersStale = true;
  const attraction = market.attraction;
  const perPrice = market.attractionPerPrice;
  const k = s.category[i];
  const level = s.level[i];
  const hall = sign * s.attractHall[i];
  const b2b = sign * s.attractB2b[i];
  const cbec = sign * s.attractCbec[i];
  const invPrice = 1 / s.price[i];
  const home = (w.domestic * K + k) * CHANNEL_COUNT;
  attraction[home + HALL] += hall;
  perPrice[home + HALL] += hall * invPrice;
  let mask = s.offlineMask[i] & w.foreignMask;
  while (mask !== 0) {
    const r = 31 - Math.clz32(mask);
    mask ^= 1 << r;
    const cell = (r * K + k) * CHANNEL_COUNT + HALL;
    attraction[cell] += hall;
    perPrice[cell] += hall * invPrice;
  }
  if (level === 0) return;
  attraction[home + B2B] += b2b;
  perPrice[home + B2B] += b2b * invPrice;
  mask = s.onlineMask[i] & w.foreignMask;
  while (mask !== 0) {
    const r = 31 - Math.clz32(mask);
    mask ^= 1 << r;
    const cell = (r * K + k) * CHANNEL_COUNT;
    attraction[cell + B2B] += b2b;
    perPrice[cell + B2B] += b2b * invPrice;
    if (level >= 2) {
      attraction[cell + CBEC] += cbec;
      perPrice[cell + CBEC] += cbec * invPrice;
    }
  }
}

/** Merchant i gains (on) or loses a market-hall relationship with foreign region r. */
export function setHallLink(w: World, i: number, r: number, on: boolean): void {
  const s = w.merchants;
  const has = ((s.offlineMask[i] >> r) & 1) === 1;
  if (has === on) return;
  s.offlineMask[i] ^= 1 << r;
  const sign = on ? 1 : -1;
  const cell = (r * w.K + s.category[i]) * CHANNEL_COUNT + HALL;
  if (!on && s.attractHall[i] > LARGE_SHARE * w.market.attraction[cell]) w.market.offersStale = true;
  w.market.attraction[cell] += sign * s.attractHall[i];
  w.market.attractionPerPrice[cell] += (sign * s.attractHall[i]) / s.price[i];
}

/** Digital merchant i starts (on) or stops selling online into foreign region r. */
export function setOnlineMarket(w: World, i: number, r: number, on: boolean): void {
  const s = w.merchants;
  const has = ((s.onlineMask[i] >> r) & 1) === 1;
  if (has === on) return;
  s.onlineMask[i] ^= 1 << r;
  const sign = on ? 1 : -1;
  const cell = (r * w.K + s.category[i]) * CHANNEL_COUNT;
  if (!on && s.attractB2b[i] > LARGE_SHARE * w.market.attraction[cell + B2B]) w.market.offersStale = true;
  const invPrice = 1 / s.price[i];
  w.market.attraction[cell + B2B] += sign * s.attractB2b[i];
  w.market.attractionPerPrice[cell + B2B] += sign * s.attractB2b[i] * invPrice;
  if (s.level[i] >= 2) {
    w.market.attraction[cell + CBEC] += sign * s.attractCbec[i];
    w.market.attractionPerPrice[cell + CBEC] += sign * s.attractCbec[i] * invPrice;
  }
}
