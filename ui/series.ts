/**
 * The series the charts and cards read, by metric id and breakdown (the ids of
 * sim/collect/metrics.ts). The worker streams exactly these, in this order.
 */
import { CHANNELS, STAGES, MODES, DEFAULT_REGIONS } from '../sim/index.ts';

export interface SeriesSpec {
  metric: string;
  dims?: Partial<Record<'region' | 'channel' | 'stage' | 'mode', string>>;
}

const foreign = DEFAULT_REGIONS.filter((r) => !r.domestic).map((r) => r.id);
export const REGIONS_ALL = DEFAULT_REGIONS.map((r) => r.id);
export const FOREIGN_REGIONS = foreign;
export const EXPORT_MODES = MODES.filter((m) => m !== 'road');

export const SERIES: SeriesSpec[] = [
  { metric: 'total_trade_usd' },
  { metric: 'trade_value_usd' },
  ...CHANNELS.map((channel) => ({ metric: 'trade_value_usd', dims: { channel } })),
  ...foreign.map((region) => ({ metric: 'trade_value_usd', dims: { region } })),
  { metric: 'digital_trade_value_usd' },
  { metric: 'digital_share_of_exports' },
  { metric: 'adoption_share_b2b_platform' },
  { metric: 'adoption_share_cross_border_ecommerce' },
  { metric: 'adoption_share_data_driven' },
  { metric: 'adoption_share_digital' },
  { metric: 'merchants_alive' },
  { metric: 'exporters' },
  ...STAGES.map((stage) => ({ metric: 'value_added_usd', dims: { stage } })),
  ...MODES.map((mode) => ({ metric: 'logistics_cost_usd_per_kg', dims: { mode } })),
  ...MODES.map((mode) => ({ metric: 'transit_days', dims: { mode } })),
  ...MODES.map((mode) => ({ metric: 'volume_kg', dims: { mode } })),
  { metric: 'credit_applied_usd' },
  { metric: 'credit_approved_usd' },
  { metric: 'credit_applications' },
  { metric: 'credit_approvals' },
  ...REGIONS_ALL.map((region) => ({ metric: 'landed_cost_index', dims: { region } })),
  ...REGIONS_ALL.map((region) => ({ metric: 'hub_market_share', dims: { region } })),
  ...REGIONS_ALL.map((region) => ({ metric: 'tariff_revenue_usd', dims: { region } })),
];

/** The key of a series, as SeriesTable.keyOf builds it. */
export function seriesKey(s: SeriesSpec): string {
  const d = s.dims ?? {};
  return `${s.metric}|${d.region ?? ''}|${d.channel ?? ''}|${d.stage ?? ''}||${d.mode ?? ''}`;
}
export const SERIES_KEYS = SERIES.map(seriesKey);
const INDEX = new Map(SERIES_KEYS.map((k, i) => [k, i]));
/** Index of a series in SERIES (throws on a typo, so charts cannot silently read nothing). */
export function idx(metric: string, dims?: SeriesSpec['dims']): number {
  const i = INDEX.get(seriesKey({ metric, dims }));
  if (i === undefined) throw new Error(`series not streamed: ${metric} ${JSON.stringify(dims ?? {})}`);
  return i;
}

/** Series shown with an uncertainty band (10–90 % over seeds). */
export const BAND_SERIES = [idx('trade_value_usd'), idx('digital_share_of_exports'), idx('adoption_share_digital'), idx('merchants_alive'), idx('exporters'), idx('credit_approved_usd')];
