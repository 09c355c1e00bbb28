/**
 * From streamed runs to what the page shows: the displayed series (full run where computed,
 * quick preview after), the final year's figures for the cards and the policy report, and the
 * 10–90 % band over seeds. Pure functions of RunData.
 */
import type { RunData, SideView } from './runner.ts';
import { idx, FOREIGN_REGIONS, REGIONS_ALL, SERIES, type SeriesSpec } from './series.ts';
import { STAGES } from '../sim/index.ts';
import { sampleStandardDeviation } from 'simple-statistics';

export interface Shown {
  months: string[];
  /** Months available (full run or preview). */
  done: number;
  values: Float64Array[];
  /** True when every month comes from the full run. */
  final: boolean;
  /** True when months beyond the full run's come from the quick preview. */
  preview?: boolean;
}

/** Full run where it has reached, preview beyond. */
export function shown(view: SideView): Shown | undefined {
  const { main, preview } = view;
  if (main?.complete && main.done > 0) return { months: main.months, done: main.done, values: main.values, final: true };
  const m = main && main.done > 0 ? main : undefined;
  const p = preview && preview.done > 0 ? preview : undefined;
  if (!m && !p) return undefined;
  if (!p || (m && m.done >= p.done)) return { months: m!.months, done: m!.done, values: m!.values, final: false };
  if (!m) return { months: p.months, done: p.done, values: p.values, final: false, preview: true };
  const values = m.values.map((v, s) => {
    const out = p.values[s].slice();
    out.set(v.subarray(0, m.done));
    return out;
  });
  return { months: m.months, done: p.done, values, final: false, preview: true };
}

/**
 * Trailing average of a monthly series over the last `months` months (fewer at the start), for
 * noisy monthly figures a class watches; NaN where the series is not computed yet or has no value.
 */
export function trailingMean(values: ArrayLike<number>, done: number, months: number): Float64Array {
  const out = new Float64Array(values.length).fill(Number.NaN);
  for (let t = 0; t < Math.min(done, values.length); t++) {
    if (!Number.isFinite(values[t])) continue; // no value this month: none averaged either (a band stops where its run does)
    let sum = 0;
    let n = 0;
    for (let u = Math.max(0, t - months + 1); u <= t; u++) {
      if (Number.isFinite(values[u])) { sum += values[u]; n++; }
    }
    if (n > 0) out[t] = sum / n;
  }
  return out;
}

/**
 * Month indexes of calendar year `wantedYear` (default: the last whole calendar year the run
 * covers) once all its months are computed, or undefined.
 */
export function lastYear(s: Shown, wantedYear?: number): { year: number; from: number; to: number } | undefined {
  const target = wantedYear ?? lastWholeYear(s.months);
  if (target === undefined) return undefined;
  const years = s.months.map((m) => Number(m.slice(0, 4)));
  const from = years.indexOf(target);
  const to = years.lastIndexOf(target) + 1;
  return from >= 0 && to - from === 12 && to <= s.done ? { year: target, from, to } : undefined;
}

/** The last calendar year all of whose twelve months a run's months cover (a run may end mid-year). */
export function lastWholeYear(months: readonly string[]): number | undefined {
  const count = new Map<number, number>();
  for (const m of months) {
    const year = Number(m.slice(0, 4));
    count.set(year, (count.get(year) ?? 0) + 1);
  }
  let last: number | undefined;
  for (const [year, n] of count) if (n === 12 && (last === undefined || year > last)) last = year;
  return last;
}

/**
 * The year the cards and the report compare: the last whole calendar year both runs cover
 * (they cover the same months when the baseline follows the scenario's time window), or
 * undefined when they have none in common.
 */
export function comparedYear(scMonths: readonly string[], bsMonths: readonly string[]): number | undefined {
  const a = lastWholeYear(scMonths);
  const b = lastWholeYear(bsMonths);
  if (a === undefined || b === undefined) return undefined;
  const year = Math.min(a, b);
  const whole = (months: readonly string[]) => months.filter((m) => m.startsWith(`${year}-`)).length === 12;
  return whole(scMonths) && whole(bsMonths) ? year : undefined;
}

const sum = (a: Float64Array, from: number, to: number) => {
  let x = 0;
  for (let t = from; t < to; t++) if (Number.isFinite(a[t])) x += a[t];
  return x;
};
/** Mean of a monthly ratio weighted by its monthly base (a month without a value or base is skipped). */
const weightedMean = (a: Float64Array, weight: Float64Array, from: number, to: number) => {
  let x = 0;
  let w = 0;
  for (let t = from; t < to; t++) if (Number.isFinite(a[t]) && weight[t] > 0) { x += a[t] * weight[t]; w += weight[t]; }
  return w > 0 ? x / w : Number.NaN;
};
const mean = (a: Float64Array, from: number, to: number) => {
  let x = 0;
  let n = 0;
  for (let t = from; t < to; t++) if (Number.isFinite(a[t])) { x += a[t]; n++; }
  return n > 0 ? x / n : Number.NaN;
};

/** The headline cards' figures (their keys in YearFigures, and in the strings' cards and cardNotes). */
export type CardFigure = 'totalTrade' | 'digitalShare' | 'exporters' | 'merchants' | 'smile' | 'rejection' | 'landed';

export interface YearFigures {
  totalTrade: number;
  exports: number;
  digitalShare: number;
  exporters: number;
  merchants: number;
  smile: number;
  rejection: number;
  /** SME credit applications a month (the rejection rate's base: dear credit deters the weaker applicants). */
  applications: number;
  landed: number;
  exportsByRegion: Record<string, number>;
  valueAddedByStage: number[];
  /** The smile curve, by stage (ids.ts STAGES order): merchants' gross margin on sales, weighted by sales over the year. */
  marginByStage: number[];
  /** Where merchants sit on it: share of merchants at each stage at year end. */
  merchantShareByStage: number[];
  freightByMode: Record<string, number>;
  transitByMode: Record<string, number>;
  landedByRegion: Record<string, number>;
  shareByRegion: Record<string, number>;
  tariffByRegion: Record<string, number>;
}

/** Share of merchants at each value-chain stage (ids.ts STAGES order) in month t. */
export function merchantSharesByStage(s: Shown, t: number): number[] {
  const merchants = STAGES.map((stage) => s.values[idx('merchants_by_stage', { stage })][t]);
  const all = merchants.reduce((a, b) => a + b, 0);
  return merchants.map((n) => (all > 0 ? n / all : Number.NaN));
}

/**
 * A headline card's figure for `year` from one run's monthly series (the browser sweep's outcome,
 * computed in its worker), as the cards compute it; NaN when the run has no month of that year.
 */
export function cardFigureOfRun(months: readonly string[], series: (metric: string, dims: SeriesSpec['dims']) => Float64Array | undefined, figure: CardFigure, year: string): number {
  const from = months.findIndex((m) => m.startsWith(year));
  if (from < 0) return Number.NaN;
  let to = from;
  while (to < months.length && months[to].startsWith(year)) to++;
  const missing = new Float64Array(months.length).fill(Number.NaN);
  const values = SERIES.map((s) => series(s.metric, s.dims ?? {}) ?? missing);
  return yearFigures({ months: [...months], done: months.length, values, final: true }, { from, to }, [])[figure];
}

export function yearFigures(s: Shown, y: { from: number; to: number }, modes: readonly string[]): YearFigures {
  const v = (i: number) => s.values[i];
  const exports = sum(v(idx('trade_value_usd')), y.from, y.to);
  const digital = sum(v(idx('digital_trade_value_usd')), y.from, y.to);
  const applications = sum(v(idx('credit_applications')), y.from, y.to);
  const approvals = sum(v(idx('credit_approvals')), y.from, y.to);
  const va = STAGES.map((stage) => sum(v(idx('value_added_usd', { stage })), y.from, y.to));
  const marginByStage = STAGES.map((stage) => weightedMean(v(idx('margin_by_stage', { stage })), v(idx('sales_by_stage', { stage })), y.from, y.to));
  const merchantShareByStage = merchantSharesByStage(s, y.to - 1);
  const exportsByRegion: Record<string, number> = {};
  let weighted = 0;
  let weights = 0;
  const landedByRegion: Record<string, number> = {};
  const shareByRegion: Record<string, number> = {};
  const tariffByRegion: Record<string, number> = {};
  for (const region of REGIONS_ALL) {
    landedByRegion[region] = mean(v(idx('landed_cost_index', { region })), y.from, y.to);
    shareByRegion[region] = mean(v(idx('hub_market_share', { region })), y.from, y.to);
    tariffByRegion[region] = sum(v(idx('tariff_revenue_usd', { region })), y.from, y.to);
  }
  for (const region of FOREIGN_REGIONS) {
    const x = sum(v(idx('trade_value_usd', { region })), y.from, y.to);
    exportsByRegion[region] = x;
    if (Number.isFinite(landedByRegion[region])) { weighted += x * landedByRegion[region]; weights += x; }
  }
  const freightByMode: Record<string, number> = {};
  const transitByMode: Record<string, number> = {};
  for (const mode of modes) {
    const kg = v(idx('volume_kg', { mode }));
    const rate = v(idx('logistics_cost_usd_per_kg', { mode }));
    const days = v(idx('transit_days', { mode }));
    let paid = 0, w = 0, dw = 0;
    for (let t = y.from; t < y.to; t++) {
      if (Number.isFinite(rate[t]) && kg[t] > 0) { paid += rate[t] * kg[t]; w += kg[t]; }
      if (Number.isFinite(days[t]) && kg[t] > 0) dw += days[t] * kg[t];
    }
    freightByMode[mode] = w > 0 ? paid / w : Number.NaN;
    transitByMode[mode] = w > 0 ? dw / w : Number.NaN;
  }
  return {
    totalTrade: sum(v(idx('total_trade_usd')), y.from, y.to),
    exports,
    digitalShare: exports > 0 ? digital / exports : Number.NaN,
    exporters: mean(v(idx('exporters')), y.from, y.to),
    merchants: v(idx('merchants_alive'))[y.to - 1],
    smile: va[2] > 0 ? (va[1] + va[4]) / va[2] : Number.NaN,
    rejection: applications > 0 ? 1 - approvals / applications : Number.NaN,
    applications: applications / (y.to - y.from),
    landed: weights > 0 ? weighted / weights : Number.NaN,
    exportsByRegion, valueAddedByStage: va, marginByStage, merchantShareByStage, freightByMode, transitByMode, landedByRegion, shareByRegion, tariffByRegion,
  };
}

export interface ReportRow {
  region: string;
  exports: number;
  /** Scenario minus baseline exports: trade created plus trade diverted. */
  exportsChange: number;
  created: number;
  diverted: number;
  tariff: number;
  tariffChange: number;
  landed: number;
  landedChange: number;
}

/**
 * Trade created and diverted by region. With the hub's share s of a region's spending D,
 * exports X = s·D, so X₁ − X₀ = (s₁ − s₀)·D₀ [diverted: won from other suppliers] + s₁·(D₁ − D₀) [created].
 */
export function policyReport(sc: YearFigures, base: YearFigures): ReportRow[] {
  return FOREIGN_REGIONS.map((region) => {
    const x1 = sc.exportsByRegion[region];
    const x0 = base.exportsByRegion[region];
    const s1 = sc.shareByRegion[region];
    const s0 = base.shareByRegion[region];
    const d0 = s0 > 0 ? x0 / s0 : Number.NaN;
    const diverted = Number.isFinite(d0) ? (s1 - s0) * d0 : Number.NaN;
    return {
      region,
      exports: x1,
      exportsChange: x1 - x0,
      created: x1 - x0 - diverted,
      diverted,
      tariff: sc.tariffByRegion[region],
      tariffChange: sc.tariffByRegion[region] - base.tariffByRegion[region],
      landed: sc.landedByRegion[region],
      landedChange: base.landedByRegion[region] > 0 ? sc.landedByRegion[region] / base.landedByRegion[region] - 1 : Number.NaN,
    };
  });
}

/**
 * The report's total over the foreign regions: sums of trade, diversion and tariffs; landed cost
 * and its change weighted by each side's exports (a region buying more counts more).
 */
export function reportTotal(rows: ReportRow[], sc: YearFigures, base: YearFigures): Omit<ReportRow, 'region'> {
  const sum = (f: (r: ReportRow) => number) => rows.reduce((a, r) => a + (Number.isFinite(f(r)) ? f(r) : 0), 0);
  const weighted = (y: YearFigures) => {
    let x = 0;
    let w = 0;
    for (const r of rows) if (Number.isFinite(y.landedByRegion[r.region])) { x += y.exportsByRegion[r.region] * y.landedByRegion[r.region]; w += y.exportsByRegion[r.region]; }
    return w > 0 ? x / w : Number.NaN;
  };
  const landed = weighted(sc);
  const landedBase = weighted(base);
  return {
    exports: sum((r) => r.exports), exportsChange: sum((r) => r.exportsChange), created: sum((r) => r.created), diverted: sum((r) => r.diverted),
    tariff: sum((r) => r.tariff), tariffChange: sum((r) => r.tariffChange),
    landed, landedChange: landedBase > 0 ? landed / landedBase - 1 : Number.NaN,
  };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * The seeds' spread around the main run: month by month, the 10 % and 90 % quantiles of a series
 * over the band runs, shifted so that the band runs' median falls on `centre` (the main run as
 * shown). The band runs are smaller than the main run and their level can differ from it; the
 * band shows how far seeds spread, where the main run is. Months with fewer than 3 band runs, or
 * no main value, have no band.
 */
export function band(runs: RunData[], series: number, centre?: { values: Float64Array; done: number }): { lo: Float64Array; hi: Float64Array; n: number } | undefined {
  const ready = runs.filter((r) => r.done > 0 && r.values.length > series);
  if (ready.length < 3) return undefined;
  const T = ready[0].months.length;
  const lo = new Float64Array(T).fill(Number.NaN);
  const hi = new Float64Array(T).fill(Number.NaN);
  const xs: number[] = [];
  // a series that is never negative (counts, money, shares) keeps its band at or above zero
  let nonNegative = true;
  for (const r of ready) for (let t = 0; t < r.done; t++) if (r.values[series][t] < 0) { nonNegative = false; break; }
  for (let t = 0; t < T; t++) {
    xs.length = 0;
    for (const r of ready) if (t < r.done && Number.isFinite(r.values[series][t])) xs.push(r.values[series][t]);
    if (xs.length < 3) continue;
    xs.sort((a, b) => a - b);
    let shift = 0;
    if (centre) {
      const c = t < centre.done ? centre.values[t] : Number.NaN;
      if (!Number.isFinite(c)) continue;
      shift = c - quantile(xs, 0.5);
    }
    lo[t] = quantile(xs, 0.1) + shift;
    hi[t] = quantile(xs, 0.9) + shift;
    if (nonNegative) { lo[t] = Math.max(0, lo[t]); hi[t] = Math.max(0, hi[t]); }
  }
  return { lo, hi, n: ready.length };
}

/** Student's t, 95th percentile, by degrees of freedom 1–10 (one-sided 5 %: a two-sided 90 % interval); more degrees use the value for 10, a little wide. */
const T95 = [6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812];

/**
 * How much a card's change against the baseline moves with the seed alone. The band runs of the
 * two sides share their seeds (common random numbers), so each seed gives one paired change; the
 * noise is the half-width of a 90 % prediction interval for one more seed's change (the main
 * run is one seed): t(n − 1) · sd · √(1 + 1/n), relative or in points for shares. With five
 * pairs that is about 2.3 sd: a range from few seeds must allow for how little they show (half
 * the 10–90 % range of five changes, 1.3 sd, let a chance result of one seed pass for an
 * effect). Undefined until at least three pairs have the year complete.
 */
export function pairedNoise(scRuns: RunData[], bsRuns: RunData[], yearWanted: number, get: (y: YearFigures) => number, points: boolean, modes: readonly string[]): number | undefined {
  const change = points
    ? (a: YearFigures, b: YearFigures) => get(a) - get(b)
    : (a: YearFigures, b: YearFigures) => (get(b) !== 0 ? get(a) / get(b) - 1 : Number.NaN);
  return pairedChangeNoise(scRuns, bsRuns, yearWanted, change, modes);
}

/** A change measured on each seed pair's figures for a year (scenario's, baseline's): its seed noise. */
function pairedChangeNoise(scRuns: RunData[], bsRuns: RunData[], yearWanted: number, change: (sc: YearFigures, base: YearFigures) => number, modes: readonly string[]): number | undefined {
  return predictionHalfWidth(yearPairs(scRuns, bsRuns, yearWanted, modes).map(([a, b]) => change(a, b)).filter(Number.isFinite));
}

/** The seed pairs' figures for a year, where both runs have the whole year. */
function yearPairs(scRuns: RunData[], bsRuns: RunData[], yearWanted: number, modes: readonly string[]): Array<[YearFigures, YearFigures]> {
  const out: Array<[YearFigures, YearFigures]> = [];
  for (const [a, b] of seedPairs(scRuns, bsRuns)) {
    const fa = runYearFigures(a, yearWanted, modes);
    const fb = runYearFigures(b, yearWanted, modes);
    if (fa && fb) out.push([fa, fb]);
  }
  return out;
}

/**
 * The seed noise of a relative change summed over months `from` … `to` of some series (the
 * classroom's trade flows to a region over the 12 months up to the cursor): as the cards' noise,
 * from the band's seed pairs that have reached `to`.
 */
export function pairedWindowNoise(scRuns: RunData[], bsRuns: RunData[], from: number, to: number, series: number[]): number | undefined {
  const total = (r: RunData) => {
    let x = 0;
    for (const i of series) for (let t = from; t <= to; t++) if (Number.isFinite(r.values[i][t])) x += r.values[i][t];
    return x;
  };
  const diffs: number[] = [];
  for (const [a, b] of seedPairs(scRuns, bsRuns)) {
    if (a.done <= to || b.done <= to) continue;
    const base = total(b);
    if (base > 0) diffs.push(total(a) / base - 1);
  }
  return predictionHalfWidth(diffs);
}

/** The two sides' runs of the same seed at the same scale (the same random numbers): one pair each. */
function seedPairs(scRuns: RunData[], bsRuns: RunData[]): Array<[RunData, RunData]> {
  const pairs: Array<[RunData, RunData]> = [];
  for (const a of scRuns) {
    const b = bsRuns.find((r) => r.seed === a.seed && r.scale === a.scale);
    if (b) pairs.push([a, b]);
  }
  return pairs;
}

/** t(n − 1) · sd · √(1 + 1/n) of paired changes, or undefined with fewer than three. */
function predictionHalfWidth(diffs: number[]): number | undefined {
  const n = diffs.length;
  if (n < 3) return undefined;
  return T95[Math.min(n - 1, T95.length) - 1] * sampleStandardDeviation(diffs) * Math.sqrt(1 + 1 / n);
}

/** Seed noise of the policy report's changes (US$), by region and for the total. */
export type ReportNoise = Record<string, { exportsChange?: number; created?: number; diverted?: number }>;
export const REPORT_TOTAL = 'total';

/**
 * The policy report's seed noise: for each region (and the total, key REPORT_TOTAL), how much its
 * change in exports, trade created and trade diverted moves with the seed alone — as the cards'
 * noise, from the band's seed pairs, in US$.
 */
export function reportNoise(scRuns: RunData[], bsRuns: RunData[], yearWanted: number, modes: readonly string[]): ReportNoise {
  const measures = ['exportsChange', 'created', 'diverted'] as const;
  const regions = [...FOREIGN_REGIONS, REPORT_TOTAL];
  // each pair's report once, its rows' changes gathered by region and measure
  const diffs = new Map(regions.map((region) => [region, measures.map(() => [] as number[])]));
  for (const [a, b] of yearPairs(scRuns, bsRuns, yearWanted, modes)) {
    const rows = policyReport(a, b);
    const total = reportTotal(rows, a, b);
    for (const region of regions) {
      const row = region === REPORT_TOTAL ? total : rows.find((r) => r.region === region)!;
      measures.forEach((m, i) => { if (Number.isFinite(row[m])) diffs.get(region)![i].push(row[m]); });
    }
  }
  const out: ReportNoise = {};
  for (const region of regions) out[region] = Object.fromEntries(measures.map((m, i) => [m, predictionHalfWidth(diffs.get(region)![i])]));
  return out;
}

const asShown = (r: RunData): Shown => ({ months: r.months, done: r.done, values: r.values, final: r.complete });

/** A run's figures for a year, kept with the run: every card asks for them on every redraw. */
const runFigures = new WeakMap<RunData, { done: number; year: number; figures: YearFigures | undefined }>();
function runYearFigures(run: RunData, yearWanted: number, modes: readonly string[]): YearFigures | undefined {
  const kept = runFigures.get(run);
  if (kept && kept.done === run.done && kept.year === yearWanted) return kept.figures;
  const shownRun = asShown(run);
  const y = lastYear(shownRun, yearWanted);
  const figures = y ? yearFigures(shownRun, y, modes) : undefined;
  runFigures.set(run, { done: run.done, year: yearWanted, figures });
  return figures;
}
