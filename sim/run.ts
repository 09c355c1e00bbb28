/**
 * Running a scenario: the one entry point the CLI, the browser worker and the batch pool share.
 *
 *   const result = runScenario(resolveScenario(json), { seed: 7 });
 *
 * `createSimulation` gives month-by-month control (for progressive charts and classroom
 * playback); `runScenario` runs to the end. Both are synchronous and deterministic: the same
 * resolved scenario and seed give identical results everywhere.
 */
import type { ResolvedScenario } from './schema/resolve.ts';
import { formatMonth, parseMonth } from './schema/dates.ts';
import { createWorld } from './world/init.ts';
import type { World } from './world/world.ts';
import { createStepper } from './step.ts';
import { buildLevers } from './world/levers.ts';
import { historyKey, firstLeverDifference, copyWorld, worldBytes } from './world/checkpoint.ts';
import type { LeverSeries } from './world/levers.ts';
import { SeriesTable, FlowCube } from './collect/recorder.ts';
import { MonthSummary } from './collect/summary.ts';
import { bindCollectors } from './collect/metrics.ts';
import { CHANNEL_COUNT, MODE_COUNT, EXIT_REASONS } from './ids.ts';
import { bitCount } from './mechanisms/finance.ts';

/**
 * The model's version: it changes whenever results do (same scenario and seed, other numbers),
 * so share links, saved runs and batch manifests from an older model are reported as outdated
 * rather than silently giving other numbers. test/modelcheck.test.ts fails when results change
 * under the same version (then bump it here and run `npm run modelcheck -- --update`).
 * 0.2.0: calibration re-fitted (2019 trade, 2023 exports, the market-procurement share each year).
 * 0.3.0: exp, log, pow, log1p and cos from sim/portableMath.ts (same bits in every engine).
 * 0.4.0: buying agents meet booths for buyers who cannot travel (pandemic preset); the fit re-run.
 * 0.5.0: competing suppliers pay world freight shocks too (freight_rate_spike).
 * 0.6.0: the freight market settles before the run (no start-up climb of rail and air rates); the fit re-run.
 * 0.7.0: default lever paths split at the record's end (2024-12; the value there rounded to 3
 *        decimals), cloud price and data scoring with a 2020-12 milestone: the same paths to
 *        within 0.0005, so a slider's target changes the plan from 2025 and leaves the record.
 *        Kept since: four value-weighted averages (clearance days, landed cost, hub share, online
 *        trust) report no value instead of 0 in a month with nothing to weigh — a CSV row fewer,
 *        every number there was is the same bits, and no share link needs to be refused.
 * 0.8.0: owners bear 9 to 15 months of losses in a row before closing, by merchant (was 12 for
 *        all): no month-12 cliff of exits after a shock or at the start (demography.ts).
 * 0.9.0: in a month when no foreign importer of a category spends, hall meetings make no
 *        relationships (markets.ts: every one went to the last region, Oceania). Presets and the
 *        baseline: the same numbers as 0.8.0, bit for bit.
 * 0.10.0: an entrant's random stream and loss patience are named by its booth and month of
 *        entry (random.ts assignAt, uniformAt), not by the order of entry, so a scenario and its
 *        baseline give the same booth's entrant the same luck however entries differed before
 *        (common random numbers for entrants): the seed noise of policy effects falls to about
 *        0.57 of what it was (7 presets × 7 outcomes, 32 paired seeds); mean effects unchanged.
 * 0.11.0: the default scale is 0.1 (7,500 merchants, one for every ten booths; was 2/15, 10,000
 *        merchants), so a default run with a new seed comes near the browser's 300 ms goal
 *        (issue 4). Mechanisms unchanged: a scenario that sets its scale gives the same numbers
 *        as 0.10.0; one that does not runs at the new default (links from 0.10.0 read outdated).
 */
export const MODEL_VERSION = '0.11.0';

export interface RunOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Record the flow cube (flows.csv). Default true. */
  flows?: boolean;
  /** Called after each month with the month index (0-based). */
  onMonth?: (t: number, sim: Simulation) => void;
  /** Polled before each month; a run that should stop ends early with `cancelled: true`. */
  shouldStop?: () => boolean;
}

/** One row per merchant ever alive during the run. */
export interface MerchantTable {
  id: Int32Array;
  category: Uint8Array;
  stage: Uint8Array;
  productivity: Float64Array;
  digitalLevel: Uint8Array;
  alive: Uint8Array;
  ageMonths: Int32Array;
  salesUsd: Float64Array;
  exportSalesUsd: Float64Array;
  destinations: Uint8Array;
  creditUsedUsd: Float64Array;
  exitReason: Uint8Array;
  exitMonth: Int32Array;
  /** Booths each merchant stands for (1 / scale). */
  weight: number;
}

export interface AccountingCheck {
  /** Largest relative gap, over all months, in: payments = revenue + freight + tariffs + fees. */
  paymentsGap: number;
  /** … in: value added by stage = value produced. */
  valueAddedGap: number;
  /** … in: merchants' cash at end = start + inflows − outflows (relative to the month's gross flows). */
  cashGap: number;
}

export interface RunResult {
  scenario: ResolvedScenario;
  seed: number;
  modelVersion: string;
  months: string[];
  series: SeriesTable;
  flows: FlowCube | null;
  merchants: MerchantTable;
  accounting: AccountingCheck;
  agentCounts: { merchants: number; merchantSlots: number; merchantsEverAlive: number; buyerAgents: number; buyersRepresented: number; logisticsProviders: number; regulators: number };
  runTimeMs: number;
  cancelled: boolean;
}

/**
 * A run's state after its first `month` months (world/checkpoint.ts): another run with the same
 * seed and history key whose levers agree before `month` continues from it (`resumeFrom`), with
 * the same numbers as a run from the start. Holds copies: the run that made it goes on unchanged.
 */
export interface Checkpoint {
  readonly month: number;
  readonly historyKey: string;
  /** The levers of the run that made it (a continuing run's must agree before `month`). */
  readonly levers: LeverSeries;
  readonly world: World;
  /** Every series' first `month` values, in the series table's order. */
  readonly series: Float64Array[];
  readonly flows: Float64Array | null;
  readonly accounting: AccountingCheck;
  /** Memory it holds, bytes (for a cache's budget). */
  readonly bytes: number;
}

/**
 * The months a run of `scenario` (seed `seed`) can take from `checkpoint`: its month when they agree
 * up to it, else 0. `levers` may be passed when already built.
 */
export function sharedMonths(checkpoint: Pick<Checkpoint, 'month' | 'historyKey' | 'levers'>, scenario: ResolvedScenario, seed: number, levers = leversOf(scenario)): number {
  if (checkpoint.historyKey !== historyKey(scenario, seed)) return 0;
  return firstLeverDifference(checkpoint.levers, levers) >= checkpoint.month ? checkpoint.month : 0;
}

/** The scenario's levers, one value per month of its run. */
export function leversOf(scenario: ResolvedScenario): LeverSeries {
  const first = parseMonth(scenario.time.start);
  return buildLevers(scenario, first, parseMonth(scenario.time.end) - first + 1);
}

export interface Simulation {
  readonly world: World;
  readonly series: SeriesTable;
  readonly flows: FlowCube | null;
  readonly months: string[];
  /** Months completed so far. */
  readonly done: number;
  readonly finished: boolean;
  /** Runs the next month; returns false when the run is over. */
  step(): boolean;
  readonly accounting: AccountingCheck;
  /**
   * A copy of the run's state after the months done so far; `into`, a world no longer used (a
   * finished run's, an old checkpoint's), has its memory filled instead of new memory taken.
   */
  checkpoint(into?: World): Checkpoint;
  /** Months taken from a checkpoint (0 for a run from the start). */
  readonly resumedAt: number;
}

/** Regulators of the model (their settings are the levers; see world/levers.ts). */
const REGULATORS = ['customs', 'data', 'market', 'finance', 'infrastructure'];

export interface SimulationOptions extends Pick<RunOptions, 'seed' | 'flows'> {
  /**
   * Continue from this checkpoint instead of computing its months again. It must be one this
   * scenario and seed share (`sharedMonths` > 0), else the run is refused with an error.
   */
  resumeFrom?: Checkpoint;
  /** With `resumeFrom`: a world no longer used, whose memory the run takes instead of new memory. */
  recycle?: World;
}

export function createSimulation(scenario: ResolvedScenario, options: SimulationOptions = {}): Simulation {
  const seed = options.seed ?? scenario.seed;
  const from = options.resumeFrom;
  let world: World;
  if (from) {
    const levers = leversOf(scenario);
    if (sharedMonths(from, scenario, seed, levers) === 0) throw new Error(`this checkpoint (month ${from.month}) is of a run that differs from this scenario and seed (${seed}) before that month`);
    world = copyWorld(from.world, scenario, levers, options.recycle);
  } else world = createWorld(scenario, seed);
  const series = new SeriesTable(world.months);
  const wantFlows = options.flows !== false;
  if (from && wantFlows !== (from.flows !== null)) throw new Error(`this checkpoint was made ${from.flows ? 'with' : 'without'} the flow cube; the run asks ${wantFlows ? 'for' : 'without'} it`);
  const flows = wantFlows ? new FlowCube(world.months, world.R, CHANNEL_COUNT, world.K, MODE_COUNT) : null;
  const months = Array.from({ length: world.months }, (_, t) => formatMonth(world.firstMonth + t));
  const record = bindCollectors(world, series);
  const summary = new MonthSummary(world.R, world.K);
  const stepper = createStepper(world);
  const accounting: AccountingCheck = from ? { ...from.accounting } : { paymentsGap: 0, valueAddedGap: 0, cashGap: 0 };
  let done = 0;
  if (from) {
    if (from.series.length !== series.values.length) throw new Error(`this checkpoint holds ${from.series.length} series; the run records ${series.values.length}`);
    series.values.forEach((v, i) => v.set(from.series[i]));
    if (flows && from.flows) flows.data.set(from.flows);
    done = from.month;
  }
  const resumedAt = done;
  const gap = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
  const key = historyKey(scenario, seed);
  return {
    world, series, flows, months, accounting, resumedAt,
    get done() { return done; },
    checkpoint(into?: World): Checkpoint {
      const copy = copyWorld(world, scenario, world.levers, into);
      const seriesSoFar = series.values.map((v) => v.slice(0, done));
      const flowsSoFar = flows ? flows.data.slice(0, flows.offset(done, 0, 0, 0, 0)) : null;
      const bytes = worldBytes(copy) + seriesSoFar.length * done * 8 + (flowsSoFar?.byteLength ?? 0);
      return { month: done, historyKey: key, levers: world.levers, world: copy, series: seriesSoFar, flows: flowsSoFar, accounting: { ...accounting }, bytes };
    },
    get finished() { return done >= world.months; },
    step() {
      if (done >= world.months) return false;
      world.t = done;
      stepper.step(world);
      const a = world.accounts;
      accounting.paymentsGap = Math.max(accounting.paymentsGap, gap(a.buyerPayments, a.merchantRevenue + a.freight + a.tariffs + a.fees));
      accounting.valueAddedGap = Math.max(accounting.valueAddedGap, gap(a.valueAddedByStage.reduce((x, y) => x + y, 0), a.merchantRevenue));
      const expectedCash = a.cashAtStart + a.grossProfit - a.fixedCosts - a.interestPaid - a.principalRepaid + a.loansReceived - a.investment - a.ownerWithdrawals + a.ownerEquity;
      // relative to the month's gross flows, so rounding in large flows does not read as a gap
      const flowScale = Math.abs(a.cashAtStart) + a.grossProfit + a.fixedCosts + a.interestPaid + a.principalRepaid + a.loansReceived + a.investment + Math.abs(a.ownerWithdrawals) + a.ownerEquity;
      summary.compute(world, flows);
      accounting.cashGap = Math.max(accounting.cashGap, Math.abs(summary.cash - expectedCash) / Math.max(1, flowScale));
      record(summary);
      done++;
      return done < world.months;
    },
  };
}

export function merchantTable(world: World): MerchantTable {
  const s = world.merchants;
  const arc = world.archive;
  const now = world.firstMonth + world.months;
  let alive = 0;
  for (let i = 0; i < s.capacity; i++) alive += s.alive[i];
  const n = alive + arc.size;
  const id = new Int32Array(n), category = new Uint8Array(n), stage = new Uint8Array(n), productivity = new Float64Array(n);
  const digitalLevel = new Uint8Array(n), isAlive = new Uint8Array(n), ageMonths = new Int32Array(n), salesUsd = new Float64Array(n);
  const exportSalesUsd = new Float64Array(n), destinations = new Uint8Array(n), creditUsedUsd = new Float64Array(n);
  const exitReason = new Uint8Array(n), exitMonth = new Int32Array(n).fill(-1);
  // rows in order of id, so the table does not depend on booth slots: ids are unique and below
  // nextId, so each row's source (archive record k, or alive slot arc.size + i) is placed by its id
  const sourceOfId = new Int32Array(s.nextId).fill(-1);
  for (let k = 0; k < arc.size; k++) sourceOfId[arc.id[k]] = k;
  for (let i = 0; i < s.capacity; i++) if (s.alive[i] === 1) sourceOfId[s.id[i]] = arc.size + i;
  let j = 0;
  for (let m = 0; m < sourceOfId.length; m++) {
    const source = sourceOfId[m];
    if (source < 0) continue;
    if (source < arc.size) {
      const k = source;
      id[j] = arc.id[k]; category[j] = arc.category[k]; stage[j] = arc.stage[k];
      productivity[j] = arc.productivity[k]; digitalLevel[j] = arc.level[k]; isAlive[j] = 0;
      ageMonths[j] = arc.exitMonth[k] - arc.birthMonth[k]; salesUsd[j] = arc.salesTotal[k];
      exportSalesUsd[j] = arc.exportTotal[k]; destinations[j] = arc.destinations[k];
      creditUsedUsd[j] = arc.creditUsed[k]; exitReason[j] = arc.exitReason[k]; exitMonth[j] = arc.exitMonth[k];
    } else {
      const i = source - arc.size;
      id[j] = s.id[i]; category[j] = s.category[i]; stage[j] = s.stage[i];
      productivity[j] = s.productivity[i]; digitalLevel[j] = s.level[i]; isAlive[j] = 1;
      ageMonths[j] = now - s.birthMonth[i]; salesUsd[j] = s.salesTotal[i];
      exportSalesUsd[j] = s.exportTotal[i]; destinations[j] = bitCount((s.offlineMask[i] | s.onlineMask[i]) & world.foreignMask);
      creditUsedUsd[j] = s.creditUsed[i];
    }
    j++;
  }
  return {
    id, category, stage, productivity, digitalLevel, alive: isAlive, ageMonths, salesUsd, exportSalesUsd, destinations,
    creditUsedUsd, exitReason, exitMonth, weight: world.expansion,
  };
}

export function runScenario(scenario: ResolvedScenario, options: RunOptions = {}): RunResult {
  const started = performance.now();
  const sim = createSimulation(scenario, options);
  let cancelled = false;
  while (!sim.finished) {
    if (options.shouldStop?.()) { cancelled = true; break; }
    sim.step();
    options.onMonth?.(sim.done - 1, sim);
  }
  const w = sim.world;
  const merchants = merchantTable(w);
  const b = w.buyers;
  let represented = 0;
  for (let i = 0; i < b.count; i++) represented += b.weight[i];
  let alive = 0;
  for (let i = 0; i < w.merchants.capacity; i++) alive += w.merchants.alive[i];
  return {
    scenario: { ...scenario, seed: w.seed }, seed: w.seed, modelVersion: MODEL_VERSION, months: sim.months, series: sim.series, flows: sim.flows,
    merchants, accounting: sim.accounting,
    agentCounts: {
      merchants: alive, merchantSlots: w.merchants.capacity, merchantsEverAlive: merchants.id.length,
      buyerAgents: b.count, buyersRepresented: Math.round(represented / w.scenario.scale), logisticsProviders: w.providers.count, regulators: REGULATORS.length,
    },
    runTimeMs: performance.now() - started,
    cancelled,
  };
}

export { EXIT_REASONS };
