/**
 * The scenario schema: the single declaration of every parameter of the model. A scenario
 * file names only what differs from these defaults. Defaults describe Yiwu as it is.
 *
 * Groups follow the seed paper's three layers (infrastructure, platform, rules and
 * institutions), then the world (regions, categories, logistics), shocks, and the behavioural
 * parameters of the model (the few free ones are fitted by calibration).
 */
import * as z from 'zod';
import { ownTextSchema, text } from './labels.ts';
import { num, field, sched, schedField, monthString, UNITS as U, type NumberSpec } from './param.ts';
import { DEFAULT_SCHEDULES as D, DEFAULT_REGIONS, DEFAULT_CATEGORIES, DEFAULT_MODES } from './world-data.ts';
// Defaults of the free parameters come from the last calibration (npm run calibrate).
import fit from '../../scenarios/calibration/baseline-fit.json';
const FIT = fit.parameters;
/**
 * The default share of Yiwu simulated: one merchant for every ten booths (7,500 merchants). Chosen
 * so a default run with a new seed comes near the browser's 300 ms goal (on the project's 2-core
 * machine 253–291 ms on screen when the host is quiet, 291–364 ms when it runs slower, against
 * 349–389 ms at 2/15; issue 4); results do not depend on scale beyond noise (docs/ODD.md,
 * "Scale").
 */
export const DEFAULT_SCALE = 0.1;

const share = { min: 0, max: 1, unit: U.share };
/** A strength or strictness from 0 to 1. */
const level = { min: 0, max: 1, unit: U.level };

// ---------------------------------------------------------------- infrastructure (layer 1)
const infrastructure = z
  .strictObject({
    fiveGCoverage: sched({ ...share, group: 'infrastructure', default: D.fiveGCoverage,
      label: text('5G coverage', '5G覆盖率'),
      description: text('Share of merchants, markets and logistics sites covered by 5G. Lowers the cost of going digital, raises what data-driven merchants gain, and converts more online buyers (video catalogues, live-stream selling).',
        '商户、市场和物流场站的5G覆盖比例。降低数字化成本，提高数据驱动型商户的收益，并提高线上买家的转化率（视频图册、直播带货）。'),
      source: 'MIIT 5G statistics 2020–2023; Yiwu path: assumption' }),
    cloudAiPriceIndex: sched({ min: 0.1, max: 3, unit: U.index, group: 'infrastructure', default: D.cloudAiPriceIndex,
      label: text('Cloud & AI price', '云计算与AI价格'),
      description: text('Price of cloud (IaaS/PaaS/SaaS) and AI services relative to 2020. Cheaper services lower the cost of each digital level, most of all the data-driven one, and the cost of moving up the value chain (design and brand tools).',
        '云服务（IaaS/PaaS/SaaS）和AI服务相对2020年的价格。价格越低，各级数字化成本越低，对数据驱动级影响最大；向价值链高端升级（设计与品牌工具）的成本也越低。'),
      source: 'assumption (list-price histories, ~6% a year decline)' }),
    digitalLogistics: sched({ ...share, group: 'infrastructure', default: D.digitalLogistics,
      label: text('Digital logistics', '数字物流'),
      description: text('Share of logistics that is digitalised: shared logistics data, tracking, smart warehouses and sorting. Lowers freight cost and transit time.',
        '物流数字化比例：共享物流数据、全程追踪、智能仓储和分拣。降低运费和运输时间。'),
      source: 'assumption' }),
  })
  .prefault({})
  .meta({ label: text('Infrastructure', '基础设施'), group: 'infrastructure' });

// ---------------------------------------------------------------- platform (layer 2)
function customsChannel(name: string, zh: string, days: number, paperless: typeof D.paperlessHall, source: string) {
  return z
    .strictObject({
      // usual values lie below 2 days: a slider over 0–30 would keep them in its first 5 %
      clearanceDays: sched({ min: 0, max: 30, sliderMax: 5, unit: U.days, group: 'platform', default: days,
        label: text(`Export clearance days, ${name}`, `出口通关天数（${zh}）`),
        description: text(`Days to clear exports through Chinese customs for the ${name} channel. Every day costs buyers a share of the goods' value.`,
          `${zh}渠道出口通关所需天数。每多一天，买家都要付出货值的一定比例作为时间成本。`),
        source }),
      paperlessShare: sched({ ...share, group: 'platform', default: paperless,
        label: text(`Paperless trade share, ${name}`, `无纸化贸易比例（${zh}）`),
        description: text('Share of declarations filed electronically. Lowers customs fees and shortens clearance.',
          '电子申报的比例。降低报关费用并缩短通关时间。'),
        source: 'assumption' }),
    })
    .prefault({});
}

const platform = z
  .strictObject({
    consumerProtection: sched({ ...level, group: 'platform', default: 0.5,
      label: text('Consumer protection', '消费者保护'),
      description: text('Strength of consumer protection: fraud detection, dispute resolution and refunds. Lowers fraud and refunds buyers part of what remains, in the market hall as online, and builds buyers\' trust in online channels.',
        '消费者保护力度：欺诈识别、纠纷解决和退款。减少欺诈并向买家退还部分剩余损失（实体市场与线上皆然），提升买家对线上渠道的信任。'),
      source: 'assumption' }),
    eSignatureAdoption: sched({ ...share, group: 'platform', default: D.eSignatureAdoption,
      label: text('E-signature & e-authentication', '电子签名与电子认证'),
      description: text('Share of online trade using e-signatures and e-authentication. Lowers fraud, in the market hall\'s trade too (verified identities and contracts serve every channel).',
        '使用电子签名和电子认证的线上交易比例。降低欺诈，实体市场交易亦然（经认证的身份和合同适用于所有渠道）。'),
      source: 'assumption' }),
    homeDataOutboundStrictness: sched({ ...level, group: 'platform', default: D.homeDataOutboundStrictness,
      label: text('Home outbound data rules', '本国数据出境规则'),
      description: text('Strictness of China\'s rules on data leaving the country (0 free flow … 1 strict). Raises the cost of selling online into every region whose own regime is less strict.',
        '中国数据出境规则的严格程度（0 自由流动 … 1 严格）。对本地规则较宽松的地区，提高线上销售成本。'),
      source: 'CAC outbound data security assessment (2022-09); cross-border data flow provisions (2024-03)' }),
    customs: z
      .strictObject({
        market_hall: customsChannel('market hall (market procurement)', '实体市场（市场采购）', 1.0, D.paperlessHall, 'GACC market-procurement (1039) reform reports; assumption'),
        b2b_platform: customsChannel('B2B platform (general trade)', '一般贸易（B2B平台）', 1.5, D.paperlessB2b, 'GACC overall export clearance time reports; assumption'),
        cross_border_ecommerce: customsChannel('cross-border e-commerce', '跨境电商', 0.5, D.paperlessCbec, 'GACC 9610/9710/9810 regimes; assumption'),
      })
      .prefault({})
      .meta({ label: text('Customs facilitation', '通关便利化'), group: 'platform' }),
  })
  .prefault({})
  .meta({ label: text('Digital commerce platform', '数字商务平台'), group: 'platform' });

// ---------------------------------------------------------------- rules and institutions (layer 3)
const rules = z
  .strictObject({
    smeCreditSupply: sched({ min: 0, max: 5, unit: U.index, group: 'rules', default: 1,
      label: text('SME credit supply', '中小企业信贷供给'),
      description: text('Lending available to small merchants, relative to 2020 (1). More supply means fewer rejected applications.',
        '面向小商户的可贷资金，相对2020年水平（1）。供给越多，被拒申请越少。'),
      source: 'ADB Trade Finance Gaps surveys (SME rejection 45–56%)' }),
    smeLendingRate: sched({ min: 0, max: 0.3, unit: U.perYear, group: 'rules', default: 0.06,
      label: text('SME lending rate', '中小企业贷款利率'),
      description: text('Annual interest rate on loans to small merchants.', '小商户贷款的年利率。'),
      source: 'PBoC inclusive small and micro loans average rate, 2020 (~5.9%)' }),
    transactionDataScoring: sched({ ...share, group: 'rules', default: D.transactionDataScoring,
      label: text('Transaction-data credit scoring', '交易数据信用评分'),
      description: text('Share of lenders scoring applicants on their online transaction records instead of collateral. Opens credit to digital merchants without collateral.',
        '依据线上交易记录而非抵押品评估借款人的贷款机构比例。让没有抵押品的数字化商户也能获得贷款。'),
      source: 'assumption (MYbank 310 model, WeBank)' }),
  })
  .prefault({})
  .meta({ label: text('Rules and institutions', '规则与制度'), group: 'rules' });

// ---------------------------------------------------------------- world: regions, categories, modes
const regionIds = DEFAULT_REGIONS.map((r) => r.id) as [string, ...string[]];
const categoryIds = DEFAULT_CATEGORIES.map((c) => c.id) as [string, ...string[]];
const modeIds = DEFAULT_MODES.map((m) => m.id) as [string, ...string[]];

const regionOverride = z.strictObject({
  id: z.enum(regionIds).describe('Which region this entry changes'),
  distanceKm: field({ min: 100, max: 25_000, unit: U.km, group: 'world', label: text('Distance', '距离'), description: text('Great-circle distance from Yiwu.', '距义乌的大圆距离。'), source: 'great-circle distance from Yiwu (29.3°N, 120.1°E)' }).optional(),
  marketSizeUsdBn: field({ min: 0, max: 10_000, unit: U.usdBnPerYear, group: 'world', label: text('Market size', '市场规模'), description: text('Annual small-commodity import demand from all origins (2020).', '小商品年进口需求（所有来源，2020年）。') }).optional(),
  demandGrowth: field({ min: -0.5, max: 0.5, unit: U.perYear, group: 'world', label: text('Demand growth', '需求增长'), description: text('Annual growth of that demand.', '需求的年增长率。') }).optional(),
  incomePerCapitaUsd: field({ min: 100, max: 200_000, unit: U.usd, group: 'world', label: text('Income per head', '人均收入'), description: text('GDP per capita (context shown with results; the mechanisms do not use it).', '人均GDP（随结果展示的背景数据，机制不使用）。'), source: 'World Bank WDI 2019' }).optional(),
  tariff: schedField({ min: 0, max: 2, sliderMax: 0.5, unit: U.shareOfValue, group: 'rules', label: text('Tariff', '关税'), description: text('Applied tariff on goods from Yiwu, share of value.', '对义乌商品的实施关税，占货值比例。'), source: 'WTO World Tariff Profiles 2020' }).optional(),
  importClearanceDays: field({ min: 0, max: 60, unit: U.days, group: 'world', label: text('Import clearance days', '进口通关天数'), description: text('Days at the destination\'s customs.', '目的地海关通关天数。'), source: 'assumption (World Bank Doing Business 2020, trading across borders, rounded)' }).optional(),
  digitalReadiness: schedField({ min: 0, max: 1, unit: U.level, group: 'world', label: text('Digital readiness', '数字化就绪度'), description: text('Readiness of buyers for online cross-border purchases.', '买家进行跨境线上采购的就绪程度。'), source: 'UNCTAD B2C E-commerce Index 2020' }).optional(),
  dataRegime: schedField({ min: 0, max: 1, unit: U.level, group: 'platform', label: text('Data localisation', '数据本地化'), description: text('Data regime: 0 open data flows … 1 strict localisation. Raises the cost of selling online into the region.', '数据规则：0 数据自由流动 … 1 严格本地化。提高向该地区线上销售的成本。'), source: 'OECD Digital STRI 2018' }).optional(),
  consumerTrust: field({ ...level, group: 'world', label: text('Consumer trust', '消费者信任'), description: text('Buyers\' trust in buying online from Chinese sellers: where it starts, and the level it returns to after fraud or good experience moves it.', '买家对从中国卖家线上购买的信任度：初始水平，也是欺诈或良好体验使其变动后回归的水平。') }).optional(),
  onlineConsumerShare: field({ min: 0, max: 0.9, unit: U.share, group: 'world', label: text('Online consumer share', '线上消费者占比'), description: text('Share of the region\'s small-commodity purchases made by consumers online, cross-border (2020).', '该地区小商品采购中由消费者跨境线上购买的比例（2020年）。') }).optional(),
});

const categoryOverride = z.strictObject({
  id: z.enum(categoryIds).describe('Which category this entry changes'),
  unitValueUsd: field({ min: 0.01, max: 10_000, unit: U.usd, group: 'world', label: text('Unit value', '单价'), description: text('Typical export unit value.', '典型出口单价。') }).optional(),
  kgPerUsd: field({ min: 0.001, max: 10, unit: U.kgPerUsd, group: 'world', label: text('Weight per value', '单位货值重量'), description: text('Shipping weight per US$ of value.', '每美元货值的运输重量。') }).optional(),
  timeCostPerDay: field({ min: 0, max: 0.05, unit: U.perDay, group: 'world', label: text('Time cost per day', '每日时间成本'), description: text('Cost of a day in transit or customs, share of value.', '运输或通关每多一天的成本，占货值比例。'), source: 'Hummels & Schaur 2013' }).optional(),
  designIntensity: field({ ...share, group: 'world', label: text('Design intensity', '设计密集度'), description: text('How much of the price design and R&D can add.', '设计与研发可增加的价格比例。') }).optional(),
  demandShare: field({ min: 0, max: 1, unit: U.share, group: 'world', label: text('Demand share', '需求占比'), description: text('Share of small-commodity demand.', '在小商品需求中的占比。') }).optional(),
  materialShare: field({ ...share, group: 'world', label: text('Material share', '原材料占比'), description: text('Share of materials in production cost.', '原材料在生产成本中的占比。') }).optional(),
});

const modeOverride = z.strictObject({
  id: z.enum(modeIds).describe('Which logistics mode this entry changes'),
  costPerKgUsd: field({ min: 0, max: 50, unit: U.usdPerKg, group: 'world', label: text('Handling cost', '装卸成本'), description: text('Cost per kg independent of distance.', '与距离无关的每千克成本。') }).optional(),
  costPerKgPer1000KmUsd: field({ min: 0, max: 10, unit: U.usdPerKgPer1000Km, group: 'world', label: text('Line-haul cost', '干线运输成本'), description: text('Cost per kg per 1,000 km.', '每千克每千公里成本。') }).optional(),
  transitDaysBase: field({ min: 0, max: 60, unit: U.days, group: 'world', label: text('Terminal days', '场站天数'), description: text('Days at terminals and last mile.', '场站和末端配送天数。') }).optional(),
  daysPer1000Km: field({ min: 0, max: 10, unit: U.days, group: 'world', label: text('Days per 1,000 km', '每千公里天数'), description: text('Transit days per 1,000 km of route.', '每千公里运输天数。') }).optional(),
  capacityMillionKgPerMonth: field({ min: 0.01, max: 100_000, unit: text('million kg per month', '百万千克/月'), group: 'world', label: text('Capacity', '运力'), description: text('Capacity Yiwu shippers can book at Yiwu scale (2020).', '义乌发货人可订运力（义乌全规模，2020年）。') }).optional(),
  capacityGrowth: field({ min: -0.5, max: 1, unit: U.perYear, group: 'world', label: text('Capacity growth', '运力增长'), description: text('Annual growth of capacity.', '运力的年增长率。') }).optional(),
  congestionPremium: field({ min: 0, max: 5, unit: U.share, group: 'world', label: text('Congestion premium', '拥堵溢价'), description: text('Price rise at full utilisation.', '满负荷时的价格涨幅。') }).optional(),
});

// ---------------------------------------------------------------- shocks
const shockWindow = {
  start: monthString.describe('First month of the shock'),
  end: monthString.describe('Last month of the shock'),
};
const shock = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('market_hall_closure'),
    ...shockWindow,
    severity: z.number().min(0).max(1).default(1).describe('Share of the market hall closed to buyers (1 = fully closed)'),
  }).meta({ label: text('Market-hall closure', '市场关闭') }),
  z.strictObject({
    type: z.literal('buyer_travel_restriction'),
    ...shockWindow,
    severity: z.number().min(0).max(1).default(1).describe('Share of foreign buyers\' visits to the market hall that cannot happen (1 = none can come); buying agents still work'),
  }).meta({ label: text('Travel restriction on foreign buyers', '境外采购商出行限制') }),
  z.strictObject({
    type: z.literal('freight_rate_spike'),
    ...shockWindow,
    multiplier: z.number().min(0.1).max(20).describe('Freight rates of the affected modes multiply by this during the shock'),
    modes: z.array(z.enum(modeIds)).min(1).max(modeIds.length).default(['sea']).describe('Modes affected'),
  }).meta({ label: text('Freight-rate spike', '运价飙升') }),
  z.strictObject({
    type: z.literal('demand_shock'),
    ...shockWindow,
    change: z.number().min(-1).max(5).describe('Relative change of demand, e.g. -0.2 for a 20% fall'),
    regions: z.array(z.enum(regionIds)).min(1).max(regionIds.length).optional().describe('Regions affected; default all'),
    categories: z.array(z.enum(categoryIds)).min(1).max(categoryIds.length).optional().describe('Categories affected; default all'),
  }).meta({ label: text('Demand shock', '需求冲击') }),
]);

// ---------------------------------------------------------------- behaviour (model parameters)
const m = (spec: Omit<NumberSpec, 'group'>) => num({ ...spec, group: 'model' });
const model = z
  .strictObject({
    priceSensitivity: m({ default: 3, min: 1.2, max: 10, unit: U.none, label: text('Price sensitivity of buyers', '买家价格敏感度'), description: text('Logit coefficient on log landed cost (σ − 1 in CES terms).', '到岸成本对数的logit系数（CES中的σ − 1）。'), source: 'Broda & Weinstein 2006 (σ ≈ 3–5 for differentiated goods)' }),
    productivityShape: m({ default: 3.1, min: 1.2, max: 10, unit: U.none, label: text('Productivity tail exponent', '生产率尾部指数'), description: text('Pareto exponent of merchants\' productivity. Sales then have a tail near shape ÷ price sensitivity ≈ 1.', '商户生产率的帕累托指数。销售额尾部指数约为其除以价格敏感度，接近1。'), source: 'Chaney 2008; Axtell 2001' }),
    hubShareAtStart: m({ default: FIT.hubShareAtStart, min: 0.001, max: 0.5, unit: U.share, label: text('Hub\'s initial market share', '枢纽初始市场份额'), description: text('Yiwu\'s share of small-commodity demand in an average region at the start; sets the strength of competing suppliers elsewhere.', '起始时义乌在平均地区小商品需求中的份额；决定其他供应来源的竞争力。'), source: 'calibrated: scenarios/calibration/baseline-fit.json (npm run calibrate)' }),
    traderMarkup: m({ default: 0.25, min: 0, max: 1, unit: U.share, label: text('Trading margin', '贸易加价'), description: text('Markup of market sales over the cost of goods.', '市场销售相对商品成本的加价。') }),
    designPremium: m({ default: 0.5, min: 0, max: 3, unit: U.share, label: text('Design premium', '设计溢价'), description: text('Price premium of own design, as a share of the price, times the category\'s design intensity: price × (1 + premium × intensity).', '自主设计的价格溢价（占价格的比例），乘以品类设计密集度：价格 ×（1 + 溢价 × 密集度）。'), source: 'Shih 1992 smile curve; assumption' }),
    brandPremium: m({ default: 0.25, min: 0, max: 3, unit: U.share, label: text('Brand premium', '品牌溢价'), description: text('Price premium of an own brand with after-sales service.', '自有品牌及售后服务的价格溢价。'), source: 'assumption' }),
    qualityPerPremium: m({ default: 1.1, min: 0, max: 3, unit: U.exponent, label: text('Quality per premium', '溢价对应的质量'), description: text('How much buyers value design and brand, as an exponent: quality = (price premium factor)^this; 1 means the premium is exactly worth its price.', '买家对设计和品牌的重视程度（幂指数）：质量 =（溢价系数）^该值；1表示溢价恰好值回价格。') }),
    bassInnovation: m({ default: 0.0025, min: 0, max: 0.2, unit: U.perMonth, label: text('Adoption: innovation', '采纳：创新系数'), description: text('Monthly chance a merchant considers the next digital level on its own (Bass p).', '商户自行考虑升级下一数字层级的月概率（Bass p）。'), source: 'Bass 1969; Sultan, Farley & Lehmann 1990 (p ≈ 0.03/yr)' }),
    bassImitation: m({ default: 0.025, min: 0, max: 1, unit: U.perMonth, label: text('Adoption: imitation', '采纳：模仿系数'), description: text('Extra monthly chance per share of peers already at that level (Bass q).', '同行中已达该层级的比例每增加1所增加的月概率（Bass q）。'), source: 'Bass 1969; Sultan, Farley & Lehmann 1990 (q ≈ 0.3–0.4 a year, 0.025–0.035 a month)' }),
    adoptionCostB2bUsd: m({ default: 8_000, min: 0, max: 1e6, unit: U.usd, label: text('Cost: B2B platform', '成本：B2B平台'), description: text('One-off cost of going onto B2B platforms (store, catalogue, training) at 2020 prices.', '入驻B2B平台的一次性成本（店铺、目录、培训），2020年价格。') }),
    adoptionCostCbecUsd: m({ default: 20_000, min: 0, max: 1e6, unit: U.usd, label: text('Cost: cross-border e-commerce', '成本：跨境电商'), description: text('One-off cost of cross-border retail (listings, payments, returns).', '开展跨境零售的一次性成本（上架、支付、退货）。') }),
    adoptionCostDataUsd: m({ default: 60_000, min: 0, max: 1e6, unit: U.usd, label: text('Cost: data-driven', '成本：数据驱动'), description: text('One-off cost of cloud, ERP and AI tools for a data-driven business.', '数据驱动经营所需云、ERP和AI工具的一次性成本。') }),
    digitalRunningCostUsd: m({ default: 600, min: 0, max: 1e5, unit: U.usdPerMonth, label: text('Digital running cost', '数字化运行成本'), description: text('Monthly cost per digital level above offline (subscriptions, staff).', '每高于线下一级的月度成本（订阅、人员）。') }),
    aiCostSaving: m({ default: 0.06, min: 0, max: 0.5, unit: U.share, label: text('AI cost saving', 'AI成本节约'), description: text('Unit-cost saving of a data-driven merchant with full 5G.', '在5G全覆盖下数据驱动型商户的单位成本节约。'), source: 'assumption' }),
    onlineEntryCostUsd: m({ default: 6_000, min: 0, max: 1e6, unit: U.usd, label: text('Online market entry cost', '线上市场进入成本'), description: text('Fixed cost of starting to sell online into one foreign region (Melitz 2003).', '开始在一个海外地区线上销售的固定成本（Melitz 2003）。'), source: 'Melitz 2003; assumption' }),
    localisationCostUsd: m({ default: 60_000, min: 0, max: 1e7, unit: U.usd, label: text('Data localisation compliance cost', '数据本地化合规成本'), description: text('Extra entry cost at a strict localisation regime (scaled by the regime\'s strictness).', '在严格本地化规则下的额外进入成本（按严格程度缩放）。'), source: 'assumption; Ferracane & van der Marel 2021' }),
    localisationFriction: m({ default: 0.08, min: 0, max: 1, unit: U.share, label: text('Data localisation running cost', '数据本地化运行成本'), description: text('Extra cost of online sales at a strict regime, share of value (scaled by strictness).', '严格规则下线上销售的额外成本，占货值比例（按严格程度缩放）。'), source: 'assumption' }),
    marketMaintenanceUsd: m({ default: 150, min: 0, max: 1e5, unit: U.usdPerMonth, label: text('Online market upkeep', '线上市场维护'), description: text('Monthly cost of serving one foreign region online.', '线上服务一个海外地区的月成本。') }),
    hallMeetingsPerMonth: m({ default: 0.4, min: 0, max: 50, unit: U.perMonth, label: text('Market-hall meetings', '市场洽谈次数'), description: text('New foreign buyers a typical booth meets each month when the hall is open.', '市场开放时典型摊位每月结识的新境外买家数。') }),
    linkAttrition: m({ default: 0.04, min: 0, max: 1, unit: U.perMonth, label: text('Buyer-link attrition', '客户关系流失'), description: text('Monthly chance a market-hall buyer relationship lapses.', '市场客户关系每月流失的概率。') }),
    visitDistanceElasticity: m({ default: 0.7, min: 0, max: 3, unit: U.none, label: text('Visits fall with distance', '来访随距离衰减'), description: text('Elasticity of buyers\' visits to the market hall with distance (travel cost, language, information).', '买家来访市场对距离的弹性（差旅成本、语言、信息）。') }),
    buyingAgentAccess: m({ default: 0.6, min: 0, max: 1, unit: U.share, label: text('Buying-agent access', '采购代理可及性'), description: text('How much of the market hall importers reach through Yiwu buying agents without visiting: the purchases agents make for them, and the new booths agents meet for them when they cannot travel.', '进口商不来访、通过义乌采购代理可触达的市场比例：包括代理代为采购，以及无法出行时代理代为结识新摊位。') }),
    channelHabit: m({ default: 1.5, min: 0, max: 10, unit: U.none, label: text('Channel habit', '渠道习惯'), description: text('How strongly buyers keep last month\'s channel mix (repeat relationships).', '买家延续上月渠道组合的程度（重复交易关系）。') }),
    fraudRateHall: m({ default: 0.002, min: 0, max: 0.5, unit: U.share, label: text('Fraud rate, market hall', '欺诈率：市场'), description: text('Share of market-hall sales lost to fraud or misdescription without protection.', '无保护时市场交易因欺诈或货不对板的损失比例。') }),
    fraudRateOnline: m({ default: 0.03, min: 0, max: 0.5, unit: U.share, label: text('Fraud rate, online', '欺诈率：线上'), description: text('Share of online sales lost to fraud without protection (cross-border retail; B2B half of it).', '无保护时线上交易的欺诈损失比例（跨境零售；B2B为其一半）。') }),
    trustLearning: m({ default: 0.08, min: 0, max: 1, unit: U.perMonth, label: text('Trust learning', '信任学习速度'), description: text('How fast buyers\' trust in online channels follows their experience.', '买家对线上渠道的信任随经历变化的速度。') }),
    b2bFeeRate: m({ default: FIT.b2bFeeRate, min: 0, max: 0.5, unit: U.share, label: text('B2B platform fee', 'B2B平台费率'), description: text('Platform and payment fees on B2B sales.', 'B2B交易的平台与支付费用。'), source: 'calibrated: scenarios/calibration/baseline-fit.json (npm run calibrate)' }),
    b2bDeclaredMarketProcurement: m({ default: FIT.b2bDeclaredMarketProcurement, min: 0, max: 1, unit: U.share, label: text('B2B exports declared as market procurement', 'B2B出口按市场采购申报比例'), description: text('Share of B2B-platform exports that market merchants declare under the market-procurement customs regime (1039) rather than general trade. Changes customs statistics only (the market-procurement share of exports), not trade.', '市场商户通过B2B平台达成的出口中，以市场采购贸易方式（1039）而非一般贸易申报的比例。只影响海关统计口径（市场采购贸易方式出口占比），不影响贸易本身。'), source: 'calibrated: scenarios/calibration/baseline-fit.json (npm run calibrate); no direct data' }),
    hallDeclaredMarketProcurement: m({ default: FIT.hallDeclaredMarketProcurement, min: 0, max: 1, unit: U.share, label: text('Hall exports declared as market procurement', '市场渠道出口按市场采购申报比例'), description: text('Share of the market hall\'s exports declared under the market-procurement customs regime (1039); the rest leave as general trade (merchants with their own export licence claiming VAT rebates, buyers shipping through their own forwarders). Changes customs statistics only (the market-procurement share of exports), not trade.', '市场渠道出口中以市场采购贸易方式（1039）申报的比例；其余以一般贸易出口（自营出口、需退税的商户，或买家自行委托货代）。只影响海关统计口径（市场采购贸易方式出口占比），不影响贸易本身。'), source: 'calibrated: scenarios/calibration/baseline-fit.json (npm run calibrate); no direct data' }),
    cbecFeeRate: m({ default: 0.1, min: 0, max: 0.5, unit: U.share, label: text('Cross-border e-commerce fee', '跨境电商费率'), description: text('Marketplace commission and payment fees on cross-border retail.', '跨境零售的平台佣金与支付费用。') }),
    hallFeeRate: m({ default: 0.02, min: 0, max: 0.5, unit: U.share, label: text('Market-hall fee', '市场交易费率'), description: text('Agents\' commissions and forwarding fees on market-hall purchases.', '市场采购的代理佣金和货代费用。') }),
    boothCostUsd: m({ default: 1_000, min: 0, max: 1e6, unit: U.usdPerMonth, label: text('Booth and staff cost', '摊位与人员成本'), description: text('Monthly fixed cost of running a booth.', '经营一个摊位的月固定成本。'), source: 'Yiwu booth rents 2019–2020; assumption' }),
    startupCapitalUsd: m({ default: 40_000, min: 0, max: 1e7, unit: U.usd, label: text('Start-up capital', '启动资金'), description: text('Cash a new merchant brings.', '新商户带入的现金。') }),
    entryRate: m({ default: 0.08, min: 0, max: 1, unit: U.perMonth, label: text('Entry attempts', '进入尝试率'), description: text('Monthly chance a vacant booth finds a would-be merchant.', '空置摊位每月找到潜在商户的概率。') }),
    retirementRate: m({ default: 0.002, min: 0, max: 0.2, unit: U.perMonth, label: text('Retirement', '自然退出'), description: text('Monthly chance a merchant leaves for reasons outside the model.', '商户因模型外原因退出的月概率。') }),
    distressMonths: m({ default: 3, min: 1, max: 36, integer: true, unit: U.months, label: text('Months of distress before exit', '退出前困境月数'), description: text('Consecutive months short of cash and refused working-capital credit after which a merchant closes.', '连续多少个月现金短缺且营运资金贷款被拒后商户关闭。') }),
    creditTermMonths: m({ default: 36, min: 1, max: 240, integer: true, unit: U.months, label: text('Loan term', '贷款期限'), description: text('Sets repayment: each month a merchant repays 1/term of what it owes (a declining schedule, so about a third is still owed after the term).', '决定还款：商户每月偿还所欠余额的1/期限（递减式，期满时仍欠约三分之一）。') }),
    creditSupplyUsdPerMonth: m({ default: 15e6, min: 0, max: 1e11, unit: U.usdPerMonth, label: text('Base SME lending', '基础中小企业贷款额'), description: text('New lending available per month at Yiwu scale when supply is 1.', '供给指数为1时义乌全规模每月可新增贷款。') }),
    creditStrictness: m({ default: FIT.creditStrictness, min: -5, max: 5, unit: U.none, label: text('Lenders\' strictness', '贷款审批严格度'), description: text('Score an applicant must beat; calibrated so about half of SME applications are rejected.', '申请人须超过的评分门槛；校准为约一半中小企业申请被拒。'), source: 'calibrated to ADB Trade Finance Gaps (45–56% of SME applications rejected): scenarios/calibration/baseline-fit.json' }),
    upgradeHazard: m({ default: 0.004, min: 0, max: 1, unit: U.perMonth, label: text('Upgrading: chance to consider', '升级：考虑概率'), description: text('Monthly chance a merchant considers moving up the value chain.', '商户每月考虑沿价值链升级的概率。') }),
    upgradeCostDesignUsd: m({ default: 120_000, min: 0, max: 1e7, unit: U.usd, label: text('Cost: design & R&D', '成本：设计研发'), description: text('Investment to set up own design and R&D.', '建立自主设计研发的投资。') }),
    upgradeCostBrandUsd: m({ default: 250_000, min: 0, max: 1e7, unit: U.usd, label: text('Cost: brand', '成本：品牌'), description: text('Investment to build an own brand with after-sales service.', '建立自有品牌及售后服务的投资。') }),
    upgradeSuccess: m({ default: 0.6, min: 0, max: 1, unit: U.share, label: text('Upgrading success', '升级成功率'), description: text('Chance an upgrading investment succeeds (higher for data-driven merchants).', '升级投资成功的概率（数据驱动型商户更高）。') }),
    rivalImprovement: m({ default: FIT.rivalImprovement, min: -0.5, max: 1, unit: U.perYear, label: text('Rivals\' improvement', '竞争对手进步'), description: text('Annual growth in the attraction of competing suppliers elsewhere (other hubs and countries also cut costs and go digital).', '其他供应来源（其他枢纽和国家也在降本和数字化）吸引力的年增长率。'), source: 'calibrated: scenarios/calibration/baseline-fit.json (npm run calibrate)' }),
    onlineConsumerGrowth: m({ default: 0.12, min: -0.5, max: 1, unit: U.perYear, label: text('Growth of online consumers', '线上消费者增长'), description: text('Annual growth of the share of purchases consumers make online cross-border; in a region whose digital readiness changes, scaled by its readiness relative to the first month.', '消费者跨境线上购买占比的年增长率；若某地区的数字化就绪度变化，则按其相对首月的就绪度缩放。'), source: 'assumption, consistent with AliResearch–Accenture 2015: global cross-border B2C +27% a year in value 2014–2020 (share growth plus market growth)' }),
    importsUsdBnPerYear: m({ default: 4.2, min: 0, max: 1_000, unit: U.usdBnPerYear, label: text('Imports at start', '起始进口额'), description: text('Yiwu\'s imports in the first year, taken as data (not modelled by agents).', '首年义乌进口额，作为数据输入（非主体建模）。'), source: 'Yiwu Customs 2019: imports 28.9 bn yuan (2019 figure used for the first year)' }),
    importsGrowth: m({ default: 0.2, min: -0.5, max: 1, unit: U.perYear, label: text('Import growth', '进口增长'), description: text('Annual growth of imports.', '进口的年增长率。'), source: 'Yiwu Customs 2019–2023 (28.9 → 65.5 bn yuan)' }),
    planningHorizonMonths: m({ default: 36, min: 1, max: 240, integer: true, unit: U.months, label: text('Planning horizon', '规划期'), description: text('Months over which merchants weigh an investment\'s gains against its cost.', '商户衡量投资收益与成本的月数。') }),
  })
  .prefault({})
  .meta({ label: text('Behaviour (model parameters)', '行为参数（模型参数）'), group: 'model' });

// ---------------------------------------------------------------- the scenario file
export const scenarioFileSchema = z
  .strictObject({
    $schema: z.string().max(500).optional().describe('Path to scenario.schema.json, for editors'),
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'not a slug' }).optional()
      .describe('Short id, lowercase letters, digits and dashes; default: the file name'),
    title: ownTextSchema.optional().describe('Title: a string, or { "en": …, "zh": … } with one or both'),
    description: ownTextSchema.optional().describe('What the scenario changes and why: a string, or { "en": …, "zh": … } with one or both'),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1).describe('Seed of all random streams (0 … 2³¹−1)'),
    time: z
      .strictObject({
        start: monthString.default('2020-01').describe('First simulated month'),
        end: monthString.default('2030-12').describe('Last simulated month'),
      })
      .prefault({}),
    scale: num({ default: DEFAULT_SCALE, min: 0.001, max: 1, unit: U.share, group: 'scenario',
      label: text('Scale', '规模'),
      description: text('Share of Yiwu\'s real size simulated: 1 = 75,000 merchants and about 1 million buyers; the default 0.1 = 7,500 merchants. Totals are reported at Yiwu scale.',
        '模拟规模占义乌实际规模的比例：1 = 75,000家商户、约100万买家；默认0.1 = 7,500家商户。总量按义乌全规模报告。'),
      source: 'Yiwu International Trade City: ~75,000 booths' }),
    infrastructure,
    platform,
    rules,
    regions: z.array(regionOverride).max(50).default([]).describe('Changes to destination regions, each naming the region by id'),
    categories: z.array(categoryOverride).max(50).default([]).describe('Changes to product categories, each naming the category by id'),
    logistics: z.strictObject({ modes: z.array(modeOverride).max(20).default([]) }).prefault({})
      .describe('Changes to logistics modes, each naming the mode by id'),
    shocks: z.array(shock).max(100).default([]).describe('Scheduled shocks'),
    model,
  })
  .meta({ title: 'Yiwu digital trade sandbox scenario', description: 'A scenario names only what differs from the defaults (Yiwu as it is).' });

export type ScenarioFile = z.input<typeof scenarioFileSchema>;
export type ParsedScenario = z.output<typeof scenarioFileSchema>;
export type ShockSpec = ParsedScenario['shocks'][number];
