/**
 * The series the page reads, by metric id and breakdown (the ids of sim/collect/metrics.ts).
 * The page streams every series the default world records (about 220: all metrics, every
 * breakdown), so any chart, card or lesson can watch any metric without a new run. The worker
 * streams exactly these, in this order.
 */
import { CHANNELS, STAGES, MODES, DEFAULT_REGIONS, DEFAULT_CATEGORIES, METRICS } from '../sim/index.ts';

type DimName = 'region' | 'channel' | 'stage' | 'category' | 'mode';
export interface SeriesSpec {
  metric: string;
  dims?: Partial<Record<DimName, string>>;
}

const foreign = DEFAULT_REGIONS.filter((r) => !r.domestic).map((r) => r.id);
export const REGIONS_ALL = DEFAULT_REGIONS.map((r) => r.id);
export const FOREIGN_REGIONS = foreign;
export const EXPORT_MODES = MODES.filter((m) => m !== 'road');

const IDS: Record<DimName, readonly string[]> = {
  region: REGIONS_ALL, channel: CHANNELS, stage: STAGES, category: DEFAULT_CATEGORIES.map((c) => c.id), mode: MODES,
};
/** Exports are recorded for foreign regions only (sim/collect/metrics.ts). */
const FOREIGN_ONLY = new Set(['trade_value_usd', 'digital_trade_value_usd']);

function allSeries(): SeriesSpec[] {
  const out: SeriesSpec[] = [];
  for (const m of METRICS) {
    for (const b of m.breakdowns) {
      if (b === '') out.push({ metric: m.id });
      else if (b === 'region×channel') for (const region of foreign) for (const channel of CHANNELS) out.push({ metric: m.id, dims: { region, channel } });
      else for (const id of b === 'region' && FOREIGN_ONLY.has(m.id) ? foreign : IDS[b]) out.push({ metric: m.id, dims: { [b]: id } });
    }
  }
  return out;
}

export const SERIES: SeriesSpec[] = allSeries();

/** The key of a series, as SeriesTable.keyOf builds it. */
export function seriesKey(s: SeriesSpec): string {
  const d = s.dims ?? {};
  return `${s.metric}|${d.region ?? ''}|${d.channel ?? ''}|${d.stage ?? ''}|${d.category ?? ''}|${d.mode ?? ''}`;
}
export const SERIES_KEYS = SERIES.map(seriesKey);
const INDEX = new Map(SERIES_KEYS.map((k, i) => [k, i]));
/** Index of a series in SERIES (throws on a typo, so charts cannot silently read nothing). */
export function idx(metric: string, dims?: SeriesSpec['dims']): number {
  const i = INDEX.get(seriesKey({ metric, dims }));
  if (i === undefined) throw new Error(`series not streamed: ${metric} ${JSON.stringify(dims ?? {})}`);
  return i;
}
/** Index of a series, or undefined when the page does not stream it. */
export function findSeries(metric: string, dims?: SeriesSpec['dims']): number | undefined {
  return INDEX.get(seriesKey({ metric, dims }));
}

/** Series shown with an uncertainty band (10–90 % over seeds). */
export const BAND_SERIES = [idx('trade_value_usd'), idx('digital_share_of_exports'), idx('adoption_share_digital'), idx('merchants_alive'), idx('exporters'), idx('credit_approved_usd')];
