/**
 * `npm run modelcheck -- [--update] [--seeds N] [--scale S]`: compares the current model with a
 * saved reference, as SDEverywhere's model check does, but for a stochastic model.
 *
 * 1. Every preset in scenarios/ is run over several seeds. For each headline metric the check
 *    keeps its mean over three windows (2021, 2025, 2030 by default) per seed. A metric has moved
 *    when the difference between the current and the reference means exceeds both 1% and four
 *    standard errors of the difference (Welch), i.e. more than replication noise explains.
 * 2. Invariants over random scenarios: no NaN, Infinity or negative stocks or flows, and the
 *    accounting identities close.
 *
 * `--update` rewrites the reference (scenarios/modelcheck/reference.json); do that deliberately,
 * with the reason in the commit message. Exits 1 when anything moved or an invariant broke.
 */
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { wholeNumber, scaleOption, optionWithDefault } from './options.ts';
import { exitCode, InputError } from './errors.ts';
import { versionText, VERSION_FLAGS, VERSION_HELP } from './version.ts';
import { mean } from 'simple-statistics';
import { resolveScenario } from '../sim/schema/resolve.ts';
import { readPreset, ROOT as root } from './presets.ts';
import { runScenario, createSimulation, MODEL_VERSION } from '../sim/run.ts';
import { stream } from '../sim/random.ts';
import { RATIO_METRICS } from '../sim/collect/metrics.ts';
import { allControls, isInertControl, setControlValue } from '../sim/schema/introspect.ts';

export const REFERENCE_FILE = join(root, 'scenarios', 'modelcheck', 'reference.json');

/** Headline metrics checked (series without breakdown, plus exports by channel). */
export const CHECKED: Array<{ metric: string; dims?: Record<string, string> }> = [
  { metric: 'total_trade_usd' }, { metric: 'trade_value_usd' },
  { metric: 'trade_value_usd', dims: { channel: 'market_hall' } },
  { metric: 'trade_value_usd', dims: { channel: 'b2b_platform' } },
  { metric: 'trade_value_usd', dims: { channel: 'cross_border_ecommerce' } },
  { metric: 'digital_share_of_exports' }, { metric: 'market_procurement_share' }, { metric: 'market_procurement_regime_share' },
  { metric: 'adoption_share_digital' }, { metric: 'adoption_share_data_driven' },
  { metric: 'merchants_alive' }, { metric: 'exporters' }, { metric: 'exits' }, { metric: 'upgrades' },
  { metric: 'credit_rejection_rate' }, { metric: 'credit_approved_usd' }, { metric: 'tariff_revenue_usd' },
  { metric: 'fraud_losses_usd' }, { metric: 'freight_usd' }, { metric: 'value_produced_usd' },
];
const WINDOWS = ['2021', '2025', '2030'];

export interface Reference {
  modelVersion: string;
  scale: number;
  seeds: number[];
  /** preset → "metric|dims|year" → values per seed */
  values: Record<string, Record<string, number[]>>;
}

export function presets(): string[] {
  const dir = join(root, 'scenarios');
  return readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json').map((f) => f.replace(/\.json$/, '')).sort();
}

export function measure(scale: number, seeds: number[], names = presets()): Reference['values'] {
  const values: Reference['values'] = {};
  for (const name of names) {
    const scenario = readPreset(name);
    const perKey: Record<string, number[]> = {};
    for (const seed of seeds) {
      const r = runScenario({ ...scenario, scale }, { seed, flows: false });
      for (const { metric, dims } of CHECKED) {
        const series = r.series.get(metric, dims)!;
        for (const year of WINDOWS) {
          const months = r.months.map((m, t) => (m.startsWith(year) ? t : -1)).filter((t) => t >= 0);
          if (months.length === 0) continue;
          const key = `${metric}|${JSON.stringify(dims ?? {})}|${year}`;
          (perKey[key] ??= []).push(mean(months.map((t) => series[t])));
        }
      }
    }
    values[name] = perKey;
  }
  return values;
}

export interface Moved {
  preset: string;
  key: string;
  reference: number;
  current: number;
  change: number;
  z: number;
}

const variance = (xs: number[]) => {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};

/** Metrics whose mean moved beyond replication noise (|z| > 4 and relative change > 1%). */
export function compare(reference: Reference['values'], current: Reference['values']): Moved[] {
  const moved: Moved[] = [];
  for (const [preset, keys] of Object.entries(current)) {
    for (const [key, now] of Object.entries(keys)) {
      const ref = reference[preset]?.[key];
      if (!ref) {
        moved.push({ preset, key, reference: Number.NaN, current: mean(now), change: Number.NaN, z: Number.NaN });
        continue;
      }
      const a = mean(ref);
      const b = mean(now);
      const se = Math.sqrt(variance(ref) / ref.length + variance(now) / now.length);
      const change = a !== 0 ? b / a - 1 : b === 0 ? 0 : Infinity;
      const z = se > 0 ? (b - a) / se : b === a ? 0 : Infinity;
      if (Math.abs(change) > 0.01 && Math.abs(z) > 4) moved.push({ preset, key, reference: a, current: b, change, z });
    }
  }
  return moved;
}

/** Chance that a random scenario sets a given lever (policy levers), or a given world-table field. */
const LEVER_CHANCE = 0.5;
const WORLD_FIELD_CHANCE = 0.1;

/**
 * Invariants over random scenarios: returns one message per violation. Each scenario sets every
 * policy lever of the schema (infrastructure, platform, rules; a region's tariff, readiness and
 * data regime) with chance 1/2, and each other field of the world's tables with chance 1/10, to a
 * constant drawn evenly over its slider's range — drawn from the schema, so a lever added later
 * is exercised too — plus a few behavioural parameters and, half the time, a hall closure.
 */
export function checkInvariants(count: number, scale: number, seed = 1): string[] {
  const rng = stream(seed, 'modelcheck-scenarios');
  const pick = (lo: number, hi: number) => lo + (hi - lo) * rng();
  const controls = allControls().filter((c) => c.meta.group !== 'model' && c.meta.group !== 'scenario' && !isInertControl(c) && Number.isFinite(c.meta.minimum) && Number.isFinite(c.meta.maximum));
  const problems: string[] = [];
  for (let n = 0; n < count; n++) {
    let input: Record<string, unknown> = {
      seed: Math.floor(rng() * 1e6), scale, time: { start: '2020-01', end: '2024-12' },
      shocks: rng() < 0.5 ? [{ type: 'market_hall_closure', start: '2021-01', end: '2021-12', severity: pick(0, 1) }] : [],
      model: { priceSensitivity: pick(1.5, 6), productivityShape: pick(1.5, 6), creditStrictness: pick(-2, 5) },
    };
    for (const c of controls) {
      const policy = c.meta.group !== 'world' || (c.table?.name === 'regions' && ['tariff', 'digitalReadiness', 'dataRegime'].includes(c.table.field));
      if (rng() >= (policy ? LEVER_CHANCE : WORLD_FIELD_CHANCE)) continue;
      const hi = c.meta.sliderMaximum ?? c.meta.maximum!;
      const v = pick(c.meta.minimum!, hi);
      input = setControlValue(input, c, c.meta.integer ? Math.round(v) : v);
    }
    const sim = createSimulation(resolveScenario(input));
    while (sim.step()) { /* to the end */ }
    const where = `random scenario ${n + 1} (seed ${input.seed})`;
    for (let id = 0; id < sim.series.keys.length; id++) {
      const { metric } = sim.series.keys[id];
      for (const v of sim.series.values[id]) {
        if (Number.isNaN(v) && RATIO_METRICS.has(metric)) continue; // a month with no denominator (e.g. no applications)
        if (!Number.isFinite(v) || v < -1e-6) { problems.push(`${where}: ${metric} = ${v}`); break; }
      }
    }
    const a = sim.accounting;
    if (a.paymentsGap > 1e-9 || a.valueAddedGap > 1e-9 || a.cashGap > 1e-9) problems.push(`${where}: accounting gap ${JSON.stringify(a)}`);
  }
  return problems;
}

async function main() {
  const program = new Command()
    .name('npm run modelcheck --')
    .description('Compare the model with its saved reference across presets and seeds, and check invariants.')
    .option('--update', 'rewrite the reference from the current model (commit it with the reason)')
    .addOption(optionWithDefault('--seeds <n>', 'seeds per preset (comparing needs the reference\'s: 4)', '4'))
    .addOption(optionWithDefault('--scale <s>', 'scale of the runs (comparing needs the reference\'s: 0.02)', '0.02'))
    .addOption(optionWithDefault('--random <n>', 'random scenarios for the invariant checks', '12'))
    .version(versionText(), VERSION_FLAGS, VERSION_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.parse();
  const opts = program.opts<{ update?: boolean; seeds: string; scale: string; random: string }>();
  const seeds = Array.from({ length: wholeNumber('--seeds', opts.seeds, 1, 100) }, (_, i) => i + 1);
  const scale = scaleOption('--scale', opts.scale);
  const randomScenarios = wholeNumber('--random', opts.random, 0, 10_000);
  let reference: Reference | undefined;
  if (!opts.update) {
    if (!existsSync(REFERENCE_FILE)) throw new InputError(`no reference at ${REFERENCE_FILE}: run npm run modelcheck -- --update`);
    reference = JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as Reference;
    // runs at another scale or with other seeds differ from the reference by more than noise
    if (reference.scale !== scale || reference.seeds.length !== seeds.length) {
      throw new InputError(`the reference was made at scale ${reference.scale} with ${reference.seeds.length} seeds; compare with the same settings (--scale ${reference.scale} --seeds ${reference.seeds.length}, the defaults), or make a new reference with --update`);
    }
  }
  const current = measure(scale, seeds);
  if (!reference) {
    mkdirSync(dirname(REFERENCE_FILE), { recursive: true });
    const made: Reference = { modelVersion: MODEL_VERSION, scale, seeds, values: current };
    writeFileSync(REFERENCE_FILE, `${JSON.stringify(made, null, 1)}\n`);
    console.log(`wrote ${REFERENCE_FILE} (${Object.keys(current).length} presets × ${seeds.length} seeds); commit it with the reason for the change`);
    return;
  }
  const moved = compare(reference.values, current);
  const problems = checkInvariants(randomScenarios, Math.min(scale, 0.01));
  if (moved.length === 0) console.log(`no metric moved beyond replication noise (${Object.keys(current).length} presets × ${CHECKED.length} metrics × ${WINDOWS.length} years, ${seeds.length} seeds)`);
  else {
    console.log(`${moved.length} metric(s) moved beyond replication noise:`);
    for (const m of moved) console.log(`  ${m.preset}  ${m.key}: ${m.reference.toPrecision(4)} → ${m.current.toPrecision(4)} (${(m.change * 100).toFixed(1)}%, z = ${m.z.toFixed(1)})`);
  }
  if (problems.length === 0) console.log(`invariants hold in ${randomScenarios} random scenarios`);
  else for (const p of problems) console.log(`  invariant broken: ${p}`);
  if (moved.length > 0 || problems.length > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // "error: …" for bad input, like every command; "internal error" (a bug) otherwise
  main().catch((e: unknown) => process.exit(exitCode(e)));
}
