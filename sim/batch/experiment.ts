/**
 * Experiment files: what a batch of runs varies, how, how often, and what it records.
 *
 *   {
 *     "name": "credit-and-tariffs",
 *     "seed": 1,
 *     "base": { "scale": 0.01, "time": { "start": "2020-01", "end": "2024-12" } },
 *     "parameters": [
 *       { "path": "rules.smeCreditSupply", "values": [0.5, 1, 2] },
 *       { "path": "regions[eu].tariff", "range": { "from": 0, "to": 0.1, "steps": 3 } },
 *       { "path": "model.priceSensitivity", "distribution": { "type": "uniform", "min": 2, "max": 5 } }
 *     ],
 *     "design": { "type": "lhs", "samples": 20 },
 *     "replications": 5,
 *     "metrics": ["trade_value_usd", "digital_share_of_exports"],
 *     "months": { "every": 12 },
 *     "sensitivity": { "method": "morris", "trajectories": 10, "levels": 4,   (or "sobol", "samples": 64)
 *                      "outcomes": [{ "metric": "trade_value_usd", "statistic": "mean" }] }
 *   }
 *
 * `base` is a scenario object, or the path of a scenario file (the caller loads it, relative to
 * the experiment file). To compare scenarios — presets against the baseline over many seeds —
 * give `"scenarios": ["../baseline.json", "../sme-finance.json"]` instead of `base`: every point
 * of the design then runs on each scenario in turn (the first scenario's points first), and the
 * files gain a `scenario` column holding each scenario's name. A scenario file's own `seed` is
 * not used (each run's seed comes from the experiment's).
 *
 * Validation reports every problem at once, each naming the path, the
 * value found and what is allowed — the same wording as scenario errors (errors.ts). Each
 * parameter is also tried on the base scenario at its extremes, so a value the scenario would
 * refuse (out of range, not a whole number, unknown key) is reported before anything runs.
 */
import * as z from 'zod';
import { parseStrictJson } from '../schema/json.ts';
import { ScenarioError, problemsFromIssues, show, suggest, type Problem } from '../schema/errors.ts';
import { resolveScenario, type ResolvedScenario } from '../schema/resolve.ts';
import { monthString } from '../schema/param.ts';
import { formatMonth, parseMonth } from '../schema/dates.ts';
import { horizonNotes } from '../schema/horizon.ts';
import { METRICS } from '../collect/metrics.ts';
import { CHANNELS, STAGES } from '../ids.ts';
import { parsePath, pathProblem, setsPath, applyValues } from './paths.ts';
import { designSize, gridValues, quantile, type ParameterSpec, type DesignSpec } from './design.ts';

/** Largest number of runs one experiment may ask for. */
export const MAX_RUNS = 1_000_000;
export const MAX_EXPERIMENT_BYTES = 2_000_000;
/** Most scenarios one experiment may compare. */
export const MAX_SCENARIOS = 100;

/** What is recorded when an experiment names no metrics: headline outcomes of the model. */
export const DEFAULT_METRICS = ['trade_value_usd', 'digital_share_of_exports', 'adoption_share_digital', 'merchants_alive', 'exporters', 'credit_rejection_rate'];

const metricIds = METRICS.map((m) => m.id) as [string, ...string[]];
const finite = z.number();

const distribution = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('uniform'), min: finite, max: finite }),
  z.strictObject({ type: z.literal('loguniform'), min: finite.positive(), max: finite.positive() }),
  z.strictObject({ type: z.literal('normal'), mean: finite, sd: finite.positive(), min: finite.optional(), max: finite.optional() }),
]);

/** A scenario: the name of a scenario file (relative to the experiment file), or the scenario object itself. */
const scenarioRef = z.union([z.string().min(1).max(1000).describe('scenario file name'), z.record(z.string(), z.unknown()).describe('scenario object')]);

const parameter = z.strictObject({
  path: z.string().min(1).max(200).describe('Where the value goes in the scenario, e.g. rules.smeCreditSupply or regions[eu].tariff'),
  values: z.array(finite).min(1).max(10_000).optional().describe('Explicit values'),
  range: z.strictObject({ from: finite, to: finite, steps: z.int().min(2).max(10_000).optional().describe('How many evenly spaced values a grid takes (random and lhs designs and sensitivity analyses sample from … to continuously)') }).optional().describe('Evenly spaced values from … to, both included'),
  distribution: distribution.optional().describe('A distribution to sample (random and lhs designs, sensitivity)'),
  integer: z.boolean().optional().describe('Round values to whole numbers'),
});

const outcome = z.strictObject({
  metric: z.enum(metricIds),
  region: z.string().max(64).optional(),
  channel: z.string().max(64).optional(),
  stage: z.string().max(64).optional(),
  category: z.string().max(64).optional(),
  mode: z.string().max(64).optional(),
  statistic: z.enum(['last', 'mean', 'sum']).default('mean').describe('How the monthly series becomes one number'),
  from: monthString.optional().describe('First month the statistic covers (default: the run\'s first), e.g. "2030-01"'),
  to: monthString.optional().describe('Last month the statistic covers (default: the run\'s last), e.g. "2030-12"'),
});

/** A sensitivity analysis's method and outcomes; an experiment without this section is analysed with the defaults. */
const sensitivitySettings = z.strictObject({
  method: z.enum(['morris', 'sobol']).default('morris'),
  trajectories: z.int().min(2).max(1000).default(10).describe('Morris: number of trajectories'),
  samples: z.int().min(8).max(100_000).default(64).describe('Sobol: base sample size N (N × (k + 2) points)'),
  levels: z.int().min(2).max(20).default(4),
  outcomes: z.array(outcome).min(1).max(50).default([{ metric: 'trade_value_usd', statistic: 'mean' }]),
});

export const experimentFileSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'not a slug' }).optional(),
  description: z.string().max(5000).optional(),
  seed: z.int().min(0).max(2 ** 31 - 1).default(1),
  base: scenarioRef.default({}),
  scenarios: z.array(scenarioRef).min(1).max(MAX_SCENARIOS).optional().describe('Scenarios to compare (instead of "base"): every point runs on each, and the files gain a "scenario" column'),
  parameters: z.array(parameter).max(100).default([]),
  design: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('grid') }),
    z.strictObject({ type: z.literal('random'), samples: z.int().min(1).max(MAX_RUNS) }),
    z.strictObject({ type: z.literal('lhs'), samples: z.int().min(2).max(MAX_RUNS) }),
  ]).default({ type: 'grid' }),
  replications: z.int().min(1).max(10_000).default(1),
  commonRandomNumbers: z.boolean().optional().describe('Give replicate r the same seed at every point (default false; true when comparing "scenarios")'),
  metrics: z.array(z.enum(metricIds)).min(1).max(metricIds.length).default(DEFAULT_METRICS),
  months: z.union([z.enum(['all', 'last']), z.strictObject({ every: z.int().min(1).max(720) }), z.array(monthString).min(1).max(720)]).default('all'),
  sensitivity: sensitivitySettings.optional(),
});

export type ExperimentFile = z.output<typeof experimentFileSchema>;
export type Outcome = z.output<typeof outcome>;

/** A checked experiment, with its base scenario resolved and the months it records. */
export interface Experiment {
  name: string;
  description: string;
  seed: number;
  /** The base scenario object as given (parameter values are written into copies of it); with `scenarios`, the first one's. */
  base: Record<string, unknown>;
  baseScenario: ResolvedScenario;
  /** The scenarios compared, when the experiment gives `scenarios` instead of `base`: each with its name (the `scenario` column's value). */
  scenarios?: ComparedScenario[];
  parameters: ParameterSpec[];
  design: DesignSpec;
  replications: number;
  commonRandomNumbers: boolean;
  metrics: string[];
  /** Things said before the runs (a parameter replacing what a compared scenario sets); the checks found nothing wrong. */
  notes: string[];
  /** Month indices recorded (0-based, ascending). */
  monthIndices: number[];
  months: ExperimentFile['months'];
  sensitivity?: NonNullable<ExperimentFile['sensitivity']>;
  /** True when read for a sensitivity analysis whose `sensitivity` section was missing: `sensitivity` holds its defaults. */
  sensitivityDefaulted?: boolean;
}

/** One of the scenarios an experiment compares. */
export interface ComparedScenario {
  /** Its name: the scenario's own "name", else its file name without .json, else scenario-<i>. */
  name: string;
  /** The scenario object (from its file, or as given), with `name` written in and a file's unused `seed` left out. */
  base: Record<string, unknown>;
  scenario: ResolvedScenario;
}

export class ExperimentError extends ScenarioError {
  constructor(problems: Problem[], origin?: string) {
    super(problems, origin);
    this.name = 'ExperimentError';
    this.message = this.message.replace(/ in the scenario\n/, ' in the experiment\n');
  }
}

/** Parses experiment JSON text strictly (sim/schema/json.ts: no comments, no trailing commas, no key twice). */
export function parseExperimentText(source: string, origin = 'experiment'): unknown {
  if (source.length > MAX_EXPERIMENT_BYTES) throw new ExperimentError([{ path: '', message: `the file is ${source.length} characters; at most ${MAX_EXPERIMENT_BYTES} allowed` }], origin);
  const parsed = parseStrictJson(source);
  if ('problem' in parsed) throw new ExperimentError([{ path: '', message: parsed.problem }], origin);
  return parsed.value;
}

export interface ResolveExperimentOptions {
  origin?: string;
  /** Default name (e.g. the file name without .json). */
  name?: string;
  /** Loads `base` when it is a file path; returns the scenario object (or throws a ScenarioError). */
  loadBase?: (ref: string) => unknown;
  /** What the experiment is read for: a sweep uses its `design`; a sensitivity analysis samples by its own method and does not. Default 'sweep'. */
  purpose?: 'sweep' | 'sensitivity';
}

/** Checks an experiment (text or object) and resolves it; throws an ExperimentError listing every problem. */
export function resolveExperiment(input: unknown, options: ResolveExperimentOptions = {}): Experiment {
  const origin = options.origin ?? 'experiment';
  const raw = typeof input === 'string' ? parseExperimentText(input, origin) : input;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ExperimentError([{ path: '', message: `the experiment must be a JSON object { ... }, not ${show(raw)}` }], origin);
  }
  const parsed = experimentFileSchema.safeParse(raw, { reportInput: true });
  // Problems of form (a replication count of 0, a misspelt key) are said together with the
  // experiment's other problems where the form's fault is in a setting that has a default: the
  // rest is checked with that setting left out. Otherwise only the problems of form are said.
  let schemaProblems: Problem[] = [];
  let leftOut: string[] = [];
  let checked = parsed;
  if (!parsed.success) {
    schemaProblems = problemsFromIssues(experimentFileSchema, raw, parsed.error.issues);
    leftOut = settingsToLeaveOut(parsed.error.issues);
    const rest = leftOut.length > 0 ? experimentFileSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !leftOut.includes(k))), { reportInput: true }) : undefined;
    if (!rest?.success) throw new ExperimentError(schemaProblems, origin);
    checked = rest;
  }
  const e = checked.data!;
  const problems: Problem[] = [];
  const notes: string[] = [];
  // a sensitivity analysis of an experiment without a "sensitivity" section runs with the
  // section's defaults, so it is checked against them (a list of values against the default levels)
  const sensitivityDefaulted = options.purpose === 'sensitivity' && e.sensitivity === undefined;
  if (sensitivityDefaulted) e.sensitivity = sensitivitySettings.parse({});

  // the base scenario, or the scenarios compared
  if (e.scenarios && (raw as Record<string, unknown>).base !== undefined) problems.push({ path: 'scenarios', message: 'is given beside "base"; give "base" for one scenario, or "scenarios" to compare several (each point runs on each), not both' });
  if (e.scenarios && options.purpose === 'sensitivity') problems.push({ path: 'scenarios', message: 'cannot be compared by a sensitivity analysis, which varies the parameters of one scenario: give that scenario as "base" (one analysis per scenario), or compare scenarios with npm run sweep' });
  // (those two said, the scenarios are still read and the parameters tried on them)
  const beforeScenarios = problems.length;
  const compared: ComparedScenario[] = [];
  (e.scenarios ?? [e.base]).forEach((ref, i) => {
    const at = e.scenarios ? `scenarios[${i}]` : 'base';
    const object = scenarioObjectOf(ref, at, e.seed, options, problems);
    if (object && isExperimentLike(object)) {
      problems.push({ path: at, message: `${typeof ref === 'string' ? `${JSON.stringify(ref)} is` : 'holds'} an experiment, not a scenario; give scenario files (e.g. "../baseline.json") or scenario objects` });
      return;
    }
    if (!object) return;
    const defaultName = !e.scenarios ? e.name ?? options.name : typeof ref === 'string' ? nameOfFile(ref) ?? `scenario-${i}` : `scenario-${i}`;
    try {
      const scenario = resolveScenario(object, { name: defaultName });
      // (a compared scenario carries its name, so the experiment written out names its rows the same)
      compared.push({ name: scenario.name, base: e.scenarios ? { ...object, name: scenario.name } : object, scenario });
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      problems.push(...err.problems.map((p) => ({ path: typeof ref === 'string' ? at : `${at}${p.path ? `.${p.path}` : ''}`, message: typeof ref === 'string' ? `in scenario file ${JSON.stringify(ref)}: ${p.path ? `${p.path}: ` : ''}${p.message}` : p.message })));
    }
  });
  // every scenario read: the rest is checked on them even if they do not go together (below)
  const scenarios = problems.length === beforeScenarios ? compared : [];
  const scaleVaried = e.parameters.some((p) => p.path === 'scale');
  if (e.scenarios && compared.length === e.scenarios.length) {
    compared.forEach((c, i) => {
      const first = compared.findIndex((d) => d.name === c.name);
      if (first < i) problems.push({ path: `scenarios[${i}]`, message: `is named "${c.name}", as scenarios[${first}] is; the files tell scenarios apart by name: ${typeof e.scenarios![i] === 'string' && e.scenarios![i] === e.scenarios![first] ? 'give each scenario once' : 'give this one another "name"'}` });
      const [t, t0] = [c.scenario.time, compared[0].scenario.time];
      // run settings are not policy (ui/compare.ts): a difference in them would read as an effect
      if (t.start !== t0.start || t.end !== t0.end) problems.push({ path: `scenarios[${i}]`, message: `"${c.name}" simulates ${t.start} to ${t.end}, but "${compared[0].name}" (scenarios[0]) ${t0.start} to ${t0.end}; scenarios compared must simulate the same months (set "time" alike)` });
      // (a "scale" parameter sets every scenario's)
      if (!scaleVaried && c.scenario.scale !== compared[0].scenario.scale) problems.push({ path: `scenarios[${i}]`, message: `"${c.name}" runs at scale ${scaleSaid(c)}, but "${compared[0].name}" (scenarios[0]) at ${scaleSaid(compared[0])}; scenarios compared must run at one scale, or the scale would read as an effect (set "scale" alike, or set it for all with a parameter { "path": "scale", "values": [...] })` });
    });
  }
  const baseScenario: ResolvedScenario | undefined = scenarios[0]?.scenario;
  const base = scenarios[0]?.base ?? {};
  // (scenarios compared share their months: one window to remark on)
  if (baseScenario) notes.push(...horizonNotes(baseScenario.time).map((n) => n.en));

  // the parameters
  const seen = new Map<string, number>();
  e.parameters.forEach((p, j) => {
    const at = `parameters[${j}]`;
    const given = (['values', 'range', 'distribution'] as const).filter((k) => p[k] !== undefined);
    if (given.length !== 1) {
      problems.push({ path: at, message: given.length === 0 ? 'gives no values; give one of "values", "range" or "distribution"' : `gives ${given.map((g) => `"${g}"`).join(' and ')}; give only one of them` });
      return;
    }
    const steps = parsePath(p.path);
    if (!steps) {
      problems.push({ path: `${at}.path`, message: `${show(p.path)} is not a parameter path; use names joined by dots and [id] for a list entry, e.g. rules.smeCreditSupply or regions[eu].tariff` });
      return;
    }
    // (with several scenarios, the first one whose scenario refuses it is named)
    const inScenario = (c: ComparedScenario) => (e.scenarios ? `in scenario "${c.name}": ` : '');
    for (const c of scenarios) {
      const why = pathProblem(c.base, steps);
      if (why) {
        problems.push({ path: `${at}.path`, message: `${inScenario(c)}${show(p.path)} ${e.scenarios ? why.replace(/the base scenario/g, 'the scenario') : why}` });
        return;
      }
    }
    // a compared scenario's own policy replaced is said (it would be the parameter's at every
    // point); its scale is a run setting, set for all on purpose
    if (e.scenarios && p.path !== 'scale') {
      const setting = scenarios.filter((c) => setsPath(c.base, steps)).map((c) => `"${c.name}"`);
      if (setting.length > 0) notes.push(`${at} (${p.path}) replaces what ${setting.length === 1 ? 'scenario' : 'scenarios'} ${setting.join(', ')} ${setting.length === 1 ? 'sets' : 'set'} there: every scenario runs with the parameter's values`);
    }
    if (seen.has(p.path)) problems.push({ path: `${at}.path`, message: `${show(p.path)} is already varied by parameters[${seen.get(p.path)}]; vary each path once` });
    seen.set(p.path, j);
    const d = p.distribution;
    if (d && d.type !== 'normal' && !(d.min < d.max)) problems.push({ path: `${at}.distribution.max`, message: `${d.max} is not above min ${d.min}; a distribution needs min < max` });
    if (d && d.type === 'normal' && d.min !== undefined && d.max !== undefined && !(d.min < d.max)) problems.push({ path: `${at}.distribution.max`, message: `${d.max} is not above min ${d.min}; a distribution needs min < max` });
    if (d && e.design.type === 'grid' && options.purpose !== 'sensitivity') problems.push({ path: `${at}.distribution`, message: 'a grid design needs "values" or a "range"; use design { "type": "random" } or { "type": "lhs" } to sample a distribution' });
    if (p.range && p.range.steps === undefined && e.design.type === 'grid' && options.purpose !== 'sensitivity') problems.push({ path: `${at}.range.steps`, message: 'missing; a grid design takes "steps" evenly spaced values from "from" to "to", both included (e.g. 3); random and lhs designs sample the range continuously and need none' });
    for (const c of scenarios) {
      const before = problems.length;
      checkValues(c.base, p, at, problems, inScenario(c));
      if (problems.length > before) break;
    }
    repeatedValue(p, at, problems);
  });

  // the design's size
  if (problems.length === 0) {
    const runs = designSize(e.parameters, e.design) * Math.max(1, scenarios.length) * e.replications;
    if (runs > MAX_RUNS) problems.push({ path: e.design.type === 'grid' ? 'parameters' : 'design.samples', message: `the experiment asks for ${runs.toLocaleString('en-US')} runs (points × ${e.scenarios ? 'scenarios × ' : ''}replications); at most ${MAX_RUNS.toLocaleString('en-US')} allowed` });
  }

  // the months recorded
  let monthIndices: number[] = [];
  if (baseScenario) {
    const first = parseMonth(baseScenario.time.start);
    const count = parseMonth(baseScenario.time.end) - first + 1;
    if (e.months === 'all') monthIndices = Array.from({ length: count }, (_, t) => t);
    else if (e.months === 'last') monthIndices = [count - 1];
    else if (Array.isArray(e.months)) {
      const set = new Set<number>();
      e.months.forEach((m, i) => {
        const t = parseMonth(m) - first;
        if (t < 0 || t >= count) problems.push({ path: `months[${i}]`, message: `${show(m)} is outside the simulated months; allowed ${formatMonth(first)} to ${formatMonth(first + count - 1)}` });
        else set.add(t);
      });
      monthIndices = [...set].sort((a, b) => a - b);
    } else {
      const every = e.months.every;
      monthIndices = Array.from({ length: count }, (_, t) => t).filter((t) => (t + 1) % every === 0);
      if (monthIndices.length === 0) problems.push({ path: 'months.every', message: `${every} is longer than the ${count} simulated months; nothing would be recorded` });
    }
  }

  // a setting of the other method would be ignored: said, not silently dropped
  const givenSensitivity = (raw as { sensitivity?: Record<string, unknown> }).sensitivity;
  if (e.sensitivity && givenSensitivity && typeof givenSensitivity === 'object') {
    const other = e.sensitivity.method === 'morris' ? ['samples'] : ['trajectories', 'levels'];
    for (const key of other) if (key in givenSensitivity) problems.push({ path: `sensitivity.${key}`, message: `is not used by ${e.sensitivity.method === 'morris' ? 'Morris screening' : 'Sobol indices'}; ${key === 'samples' ? '"samples" is for "method": "sobol"' : `"${key}" is for "method": "morris"`}` });
  }
  // the sensitivity outcomes: known breakdown values
  if (e.sensitivity && baseScenario) {
    if (e.parameters.length === 0) problems.push({ path: 'parameters', message: 'sensitivity analysis needs at least one parameter to vary' });
    // a lever without a span would be reported as tested and found to do nothing
    e.parameters.forEach((p, i) => {
      const ends = gridValues(p);
      if (ends && Math.max(...ends) === Math.min(...ends)) {
        problems.push({ path: p.values ? `parameters[${i}].values` : `parameters[${i}].range`, message: `${p.values ? `every value is ${ends[0]}` : `runs from ${p.range!.from} to ${p.range!.to}`}${p.integer ? ' (as whole numbers)' : ''}: no span to vary ${p.path} over; a sensitivity analysis needs two different values at least` });
      }
    });
    if ((raw as Record<string, unknown>).commonRandomNumbers === false) notes.push('"commonRandomNumbers": false is not used by a sensitivity analysis: every point runs on the same seeds, so the differences between points are the levers\' alone');
    if (e.sensitivity.method === 'morris' && e.sensitivity.levels % 2 !== 0) problems.push({ path: 'sensitivity.levels', message: `${e.sensitivity.levels} is odd; Morris screening needs an even number of levels, e.g. 4 or 6` });
    // Morris steps along a grid of `levels` points per parameter, each step half the grid: a
    // list of values keeps every step the same change only with one value per level, or with
    // two values (each step goes from one to the other); 4 levels on 3 values step 0.5 → 2 and
    // 1 → 2, and the elementary effects would mix the two
    if (e.sensitivity.method === 'morris') {
      const levels = e.sensitivity.levels;
      e.parameters.forEach((p, i) => {
        const n = p.values?.length;
        const levelsSaid = sensitivityDefaulted ? `${levels} levels (the default: the experiment has no "sensitivity" section)` : `${levels} levels`;
        const setLevels = sensitivityDefaulted ? `add "sensitivity": { "levels": ${n} }` : `set "levels": ${n}`;
        if (n !== undefined && n !== levels && n !== 2) problems.push({ path: `parameters[${i}].values`, message: `has ${n} values, but Morris screening steps over ${levelsSaid}, so its steps would join different pairs of values: give ${levels} values (one per level) or 2 (each step from one to the other)${n % 2 === 0 ? `, ${setLevels}` : ''}, or give a "range" or a "distribution"` });
      });
    }
    const dims: Record<string, string[]> = {
      region: baseScenario.regions.map((r) => r.id), category: baseScenario.categories.map((c) => c.id), mode: baseScenario.modes.map((m) => m.id),
      channel: [...CHANNELS], stage: [...STAGES],
    };
    const first = parseMonth(baseScenario.time.start);
    const last = parseMonth(baseScenario.time.end);
    e.sensitivity.outcomes.forEach((o, i) => {
      // the months the statistic covers: inside the run, in order
      for (const end of ['from', 'to'] as const) {
        const m = o[end];
        if (m !== undefined && (parseMonth(m) < first || parseMonth(m) > last)) problems.push({ path: `sensitivity.outcomes[${i}].${end}`, message: `${show(m)} is outside the simulated months; allowed ${formatMonth(first)} to ${formatMonth(last)}` });
      }
      if (o.from !== undefined && o.to !== undefined && parseMonth(o.to) < parseMonth(o.from)) problems.push({ path: `sensitivity.outcomes[${i}].to`, message: `${show(o.to)} is before "from" ${show(o.from)}; the statistic covers the months from "from" to "to", both included` });
      const info = METRICS.find((m) => m.id === o.metric)!;
      const given = (['region', 'channel', 'stage', 'category', 'mode'] as const).filter((d) => o[d] !== undefined);
      const regionByChannel = given.length === 2 && given[0] === 'region' && given[1] === 'channel' && info.breakdowns.includes('region×channel');
      if (given.length > 1 && !regionByChannel) problems.push({ path: `sensitivity.outcomes[${i}]`, message: `breaks ${o.metric} down by ${given.join(' and ')}; series are broken down by one of them at most (region and channel together only for trade_flow_usd)` });
      for (const dim of ['region', 'channel', 'stage', 'category', 'mode'] as const) {
        const v = o[dim];
        if (v === undefined) continue;
        // ('' in a metric's breakdowns stands for its total)
        const others = info.breakdowns.filter((b) => b !== '');
        if (!info.breakdowns.includes(dim) && !regionByChannel) problems.push({ path: `sensitivity.outcomes[${i}].${dim}`, message: `${o.metric} has no breakdown by ${dim}; ${others.length ? `it is broken down by ${others.join(', ')}` : 'it is a single total'}` });
        else if (!dims[dim].includes(v)) problems.push({ path: `sensitivity.outcomes[${i}].${dim}`, message: `${show(v)} is not allowed${suggest(v, dims[dim])}; allowed: ${dims[dim].join(', ')}` });
      }
    });
  }

  // (a setting left out is not also blamed for what its default did)
  const said = [...schemaProblems, ...problems.filter((p) => !leftOut.some((k) => p.path === k || p.path.startsWith(`${k}.`) || p.path.startsWith(`${k}[`)))];
  if (said.length > 0 || !baseScenario) throw new ExperimentError(said, origin);
  return {
    name: e.name ?? options.name ?? 'experiment',
    description: e.description ?? '',
    seed: e.seed,
    base,
    baseScenario,
    ...(e.scenarios ? { scenarios } : {}),
    parameters: e.parameters.map((p) => ({ ...p })),
    design: e.design,
    replications: e.replications,
    // (a sensitivity analysis always gives every point the same seeds: recorded as such)
    commonRandomNumbers: options.purpose === 'sensitivity' ? true : e.commonRandomNumbers ?? e.scenarios !== undefined,
    notes,
    metrics: e.metrics,
    monthIndices,
    months: e.months,
    sensitivity: e.sensitivity,
    ...(sensitivityDefaulted ? { sensitivityDefaulted } : {}),
  };
}

/**
 * The scenario object a `base` or `scenarios[i]` entry names (loaded when it is a file name), or
 * undefined with the problem said. A file's own `seed` is left out: each run's seed is drawn from
 * the experiment's, and the experiment written out (experiment.json, the manifest) holds the
 * object inline, where a seed is refused. One written inline is refused here for the same reason.
 */
function scenarioObjectOf(ref: string | Record<string, unknown>, at: string, experimentSeed: number, options: ResolveExperimentOptions, problems: Problem[]): Record<string, unknown> | undefined {
  if (typeof ref !== 'string') {
    if (ref.seed === undefined) return ref;
    problems.push({ path: `${at}.seed`, message: `${show(ref.seed)} is not used: each run's seed is drawn from the experiment's "seed" (now ${experimentSeed}); move it there` });
    return undefined;
  }
  if (!options.loadBase) {
    problems.push({ path: at, message: `${JSON.stringify(ref)} is a file name, but files cannot be read here; give the scenario object itself` });
    return undefined;
  }
  try {
    const loaded = options.loadBase(ref);
    if (typeof loaded !== 'object' || loaded === null || Array.isArray(loaded)) {
      problems.push({ path: at, message: `the scenario file ${JSON.stringify(ref)} does not hold a JSON object` });
      return undefined;
    }
    const { seed: _unused, ...object } = loaded as Record<string, unknown>;
    void _unused;
    return object;
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    problems.push(...err.problems.map((p) => ({ path: at, message: `in scenario file ${JSON.stringify(ref)}: ${p.path ? `${p.path}: ` : ''}${p.message}` })));
    return undefined;
  }
}

/** An object with an experiment's marks ("base" and "parameters", or a list of "scenarios"): a file given where a scenario belongs. */
export function isExperimentLike(o: Record<string, unknown>): boolean {
  return Array.isArray(o.scenarios) || (o.parameters !== undefined && o.base !== undefined);
}

/** A scenario's scale as a problem says it: the default named as such (a preset sets none). */
function scaleSaid(c: ComparedScenario): string {
  const shown = Number(c.scenario.scale.toPrecision(4));
  return c.base.scale === undefined ? `${shown} (the default)` : String(shown);
}

/** A compared scenario's name from its file name ("../sme-finance.json" → "sme-finance"), made a slug as names are. */
function nameOfFile(file: string): string | undefined {
  const slug = file.replace(/^.*[\\/]/, '').replace(/\.json$/i, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '').slice(0, 64).replace(/-+$/, '');
  return slug || undefined;
}

/** Top-level settings with a default, or unknown keys, whose problems of form leave the rest checkable without them. */
const DEFAULTED_SETTINGS = new Set(['$schema', 'name', 'description', 'seed', 'replications', 'commonRandomNumbers', 'metrics', 'months']);
function settingsToLeaveOut(issues: z.core.$ZodIssue[]): string[] {
  const keys = new Set<string>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) { for (const k of issue.keys) keys.add(k); continue; }
    const top = issue.path[0];
    if (typeof top !== 'string' || !DEFAULTED_SETTINGS.has(top)) return []; // a fault elsewhere (base, parameters, design, sensitivity): form only
    keys.add(top);
  }
  return [...keys];
}

/** A value a list or range gives twice (as written, or once rounded): its points would run twice, which is never what a sweep wants. */
function repeatedValue(p: ParameterSpec, at: string, problems: Problem[]) {
  if (p.range && p.range.steps === undefined) return; // sampled continuously
  const values = gridValues(p);
  if (!values) return;
  const firstAt = new Map<number, number>();
  for (let k = 0; k < values.length; k++) {
    const earlier = firstAt.get(values[k]);
    if (earlier === undefined) { firstAt.set(values[k], k); continue; }
    const rounded = p.integer === true;
    if (p.values) problems.push({ path: `${at}.values[${k}]`, message: `${p.values[k]}${rounded ? ` (rounded: ${values[k]})` : ''} repeats values[${earlier}]${rounded ? ` (${p.values[earlier]}, rounded: ${values[earlier]})` : ''}, so those points would run twice; give each value once (replications repeat a point with other seeds)` });
    else problems.push({ path: `${at}.range.steps`, message: `${values.length} steps give ${values.join(', ')}${rounded ? ' once rounded to whole numbers' : ''}, so points would run twice; use at most ${new Set(values).size} steps` });
    return;
  }
}

/** Tries a parameter's extreme (and, for whole numbers, middle) values on the base scenario. */
function checkValues(base: Record<string, unknown>, p: ParameterSpec, at: string, problems: Problem[], inScenario = '') {
  const tries: Array<[string, number]> = [];
  if (p.values) {
    const values = gridValues(p)!;
    values.forEach((v, k) => tries.push([`${at}.values[${k}]`, v]));
  } else if (p.range) {
    const values = gridValues(p)!;
    tries.push([`${at}.range.from`, values[0]], [`${at}.range.to`, values[values.length - 1]]);
    if (values.length > 2) tries.push([`${at}.range`, values[1]]);
  } else {
    tries.push([`${at}.distribution`, quantile(p, 0)], [`${at}.distribution`, quantile(p, 1)], [`${at}.distribution`, quantile(p, 0.37)]);
  }
  const reported = new Set<string>();
  for (const [where, value] of tries) {
    try {
      resolveScenario(applyValues(base, [[p.path, value]]));
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      for (const prob of err.problems) {
        if (reported.has(prob.message)) continue;
        reported.add(prob.message);
        const said = asWritten(prob.path, p.path);
        const field = said && said !== p.path ? `${said}: ` : '';
        // a field or list entry the scenario does not have is the path's fault, whatever the value
        const entry = /^(.*)\[[^\]]+\]\.id$/.exec(said);
        // a text or yes/no field takes no number, whatever the value: the path's fault
        const kind = !field ? /; expected (text|boolean)$/.exec(prob.message)?.[1] : undefined;
        if (kind) {
          problems.push({ path: `${at}.path`, message: `${inScenario}${show(p.path)} is not a number: the scenario holds ${kind === 'text' ? 'text' : 'true or false'} there; parameters vary numbers (a lever, a model setting, a schedule's start)` });
          return;
        }
        if (/^unknown key/.test(prob.message) || entry) {
          const why = entry ? prob.message.replace(/^(".*?") is not allowed/, `${entry[1]} has no entry $1`) : `${field}${prob.message}`;
          problems.push({ path: `${at}.path`, message: `${inScenario}${show(p.path)} is not a lever of the scenario: ${why}` });
          return;
        }
        const d = p.distribution;
        const unbounded = d?.type === 'normal' && (d.min === undefined || d.max === undefined);
        problems.push({ path: where, message: `${inScenario}${p.path} = ${value} is refused by the scenario: ${field}${prob.message}${unbounded ? '; a normal distribution reaches far from its mean: bound it with "min" and "max" inside that range' : ''}` });
        if (unbounded) return; // its other draws would be refused for the same reason
      }
      if (reported.size >= 3) return;
    }
  }
}

/**
 * A scenario problem's path as the parameter's path writes it: the scenario numbers list entries
 * ("regions[0].tariff"), the parameter names them ("regions[europe].tariff"); an entry a problem
 * names while one parameter is tried is the one that parameter writes.
 */
function asWritten(problemPath: string, parameterPath: string): string {
  let said = problemPath;
  for (const m of parameterPath.matchAll(/([A-Za-z_$][\w$]*)\[([^\]]+)\]/g)) said = said.replace(new RegExp(`(^|\\.)${m[1]}\\[\\d+\\]`), `$1${m[1]}[${m[2]}]`);
  return said;
}
