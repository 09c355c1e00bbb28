/**
 * Default world: destination regions, product categories and logistics modes, as Yiwu stands
 * in 2020. Every figure names its source; figures marked "assumption" are round values chosen
 * to be plausible and are listed, with the range a user may explore, in docs/ODD.md.
 */
import { text, type Text } from './labels.ts';
import { ramp, type Schedule } from './param.ts';

export interface RegionData {
  id: string;
  label: Text;
  /** Great-circle distance from Yiwu to the region's main import hub, km. */
  distanceKm: number;
  /** Annual import demand for small commodities from all origins, US$ bn (2020). */
  marketSizeUsdBn: number;
  /** Annual growth of that demand (nominal US$). */
  demandGrowth: number;
  /** GDP per capita, US$ (2019). */
  incomePerCapitaUsd: number;
  /** Applied tariff on small commodities from China, share of value. */
  tariff: number | Schedule;
  /** Days to clear the goods at the destination's customs. */
  importClearanceDays: number;
  /** Readiness for online cross-border purchases, 0–1. */
  digitalReadiness: number | Schedule;
  /** Data regime: 0 open … 1 strict localisation. */
  dataRegime: number | Schedule;
  /** Buyers' initial trust in buying online from Chinese sellers, 0–1. */
  consumerTrust: number;
  /** Share of the region's small-commodity purchases made by consumers online, cross-border (2020). */
  onlineConsumerShare: number;
  /** True when a China–Europe / Central Asia rail service reaches the region. */
  railAccess: boolean;
  /** The home market (no customs, no tariff, domestic logistics). */
  domestic: boolean;
}

const R = (r: RegionData) => r;

/**
 * Sources: distances, great-circle from Yiwu (29.3°N, 120.1°E); tariffs, WTO World Tariff
 * Profiles 2020 simple average applied MFN on non-agricultural goods, with the US Section 301
 * tariffs (list 4A, 7.5%) added for North America; GDP per capita, World Bank WDI 2019;
 * digital readiness, UNCTAD B2C E-commerce Index 2020 (rescaled 0–1); data regime, OECD Digital
 * Services Trade Restrictiveness Index 2018 (44 countries 0.04–0.48), rescaled and rounded.
 * Market sizes, growth, trust, clearance days and online-consumer shares: assumption.
 */
export const DEFAULT_REGIONS: RegionData[] = [
  R({ id: 'china', label: text('China (domestic)', '中国（国内）'), distanceKm: 800, marketSizeUsdBn: 600, demandGrowth: 0.05, incomePerCapitaUsd: 10_200, tariff: 0, importClearanceDays: 0, digitalReadiness: 0.9, dataRegime: 0, consumerTrust: 0.75, onlineConsumerShare: 0, railAccess: false, domestic: true }),
  R({ id: 'eu', label: text('European Union', '欧盟'), distanceKm: 8_900, marketSizeUsdBn: 400, demandGrowth: 0.03, incomePerCapitaUsd: 34_900, tariff: 0.045, importClearanceDays: 2, digitalReadiness: 0.85, dataRegime: 0.25, consumerTrust: 0.5, onlineConsumerShare: 0.06, railAccess: true, domestic: false }),
  R({ id: 'north_america', label: text('North America', '北美'), distanceKm: 11_000, marketSizeUsdBn: 350, demandGrowth: 0.035, incomePerCapitaUsd: 63_000, tariff: 0.12, importClearanceDays: 2, digitalReadiness: 0.85, dataRegime: 0.1, consumerTrust: 0.55, onlineConsumerShare: 0.07, railAccess: false, domestic: false }),
  R({ id: 'latin_america', label: text('Latin America', '拉丁美洲'), distanceKm: 16_000, marketSizeUsdBn: 120, demandGrowth: 0.035, incomePerCapitaUsd: 8_900, tariff: 0.13, importClearanceDays: 6, digitalReadiness: 0.55, dataRegime: 0.2, consumerTrust: 0.5, onlineConsumerShare: 0.05, railAccess: false, domestic: false }),
  R({ id: 'africa', label: text('Africa', '非洲'), distanceKm: 11_000, marketSizeUsdBn: 80, demandGrowth: 0.05, incomePerCapitaUsd: 1_900, tariff: 0.15, importClearanceDays: 8, digitalReadiness: 0.33, dataRegime: 0.15, consumerTrust: 0.45, onlineConsumerShare: 0.02, railAccess: false, domestic: false }),
  R({ id: 'middle_east', label: text('Middle East', '中东'), distanceKm: 6_500, marketSizeUsdBn: 90, demandGrowth: 0.04, incomePerCapitaUsd: 17_000, tariff: 0.05, importClearanceDays: 3, digitalReadiness: 0.7, dataRegime: 0.3, consumerTrust: 0.55, onlineConsumerShare: 0.05, railAccess: true, domestic: false }),
  R({ id: 'russia_central_asia', label: text('Russia & Central Asia', '俄罗斯及中亚'), distanceKm: 5_500, marketSizeUsdBn: 60, demandGrowth: 0.03, incomePerCapitaUsd: 9_000, tariff: 0.08, importClearanceDays: 5, digitalReadiness: 0.7, dataRegime: 0.5, consumerTrust: 0.55, onlineConsumerShare: 0.06, railAccess: true, domestic: false }),
  R({ id: 'south_asia', label: text('South Asia', '南亚'), distanceKm: 4_000, marketSizeUsdBn: 70, demandGrowth: 0.06, incomePerCapitaUsd: 2_000, tariff: 0.14, importClearanceDays: 6, digitalReadiness: 0.45, dataRegime: 0.4, consumerTrust: 0.45, onlineConsumerShare: 0.03, railAccess: false, domestic: false }),
  R({ id: 'southeast_asia', label: text('Southeast Asia', '东南亚'), distanceKm: 3_000, marketSizeUsdBn: 130, demandGrowth: 0.055, incomePerCapitaUsd: 4_800, tariff: 0.04, importClearanceDays: 3, digitalReadiness: 0.6, dataRegime: 0.3, consumerTrust: 0.55, onlineConsumerShare: 0.06, railAccess: false, domestic: false }),
  R({ id: 'east_asia', label: text('Japan & Korea', '日韩'), distanceKm: 1_500, marketSizeUsdBn: 150, demandGrowth: 0.02, incomePerCapitaUsd: 36_000, tariff: 0.04, importClearanceDays: 1, digitalReadiness: 0.9, dataRegime: 0.15, consumerTrust: 0.5, onlineConsumerShare: 0.05, railAccess: false, domestic: false }),
  R({ id: 'oceania', label: text('Oceania', '大洋洲'), distanceKm: 8_000, marketSizeUsdBn: 30, demandGrowth: 0.03, incomePerCapitaUsd: 52_000, tariff: 0.02, importClearanceDays: 2, digitalReadiness: 0.85, dataRegime: 0.1, consumerTrust: 0.5, onlineConsumerShare: 0.07, railAccess: false, domestic: false }),
];

export interface CategoryData {
  id: string;
  label: Text;
  /** Typical export unit value, US$. */
  unitValueUsd: number;
  /** Shipping weight per US$ of value. */
  kgPerUsd: number;
  /** Cost of a day in transit or customs, share of value (Hummels & Schaur 2013: 0.6–2.1%). */
  timeCostPerDay: number;
  /** How much of the price design and R&D can add, 0–1. */
  designIntensity: number;
  /** Share of small-commodity demand. */
  demandShare: number;
  /** Share of materials in the production cost. */
  materialShare: number;
}

/**
 * Yiwu International Trade City's main trades (Yiwu China Commodities City Group annual report);
 * time costs from Hummels & Schaur (2013, AER), scaled so festive goods are most time-sensitive.
 * Unit values, weights, design intensity and demand shares: assumption.
 */
export const DEFAULT_CATEGORIES: CategoryData[] = [
  { id: 'jewelry_accessories', label: text('Jewellery & accessories', '饰品配件'), unitValueUsd: 1.0, kgPerUsd: 0.05, timeCostPerDay: 0.008, designIntensity: 0.6, demandShare: 0.12, materialShare: 0.45 },
  { id: 'toys', label: text('Toys', '玩具'), unitValueUsd: 2.5, kgPerUsd: 0.25, timeCostPerDay: 0.007, designIntensity: 0.5, demandShare: 0.13, materialShare: 0.5 },
  { id: 'household', label: text('Household goods', '日用百货'), unitValueUsd: 1.5, kgPerUsd: 0.4, timeCostPerDay: 0.006, designIntensity: 0.25, demandShare: 0.2, materialShare: 0.55 },
  { id: 'hardware_tools', label: text('Hardware & tools', '五金工具'), unitValueUsd: 3.0, kgPerUsd: 0.5, timeCostPerDay: 0.006, designIntensity: 0.2, demandShare: 0.11, materialShare: 0.6 },
  { id: 'textiles_apparel', label: text('Textiles & apparel', '针纺服饰'), unitValueUsd: 2.0, kgPerUsd: 0.15, timeCostPerDay: 0.009, designIntensity: 0.45, demandShare: 0.14, materialShare: 0.55 },
  { id: 'stationery_sports', label: text('Stationery & sports', '文体用品'), unitValueUsd: 1.5, kgPerUsd: 0.3, timeCostPerDay: 0.006, designIntensity: 0.3, demandShare: 0.1, materialShare: 0.5 },
  { id: 'small_electronics', label: text('Small electronics', '小家电电子'), unitValueUsd: 8.0, kgPerUsd: 0.08, timeCostPerDay: 0.012, designIntensity: 0.35, demandShare: 0.1, materialShare: 0.6 },
  { id: 'festive_crafts', label: text('Festive goods & crafts', '节庆工艺品'), unitValueUsd: 1.2, kgPerUsd: 0.3, timeCostPerDay: 0.021, designIntensity: 0.4, demandShare: 0.1, materialShare: 0.5 },
];

export interface ModeData {
  id: string;
  label: Text;
  /** Handling cost per kg, independent of distance. */
  costPerKgUsd: number;
  /** Line-haul cost per kg per 1,000 km of route. */
  costPerKgPer1000KmUsd: number;
  /** Route length relative to great-circle distance. */
  routeFactor: number;
  /** Days at origin and destination terminals, plus last mile. */
  transitDaysBase: number;
  /** Days per 1,000 km of route. */
  daysPer1000Km: number;
  /** What Yiwu shippers can book per month at Yiwu scale, million kg (2020). */
  capacityMillionKgPerMonth: number;
  /** Annual growth of that capacity. */
  capacityGrowth: number;
  /** Price rise at full utilisation, share (congestion pricing). */
  congestionPremium: number;
  /** Number of logistics providers offering the mode. */
  providers: number;
  /** Typical value of one shipment, US$ (containers, pallets, parcels). */
  shipmentValueUsd: number;
}

/**
 * Freight rates: Drewry World Container Index and Freightos Baltic Index, 2019 averages,
 * converted per kg at ~10 t per TEU; China–Europe rail and air from the same indices' 2019
 * reports; Yiwu–Xinou rail volumes (about 1,000 trains a year, 2020) from Yiwu Tianmeng.
 * Transit times: carriers' published schedules. Capacities and congestion: assumption.
 */
export const DEFAULT_MODES: ModeData[] = [
  { id: 'sea', label: text('Sea', '海运'), costPerKgUsd: 0.03, costPerKgPer1000KmUsd: 0.011, routeFactor: 1.4, transitDaysBase: 8, daysPer1000Km: 1.6, capacityMillionKgPerMonth: 900, capacityGrowth: 0.03, congestionPremium: 0.6, providers: 8, shipmentValueUsd: 30_000 },
  { id: 'rail', label: text('China–Europe rail', '中欧班列'), costPerKgUsd: 0.08, costPerKgPer1000KmUsd: 0.045, routeFactor: 1.2, transitDaysBase: 4, daysPer1000Km: 1.2, capacityMillionKgPerMonth: 45, capacityGrowth: 0.12, congestionPremium: 0.5, providers: 3, shipmentValueUsd: 25_000 },
  { id: 'air', label: text('Air', '空运'), costPerKgUsd: 0.6, costPerKgPer1000KmUsd: 0.25, routeFactor: 1.05, transitDaysBase: 3, daysPer1000Km: 0.1, capacityMillionKgPerMonth: 15, capacityGrowth: 0.05, congestionPremium: 0.8, providers: 5, shipmentValueUsd: 4_000 },
  { id: 'express', label: text('Express & postal', '快递邮政'), costPerKgUsd: 1.5, costPerKgPer1000KmUsd: 0.35, routeFactor: 1.1, transitDaysBase: 5, daysPer1000Km: 0.4, capacityMillionKgPerMonth: 40, capacityGrowth: 0.1, congestionPremium: 0.5, providers: 8, shipmentValueUsd: 300 },
  { id: 'overseas_warehouse', label: text('Overseas warehouse', '海外仓'), costPerKgUsd: 0.9, costPerKgPer1000KmUsd: 0.02, routeFactor: 1.4, transitDaysBase: 3, daysPer1000Km: 0.3, capacityMillionKgPerMonth: 25, capacityGrowth: 0.15, congestionPremium: 0.4, providers: 6, shipmentValueUsd: 40 },
  { id: 'road', label: text('Road (domestic)', '公路（国内）'), costPerKgUsd: 0.04, costPerKgPer1000KmUsd: 0.06, routeFactor: 1.3, transitDaysBase: 1, daysPer1000Km: 1, capacityMillionKgPerMonth: 600, capacityGrowth: 0.04, congestionPremium: 0.3, providers: 10, shipmentValueUsd: 5_000 },
];

/**
 * The first month after the record: the default paths below are observed or announced up to
 * 2024 (the calibration data run to 2023), and each path that goes on changing after 2024 is two
 * segments, the record to 2024-12 and the plan or trend from here. A lever set simply in the
 * sandbox — a target and the year it is reached — replaces the plan from this month and leaves
 * the record as it was (schema/introspect.ts retarget).
 */
export const POLICY_START = '2025-01';

/**
 * Default policy schedules: Yiwu as it is (2020 levels and announced or observed paths). Model
 * 0.7.0 split the ramps that ran across 2025 at 2024-12, at the former ramp's value then (rounded
 * to 3 decimals), so the path is the same to within 0.0005 and a target changes only the plan.
 */
export const DEFAULT_SCHEDULES = {
  /** MIIT: 5G base stations 0.7 M (2020) → 3.4 M (2023); Zhejiang near-full urban coverage by 2023. */
  fiveGCoverage: ramp(0.1, ['2020-01', '2023-12', 0.85], ['2024-01', '2024-12', 0.863], ['2025-01', '2030-12', 0.95]),
  /**
   * Cloud and AI service prices falling ~6% a year (assumption from list-price histories). The
   * milestone at 2020-12 lets a policy from 2021 (a lesson's) keep 2020 exactly as it is here.
   */
  cloudAiPriceIndex: ramp(1, ['2020-01', '2020-12', 0.958], ['2021-01', '2024-12', 0.775], ['2025-01', '2030-12', 0.5]),
  digitalLogistics: ramp(0.25, ['2020-01', '2024-12', 0.408], ['2025-01', '2030-12', 0.6]),
  eSignatureAdoption: ramp(0.3, ['2020-01', '2024-12', 0.549], ['2025-01', '2025-12', 0.6]),
  /**
   * CAC Measures for Security Assessment of Outbound Data (in force 2022-09-01) tightened, and
   * the Provisions on Promoting and Regulating Cross-border Data Flows (2024-03-22) eased.
   */
  homeDataOutboundStrictness: ramp(0.2, ['2022-09', undefined, 0.35], ['2024-03', undefined, 0.25]),
  /** With a milestone at 2020-12, as the cloud price's (a lesson's credit policy starts in 2021). */
  transactionDataScoring: ramp(0.2, ['2020-01', '2020-12', 0.231], ['2021-01', '2024-12', 0.366], ['2025-01', '2025-12', 0.4]),
  paperlessHall: ramp(0.5, ['2020-01', '2024-12', 0.8]),
  paperlessB2b: ramp(0.4, ['2020-01', '2024-12', 0.75]),
  paperlessCbec: ramp(0.7, ['2020-01', '2023-12', 0.95]),
} satisfies Record<string, Schedule>;
