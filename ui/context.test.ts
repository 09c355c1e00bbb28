import { describe, it, expect } from 'vitest';
import { annualSums, totalTradeBnYuan, b2cIndex, cnyPerUsd } from './context.ts';
import { SERIES, idx } from './series.ts';
import type { Shown } from './results.ts';

/** A run of two years where every series is 1 per month, total trade 1e9 US$ a month. */
function fakeRun(): Shown {
  const months = Array.from({ length: 24 }, (_, t) => `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
  const values = SERIES.map(() => new Float64Array(24).fill(1));
  values[idx('total_trade_usd')].fill(1e9);
  values[idx('trade_value_usd', { channel: 'cross_border_ecommerce' })].set(Array.from({ length: 24 }, (_, t) => (t < 12 ? 1 : 1.5)));
  return { months, done: 24, values, final: true };
}

describe('context data against the model', () => {
  it('sums complete years only', () => {
    const run = { ...fakeRun(), done: 20 };
    expect(annualSums(run, idx('merchants_alive'))).toEqual([{ year: 2020, value: 12 }]);
  });

  it('converts the model\'s trade to bn yuan at each year\'s rate (the latest rate after the data end)', () => {
    const out = totalTradeBnYuan(fakeRun());
    expect(out[0].year).toBe(2020);
    expect(out[0].value).toBeCloseTo(12 * 6.9, 9);
    expect(cnyPerUsd(2020)).toBe(6.9);
    expect(cnyPerUsd(2030)).toBe(cnyPerUsd(2023));
  });

  it('indexes the global B2C market and the model\'s cross-border e-commerce to 2020 = 100', () => {
    const { data, model } = b2cIndex(fakeRun());
    expect(data.find((p) => p.year === 2020)?.value).toBe(100);
    expect(data[0].year).toBe(2014);
    expect(data[0].value).toBeLessThan(30);
    expect(model).toEqual([{ year: 2020, value: 100 }, { year: 2021, value: 150 }]);
  });
});
