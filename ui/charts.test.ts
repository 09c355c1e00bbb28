import { describe, it, expect } from 'vitest';
import { niceExtent, timeOption, type Line } from './charts.ts';

const line = (values: number[], done = values.length): Line => ({ name: 'x', data: Float64Array.from(values), done, color: '#000' });

describe('chart options', () => {
  it('during playback the y axis holds the whole run, rounded outwards, so it does not rescale', () => {
    expect(niceExtent([line([0.12, 0.37, Number.NaN])], true)).toEqual({ min: 0, max: 0.4 });
    expect(niceExtent([line([310, 330, 9999], 2)], false)).toEqual({ min: 310, max: 330 });
    expect(niceExtent([line([Number.NaN])], false)).toBeUndefined();
    const months = ['2020-01', '2020-02', '2020-03'];
    const o = timeOption(months, [line([1, 2, 3])], 'number', 'en', { cursor: 1 }) as { yAxis: { min: number; max: number }; series: Array<{ data: Array<number | null>; markLine?: unknown }> };
    expect(o.series[0].data).toEqual([1, 2, null]); // stops at the month shown
    expect(o.yAxis.max).toBeGreaterThanOrEqual(3); // but the axis already holds month 3
    expect(o.series[0].markLine).toBeDefined();
  });
});
