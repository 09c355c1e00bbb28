/**
 * What a chart's update compares (components/chart.ts): an option's frame, everything but its
 * series' points, as text. When only the points change, echarts gets the points alone.
 */
import type { EChartsCoreOption } from 'echarts/core';

/** Series that carry their points in `data` (a sankey's data are its nodes: part of the frame). */
export const POINT_SERIES = new Set(['line', 'bar']);

/**
 * The option without its series' points, as text: if it is unchanged, only the data need
 * updating. A function counts by its `frameKey` (what it captured, e.g. an axis's unit): an axis
 * whose unit changes with the figures is redrawn, not left with the unit of its first draw.
 */
export function frameOf(option: EChartsCoreOption): string {
  return JSON.stringify(option, function (this: { type?: unknown }, key: string, value: unknown) {
    if (typeof value === 'function') return (value as { frameKey?: string }).frameKey;
    return key === 'data' && POINT_SERIES.has(this.type as string) ? undefined : value;
  });
}

