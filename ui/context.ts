/**
 * Context data beside the model (scenarios/context/*.json, each with its source): Yiwu's total
 * foreign trade as Yiwu Customs reports it, and global B2C cross-border e-commerce (the seed
 * paper's Fig. 2). Pure functions turning a run into figures comparable with them.
 */
import yiwuTrade from '../scenarios/context/yiwu-trade.json';
import globalB2c from '../scenarios/context/global-b2c-cross-border-ecommerce.json';
import type { Shown } from './results.ts';
import { idx } from './series.ts';

export const YIWU_TRADE = yiwuTrade;
export const GLOBAL_B2C = globalB2c;

const RATES: Record<string, number> = yiwuTrade.cnyPerUsd.values;
const LAST_RATE_YEAR = Math.max(...Object.keys(RATES).map(Number));
/** Yuan per US$ in a year: PBoC's average where the data have it, else the latest year's. */
export const cnyPerUsd = (year: number): number => RATES[String(year)] ?? RATES[String(LAST_RATE_YEAR)];

/** Sum of a series over each complete calendar year of a run. */
export function annualSums(s: Shown, series: number): Array<{ year: number; value: number }> {
  const out: Array<{ year: number; value: number }> = [];
  const v = s.values[series];
  for (let from = 0; from + 12 <= s.done; from += 12) {
    if (!s.months[from]?.endsWith('-01')) continue;
    let x = 0;
    for (let t = from; t < from + 12; t++) x += Number.isFinite(v[t]) ? v[t] : 0;
    out.push({ year: Number(s.months[from].slice(0, 4)), value: x });
  }
  return out;
}

/** The model's total foreign trade per year in bn yuan (exports + imports, at the year's exchange rate). */
export function totalTradeBnYuan(s: Shown): Array<{ year: number; value: number }> {
  return annualSums(s, idx('total_trade_usd')).map(({ year, value }) => ({ year, value: (value * cnyPerUsd(year)) / 1e9 }));
}

/**
 * Cross-border e-commerce: the global B2C market 2014–2020 (data) and the model's exports through
 * cross-border e-commerce from 2020, both as an index with 2020 = 100, so the model's growth can be
 * read as a continuation of the market's.
 */
export function b2cIndex(s: Shown): { data: Array<{ year: number; value: number }>; model: Array<{ year: number; value: number }> } {
  const base = globalB2c.series.find((p) => p.year === 2020)?.value ?? Number.NaN;
  const data = globalB2c.series.map((p) => ({ year: p.year, value: (100 * p.value) / base }));
  const sums = annualSums(s, idx('trade_value_usd', { channel: 'cross_border_ecommerce' }));
  const first = sums.find((p) => p.year === 2020)?.value;
  const model = first ? sums.map((p) => ({ year: p.year, value: (100 * p.value) / first })) : [];
  return { data, model };
}
