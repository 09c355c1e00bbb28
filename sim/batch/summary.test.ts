import { describe, it, expect } from 'vitest';
import { PointSummary, summaryHeader } from './summary.ts';

describe('per-point summaries', () => {
  it('groups replicates by series and month', () => {
    const s = new PointSummary(3, [0.5]);
    const k1 = ['2020-12', 'trade_value_usd', '', '', '', '', ''];
    const k2 = ['2020-12', 'trade_value_usd', 'eu', '', '', '', ''];
    for (const [a, b] of [[1, 10], [2, 20], [3, 30], [6, 60]]) {
      s.add(k1, a);
      s.add(k2, b);
    }
    const rows = [...s.rows()];
    expect(rows).toHaveLength(2);
    // 1, 2, 3, 6: mean 3, sd sqrt(14/3), p10 = 1.3, p50 = 2.5, p90 = 6 - 0.3·3 = 5.1
    expect(rows[0].slice(0, 9)).toEqual([3, 0.5, ...k1]);
    const [n, mean, sd, lo, hi, p10, p50, p90] = rows[0].slice(9) as number[];
    expect([n, mean]).toEqual([4, 3]);
    expect(sd).toBeCloseTo(Math.sqrt(14 / 3), 12);
    expect(hi - mean).toBeCloseTo(3.182446305 * Math.sqrt(14 / 3) / 2, 9);
    expect(mean - lo).toBeCloseTo(hi - mean, 12);
    expect(p10).toBeCloseTo(1.3, 12);
    expect(p50).toBeCloseTo(2.5, 12);
    expect(p90).toBeCloseTo(5.1, 12);
    expect(rows[1][10]).toBe(30);
    expect(summaryHeader(['rules.x'])).toEqual(['point', 'rules.x', 'month', 'metric', 'region', 'channel', 'stage', 'category', 'mode', 'n', 'mean', 'sd', 'ci95_low', 'ci95_high', 'p10', 'p50', 'p90']);
  });

  it('gives series in the order first seen and the months of each in calendar order, whichever replicate has a month first', () => {
    const s = new PointSummary(0, []);
    const rate = (month: string) => [month, 'credit_rejection_rate', '', '', '', '', ''];
    // replicate 0 has no rate in 2020-02 (no applications that month); replicate 1 has it
    for (const m of ['2020-01', '2020-03']) s.add(rate(m), 0.5);
    s.add(['2020-01', 'exporters', '', '', '', '', ''], 10);
    for (const m of ['2020-01', '2020-02', '2020-03']) s.add(rate(m), 0.4);
    const rows = [...s.rows()].map((r) => `${r[2]} ${r[1]}`);
    expect(rows).toEqual(['credit_rejection_rate 2020-01', 'credit_rejection_rate 2020-02', 'credit_rejection_rate 2020-03', 'exporters 2020-01']);
  });
});
