/** Short display names of the model's ids (stages, channels, modes, digital levels, regions, metrics) in both languages. */
import { DEFAULT_REGIONS, METRICS, STAGES, type Text } from '../sim/index.ts';
import { tx, type Lang } from './i18n/index.ts';

export const STAGE_TEXT: Record<string, Text> = {
  raw_material: { en: 'Raw materials', zh: '原材料' }, design_rnd: { en: 'Design & R&D', zh: '设计研发' }, production: { en: 'Production', zh: '加工生产' },
  market_sales: { en: 'Market sales', zh: '市场销售' }, brand: { en: 'Brand & service', zh: '品牌与售后' },
};
/**
 * The stages in the order the smile curve draws them (Shih 1992): design and R&D at its left end,
 * then the supply of materials, production and market sales along the bottom, brand and service
 * at the right end.
 */
export const SMILE_ORDER = ['design_rnd', 'raw_material', 'production', 'market_sales', 'brand'] as const;
/** Figures by stage in ids.ts STAGES order, put in the smile curve's order. */
export const alongSmile = (byStage: readonly number[]): number[] => SMILE_ORDER.map((g) => byStage[STAGES.indexOf(g)]);
/** The stages' names in the smile curve's order. */
export const smileStageNames = (lang: Lang): string[] => SMILE_ORDER.map((g) => tx(STAGE_TEXT[g], lang));
export const CHANNEL_TEXT: Record<string, Text> = {
  market_hall: { en: 'Market hall', zh: '实体市场' }, b2b_platform: { en: 'B2B platform', zh: 'B2B平台' }, cross_border_ecommerce: { en: 'Cross-border e-commerce', zh: '跨境电商' },
};
export const MODE_TEXT: Record<string, Text> = {
  sea: { en: 'Sea', zh: '海运' }, rail: { en: 'China–Europe rail', zh: '中欧班列' }, air: { en: 'Air', zh: '空运' }, express: { en: 'Express & postal', zh: '快递邮政' },
  overseas_warehouse: { en: 'Overseas warehouse', zh: '海外仓' }, road: { en: 'Road (domestic)', zh: '公路（国内）' },
};
export const LEVEL_TEXT: Record<string, Text> = {
  offline: { en: 'Offline', zh: '线下' }, b2b_platform: { en: 'B2B platform', zh: 'B2B平台' },
  cross_border_ecommerce: { en: 'Cross-border e-commerce', zh: '跨境电商' }, data_driven: { en: 'Data-driven (cloud/AI)', zh: '数据驱动（云/AI）' },
};

export const regionLabel = (id: string, lang: Lang) => tx(DEFAULT_REGIONS.find((r) => r.id === id)?.label, lang) || id;
export const metricLabel = (id: string, lang: Lang) => tx(METRICS.find((m) => m.id === id)?.label, lang) || id;

/** "Exports · European Union": a metric with its breakdown, as a heading. */
export function seriesLabel(metric: string, dims: Record<string, string | undefined>, lang: Lang): string {
  const parts = [metricLabel(metric, lang)];
  if (dims.region) parts.push(regionLabel(dims.region, lang));
  if (dims.channel) parts.push(tx(CHANNEL_TEXT[dims.channel], lang) || dims.channel);
  if (dims.stage) parts.push(tx(STAGE_TEXT[dims.stage], lang) || dims.stage);
  if (dims.mode) parts.push(tx(MODE_TEXT[dims.mode], lang) || dims.mode);
  if (dims.category) parts.push(dims.category);
  return parts.join(' · ');
}
