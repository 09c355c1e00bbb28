/**
 * Sensitivity analysis of an experiment's parameters for chosen outcomes, run on the worker pool:
 * Morris elementary-effects screening (default) or Sobol indices ("method": "sobol").
 *
 *   npm run sensitivity -- scenarios/experiments/levers-morris.json [--workers N] [--out DIR]
 *   npm run sensitivity -- <experiment> --shard i/n --out DIR_i      (one per machine or array task)
 *   npm run sensitivity -- <experiment> --merge DIR_1 … DIR_n --out DIR
 *
 * Uses the experiment's `parameters` (their ranges, values or distributions give each lever's
 * span) and its `sensitivity` section (trajectories, levels, outcomes; defaults 10, 4 and mean
 * exports). Each point runs `replications` times with common random numbers (replicate r has the
 * same seed at every point), and the outcome is the mean over replicates.
 * Writes sensitivity.csv (ranked), sensitivity.svg (μ*, or Sobol ST and S1, with 95% intervals),
 * sensitivity-runs.csv (every point and outcome) and manifest.json. Each run's outcomes are
 * appended to outcomes.log as it finishes, so the same command resumes an interrupted analysis
 * and shards' logs merge into exactly the files one machine writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { createHash } from 'node:crypto';
import { Command } from 'commander';
import { MODEL_VERSION } from '../sim/index.ts';
import { morrisTrajectories, morrisIndices, morrisDelta, spanStep, saltelliSample, sobolIndices, quantile, runSeed, outcomeLabel, outcomeDimensions, OUTCOME_DIMENSIONS, type Outcome, type Shard } from '../sim/batch/index.ts';
import { readExperiment, runOutcomeTasks, runRecorded, readOutcomes, openOutputDir, claimOutputDir, readLock, shardsToFinish, progressBar, signalExitCode, defaultWorkers, experimentObject, experimentKey, writeProvenance, shardProvenance, refuseRepeatedShards, type SweepProgress } from './batch.ts';
import { parseWorkers, parseShardOption, plural, noteOversubscription } from './options.ts';
import { writeCsv, ensureDir, refuseOtherResults, metricCatalogue, RESULT_KINDS } from './writers.ts';
import { exitCode, InputError } from './errors.ts';
import { versionText, VERSION_FLAGS, VERSION_HELP } from './version.ts';
import type { OutcomesTask } from './batch-worker.ts';

async function main(file: string, opts: { workers?: number; out?: string; shard?: Shard; merge?: string[] }) {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const exp = readExperiment(file, 'sensitivity');
  // what the reader of the indices should know about them: said after the indices, and kept in the manifest
  const notes: string[] = [];
  for (const note of exp.notes) process.stderr.write(`note: ${note}\n`);
  // read for sensitivity, an experiment always has the section (its defaults when the file has none)
  const config = exp.sensitivity!;
  const outcomes = config.outcomes as Outcome[];
  const k = exp.parameters.length;
  const names = exp.parameters.map((p) => p.path);
  // unit-hypercube points of the method, in run order
  const trajectories = config.method === 'morris' ? morrisTrajectories(k, config.trajectories, config.levels, exp.seed) : [];
  const saltelli = config.method === 'sobol' ? saltelliSample(config.samples, k, exp.seed) : undefined;
  const unit = saltelli ? saltelli.points : trajectories.flatMap((tr) => tr.points);
  const points = unit.map((u) => ({ u, values: exp.parameters.map((p, i) => quantile(p, u[i])) }));
  const seeds = Array.from({ length: exp.replications }, (_, r) => runSeed(exp.seed, 0, r, true));
  const tasks: OutcomesTask[] = points.flatMap((p) => seeds.map((seed) => ({ kind: 'outcomes' as const, name: exp.name, base: exp.base, parameters: exp.parameters, values: p.values, seed, outcomes })));
  // the runs' results depend on the experiment and on the method's settings
  const key = createHash('sha256').update(JSON.stringify({ experiment: experimentKey(exp), config })).digest('hex').slice(0, 16);
  const workers = opts.workers ?? defaultWorkers();
  const shard = opts.shard && opts.shard.count > 1 ? opts.shard : undefined;
  if (shard && opts.merge) throw new InputError('--shard and --merge go to separate commands: run each shard, then merge their directories');
  const dir = path.resolve(opts.out ?? path.join('out', shard ? `${exp.name}-sensitivity-shard-${shard.index}-of-${shard.count}` : `${exp.name}-sensitivity`));
  const design = saltelli
    ? `Sobol indices of ${plural(k, 'parameter')}, ${config.samples} × (${k} + 2) points`
    : `Morris screening of ${plural(k, 'parameter')} on ${config.levels} levels, ${config.trajectories} trajectories × ${k + 1} points`;
  const defaults = exp.sensitivityDefaulted ? ' (the defaults: the experiment has no "sensitivity" section)' : '';
  const what = shard ? `shard ${shard.index}/${shard.count}: ` : '';

  let done: Map<number, number[]>;
  let ran = 0;
  if (opts.merge) {
    // the shards' runs, each checked to belong to this analysis
    done = new Map();
    const shards = opts.merge.map((m) => path.resolve(m)).map((d) => ({ dir: d, lock: readLock(d) }));
    refuseRepeatedShards(shards);
    const locks = shards.map(({ dir: d, lock }) => {
      if (lock.key !== key) throw new InputError(`${d} holds runs of another sensitivity analysis (or of a sweep, or of one changed since); merge only the shards of ${file}`);
      for (const [index, values] of readOutcomes(d)) done.set(index, values);
      return lock;
    });
    const missing = tasks.map((_, i) => i).filter((i) => !done.has(i));
    if (missing.length > 0) {
      throw new InputError(`${missing.length} of ${tasks.length} runs are missing (first: run ${missing[0]}); finish ${shardsToFinish(missing, locks, 'the analysis')} (the same command resumes it) and give all shard directories to --merge`);
    }
    refuseOtherResults(dir, RESULT_KINDS.sensitivity);
    ensureDir(dir);
    process.stdout.write(`${exp.name}: ${design}${defaults} × ${plural(exp.replications, 'replication')} = ${plural(tasks.length, 'run')}, merged from ${plural(opts.merge.length, 'directory')}\n`);
  } else {
    noteOversubscription(workers, os.availableParallelism());
    openOutputDir(dir, exp, shard, RESULT_KINDS.sensitivity, key);
    claimOutputDir(dir, 'sensitivity analysis');
    done = readOutcomes(dir);
    const mine = tasks.map((task, index) => ({ index, task })).filter(({ index }) => !shard || index % shard.count === shard.index - 1);
    const todo = mine.filter(({ index }) => !done.has(index));
    const skipped = mine.length - todo.length;
    process.stdout.write(`${what}${exp.name}: ${design}${defaults} × ${plural(exp.replications, 'replication')} = ${plural(tasks.length, 'run')}${shard ? `, ${mine.length} in this shard` : ''}; ${skipped ? `${skipped} already done, ` : ''}${todo.length === 0 ? 'nothing to run' : `${todo.length} to run on ${plural(Math.min(workers, todo.length), 'worker')}`}\n`);
    const invocation = { command: 'sensitivity', startedAt, workers, shard: shard ? `${shard.index}/${shard.count}` : null, skipped };
    const bar = progressBar(mine.length, skipped, shard ? `Shard ${shard.index}/${shard.count}` : 'Sensitivity');
    let progress: SweepProgress;
    try {
      progress = await runRecorded(dir, invocation, started, () => runOutcomeTasks(dir, todo, workers, () => bar.tick()));
    } finally {
      bar.stop();
    }
    ran = progress.ran;
    if (progress.interrupted) {
      const left = todo.length - ran;
      process.stderr.write(`interrupted: ${mine.length - left} of ${mine.length} runs are done and kept in ${dir}; run the same command again to finish the other ${left}\n`);
      process.exitCode = signalExitCode(progress.signal);
      return;
    }
    if (shard) {
      process.stdout.write(`${what}${plural(ran, 'run')} in ${((performance.now() - started) / 1000).toFixed(1)} s; results in ${dir}\nWhen every shard is done: npm run sensitivity -- ${file} --merge <shard dirs…> --out DIR\n`);
      return;
    }
    done = readOutcomes(dir);
    const lost = tasks.length - tasks.filter((_, i) => done.has(i)).length;
    if (lost > 0) throw new InputError(`${plural(lost, 'run')} of ${tasks.length} left no readable result in ${path.join(dir, 'outcomes.log')}; run the same command again to do them`);
  }
  const results = tasks.map((_, i) => done.get(i)!);
  // mean over replicates: y[o][point]
  const replications = exp.replications;
  const y = outcomes.map((_, o) => points.map((_, j) => {
    let s = 0;
    for (let r = 0; r < replications; r++) s += results[j * replications + r][o];
    return s / replications;
  }));

  // an outcome with no value in some runs, or one value in all, has indices that say little
  outcomes.forEach((o, q) => {
    const values = results.map((r) => r[q]);
    const missing = values.filter((v) => !Number.isFinite(v)).length;
    if (missing > 0) notes.push(`${outcomeLabel(o)} has no value in ${missing} of ${values.length} runs (a ratio over nothing, e.g. no credit applications in the months it covers): ${missing === values.length ? 'it has no indices' : saltelli ? 'its Sobol indices cannot be estimated' : 'the elementary effects through those points are left out'}; choose another outcome or statistic, or a longer run`);
    else if (values.every((v) => v === values[0])) notes.push(`${outcomeLabel(o)} is ${fmt(values[0])} in every run: no lever moved it, so ${saltelli ? 'its Sobol indices are undefined (there is no variance to share out)' : 'every μ* is 0'}`);
  });
  const rows: Array<Array<string | number>> = [];
  const bars: Bar[][] = [];
  /** Rank among the levers, none for an index that could not be estimated. */
  const rankOf = (value: number, rank: number) => (Number.isFinite(value) ? rank + 1 : '');
  let header: string[];
  if (saltelli) {
    header = ['outcome', 'rank', 'parameter', 'st', 'st_ci95_low', 'st_ci95_high', 's1', 's1_ci95_low', 's1_ci95_high', ...OUTCOME_COLUMNS, ...WINDOW_COLUMNS];
    outcomes.forEach((o, q) => {
      const idx = sobolIndices(saltelli, y[q], exp.seed);
      const ranked = [...idx].sort((a, b) => byIndex(a.st, b.st) || a.factor - b.factor);
      ranked.forEach((m, rank) => rows.push([outcomeLabel(o), rankOf(m.st, rank), names[m.factor], nan(m.st), nan(m.stLow), nan(m.stHigh), nan(m.s1), nan(m.s1Low), nan(m.s1High), ...outcomeColumns(o), ...windowColumns(o)]));
      bars.push(ranked.map((m) => ({ name: names[m.factor], value: m.st, low: m.stLow, high: m.stHigh, inner: m.s1, tip: `ST = ${fmt(m.st)} [${fmt(m.stLow)}, ${fmt(m.stHigh)}], S1 = ${fmt(m.s1)}` })));
    });
  } else {
    header = ['outcome', 'rank', 'parameter', 'mu_star', 'mu_star_ci95', 'mu', 'sigma', 'mu_star_relative', 'effects', ...OUTCOME_COLUMNS, ...WINDOW_COLUMNS];
    outcomes.forEach((o, q) => {
      const byTrajectory = trajectories.map((_, t) => y[q].slice(t * (k + 1), (t + 1) * (k + 1)));
      const idx = morrisIndices(trajectories, byTrajectory, (i, before, after, step) => spanStep(exp.parameters[i], before, after, step));
      if (q === 0) {
        for (const m of idx.filter((x) => x.unchanged > 0)) notes.push(`${names[m.factor]}: ${m.unchanged} of ${trajectories.length} steps left its value as it was (whole numbers: levels rounded to one value), so it has ${plural(trajectories.length - m.unchanged, 'elementary effect')}, not ${trajectories.length}; give it a wider span or fewer levels`);
      }
      const top = Math.max(...idx.map((m) => m.muStar).filter(Number.isFinite), 0);
      const ranked = [...idx].sort((a, b) => byIndex(a.muStar, b.muStar) || a.factor - b.factor);
      ranked.forEach((m, rank) => rows.push([outcomeLabel(o), rankOf(m.muStar, rank), names[m.factor], nan(m.muStar), nan(m.muStarCi95), nan(m.mu), nan(m.sigma), top > 0 ? m.muStar / top : '', m.effects.length, ...outcomeColumns(o), ...windowColumns(o)]));
      bars.push(ranked.map((m) => ({ name: names[m.factor], value: m.muStar, low: m.muStar - m.muStarCi95, high: m.muStar + m.muStarCi95, tip: `μ* = ${fmt(m.muStar)} ± ${fmt(m.muStarCi95)}, μ = ${fmt(m.mu)}, σ = ${fmt(m.sigma)}` })));
    });
  }
  const files = [writeCsv(path.join(dir, 'sensitivity.csv'), header, rows)];
  // where each point stands in the method's design (the last columns, after the outcomes):
  // Sobol's block (A, B, or AB:<lever>, A with that lever from B), Morris's trajectory and the
  // lever its step changed (none at a trajectory's start)
  const layout = saltelli
    ? { header: ['block'], of: (j: number) => [sobolBlock(j, config.samples, names)] }
    : { header: ['trajectory', 'changed'], of: (j: number) => { const t = Math.floor(j / (k + 1)), step = j % (k + 1); return [t, step === 0 ? '' : names[trajectories[t].order[step - 1]]]; } };
  files.push(writeCsv(path.join(dir, 'sensitivity-runs.csv'), ['point', ...names, ...names.map((n) => `u:${n}`), ...outcomes.map(outcomeLabel), ...layout.header],
    points.map((p, j) => [j, ...p.values, ...p.u, ...outcomes.map((_, q) => nan(y[q][j])), ...layout.of(j)])));
  // the same outcomes in long form, one row per run (point × replicate) and outcome: what a
  // data frame wants, and each replicate's value rather than their mean
  files.push(writeCsv(path.join(dir, 'sensitivity-outcomes.csv'), ['point', 'replicate', 'seed', ...OUTCOME_COLUMNS, 'value', ...WINDOW_COLUMNS],
    (function* () {
      for (let j = 0; j < points.length; j++) {
        for (let r = 0; r < replications; r++) for (let q = 0; q < outcomes.length; q++) yield [j, r, seeds[r], ...outcomeColumns(outcomes[q]), nan(results[j * replications + r][q]), ...windowColumns(outcomes[q])];
      }
    })()));
  const measure = saltelli ? 'total Sobol index ST (bar), first-order S1 (dark), 95% bootstrap interval' : 'Morris μ* (bar) with 95% interval';
  const svg = barsSvg(`${exp.name}: which levers matter`, measure, outcomes.map(outcomeLabel), bars);
  fs.writeFileSync(path.join(dir, 'sensitivity.svg'), svg);
  files.push({ file: 'sensitivity.svg', bytes: Buffer.byteLength(svg), sha256: createHash('sha256').update(svg).digest('hex') });
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
    kind: RESULT_KINDS.sensitivity, modelVersion: MODEL_VERSION,
    method: saltelli ? 'Sobol indices, Saltelli 2010 sampling; S1 Saltelli 2010, ST Jansen 1999; bootstrap 95% intervals' : 'Morris elementary effects (Morris 1991; mu* Campolongo et al. 2007)',
    settings: saltelli ? { samples: config.samples, runs: tasks.length } : { trajectories: config.trajectories, levels: config.levels, delta: morrisDelta(config.levels), runs: tasks.length },
    experimentKey: experimentKey(exp), experiment: experimentObject(exp),
    seeds, commonRandomNumbers: true,
    note: 'Parameters enter on their span: u from 0 to 1 maps through each parameter\'s values, range or distribution.',
    notes: [...exp.notes, ...notes],
    // as a sweep's manifest: the files with their checksums, and what the outcomes' metrics measure
    files,
    metrics: metricCatalogue(new Set(outcomes.map((o) => o.metric))),
    baseScenario: exp.baseScenario,
  }, null, 2) + '\n');
  if (opts.merge) writeProvenance(dir, { command: 'sensitivity --merge', startedAt, merged: opts.merge, shards: shardProvenance(opts.merge.map((m) => path.resolve(m))), wallSeconds: (performance.now() - started) / 1000 });

  process.stdout.write(`${plural(tasks.length, 'run')} (${ran === tasks.length ? 'all computed now' : `${ran} computed now, ${tasks.length - ran} from earlier`}) in ${((performance.now() - started) / 1000).toFixed(1)} s. Results in ${dir}: sensitivity.csv, sensitivity.svg, sensitivity-runs.csv, sensitivity-outcomes.csv, manifest.json, provenance.json\n`);
  // (names padded to the longest, so the figures line up however long a lever's path is)
  const width = Math.max(44, ...names.map((n) => n.length));
  bars.forEach((list, q) => {
    process.stdout.write(`\n${outcomeLabel(outcomes[q])}: levers by ${saltelli ? 'total Sobol index ST' : 'mu* (mean |elementary effect| over the lever\'s span)'}\n`);
    for (const b of list) process.stdout.write(`  ${b.name.padEnd(width)} ${b.tip}\n`);
  });
  if (saltelli) process.stdout.write(sobolCaveat(config.samples, bars.flat()));
  for (const note of notes) process.stdout.write(`note: ${note}\n`);
}

/**
 * Sobol indices hold in [0, 1] and S1 ≤ ST; estimates that break either from a small N are
 * sampling noise, and said so.
 */
function sobolCaveat(samples: number, bars: Array<{ name: string; value: number; inner?: number }>): string {
  const outside = bars.flatMap((b) => [b.value, b.inner ?? 0]).filter((v) => v > 1.005 || v < -0.005);
  const crossed = bars.filter((b) => b.inner !== undefined && b.inner > b.value + 0.005);
  if (samples >= 500 && outside.length === 0 && crossed.length === 0) return '';
  const said: string[] = [];
  /** The first three, and "…" for more. */
  const few = (xs: string[]) => `${xs.slice(0, 3).join(', ')}${xs.length > 3 ? ', …' : ''}`;
  if (outside.length) said.push(`${outside.length} ${outside.length === 1 ? 'index lies' : 'indices lie'} outside [0, 1] (${few(outside.map((v) => v.toFixed(3)))})`);
  if (crossed.length) said.push(`${crossed.length === 1 ? `${crossed[0].name} has` : `${crossed.length} levers have`} a first-order S1 above the total ST (${few(crossed.map((b) => `${b.inner!.toFixed(3)} > ${b.value.toFixed(3)}`))})`);
  return `\nnote: Sobol indices from N = ${samples} base samples are rough${said.length ? `: here ${said.join(', and ')}, which is sampling noise` : ''}. Use N of 500 or more for stable indices, and read the bootstrap intervals.\n`;
}

/** The Saltelli block of point j: A (0 … N−1), B (N … 2N−1), then one block of N per lever (A with that lever's column from B). */
function sobolBlock(j: number, samples: number, names: string[]): string {
  const block = Math.floor(j / samples);
  return block === 0 ? 'A' : block === 1 ? 'B' : `AB:${names[block - 2]}`;
}

interface Bar {
  name: string;
  value: number;
  low: number;
  high: number;
  /** A second, inner bar (Sobol S1). */
  inner?: number;
  tip: string;
}

const nan = (v: number) => (Number.isNaN(v) ? '' : v);
/** Larger index first; an index that could not be estimated (NaN) last. */
const byIndex = (a: number, b: number) => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : b - a);
/** An outcome in tidy columns: its metric, breakdown and statistic (the "outcome" column packs them in one label). */
const OUTCOME_COLUMNS = ['metric', ...OUTCOME_DIMENSIONS, 'statistic'];
const outcomeColumns = (o: Outcome) => [o.metric, ...outcomeDimensions(o), o.statistic];
/** The months an outcome's statistic covers, as given (empty: the run's first or last month), after the columns above. */
const WINDOW_COLUMNS = ['from', 'to'];
const windowColumns = (o: Outcome) => [o.from ?? '', o.to ?? ''];
const fmt = (v: number) => (Number.isNaN(v) ? '–' : Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toPrecision(4));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One panel per outcome: ranked horizontal bars with 95% whiskers (and an inner bar, for Sobol S1). */
export function barsSvg(title: string, measure: string, outcomeLabels: string[], panels: Bar[][]): string {
  const barH = 18, gap = 6, width = 360, right = 40, head = 46;
  const left = Math.max(160, 20 + Math.ceil(6.8 * Math.max(...panels.flat().map((b) => b.name.length))));
  const panelH = (k: number) => head + k * (barH + gap) + 30;
  const total = panels.reduce((h, p) => h + panelH(p.length), 40);
  const W = left + width + right;
  const x = (v: number, top: number) => (Number.isFinite(v) ? Math.max(0, (v / top) * width) : 0);
  let y = 30;
  let out = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${total}" viewBox="0 0 ${W} ${total}" font-family="sans-serif" font-size="12">\n`;
  out += `<rect width="100%" height="100%" fill="white"/>\n<text x="12" y="20" font-size="15" font-weight="bold">${esc(title)}</text>\n`;
  panels.forEach((bars, o) => {
    const top = Math.max(...bars.flatMap((b) => [b.value, b.high]).filter(Number.isFinite), 1e-300);
    out += `<text x="12" y="${y + 22}" font-weight="bold">${esc(outcomeLabels[o])}</text>\n`;
    out += `<text x="12" y="${y + 38}" fill="#555">${esc(measure)}; scale 0 … ${esc(fmt(top))}</text>\n`;
    bars.forEach((b, r) => {
      const by = y + head + r * (barH + gap);
      out += `<text x="${left - 8}" y="${by + 13}" text-anchor="end">${esc(b.name)}</text>\n`;
      out += `<rect x="${left}" y="${by}" width="${x(b.value, top).toFixed(2)}" height="${barH}" fill="#2b6cb0"><title>${esc(`${b.name}: ${b.tip}`)}</title></rect>\n`;
      if (b.inner !== undefined) out += `<rect x="${left}" y="${by + 5}" width="${x(b.inner, top).toFixed(2)}" height="${barH - 10}" fill="#1a365d"/>\n`;
      if (Number.isFinite(b.low) && Number.isFinite(b.high)) {
        out += `<line x1="${(left + x(b.low, top)).toFixed(2)}" x2="${(left + x(b.high, top)).toFixed(2)}" y1="${by + barH / 2}" y2="${by + barH / 2}" stroke="#111" stroke-width="1.5"/>\n`;
      }
    });
    out += `<line x1="${left}" x2="${left}" y1="${y + head - 4}" y2="${y + head + bars.length * (barH + gap)}" stroke="#333"/>\n`;
    y += panelH(bars.length);
  });
  return out + '</svg>\n';
}

const HELP = `
Method (the experiment's "sensitivity" section; without one: Morris, 10 trajectories, 4 levels,
outcome the mean of trade_value_usd over the months; an outcome may take its "statistic" over
"from" … "to" months): "method": "morris" with "trajectories" and
"levels", or "method": "sobol" with "samples" (N × (parameters + 2) points). Each parameter enters
on its span (values, range or distribution); the experiment's "design", "metrics" and "months"
are not used. Replicates per point: "replications" (common random numbers: every point runs on
the same seeds). Morris: an elementary effect is the outcome's change over how far the lever
moved, as a share of its span (mu_star_ci95: Student-t on the |effects|). Sobol: S1 Saltelli
2010, ST Jansen 1999, 200 bootstrap resamples; default 64 samples. The README says more.

Each run's outcomes go to outcomes.log as it finishes: the same command resumes an interrupted
analysis. Across machines: each runs --shard i/n into its own directory, then --merge their
directories; the files are the same as from one machine.

Output, in --out:
  sensitivity.csv       Morris: outcome, rank, parameter, mu_star, mu_star_ci95 (half-width of the
                        95% interval), mu, sigma, mu_star_relative (to the top lever), effects;
                        Sobol: outcome, rank, parameter, st, st_ci95_low, st_ci95_high, s1,
                        s1_ci95_low, s1_ci95_high (bootstrap intervals); then, for data frames, the
                        outcome in columns: metric, region, channel, stage, category, mode,
                        statistic, from, to (its months; empty: the whole run)
  sensitivity.svg       bar chart per outcome
  sensitivity-runs.csv  every point: parameter values, their unit-cube coordinates (u:<path>),
                        the outcomes (mean over replicates), and its place in the design (Morris:
                        trajectory, changed; Sobol: block A, B or AB:<lever>)
  sensitivity-outcomes.csv  long form, one row per run and outcome: point, replicate, seed, metric,
                        region, channel, stage, category, mode, statistic, value, from, to (join the
                        parameters from sensitivity-runs.csv by point)
  manifest.json         method, settings, seeds, the experiment and the resolved base scenario,
                        notes (what the run said about its indices)
  provenance.json       this invocation: command line, times, workers, git commit, host;
                        earlier ones into this directory in earlierInvocations
  experiment.json, outcomes.log   the runs' lock and results (what resuming and --merge read)
`;

const program = new Command()
  .name('npm run sensitivity --')
  .usage('<experiment.json> [--workers N] [--out DIR] [--shard i/n | --merge DIR...]')
  .description('Sensitivity of an experiment\'s outcomes to its parameters: Morris screening or Sobol indices.')
  .argument('<experiment.json>', 'experiment file with "parameters" and (optionally) a "sensitivity" section')
  .option('--workers <N>', `worker threads (default: one per core, here ${defaultWorkers()})`, parseWorkers)
  .option('--out <DIR>', 'output directory (default: out/<experiment-name>-sensitivity/, or out/<name>-sensitivity-shard-<i>-of-<n>/ for a shard)')
  .option('--shard <i/n>', 'run only runs i, i + n, i + 2n, … (1-based) into their own directory; then --merge the shards', parseShardOption)
  .option('--merge <dirs...>', 'compute the results from the shards\' directories (all of one analysis) into --out')
  .addHelpText('after', HELP)
  .version(versionText(), VERSION_FLAGS, VERSION_HELP)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .action(main);

try {
  await program.parseAsync();
} catch (e) {
  process.exitCode = exitCode(e);
}
