import { describe, it, expect } from 'vitest';
import { band, policyReport, reportTotal, type YearFigures } from './results.ts';
import { FOREIGN_REGIONS } from './series.ts';
import type { RunData } from './runner.ts';

const run = (values: number[]): RunData => ({ seed: 1, scale: 2 / 15, months: values.map((_, t) => `2020-${String(t + 1).padStart(2, '0')}`), done: values.length, complete: true, values: [Float64Array.from(values)] });

describe('uncertainty band', () => {
  const seeds = [run([10, 20]), run([12, 22]), run([14, 24]), run([16, 26]), run([18, 28])];

  it('is the 10–90 % range over seeds where at least three runs have the month', () => {
    const b = band(seeds, 0)!;
    expect(b.n).toBe(5);
    expect(b.lo[0]).toBeCloseTo(10.8, 9);
    expect(b.hi[0]).toBeCloseTo(17.2, 9);
    expect(band(seeds.slice(0, 2), 0)).toBeUndefined();
  });

  it('drawn around the main run: the seeds\' median moves onto the main line, the spread stays', () => {
    const main = { values: Float64Array.from([100, Number.NaN]), done: 1 };
    const b = band(seeds, 0, main)!;
    expect((b.lo[0] + b.hi[0]) / 2).toBeCloseTo(100, 9); // symmetric seeds: centred on the main run
    expect(b.hi[0] - b.lo[0]).toBeCloseTo(17.2 - 10.8, 9);
    expect(Number.isNaN(b.lo[1])).toBe(true); // no main value yet: no band
  });
});

import { pairedNoise, pairedWindowNoise, reportNoise, REPORT_TOTAL } from './results.ts';
import { SERIES, idx } from './series.ts';

/** A run of 2030 only: every series 1, total trade `trade` a month. */
function yearRun(trade: number, seed = 1, scale = 2 / 15): RunData {
  const months = Array.from({ length: 12 }, (_, t) => `2030-${String(t + 1).padStart(2, '0')}`);
  const values = SERIES.map(() => new Float64Array(12).fill(1));
  values[idx('total_trade_usd')].fill(trade);
  return { seed, scale, months, done: 12, complete: true, values };
}

describe('seed noise of a card\'s change', () => {
  it('is a 90 % prediction interval for one more seed\'s paired change: t(n − 1) · sd · √(1 + 1/n)', () => {
    const sc = [110, 120, 130, 140, 150].map((x, i) => yearRun(x, i + 1));
    const bs = [100, 100, 100, 100, 100].map((x, i) => yearRun(x, i + 1));
    const noise = pairedNoise(sc, bs, 2030, (y) => y.totalTrade, false, ['sea'])!;
    // changes +10 … +50 %: sample sd 0.1581; t(4) at 95 % = 2.132
    expect(noise).toBeCloseTo(2.132 * Math.sqrt(0.025) * Math.sqrt(1.2), 6);
    // the same spread from three seeds is more uncertain: a wider interval (t(2) = 2.92)
    const three = pairedNoise([110, 130, 150].map((x, i) => yearRun(x, i + 1)), [100, 100, 100].map((x, i) => yearRun(x, i + 1)), 2030, (y) => y.totalTrade, false, ['sea'])!;
    expect(three).toBeCloseTo(2.92 * 0.2 * Math.sqrt(4 / 3), 6);
    expect(pairedNoise(sc.slice(0, 2), bs.slice(0, 2), 2030, (y) => y.totalTrade, false, ['sea'])).toBeUndefined();
    expect(pairedNoise(sc, bs, 2029, (y) => y.totalTrade, false, ['sea'])).toBeUndefined();
  });

  it('pairs runs by seed and scale, not by their place in the lists (the sides\' bands may hold other seeds)', () => {
    const sc = [110, 120, 130, 140, 150].map((x, i) => yearRun(x, i + 1));
    const bs = [100, 100, 100, 100, 100].map((x, i) => yearRun(x, i + 1));
    const expected = pairedNoise(sc, bs, 2030, (y) => y.totalTrade, false, ['sea'])!;
    // the baseline's runs in another order: the same pairs, the same noise
    expect(pairedNoise(sc, bs.slice().reverse(), 2030, (y) => y.totalTrade, false, ['sea'])).toBeCloseTo(expected, 12);
    // a scenario run at a larger scale has its band at another scale than the baseline's: no pairs
    const otherScale = [110, 120, 130, 140, 150].map((x, i) => yearRun(x, i + 1, 0.5));
    expect(pairedNoise(otherScale, bs, 2030, (y) => y.totalTrade, false, ['sea'])).toBeUndefined();
    // only the seeds both sides have count: seeds 2 … 5 against 1 … 4 leave three pairs (+20, +30, +40 %)
    const shifted = pairedNoise(sc.slice(1), bs.slice(0, 4), 2030, (y) => y.totalTrade, false, ['sea'])!;
    expect(shifted).toBeCloseTo(2.92 * 0.1 * Math.sqrt(4 / 3), 6);
  });
});

describe('seed noise of the policy report', () => {
  it('is the paired spread of each region\'s change in exports, in US$, and of the total\'s', () => {
    const withEu = (trade: number, eu: number, seed: number) => {
      const r = yearRun(trade, seed);
      r.values[idx('trade_value_usd', { region: FOREIGN_REGIONS[0] })].fill(eu);
      return r;
    };
    // the first region's monthly exports: +10, +20, +30 … over the baseline's 100 (a year: 120 … 600 US$)
    const sc = [110, 120, 130, 140, 150].map((v, i) => withEu(v, v, i + 1));
    const bs = [100, 100, 100, 100, 100].map((v, i) => withEu(v, v, i + 1));
    const noise = reportNoise(sc, bs, 2030, ['sea']);
    const sd = 12 * Math.sqrt(250); // sample sd of 10 … 50 a month, over 12 months
    expect(noise[FOREIGN_REGIONS[0]].exportsChange).toBeCloseTo(2.132 * sd * Math.sqrt(1.2), 6);
    expect(noise[FOREIGN_REGIONS[1]].exportsChange).toBe(0); // the same every seed: no noise
    expect(noise[REPORT_TOTAL].exportsChange).toBeCloseTo(2.132 * sd * Math.sqrt(1.2), 6);
    expect(reportNoise(sc.slice(0, 2), bs.slice(0, 2), 2030, ['sea'])[FOREIGN_REGIONS[0]].exportsChange).toBeUndefined();
  });
});

describe('seed noise of a change over a window of months (the classroom\'s flows)', () => {
  const monthly = (v: number, seed: number, done = 24): RunData => ({ seed, scale: 2 / 15, months: Array.from({ length: 24 }, (_, t) => String(t)), done, complete: done === 24, values: [new Float64Array(24).fill(v)] });

  it('pairs seeds, sums the window and gives t(n − 1) · sd · √(1 + 1/n) of the relative changes', () => {
    const sc = [110, 120, 130].map((v, i) => monthly(v, i + 1));
    const bs = [100, 100, 100].map((_, i) => monthly(100, i + 1));
    expect(pairedWindowNoise(sc, bs, 12, 23, [0])).toBeCloseTo(2.92 * 0.1 * Math.sqrt(4 / 3), 9);
  });

  it('leaves out pairs that have not reached the window\'s end, and says nothing with fewer than three', () => {
    const sc = [110, 120, 130].map((v, i) => monthly(v, i + 1, i === 2 ? 12 : 24));
    const bs = [100, 100, 100].map((_, i) => monthly(100, i + 1));
    expect(pairedWindowNoise(sc, bs, 12, 23, [0])).toBeUndefined();
    expect(pairedWindowNoise(sc, bs, 0, 11, [0])).toBeCloseTo(2.92 * 0.1 * Math.sqrt(4 / 3), 9);
  });
});

import { shown } from './results.ts';

describe('displayed series: full run where computed, preview beyond', () => {
  const partial = (values: number[], done: number, complete = false): RunData => ({ ...run(values), done, complete });

  it('streams the full run alone when there is no preview (and says no preview is shown)', () => {
    const s = shown({ main: partial([1, 2, Number.NaN], 2), band: [] })!;
    expect(s.done).toBe(2);
    expect(s.final).toBe(false);
    expect(s.preview).toBeFalsy();
  });

  it('fills the months the full run has not reached from the preview, and says so', () => {
    const s = shown({ main: partial([1, Number.NaN, Number.NaN], 1), preview: partial([5, 6, 7], 3, true), band: [] })!;
    expect([...s.values[0]]).toEqual([1, 6, 7]);
    expect(s.done).toBe(3);
    expect(s.preview).toBe(true);
  });

  it('is final once the full run is complete, whatever the preview', () => {
    const s = shown({ main: partial([1, 2, 3], 3, true), preview: partial([5, 6, 7], 3, true), band: [] })!;
    expect([...s.values[0]]).toEqual([1, 2, 3]);
    expect(s.final).toBe(true);
    expect(s.preview).toBeFalsy();
  });
});

import { trailingMean } from './results.ts';

describe('trailing average (classroom: noisy monthly figures)', () => {
  it('averages the last n months, fewer at the start, and nothing beyond what is computed', () => {
    const m = trailingMean([0.2, 0.6, 0.4, 0.8, 9], 4, 3);
    expect([...m.slice(0, 4)].map((x) => Number(x.toFixed(12)))).toEqual([0.2, 0.4, 0.4, 0.6]);
    expect(m[4]).toBeNaN();
    const gap = trailingMean([1, 3, Number.NaN, 5], 4, 3);
    expect(gap[2]).toBeNaN(); // a month without a value stays without one
    expect(gap[3]).toBe(4);
  });
});

describe('policy report total', () => {
  const figures = (exports: Record<string, number>, share: Record<string, number>, tariff: Record<string, number>, landed: Record<string, number>): YearFigures => ({
    totalTrade: 0, exports: 0, digitalShare: 0, exporters: 0, merchants: 0, smile: 0, rejection: 0, applications: 0, landed: 0,
    exportsByRegion: exports, valueAddedByStage: [], marginByStage: [], merchantShareByStage: [], freightByMode: {}, transitByMode: {}, landedByRegion: landed, shareByRegion: share, tariffByRegion: tariff,
  });
  it('sums trade, diversion and tariffs over the regions; landed cost weighted by each side\'s exports', () => {
    const regions = Object.fromEntries(FOREIGN_REGIONS.map((r, k) => [r, k + 1]));
    const sc = figures(regions, Object.fromEntries(FOREIGN_REGIONS.map((r) => [r, 0.2])), regions, Object.fromEntries(FOREIGN_REGIONS.map((r, k) => [r, k === 0 ? 2 : 1])));
    const base = figures(Object.fromEntries(FOREIGN_REGIONS.map((r) => [r, 1])), Object.fromEntries(FOREIGN_REGIONS.map((r) => [r, 0.1])), Object.fromEntries(FOREIGN_REGIONS.map((r) => [r, 0])), Object.fromEntries(FOREIGN_REGIONS.map((r) => [r, 1])));
    const rows = policyReport(sc, base);
    const t = reportTotal(rows, sc, base);
    const n = FOREIGN_REGIONS.length;
    expect(t.exports).toBe((n * (n + 1)) / 2);
    // created + diverted = the change in exports, in total as in every row
    expect(t.created + t.diverted).toBeCloseTo(t.exports - n, 9);
    expect(t.exportsChange).toBeCloseTo(t.exports - n, 9);
    for (const r of rows) expect(r.exportsChange).toBeCloseTo(r.created + r.diverted, 9);
    expect(t.diverted).toBeCloseTo(rows.reduce((a, r) => a + r.diverted, 0), 9);
    expect(t.tariffChange).toBe(t.tariff);
    // landed: region 1 (exports 1) at 2, the rest at 1, weighted by exports
    expect(t.landed).toBeCloseTo((2 + (t.exports - 1)) / t.exports, 12);
    expect(t.landedChange).toBeCloseTo(t.landed - 1, 12);
  });
});

import { yearFigures } from './results.ts';
import { EXPORT_MODES } from './series.ts';
import { STAGES } from '../sim/ids.ts';

describe('a year\'s figures for the smile curve', () => {
  it('weights each month\'s margin by that month\'s sales at the stage, and places merchants by the year end', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2030-${String(i + 1).padStart(2, '0')}`);
    const values = SERIES.map(() => new Float64Array(12));
    const set = (metric: string, stage: string, f: (t: number) => number) => { const a = values[idx(metric, { stage })]; for (let t = 0; t < 12; t++) a[t] = f(t); };
    // brand: margin 0.4 in a month of 3 sales, 0.5 in eleven months of 1; no sales (and no margin) at raw materials
    set('margin_by_stage', 'brand', (t) => (t === 0 ? 0.4 : 0.5));
    set('sales_by_stage', 'brand', (t) => (t === 0 ? 3 : 1));
    set('margin_by_stage', 'raw_material', () => Number.NaN);
    // merchants: 30 producers and 10 brands at the year's end (earlier months do not count)
    set('merchants_by_stage', 'production', (t) => (t === 11 ? 30 : 99));
    set('merchants_by_stage', 'brand', (t) => (t === 11 ? 10 : 0));
    const y = yearFigures({ months, done: 12, values, final: true }, { from: 0, to: 12 }, EXPORT_MODES);
    const brand = STAGES.indexOf('brand');
    expect(y.marginByStage[brand]).toBeCloseTo((3 * 0.4 + 11 * 0.5) / 14, 12);
    expect(y.marginByStage[STAGES.indexOf('raw_material')]).toBeNaN();
    expect(y.merchantShareByStage[STAGES.indexOf('production')]).toBeCloseTo(0.75, 12);
    expect(y.merchantShareByStage[brand]).toBeCloseTo(0.25, 12);
  });
});

import { cardFigureOfRun, type CardFigure } from './results.ts';
import { resolveScenario, runScenario } from '../sim/index.ts';

describe('a headline card\'s figure from one run (the browser sweep\'s outcome)', () => {
  const run = runScenario(resolveScenario({ scale: 0.005, time: { start: '2020-01', end: '2021-06' } }), { seed: 2, flows: false });
  const monthly = (metric: string, dims = {}) => Array.from(run.series.get(metric, dims)!);
  const in2020 = <T>(xs: T[]) => xs.slice(0, 12);
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const figure = (f: CardFigure, year = '2020') => cardFigureOfRun(run.months, (m, d) => run.series.get(m, d ?? {}), f, year);
  it('sums flows over the year, takes stocks at its end, pools the rejection rate over its applications', () => {
    expect(figure('totalTrade') / total(in2020(monthly('total_trade_usd')))).toBeCloseTo(1, 12);
    expect(figure('merchants')).toBe(monthly('merchants_alive')[11]);
    expect(figure('exporters')).toBeCloseTo(total(in2020(monthly('exporters'))) / 12, 9);
    const applied = total(in2020(monthly('credit_applications')));
    expect(figure('rejection')).toBeCloseTo(1 - total(in2020(monthly('credit_approvals'))) / applied, 12);
    expect(figure('digitalShare')).toBeCloseTo(total(in2020(monthly('digital_trade_value_usd'))) / total(in2020(monthly('trade_value_usd'))), 12);
    const va = (stage: string) => total(in2020(monthly('value_added_usd', { stage })));
    expect(figure('smile')).toBeCloseTo((va('design_rnd') + va('brand')) / va('production'), 12);
    expect(figure('landed')).toBeGreaterThan(1);
  });
  it('reads only the months of the year asked for (a part year too); none: NaN', () => {
    expect(figure('merchants', '2021')).toBe(monthly('merchants_alive')[17]);
    expect(figure('totalTrade', '2021') / total(monthly('total_trade_usd').slice(12))).toBeCloseTo(1, 12);
    expect(figure('totalTrade', '2025')).toBeNaN();
  });
});
