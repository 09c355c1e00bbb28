/**
 * Fixed identifiers of the model: sales channels, value-chain stages, digital levels and
 * logistics modes. These strings are interfaces: they appear in CSV files, scenario files and
 * researchers' scripts, so they never change meaning; new ones are only ever added.
 */

/** Sales channels of the hub (the customs regime each maps to is in docs/ODD.md). */
export const CHANNELS = ['market_hall', 'b2b_platform', 'cross_border_ecommerce'] as const;
export type ChannelId = (typeof CHANNELS)[number];
export const HALL = 0;
export const B2B = 1;
export const CBEC = 2;
export const CHANNEL_COUNT = CHANNELS.length;

/**
 * Value-chain stages, left to right along the "smile curve" (Shih 1992): raw materials,
 * design and R&D, processing and production, market sales and trading, brand and after-sales.
 * A merchant's stage is the highest-value activity it performs itself.
 */
export const STAGES = ['raw_material', 'design_rnd', 'production', 'market_sales', 'brand'] as const;
export type StageId = (typeof STAGES)[number];
export const RAW = 0;
export const DESIGN = 1;
export const PRODUCTION = 2;
export const TRADING = 3;
export const BRAND = 4;
export const STAGE_COUNT = STAGES.length;

/** Digital levels of a merchant; each level includes the channels of the levels below it. */
export const DIGITAL_LEVELS = ['offline', 'b2b_platform', 'cross_border_ecommerce', 'data_driven'] as const;
export type DigitalLevelId = (typeof DIGITAL_LEVELS)[number];
export const LEVEL_COUNT = DIGITAL_LEVELS.length;

/** Logistics modes. `road` serves the domestic market only. */
export const MODES = ['sea', 'rail', 'air', 'express', 'overseas_warehouse', 'road'] as const;
export type ModeId = (typeof MODES)[number];
export const MODE_COUNT = MODES.length;

/** Buyer kinds. */
export const BUYER_KINDS = ['wholesale_importer', 'online_consumer'] as const;
export const IMPORTER = 0;
export const CONSUMER = 1;

/** Why a merchant left the market. */
export const EXIT_REASONS = ['none', 'credit_starved', 'insolvent', 'unprofitable', 'retired'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];
