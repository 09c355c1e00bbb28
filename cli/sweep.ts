/**
 * Batch experiments: runs every point × replicate of an experiment file on a pool of worker
 * threads and writes tidy results, a columnar file and per-point summaries.
 *
 *   npm run sweep -- scenarios/experiments/credit-supply.json [--workers N] [--out DIR] [--shard i/n]
 *
 * Results stream to disk as each run finishes (parts/ + completed.log); after a crash or Ctrl-C,
 * the same command resumes and skips finished runs. A shard writes only its parts; `npm run
 * merge` assembles shards into exactly the files an unsharded sweep writes.
 */
import * as path from 'node:path';
import * as os from 'node:os';
import { Command } from 'commander';
import { shardRuns, type Shard } from '../sim/batch/index.ts';
import { readExperiment, openOutputDir, claimOutputDir, readCompleted, runRowsTasks, runRecorded, assemble, progressBar, signalExitCode, defaultWorkers, experimentPoints, planRuns } from './batch.ts';
import { exitCode } from './errors.ts';
import { versionText, VERSION_FLAGS, VERSION_HELP } from './version.ts';
import { parseWorkers, parseShardOption, plural, noteOversubscription } from './options.ts';


const HELP = `
Output (in DIR, default out/<experiment-name>/, or out/<name>-shard-<i>-of-<n>/ for a shard):
  runs.csv       point,replicate,seed,<varied parameters…>,month,metric,region,channel,stage,category,mode,value
                 (an experiment comparing "scenarios" has a scenario column before the parameters,
                 here and in summary.csv and contrasts.csv: each scenario's name)
  runs.arrow     the same table as an Arrow IPC file (pandas, Polars, R arrow read it directly)
  summary.csv    per point × series × month over replicates: n,mean,sd,ci95_low,ci95_high,p10,p50,p90
  contrasts.csv  with "commonRandomNumbers": true, each point against point 0, replicate by replicate
                 (paired): n,mean_difference,sd_difference,ci95_low,ci95_high,mean_relative,relative_ci95_low,relative_ci95_high;
                 comparing "scenarios" (commonRandomNumbers then defaults to true), each scenario against
                 the first at the same parameter values, named in a reference_point column
  manifest.json  model version, seeds, the design's points, the resolved base scenario (or scenarios), file checksums;
                 given to npm run sweep in place of the experiment file, it runs the same experiment again
  parts/, completed.log, experiment.json   progress of the sweep (used to resume)
  provenance.json  when and how this invocation ran (worker count, timings; not deterministic),
                   and earlier ones into this directory (earlierInvocations)

The final files are byte-identical for any --workers and for shards merged with npm run merge.

Examples:
  npm run sweep -- scenarios/experiments/credit-supply.json
  npm run sweep -- scenarios/experiments/credit-supply.json --workers 2 --out results/credit
  npm run sweep -- scenarios/experiments/credit-supply.json --shard 1/3 --out results/s1
  npm run sweep -- scenarios/experiments/presets-vs-baseline.json   (every preset against the baseline, paired)
  npm run sweep -- out/credit-supply/manifest.json --out out/again   (the same experiment again, byte for byte)`;


async function main(file: string, opts: { workers?: number; out?: string; shard?: Shard }) {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const exp = readExperiment(file);
  for (const note of exp.notes) process.stderr.write(`note: ${note}\n`);
  const shard = opts.shard && opts.shard.count > 1 ? opts.shard : undefined;
  const dir = path.resolve(opts.out ?? path.join('out', shard ? `${exp.name}-shard-${shard.index}-of-${shard.count}` : exp.name));
  const points = experimentPoints(exp);
  const runs = planRuns(exp, points.length);
  const mine = shardRuns(runs, shard);
  openOutputDir(dir, exp, shard);
  claimOutputDir(dir, 'sweep');
  const done = readCompleted(dir);
  const todo = mine.filter((r) => !done.has(r.index));
  const workers = opts.workers ?? defaultWorkers();
  noteOversubscription(workers, os.availableParallelism());
  const skipped = mine.length - todo.length;
  const pool = Math.min(workers, Math.max(1, todo.length));
  const what = shard ? `shard ${shard.index}/${shard.count}: ` : '';
  const compared = exp.scenarios ? ` (${plural(exp.scenarios.length, 'scenario')} × ${plural(points.length / exp.scenarios.length, 'design point')})` : '';
  process.stdout.write(`${what}${exp.name}: ${plural(points.length, 'point')}${compared} × ${plural(exp.replications, 'replication')} = ${plural(runs.length, 'run')}${shard ? `, ${mine.length} in this shard` : ''}; ${skipped ? `${skipped} already done, ` : ''}${todo.length === 0 ? 'nothing to run' : `${todo.length} to run on ${plural(pool, 'worker')}`}\n`);

  const invocation = { command: 'sweep', startedAt, workers, shard: shard ? `${shard.index}/${shard.count}` : null, skipped };
  const bar = progressBar(mine.length, skipped, shard ? `Shard ${shard.index}/${shard.count}` : 'Sweep');
  let progress;
  try {
    progress = await runRecorded(dir, invocation, started, () => runRowsTasks(dir, exp, points, todo, workers, () => bar.tick()));
  } finally {
    bar.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  if (progress.interrupted) {
    const left = todo.length - progress.ran;
    process.stderr.write(`interrupted: ${mine.length - left} of ${mine.length} runs are done and kept in ${dir}; run the same command again to finish the other ${left}\n`);
    process.exitCode = signalExitCode(progress.signal);
    return;
  }
  const rate = progress.ran > 0 ? ` (${(progress.ran / (seconds / 60)).toFixed(1)} runs/min)` : '';
  if (shard) {
    process.stdout.write(`${what}${plural(progress.ran, 'run')} in ${seconds.toFixed(1)} s${rate}; parts in ${dir}\nWhen every shard is done: npm run merge -- <shard dirs…> --out DIR\n`);
    return;
  }
  const sources = new Map(runs.map((r) => [r.index, dir] as const));
  const files = assemble(dir, exp, points, runs, sources);
  process.stdout.write(`${plural(progress.ran, 'run')} in ${seconds.toFixed(1)} s${rate}. Results in ${dir}:\n`);
  for (const f of files) process.stdout.write(`  ${f.file.padEnd(14)}${f.rows !== undefined ? `${f.rows.toLocaleString('en-US')} rows`.padStart(16) : ''}${f.bytes !== undefined ? `${(f.bytes / 1024).toFixed(0)} kB`.padStart(12) : ''}\n`);
  if (!exp.commonRandomNumbers && points.length > 1) process.stdout.write('No contrasts.csv: points are paired replicate by replicate only with "commonRandomNumbers": true.\n');
}

const program = new Command()
  .name('npm run sweep --')
  .usage('<experiment.json> [--workers N] [--out DIR] [--shard i/n]')
  .description('Run a batch experiment (a parameter sweep, or scenarios compared, with replications) on a pool of worker threads.')
  .argument('<experiment.json>', 'experiment file (JSON): base scenario or scenarios to compare, parameters, design, replications, metrics, months')
  .option('--workers <N>', `worker threads (default: one per core, here ${defaultWorkers()})`, parseWorkers)
  .option('--out <DIR>', 'output directory (default: out/<experiment-name>/)')
  .option('--shard <i/n>', 'run only shard i of n (runs whose index ≡ i−1 mod n); merge shards with npm run merge', parseShardOption)
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
