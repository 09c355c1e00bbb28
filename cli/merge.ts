/**
 * Joins the outputs of sharded sweeps into exactly what one unsharded sweep writes.
 *
 *   npm run merge -- out/exp-shard-1-of-3 out/exp-shard-2-of-3 out/exp-shard-3-of-3 --out out/exp
 *
 * Checks that every directory holds the same experiment (same key in experiment.json) and that
 * together they hold every run; then writes runs.csv, runs.arrow, summary.csv (contrasts.csv with common random numbers) and manifest.json (and provenance.json).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { resolveExperiment } from '../sim/batch/index.ts';
import { readLock, readCompleted, assemble, experimentPoints, planRuns, writeProvenance, shardProvenance, shardsToFinish, refuseRepeatedShards } from './batch.ts';
import { InputError, exitCode, describeFsError } from './errors.ts';
import { versionText, VERSION_FLAGS, VERSION_HELP } from './version.ts';
import { plural } from './options.ts';
import { ensureDir, refuseOtherResults, RESULT_KINDS } from './writers.ts';

function main(dirs: string[], opts: { out?: string }) {
  const started = performance.now();
  if (!opts.out) throw new InputError('--out DIR is required: the directory to write the merged files to (e.g. --out out/my-sweep)');
  const locks = dirs.map((d) => ({ dir: path.resolve(d), lock: readLock(d) }));
  refuseRepeatedShards(locks);
  const first = locks[0];
  // a sensitivity analysis's shards are joined by its own command (its experiment is not a sweep's)
  const analysis = locks.find((l) => l.lock.kind === RESULT_KINDS.sensitivity);
  if (analysis) throw new InputError(`${analysis.dir} holds shards of a sensitivity analysis, not of a sweep; join them with npm run sensitivity -- <experiment> --merge <shard dirs…> --out DIR`);
  for (const l of locks.slice(1)) {
    if (l.lock.key !== first.lock.key) throw new InputError(`${l.dir} holds a different experiment from ${first.dir} (keys ${l.lock.key} and ${first.lock.key}); merge only shards of one experiment`);
  }
  const exp = resolveExperiment(first.lock.experiment, { origin: path.join(first.dir, 'experiment.json') });
  const points = experimentPoints(exp);
  const runs = planRuns(exp, points.length);
  const sources = new Map<number, string>();
  for (const { dir } of locks) for (const index of readCompleted(dir).keys()) if (!sources.has(index)) sources.set(index, dir);
  const missing = runs.filter((r) => !sources.has(r.index));
  if (missing.length > 0) {
    const finish = shardsToFinish(missing.map((r) => r.index), locks.map((l) => l.lock), 'the sweep');
    throw new InputError(`${missing.length} of ${runs.length} runs are missing (first: run ${missing[0].index}, point ${missing[0].point}, replicate ${missing[0].replicate}); finish ${finish} (re-running the same sweep command resumes it) and give all shard directories to merge`);
  }
  const out = path.resolve(opts.out);
  refuseOtherResults(out, RESULT_KINDS.sweep);
  // as sweep does: never write one experiment's results beside another's progress
  if (fs.existsSync(path.join(out, 'experiment.json')) && readLock(out).key !== first.lock.key) {
    throw new InputError(`${out} holds another experiment (key ${readLock(out).key}, not ${first.lock.key}); merge into an empty directory or one of this experiment's shards`);
  }
  try {
    ensureDir(out);
  } catch (e) {
    throw new InputError(describeFsError(e, 'cannot create the output directory') ?? `cannot create the output directory ${out}`);
  }
  const files = assemble(out, exp, points, runs, sources);
  writeProvenance(out, { command: 'merge', from: locks.map((l) => ({ dir: l.dir, shard: l.lock.shard })), shards: shardProvenance(locks.map((l) => l.dir)), wallSeconds: (performance.now() - started) / 1000 });
  process.stdout.write(`merged ${runs.length} runs from ${plural(dirs.length, 'directory')} into ${out}:\n`);
  for (const f of files) process.stdout.write(`  ${f.file.padEnd(14)}${f.rows !== undefined ? `${f.rows.toLocaleString('en-US')} rows`.padStart(16) : ''}\n`);
}

const program = new Command()
  .name('npm run merge --')
  .usage('<DIR...> --out DIR')
  .description('Merge the output directories of sharded sweeps (npm run sweep -- … --shard i/n) into the files one unsharded sweep writes.')
  .argument('<DIR...>', 'shard output directories')
  // (checked in main, not by commander: a misspelt --outt is then named as unknown, not --out as missing)
  .option('--out <DIR>', 'where to write runs.csv, runs.arrow, summary.csv, contrasts.csv (with common random numbers), manifest.json and provenance.json (required)')
  .version(versionText(), VERSION_FLAGS, VERSION_HELP)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .action(main);

try {
  program.parse();
} catch (e) {
  process.exitCode = exitCode(e);
}
