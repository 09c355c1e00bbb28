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
import { ScratchBuffer } from '../scratch.ts';
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

export function updateOffers(w: World): void {
  const { merchants: s, market, scenario, K } = w;
  const model = scenario.model;
  const beta = model.priceSensitivity;
  const aiSaving = model.aiCostSaving * (0.3 + 0.7 * w.levers.fiveGCoverage[w.t]);
  const attraction = market.attraction;
  const perPrice = market.attractionPerPrice;
  attraction.fill(0);
  perPrice.fill(0);
  const domestic = w.domestic;
  const foreign = w.foreignMask;

  // Per category × stage × (AI or not): cost, price and attraction at φ = 1, and the margin.
  const table = tableWork.get(K * STAGE_COUNT * 2 * 3);
  const margins = marginWork.get(K * STAGE_COUNT);
  for (let k = 0; k < K; k++) {
    const cat = scenario.categories[k];
    for (let g = 0; g < STAGE_COUNT; g++) {
      const premium = premiumFactor(w, g, cat.designIntensity);
      const quality = Math.pow(premium, model.qualityPerPremium);
      margins[k * STAGE_COUNT + g] = 1 - 1 / (premium * (1 + model.traderMarkup));
      for (let ai = 0; ai < 2; ai++) {
        const cost = BASE_COST_SHARE * cat.unitValueUsd * (ai === 1 ? 1 - aiSaving : 1);
        const price = cost * premium * (1 + model.traderMarkup);
        const o = ((k * STAGE_COUNT + g) * 2 + ai) * 3;
        table[o] = cost;
        table[o + 1] = price;
        table[o + 2] = Math.pow(price / quality, -beta);
      }
    }
  }

  for (let i = 0; i < s.capacity; i++) {
    if (s.alive[i] === 0) continue;
    const k = s.category[i];
    const level = s.level[i];
    const ks = k * STAGE_COUNT + s.stage[i];
    const o = (ks * 2 + (level === 3 ? 1 : 0)) * 3;
    const price = table[o + 1] / s.productivity[i];
    s.price[i] = price;
    s.margin[i] = margins[ks];
    const base = table[o + 2] * s.productivityPower[i];
    const online = level === 3 ? base * DATA_DRIVEN_VISIBILITY : base;
    const b2b = level >= 1 ? online : 0;
    const cbec = level >= 2 ? online : 0;
    s.attractHall[i] = base;
    s.attractB2b[i] = b2b;
    s.attractCbec[i] = cbec;
    const invPrice = 1 / price;

    // Every merchant sells at home (hall, and B2B once online); foreign regions by its masks.
    const home = (domestic * K + k) * CHANNEL_COUNT;
    attraction[home + HALL] += base;
    perPrice[home + HALL] += base * invPrice;
    let mask = s.offlineMask[i] & foreign;
    while (mask !== 0) {
      const r = 31 - Math.clz32(mask);
      mask ^= 1 << r;
      const cell = (r * K + k) * CHANNEL_COUNT + HALL;
      attraction[cell] += base;
      perPrice[cell] += base * invPrice;
    }
    if (level === 0) continue;
    attraction[home + B2B] += b2b;
    perPrice[home + B2B] += b2b * invPrice;
    mask = s.onlineMask[i] & foreign;
    if (level === 1) {
      while (mask !== 0) {
        const r = 31 - Math.clz32(mask);
        mask ^= 1 << r;
        const cell = (r * K + k) * CHANNEL_COUNT + B2B;
        attraction[cell] += b2b;
        perPrice[cell] += b2b * invPrice;
      }
      continue;
    }
    while (mask !== 0) {
      const r = 31 - Math.clz32(mask);
      mask ^= 1 << r;
      const cell = (r * K + k) * CHANNEL_COUNT;
      attraction[cell + B2B] += b2b;
      perPrice[cell + B2B] += b2b * invPrice;
      attraction[cell + CBEC] += cbec;
      perPrice[cell + CBEC] += cbec * invPrice;
    }
  }
}
const tableWork = new ScratchBuffer();
const marginWork = new ScratchBuffer();
