import { describe, it, expect } from 'vitest';
import { band } from './results.ts';
import type { RunData } from './runner.ts';

const run = (values: number[]): RunData => ({ months: values.map((_, t) => `2020-${String(t + 1).padStart(2, '0')}`), done: values.length, complete: true, values: [Float64Array.from(values)] });

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
