/**
 * Calibration by the simulated method of moments (McFadden 1989; Pakes & Pollard 1989): choose
 * the few free parameters so that moments of simulated data match their targets.
 *
 * Moments: Yiwu's total trade 2019–2023 (in yuan, log deviations; 2019 is the run-rate the model
 * starts from in January 2020), the market-procurement share
 * of exports 2020–2023 as customs count it (the hall's exports and the B2B exports declared that
 * way; that declared share is identified by this moment alone), and the SME credit rejection rate. The objective is the sum of squared
 * deviations, each scaled by its tolerance, averaged over several seeds that stay the same for
 * every candidate (common random numbers make the objective smooth enough to search).
 *
 * Search: cyclic coordinate search — each parameter in turn is tried at a few multiples of its
 * current value (within its declared range) and the best is kept — repeated with a narrowing
 * step. Deterministic, reproducible, and with few runs per step. Pure: no files, no Node.
 */
import type { ResolvedScenario } from '../schema/resolve.ts';
import { runScenario } from '../run.ts';
import { YIWU_TRADE_BN_YUAN, CNY_PER_USD, YEAR_BEFORE_START, startRunRateBnYuan } from './facts.ts';

export interface FreeParameter {
  id: keyof ResolvedScenario['model'];
  min: number;
  max: number;
}

/** The free parameters and their search ranges (inside the schema's ranges). */
export const FREE_PARAMETERS: FreeParameter[] = [
  { id: 'hubShareAtStart', min: 0.005, max: 0.2 },
  { id: 'rivalImprovement', min: -0.1, max: 0.3 },
  { id: 'b2bFeeRate', min: 0.01, max: 0.3 },
  { id: 'creditStrictness', min: 0, max: 5 },
  { id: 'b2bDeclaredMarketProcurement', min: 0, max: 1 },
];

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
  ...[2020, 2021, 2022, 2023].map((year) => ({ id: `total_trade_${year}_bn_yuan`, target: YIWU_TRADE_BN_YUAN[year], tolerance: 0.05, log: true, source: 'Yiwu Customs (scenarios/context/yiwu-trade.json)' })),
  { id: 'market_procurement_share_2020_2023', target: 0.795, tolerance: 0.035, log: false, source: 'Yiwu Customs: 76–83% of exports' },
  { id: 'sme_credit_rejection', target: 0.505, tolerance: 0.055, log: false, source: 'ADB Trade Finance Gaps surveys: 45–56%' },
];

/** The moments of one run that lasts at least to 2023-12. */
export function simulatedMoments(scenario: ResolvedScenario, seed: number): number[] {
  const r = runScenario({ ...scenario, time: { start: '2020-01', end: '2023-12' } }, { seed, flows: false });
  const yearSum = (metric: string, year: number) => {
    const v = r.series.get(metric)!;
    let s = 0;
    r.months.forEach((m, t) => { if (m.startsWith(String(year))) s += v[t]; });
    return s;
  };
  const mean = (metric: string) => {
    const v = r.series.get(metric)!;
    return v.reduce((a, b) => a + b, 0) / v.length;
  };
  return [
    startRunRateBnYuan(r.months[0], r.series.get('total_trade_usd')![0]),
    ...[2020, 2021, 2022, 2023].map((y) => (yearSum('total_trade_usd', y) * CNY_PER_USD[y]) / 1e9),
    mean('market_procurement_regime_share'),
    mean('credit_rejection_rate'),
  ];
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
  const evaluate = (values: Record<string, number>): { value: number; moments: number[] } => {
    const scenario: ResolvedScenario = { ...base, scale: options.scale, model: { ...base.model, ...values } };
    const per = options.seeds.map((seed) => simulatedMoments(scenario, seed));
    const moments = MOMENTS.map((_, j) => per.reduce((s, m) => s + m[j], 0) / per.length);
    const value = objective(moments);
    evaluations += 1;
    options.onEvaluation?.(evaluations, value);
    return { value, moments };
  };
  const start = Object.fromEntries(FREE_PARAMETERS.map((p) => [p.id, base.model[p.id] as number]));
  let current = { ...start };
  let best = evaluate(current);
  const objectiveStart = best.value;
  let step = 0.5;
  for (let round = 0; round < options.rounds; round++) {
    for (const p of FREE_PARAMETERS) {
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
  return {
    start, fitted: current, objectiveStart, objectiveFitted: best.value, evaluations,
    moments: MOMENTS.map((m, j) => ({ id: m.id, target: m.target, model: best.moments[j], source: m.source })),
  };
}
