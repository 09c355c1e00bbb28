import { describe, it, expect } from 'vitest';
import { outcomeValue, outcomeLabel } from './record.ts';
import type { RunResult } from '../run.ts';
import type { Outcome } from './experiment.ts';

/** A run of six months whose one series is 1, 2, NaN, 4, 5, 6 (a ratio with no value in March). */
const run = {
  months: ['2030-01', '2030-02', '2030-03', '2030-04', '2030-05', '2030-06'],
  series: { get: () => Float64Array.from([1, 2, Number.NaN, 4, 5, 6]) },
} as unknown as RunResult;
const outcome = (o: Partial<Outcome>): Outcome => ({ metric: 'trade_value_usd', statistic: 'mean', ...o }) as Outcome;

describe('an outcome of a run', () => {
  it('takes its statistic over the run, or over the months from … to, skipping months without a value', () => {
    expect(outcomeValue(run, outcome({ statistic: 'sum' }))).toBe(18);
    expect(outcomeValue(run, outcome({ statistic: 'mean' }))).toBe(18 / 5);
    expect(outcomeValue(run, outcome({ statistic: 'last' }))).toBe(6);
    expect(outcomeValue(run, outcome({ statistic: 'sum', from: '2030-02', to: '2030-04' }))).toBe(6);
    expect(outcomeValue(run, outcome({ statistic: 'mean', from: '2030-02', to: '2030-04' }))).toBe(3);
    expect(outcomeValue(run, outcome({ statistic: 'last', to: '2030-03' }))).toBe(2);
    expect(outcomeValue(run, outcome({ statistic: 'sum', from: '2030-05' }))).toBe(11);
    expect(outcomeValue(run, outcome({ statistic: 'mean', from: '2030-03', to: '2030-03' }))).toBeNaN();
  });
  it('is labelled with its months when it has them', () => {
    expect(outcomeLabel(outcome({ statistic: 'sum', region: 'eu', from: '2030-01', to: '2030-12' }))).toBe('trade_value_usd[region=eu] (sum 2030-01…2030-12)');
    expect(outcomeLabel(outcome({ statistic: 'last', to: '2030-06' }))).toBe('trade_value_usd (last …2030-06)');
    expect(outcomeLabel(outcome({}))).toBe('trade_value_usd (mean)');
  });
});
