/**
 * Calibration by the simulated method of moments (McFadden 1989; Pakes & Pollard 1989): choose
 * the few free parameters so that moments of simulated data match their targets.
 *
 * Moments: Yiwu's total trade 2019–2023 (in yuan, log deviations; 2019 is the run-rate the model
 * starts from in January 2020) and its exports where the data give them (2023), the market-procurement share of exports in each year 2020–2023
 * as customs count it (the shares of the hall's and of B2B exports declared under regime 1039:
 * two parameters that only these moments identify, the level and how it holds as the channel mix
 * shifts), and the SME credit rejection rate. The objective is the sum of squared
 * deviations, each scaled by its tolerance, averaged over several seeds that stay the same for
 * every candidate (common random numbers make the objective smooth enough to search).
 *
 * Search: cyclic coordinate search — each parameter in turn is tried at a few multiples of its
 * current value (within its declared range) and the best is kept — repeated with a narrowing
 * step. The two declared shares change no agent's behaviour, only the customs count, which is
 * linear in them: for every candidate they are solved exactly (least squares in [0, 1]²) rather
 * than searched, which a coordinate search of two coupled parameters does badly. Deterministic,
 * reproducible, and with few runs per step. Pure: no files, no Node.
 */
import type { ResolvedScenario } from '../schema/resolve.ts';
import { runScenario } from '../run.ts';
import { YIWU_TRADE_BN_YUAN, YIWU_EXPORTS_BN_YUAN, YEAR_BEFORE_START, TRADE_YEARS, EXPORT_YEARS, MARKET_PROCUREMENT_YEARS, startRunRateBnYuan, yearTotal, bnYuan, meanOfValues } from './facts.ts';

export interface FreeParameter {
  id: keyof ResolvedScenario['model'];
  min: number;
  max: number;
  /**
   * Statistics only: the parameter changes no agent's behaviour, only how customs count exports,
   * so for each candidate it is solved exactly from the run (least squares within its range)
   * instead of searched.
   */
  solved?: true;
}

/** The free parameters and their search ranges (inside the schema's ranges). */
export const FREE_PARAMETERS: FreeParameter[] = [
  { id: 'hubShareAtStart', min: 0.005, max: 0.2 },
  { id: 'rivalImprovement', min: -0.1, max: 0.3 },
  { id: 'b2bFeeRate', min: 0.01, max: 0.3 },
  { id: 'creditStrictness', min: 0, max: 5 },
  { id: 'hallDeclaredMarketProcurement', min: 0, max: 1, solved: true },
  { id: 'b2bDeclaredMarketProcurement', min: 0, max: 1, solved: true },
];
const SEARCHED = FREE_PARAMETERS.filter((p) => !p.solved);

export interface Moment {
  id: string;
  target: number;
  /** Deviation counted as one unit of the objective. */
  tolerance: number;
  /** Log deviations for levels, plain for shares. */
  log: boolean;
  source: string;
}

export const MOMENTS: Moment[] = [
  { id: `total_trade_${YEAR_BEFORE_START}_bn_yuan_start_run_rate`, target: YIWU_TRADE_BN_YUAN[YEAR_BEFORE_START], tolerance: 0.05, log: true, source: 'Yiwu Customs (scenarios/context/yiwu-trade.json); the model starts in January 2020, its first month × 12' },
  ...TRADE_YEARS.map((year) => ({ id: `total_trade_${year}_bn_yuan`, target: YIWU_TRADE_BN_YUAN[year], tolerance: 0.05, log: true, source: 'Yiwu Customs (scenarios/context/yiwu-trade.json)' })),
  ...EXPORT_YEARS.map((year) => ({ id: `exports_${year}_bn_yuan`, target: YIWU_EXPORTS_BN_YUAN[year], tolerance: 0.05, log: true, source: 'Yiwu Customs (scenarios/context/yiwu-trade.json)' })),
  ...MARKET_PROCUREMENT_YEARS.map((year) => ({ id: `market_procurement_share_${year}`, target: 0.795, tolerance: 0.035, log: false, source: 'Yiwu Customs: 76–83% of exports in every year 2019–2023' })),
  { id: 'sme_credit_rejection', target: 0.505, tolerance: 0.055, log: false, source: 'ADB Trade Finance Gaps surveys: 45–56%' },
];

/** Where the market-procurement moments sit in MOMENTS. */
const MP_FIRST = MOMENTS.findIndex((m) => m.id === `market_procurement_share_${MARKET_PROCUREMENT_YEARS[0]}`);

/** Per market-procurement year: the mean monthly shares of exports through the hall and the B2B platform. */
export interface ChannelMix {
  hall: number[];
  b2b: number[];
}

/** The moments of one run that lasts at least to 2023-12, and the channel mix behind its market-procurement share. */
export function simulatedRun(scenario: ResolvedScenario, seed: number): { moments: number[]; mix: ChannelMix } {
  const r = runScenario({ ...scenario, time: { start: '2020-01', end: '2023-12' } }, { seed, flows: false });
  const series = (metric: string, dims: Record<string, string> = {}) => r.series.get(metric, dims)!;
  const trade = series('total_trade_usd');
  const exports = series('trade_value_usd');
  // monthly shares of exports through the hall and the B2B platform, and customs' share
  const shareOf = (part: ArrayLike<number>) => Float64Array.from(part, (v, t) => (exports[t] > 0 ? v / exports[t] : 0));
  const hall = shareOf(series('trade_value_usd', { channel: 'market_hall' }));
  const b2b = shareOf(series('trade_value_usd', { channel: 'b2b_platform' }));
  const regime = series('market_procurement_regime_share');
  // (over the months with a value: a ratio has none in a month without a denominator, in small runs)
  const yearMean = (values: ArrayLike<number>, year: number) => {
    const from = r.months.indexOf(`${year}-01`);
    return from >= 0 && r.months[from + 11] === `${year}-12` ? meanOfValues(values, from, from + 11) : Number.NaN;
  };
  const rejection = series('credit_rejection_rate');
  return {
    moments: [
      startRunRateBnYuan(r.months[0], trade[0]),
      ...TRADE_YEARS.map((y) => bnYuan(yearTotal(r.months, trade, y), y)),
      ...EXPORT_YEARS.map((y) => bnYuan(yearTotal(r.months, exports, y), y)),
      ...MARKET_PROCUREMENT_YEARS.map((y) => yearMean(regime, y)),
      meanOfValues(rejection),
    ],
    mix: { hall: MARKET_PROCUREMENT_YEARS.map((y) => yearMean(hall, y)), b2b: MARKET_PROCUREMENT_YEARS.map((y) => yearMean(b2b, y)) },
  };
}

export function simulatedMoments(scenario: ResolvedScenario, seed: number): number[] {
  return simulatedRun(scenario, seed).moments;
}

/** The moments with customs' market-procurement share recomputed for given declared shares. */
function withDeclaredShares(moments: number[], mix: ChannelMix, hall: number, b2b: number): number[] {
  const out = [...moments];
  MARKET_PROCUREMENT_YEARS.forEach((_, i) => { out[MP_FIRST + i] = hall * mix.hall[i] + b2b * mix.b2b[i]; });
  return out;
}

/**
 * The declared shares (hall, B2B) in [0, 1]² that bring customs' market-procurement share,
 * hall·h_y + b2b·b_y, closest to its targets in least squares: the unconstrained solution if it
 * lies in the box, else the best solution on the box's edges (a convex problem: its constrained
 * minimum is on an edge when not inside).
 */
export function declaredShares(mix: ChannelMix, targets: number[]): { hall: number; b2b: number } {
  const { hall: h, b2b: b } = mix;
  const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i], 0);
  const loss = (dh: number, db: number) => h.reduce((s, _, i) => s + (dh * h[i] + db * b[i] - targets[i]) ** 2, 0);
  const clamp = (v: number) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));
  const hh = dot(h, h), bb = dot(b, b), hb = dot(h, b), ht = dot(h, targets), bt = dot(b, targets);
  const det = hh * bb - hb * hb;
  const candidates: Array<[number, number]> = [];
  if (Math.abs(det) > 1e-12) {
    const dh = (ht * bb - bt * hb) / det;
    const db = (bt * hh - ht * hb) / det;
    if (dh >= 0 && dh <= 1 && db >= 0 && db <= 1) return { hall: dh, b2b: db };
  }
  // on an edge: one share at 0 or 1, the other its best value given that
  for (const dh of [0, 1]) candidates.push([dh, clamp((bt - dh * hb) / bb)]);
  for (const db of [0, 1]) candidates.push([clamp((ht - db * hb) / hh), db]);
  const [dh, db] = candidates.reduce((best, c) => (loss(c[0], c[1]) < loss(best[0], best[1]) ? c : best));
  return { hall: dh, b2b: db };
}

export function objective(moments: number[]): number {
  return MOMENTS.reduce((s, m, j) => {
    const d = m.log ? Math.log(Math.max(moments[j], 1e-9) / m.target) : moments[j] - m.target;
    return s + (d / m.tolerance) ** 2;
  }, 0);
}

export interface CalibrationOptions {
  seeds: number[];
  scale: number;
  rounds: number;
  /** Called after each evaluation, for progress. */
  onEvaluation?: (n: number, value: number) => void;
}

export interface CalibrationResult {
  start: Record<string, number>;
  fitted: Record<string, number>;
  objectiveStart: number;
  objectiveFitted: number;
  moments: Array<{ id: string; target: number; model: number; source: string }>;
  evaluations: number;
}

export function calibrate(base: ResolvedScenario, options: CalibrationOptions): CalibrationResult {
  let evaluations = 0;
  const mpTargets = MARKET_PROCUREMENT_YEARS.map((_, i) => MOMENTS[MP_FIRST + i].target);
  /** Runs a candidate over the seeds; the statistics-only shares are solved for it. */
  const evaluate = (values: Record<string, number>): { value: number; moments: number[]; mix: ChannelMix; declared: Record<string, number> } => {
    const scenario: ResolvedScenario = { ...base, scale: options.scale, model: { ...base.model, ...values } };
    const runs = options.seeds.map((seed) => simulatedRun(scenario, seed));
    const average = (pick: (r: (typeof runs)[number]) => number[]) => pick(runs[0]).map((_, j) => runs.reduce((s, r) => s + pick(r)[j], 0) / runs.length);
    const mix = { hall: average((r) => r.mix.hall), b2b: average((r) => r.mix.b2b) };
    const shares = declaredShares(mix, mpTargets);
    const moments = withDeclaredShares(average((r) => r.moments), mix, shares.hall, shares.b2b);
    const value = objective(moments);
    evaluations += 1;
    options.onEvaluation?.(evaluations, value);
    return { value, moments, mix, declared: { hallDeclaredMarketProcurement: shares.hall, b2bDeclaredMarketProcurement: shares.b2b } };
  };
  const start = Object.fromEntries(FREE_PARAMETERS.map((p) => [p.id, base.model[p.id] as number]));
  let current = Object.fromEntries(SEARCHED.map((p) => [p.id, start[p.id]]));
  const first = evaluate(current);
  let best = first;
  let step = 0.5;
  for (let round = 0; round < options.rounds; round++) {
    for (const p of SEARCHED) {
      const x = current[p.id];
      // additive steps for parameters that may cross zero, multiplicative otherwise
      const candidates = p.min < 0 ? [x - step * 0.1, x + step * 0.1] : [x * (1 - step), x * (1 + step)];
      for (const c of candidates) {
        const v = Math.min(p.max, Math.max(p.min, c));
        if (v === x) continue;
        const trial = evaluate({ ...current, [p.id]: v });
        if (trial.value < best.value) {
          best = trial;
          current = { ...current, [p.id]: v };
        }
      }
    }
    step /= 2;
  }
  current = { ...current, ...best.declared };
  // the objective at the start, with the start's own declared shares (not solved ones)
  const objectiveStart = objective(withDeclaredShares(first.moments, first.mix, start.hallDeclaredMarketProcurement, start.b2bDeclaredMarketProcurement));
  return {
    start, fitted: current, objectiveStart, objectiveFitted: best.value, evaluations,
    moments: MOMENTS.map((m, j) => ({ id: m.id, target: m.target, model: best.moments[j], source: m.source })),
  };
}
