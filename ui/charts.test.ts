import { describe, it, expect } from 'vitest';
import { niceExtent, timeOption, textWidth, formatter, wrapLabel, flowOption, smileOption, smileCircle, sweepOption, PALETTE, type Line } from './charts.ts';
import { frameOf } from './frame.ts';

const line = (values: number[], done = values.length): Line => ({ name: 'x', data: Float64Array.from(values), done, color: '#000' });

describe('chart options', () => {
  it('a money axis whose unit changes with the figures makes a new frame (a redraw, not the first draw\'s unit)', () => {
    const names = { x: 'lever', y: 'trade', line: 'median', band: 'band' };
    const sweep = (ys: Array<number | null>) => sweepOption({ x: [1, 2], median: ys, lo: ys, hi: ys }, 'money', names, 'en', String);
    const empty = sweep([null, null]); // the chart's first draw, before any run is done
    const done = sweep([1.5e10, 1.6e10]);
    expect(frameOf(done)).not.toBe(frameOf(empty));
    expect((done as { yAxis: { axisLabel: { formatter: (v: number) => string } } }).yAxis.axisLabel.formatter(1.55e10)).toBe('US$15.5bn');
    // points alone, in the same unit: the same frame (only the data are handed over)
    expect(frameOf(sweep([1.4e10, 1.7e10]))).toBe(frameOf(done));
    // the main charts' time lines: the same
    const months = ['2020-01', '2020-02'];
    expect(frameOf(timeOption(months, [line([2e9, 3e9])], 'money', 'zh'))).not.toBe(frameOf(timeOption(months, [line([2e12, 3e12])], 'money', 'zh')));
  });

  it('marks where the record ends with a labelled dotted line, only when the run has that month', () => {
    type Mark = { markLine?: { data: Array<{ xAxis: string; label?: { formatter: string }; lineStyle?: { type: unknown } }> } };
    const months = ['2024-11', '2024-12', '2025-01', '2025-02'];
    const o = timeOption(months, [line([1, 2, 3, 4])], 'number', 'en', { divide: { month: '2025-01', label: 'record | plans' } }) as { series: Mark[] };
    const marks = o.series[0].markLine!.data;
    expect(marks).toHaveLength(1);
    expect(marks[0].xAxis).toBe('2025-01');
    expect(marks[0].label!.formatter).toBe('record | plans');
    // with the classroom's cursor too: both, the cursor solid
    const both = timeOption(months, [line([1, 2, 3, 4])], 'number', 'en', { cursor: 1, divide: { month: '2025-01', label: 'x' } }) as { series: Mark[] };
    expect(both.series[0].markLine!.data.map((d) => d.xAxis)).toEqual(['2024-12', '2025-01']);
    const outside = timeOption(['2026-01', '2026-02'], [line([1, 2])], 'number', 'en', { divide: { month: '2025-01', label: 'x' } }) as { series: Mark[] };
    expect(outside.series[0].markLine).toBeUndefined();
  });

  it('during playback the y axis holds the whole run, rounded outwards, so it does not rescale', () => {
    expect(niceExtent([line([0.12, 0.37, Number.NaN])], true)).toEqual({ min: 0, max: 0.4, interval: 0.1 });
    expect(niceExtent([line([310, 330, 9999], 2)], false)).toEqual({ min: 310, max: 330, interval: 5 });
    expect(niceExtent([line([Number.NaN])], false)).toBeUndefined();
    // a range just under a power of ten gets at most six steps (0 … 84% had nine, 10% apart, crowded on a projector)
    expect(niceExtent([line([0.84, 0.2])], true)).toEqual({ min: 0, max: 1, interval: 0.2 });
    expect(niceExtent([line([0, 95])], true)).toEqual({ min: 0, max: 100, interval: 20 });
    // counted after rounding the ends out (3.5 … 9.4 by 1 would be 3 … 10: seven steps)
    expect(niceExtent([line([3.5, 9.4])], false)).toEqual({ min: 2, max: 10, interval: 2 });
    const months = ['2020-01', '2020-02', '2020-03'];
    const o = timeOption(months, [line([1, 2, 3])], 'number', 'en', { cursor: 1 }) as { yAxis: { min: number; max: number }; series: Array<{ data: Array<number | null>; markLine?: unknown }> };
    expect(o.series[0].data).toEqual([1, 2, null]); // stops at the month shown
    expect(o.yAxis.max).toBeGreaterThanOrEqual(3); // but the axis already holds month 3
    expect(o.series[0].markLine).toBeDefined();
    // at the first month a line is one point: drawn as a dot, not as nothing
    const first = timeOption(months, [line([1, 2, 3])], 'number', 'en', { cursor: 0 }) as { series: Array<{ symbol: string }> };
    expect(first.series[0].symbol).toBe('circle');
    expect((o.series[0] as unknown as { symbol: string }).symbol).toBe('none');
    // the top limit is a tick of the axis's own step, so it is not labelled on top of the tick below
    const big = timeOption(months, [line([0.5e9, 4e9, 9.6e9])], 'money', 'en', { cursor: 1, big: true }) as { yAxis: { min: number; max: number; interval: number } };
    expect(big.yAxis.interval).toBeGreaterThan(0);
    expect(Number.isInteger(Math.round((big.yAxis.max - big.yAxis.min) / big.yAxis.interval * 1e9) / 1e9)).toBe(true);
    expect(big.yAxis.max).toBe(10e9);
  });

  it('time charts leave room for their widest value label (the margin is set, not measured on every redraw)', () => {
    const months = Array.from({ length: 24 }, (_, i) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    for (const [values, kind, lang] of [[[2.1e9, 17.6e9], 'money', 'en'], [[2.1e9, 17.6e9], 'money', 'zh'], [[0.05, 0.97], 'share', 'en'], [[0.11, 3.9], 'number', 'zh']] as const) {
      const o = timeOption(months, [line(Array.from({ length: 24 }, (_, i) => values[0] + ((values[1] - values[0]) * i) / 23))], kind, lang) as { grid: { left: number; containLabel: boolean } };
      const fmt = formatter(kind, lang);
      const widest = Math.max(...[values[0], values[1], (values[0] + values[1]) / 2].map((v) => textWidth(fmt(v), 12)));
      expect(o.grid.containLabel).toBe(false);
      expect(o.grid.left).toBeGreaterThanOrEqual(widest);
      expect(o.grid.left).toBeLessThan(widest + 60); // and not a wide empty strip
    }
    expect(textWidth('US$18bn', 12)).toBeGreaterThan(textWidth('4', 12));
    expect(textWidth('180亿美元', 12)).toBeGreaterThan(textWidth('18bn', 12));
  });
});

describe('trade-flow chart', () => {
  it('the key shows a band as a shaded patch and each name once', () => {
    const lines: Line[] = [
      { name: 'scenario', data: new Float64Array([1, 2]), done: 2, color: '#0072b2', band: { lo: new Float64Array([0, 1]), hi: new Float64Array([2, 3]) }, bandName: '10–90 % band' },
      { name: 'baseline', data: new Float64Array([1, 1]), done: 2, color: '#555555', dashed: true },
      { name: 'baseline', data: new Float64Array([1, 1]), done: 2, color: '#555555', dashed: true },
    ];
    const o = timeOption(['2020-01', '2020-02'], lines, 'number', 'en') as { legend: { data: unknown[] } };
    // (one palette colour against the baseline's grey: told apart by line style, no markers; the
    // key draws each line as it is, solid or dashed, without the dot echarts put on a line's key)
    expect(o.legend.data).toEqual([
      { name: '10–90 % band', icon: 'rect', itemStyle: { color: '#0072b2', opacity: 0.25 } },
      { name: 'scenario', icon: 'path://M0,5H24V9H0Z', itemStyle: { color: '#0072b2' } },
      { name: 'baseline', icon: 'path://M0,5H6V9H0ZM9,5H15V9H9ZM18,5H24V9H18Z', itemStyle: { color: '#555555' } },
    ]);
  });

  it('lines of different colours carry different markers, once a year, solid mid-year and dashed (hollow) at the turn of the year', () => {
    const months = Array.from({ length: 36 }, (_, t) => `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
    const values = new Float64Array(36).fill(1);
    const lines: Line[] = [
      { name: 'B2B platform', data: values, done: 36, color: '#009E73' },
      { name: 'Cross-border e-commerce', data: values, done: 36, color: '#CC79A7' },
      { name: 'Cross-border e-commerce', data: values, done: 36, color: '#CC79A7', dashed: true },
    ];
    const o = timeOption(months, lines, 'number', 'en') as { series: Array<{ data: unknown[]; itemStyle: Record<string, unknown> }> };
    const marked = (i: number) => o.series[i].data.flatMap((d, t) => (d !== null && typeof d === 'object' ? [`${t}:${(d as { symbol: string }).symbol}`] : []));
    expect(marked(0)).toEqual(['6:rect', '18:rect', '30:rect']);
    expect(marked(1)).toEqual(['6:diamond', '18:diamond', '30:diamond']);
    expect(marked(2)).toEqual(['0:diamond', '12:diamond', '24:diamond']);
    expect(o.series[2].itemStyle).toEqual({ color: 'rgba(255,255,255,0)', borderColor: '#CC79A7', borderWidth: 1.5 });
    // every palette colour its own shape
    const shapes = PALETTE.map((color) => {
      const other: Line = { name: 'other', data: values, done: 36, color: color === PALETTE[0] ? PALETTE[1] : PALETTE[0] };
      return (timeOption(months, [{ name: color, data: values, done: 36, color }, other], 'number', 'en') as { legend: { data: Array<{ icon: string }> } }).legend.data[0].icon;
    });
    expect(new Set(shapes).size).toBe(PALETTE.length);
    // lines of one colour (scenario solid, baseline dashed) are told apart by their style: no markers
    const pair = timeOption(months, [lines[1], lines[2]], 'number', 'en') as { series: Array<{ data: unknown[] }>; legend: { data: unknown[] } };
    expect(pair.series.every((x) => x.data.every((d) => typeof d !== 'object' || d === null))).toBe(true);
    expect(pair.legend.data).toEqual([{ name: 'Cross-border e-commerce', icon: 'path://M0,5H24V9H0Z', itemStyle: { color: '#CC79A7' } }]);
    // nor a hollow dot in the key for the dashed one
    expect((pair.series[1] as unknown as { itemStyle: unknown }).itemStyle).toEqual({ color: '#CC79A7' });
  });

  it('channel nodes carry no label (named above the chart: they overlapped while digital trade was small); regions carry their value', () => {
    const channels = [{ name: 'Market hall', color: '#e69f00' }, { name: 'Cross-border e-commerce', color: '#cc79a7' }];
    const o = flowOption('Yiwu', channels, ['European Union'], [[2e9], [1e9]], 'en', { big: true }) as { series: Array<{ data: Array<{ name: string; label?: { show: boolean } }>; label: { formatter: (p: { name: string; value: number }) => string } }> };
    expect(o.series[0].data.filter((d) => d.label?.show === false).map((d) => d.name)).toEqual(['Market hall', 'Cross-border e-commerce']);
    const label = o.series[0].label.formatter;
    expect(label({ name: 'European Union', value: 3e9 })).toBe('European Union  US$3bn');
    expect(label({ name: 'Yiwu', value: 3e9 })).toBe('Yiwu  US$3bn');
  });

  it('with the baseline: each region gives its change against it', () => {
    const channels = [{ name: 'Market hall', color: '#e69f00' }];
    const baseline = { regions: [2.5e9, 0] };
    const o = flowOption('Yiwu', channels, ['European Union', 'Oceania'], [[3e9, 1e8]], 'en', { big: true }, baseline) as { series: Array<{ label: { formatter: (p: { name: string; value: number }) => string } }> };
    const label = o.series[0].label.formatter;
    expect(label({ name: 'Yiwu', value: 3.1e9 })).toBe('Yiwu  US$3.1bn');
    expect(label({ name: 'European Union', value: 3e9 })).toBe('European Union  US$3bn  +20%');
    expect(label({ name: 'Oceania', value: 1e8 })).toBe('Oceania  US$100m'); // no baseline trade: no percentage
  });

  it('a region\'s change within its seed noise is greyed (rich text), one beyond it is not', () => {
    const channels = [{ name: 'Market hall', color: '#e69f00' }];
    const regions = ['European Union', 'Oceania', 'Africa'];
    const baseline = { regions: [2.5e9, 1e9, 1e9], noise: [0.1, 0.15, undefined] };
    const o = flowOption('Yiwu', channels, regions, [[3e9, 0.88e9, 1.5e9]], 'en', { big: true }, baseline) as { series: Array<{ label: { formatter: (p: { name: string; value: number }) => string; rich: Record<string, unknown> } }> };
    const label = o.series[0].label.formatter;
    expect(label({ name: 'European Union', value: 3e9 })).toBe('European Union  US$3bn  +20%'); // beyond ±10 %
    expect(label({ name: 'Oceania', value: 0.88e9 })).toBe('Oceania  US$880m  {noise|−12%}'); // within ±15 %
    expect(label({ name: 'Africa', value: 1.5e9 })).toBe('Africa  US$1.5bn  +50%'); // noise not known yet
    expect(o.series[0].label.rich.noise).toMatchObject({ fontStyle: 'italic' });
  });

  it('a change beyond its noise that would round to 0 % gets a decimal (a black "0%" beside a grey one read as a contradiction)', () => {
    const channels = [{ name: 'Market hall', color: '#e69f00' }];
    const o = flowOption('Yiwu', channels, ['European Union', 'Oceania'], [[2.008e9, 1.004e9]], 'en', { big: true }, { regions: [2e9, 1e9], noise: [0.001, 0.01] }) as { series: Array<{ label: { formatter: (p: { name: string; value: number }) => string } }> };
    const label = o.series[0].label.formatter;
    expect(label({ name: 'European Union', value: 2.008e9 })).toBe('European Union  US$2.01bn  +0.4%');
    expect(label({ name: 'Oceania', value: 1.004e9 })).toBe('Oceania  US$1bn  {noise|0%}');
  });
});

describe('category labels', () => {
  it('wrap at spaces, never inside a word; Chinese wraps between characters', () => {
    expect(wrapLabel('China–Europe rail', 70, 11)).toBe('China–Europe\nrail');
    expect(wrapLabel('Design & R&D', 62, 11)).toBe('Design &\nR&D');
    expect(wrapLabel('Sea', 70, 11)).toBe('Sea');
    for (const line of wrapLabel('Russia & Central Asia', 70, 11).split('\n')) expect(['Russia &', 'Central', 'Asia', 'Central Asia', 'Russia']).toContain(line);
    expect(wrapLabel('俄罗斯及中亚地区', 44, 11).split('\n').length).toBeGreaterThan(1);
    expect(wrapLabel('俄罗斯及中亚地区', 44, 11).replace(/\n/g, '')).toBe('俄罗斯及中亚地区');
  });

  it('the smile curve: margin by stage, circles with areas in proportion to the share of merchants, the scenario labelled with its change', () => {
    // area ∝ share: four times the share, twice the diameter; no merchants, no circle
    expect(smileCircle(0.5) / smileCircle(0.125)).toBeCloseTo(2, 12);
    expect(smileCircle(0)).toBe(0);
    expect(smileCircle(Number.NaN)).toBe(0);
    type Point = { value: number; share: number; symbolSize: number; label?: { formatter: string } };
    type S = { data: Array<Point | null>; label: { show: boolean }; lineStyle: { type: unknown } };
    const o = smileOption(['Design', 'Production', 'Brand'], [
      { name: 'scenario', color: '#0072B2', margin: [0.34, 0.2, Number.NaN], share: [0.081, 0.5, 0] },
      { name: 'baseline', color: '#555555', dashed: true, margin: [0.33, 0.2, 0.46], share: [0.065, 0.52, 0.01] },
    ], { margin: 'margin', merchants: 'merchants', pp: 'pp' }, 'en') as unknown as { series: S[]; tooltip: { formatter: (p: Array<{ dataIndex: number; seriesName: string; data: Point | null }>) => string } };
    const [scenario, baseline] = o.series;
    expect(scenario.data[0]).toMatchObject({ value: 0.34, share: 0.081, symbolSize: smileCircle(0.081) });
    expect(scenario.data[2]).toBeNull(); // no margin without sales: a gap, not a zero
    expect(baseline.lineStyle.type).toEqual([6, 4]);
    expect(baseline.label.show).toBe(false);
    expect(baseline.data[0]?.label).toBeUndefined();
    // the label texts travel with the points (a chart given new points alone shows new labels)
    expect(scenario.data[0]!.label!.formatter).toBe('{share|8.1%}\n{change|+1.6 pp}');
    expect(scenario.data[1]!.label!.formatter).toBe('{share|50.0%}\n{change|−2.0 pp}');
    const at = (i: number) => o.series.map((x, k) => ({ dataIndex: i, seriesName: ['scenario', 'baseline'][k], data: x.data[i] }));
    expect(o.tooltip.formatter(at(0))).toBe('Design\nscenario: margin 34%, merchants 8.1%\nbaseline: margin 33%, merchants 6.5%');
    expect(o.tooltip.formatter(at(2))).toBe('Brand\nbaseline: margin 46%, merchants 1.0%');
  });
});

import { spreadFormatter } from './charts.ts';
describe('figures of a narrow spread (the sweep\'s axis, tooltip and table)', () => {
  const distinct = (fmt: (v: number) => string, xs: number[]) => new Set(xs.map(fmt)).size;
  it('get the digits that tell them apart: a landed cost index from 1.4712 to 1.4718, a share from 45.2 % to 45.8 %', () => {
    const landed = [1.4712, 1.47132, 1.47144, 1.47156, 1.47168, 1.4718];
    expect(distinct(spreadFormatter('number', 'en', landed), landed)).toBe(6);
    expect(spreadFormatter('number', 'en', landed)(1.4712)).toBe('1.4712');
    const shares = [0.452, 0.4532, 0.4544, 0.4556, 0.4568, 0.458];
    expect(distinct(spreadFormatter('share', 'zh', shares), shares)).toBe(6);
  });
  it('keep the usual writing for a wide spread, at least the digits asked for, and cope with no figures', () => {
    expect(spreadFormatter('share', 'en', [0.1, 0.9])(0.5)).toBe('50%');
    expect(spreadFormatter('share', 'en', [0.1, 0.9], { decimals: 1 })(0.5)).toBe('50.0%');
    expect(spreadFormatter('number', 'en', [1000, 5000])(1234)).toBe('1,230');
    expect(spreadFormatter('number', 'en', [1000, 5000], { digits: 4 })(1234)).toBe('1,234');
    expect(spreadFormatter('number', 'en', [null, Number.NaN])(1.5)).toBe('1.5');
    expect(spreadFormatter('money', 'en', [null])(2e9)).toMatch(/US\$/);
  });
  it('name their digits, so a chart redraws its axis when the figures narrow (the first point alone read "1.47" on every tick after)', () => {
    const one = sweepOption({ x: [1, 2], median: [1.4712, null], lo: [1.4712, null], hi: [1.4712, null] }, 'number', { x: 'x', y: 'y', line: 'l', band: 'b' }, 'en', String);
    const both = sweepOption({ x: [1, 2], median: [1.4712, 1.4718], lo: [1.4711, 1.4716], hi: [1.4713, 1.4719] }, 'number', { x: 'x', y: 'y', line: 'l', band: 'b' }, 'en', String);
    expect(frameOf(both)).not.toBe(frameOf(one));
  });
});
