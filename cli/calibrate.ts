/**
 * `npm run calibrate -- [--seeds N] [--scale S] [--rounds R] [--out FILE]`: fits the baseline's
 * free parameters to Yiwu's trade path, market-procurement share and SME credit rejection by the
 * simulated method of moments (sim/validate/calibration.ts), and writes the fitted values with
 * their provenance (targets and sources, date, method, seeds, fit quality) to
 * scenarios/calibration/baseline-fit.json. The schema's defaults for these parameters are read
 * from that file, so every scenario starts from the fitted values.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { wholeNumber, scaleOption, optionWithDefault } from './options.ts';
import { exitCode, InputError } from './errors.ts';
import { shortCommit, versionText, VERSION_FLAGS, VERSION_HELP } from './version.ts';
import { readPreset, ROOT as root } from './presets.ts';
import { MODEL_VERSION } from '../sim/run.ts';
import { calibrate, MOMENTS, FREE_PARAMETERS, type CalibrationResult } from '../sim/validate/calibration.ts';

export const FIT_FILE = join(root, 'scenarios', 'calibration', 'baseline-fit.json');

export function provenance(result: CalibrationResult, seeds: number[], scale: number, when = new Date()) {
  const commit = shortCommit();
  return {
    description: 'Free parameters of the baseline fitted by `npm run calibrate` (simulated method of moments). The schema reads its defaults for these parameters from `parameters`.',
    parameters: result.fitted,
    provenance: {
      date: when.toISOString().slice(0, 10), modelVersion: MODEL_VERSION, commit,
      method: 'simulated method of moments; cyclic coordinate search with a halving step; the customs-only declared shares solved by constrained least squares for each candidate; common random numbers across candidates',
      seeds, scale, horizon: '2020-01 … 2023-12', evaluations: result.evaluations,
      freeParameters: FREE_PARAMETERS, start: result.start,
      objective: { start: result.objectiveStart, fitted: result.objectiveFitted, note: 'sum of squared deviations in units of each target\'s tolerance' },
      targets: MOMENTS.map((m) => ({ ...m, model: result.moments.find((x) => x.id === m.id)?.model })),
    },
  };
}

/**
 * The settings of the fit the model's defaults come from: a fit into FIT_FILE must be at least as
 * careful. Its scale is above the default scale (0.1): larger runs spread less from seed to seed,
 * so the fitted parameters move less with the seeds averaged.
 */
const REFERENCE = { seeds: 3, scale: 2 / 15, rounds: 3 };

async function main() {
  const program = new Command()
    .name('npm run calibrate --')
    .description('Fit the baseline\'s free parameters to Yiwu\'s data and write them with provenance.')
    .addOption(optionWithDefault('--seeds <n>', 'seeds averaged per candidate', String(REFERENCE.seeds)))
    .addOption(optionWithDefault('--scale <s>', 'scale of the runs', String(REFERENCE.scale), '2/15 ≈ 0.1333'))
    .addOption(optionWithDefault('--rounds <r>', 'rounds of coordinate search', String(REFERENCE.rounds)))
    .addOption(optionWithDefault('--out <file>', 'where to write the fit', FIT_FILE, relative(process.cwd(), FIT_FILE) || FIT_FILE))
    .version(versionText(), VERSION_FLAGS, VERSION_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.parse();
  const opts = program.opts<{ seeds: string; scale: string; rounds: string; out: string }>();
  const seeds = Array.from({ length: wholeNumber('--seeds', opts.seeds, 1, 100) }, (_, i) => i + 1);
  const scale = scaleOption('--scale', opts.scale);
  const rounds = wholeNumber('--rounds', opts.rounds, 1, 20);
  // the fit every scenario takes its defaults from is only replaced by a fit at least as careful
  // as the reference settings (a quick look at small scale or one seed goes to a file of its own)
  const quick = seeds.length < REFERENCE.seeds || scale < REFERENCE.scale || rounds < REFERENCE.rounds;
  if (quick && resolve(opts.out) === resolve(FIT_FILE)) {
    throw new InputError(`a fit with --seeds ${seeds.length} --scale ${opts.scale} --rounds ${rounds} is quicker than the reference (--seeds 3 --scale 2/15 --rounds 3 or more) and would replace the defaults every scenario takes (${relative(process.cwd(), FIT_FILE) || FIT_FILE}); write it elsewhere with --out FILE`);
  }
  const base = readPreset('baseline');
  // on a terminal one line rewritten in place; in a log file a line every 10 evaluations
  const terminal = process.stderr.isTTY === true;
  const result = calibrate(base, {
    seeds, scale, rounds,
    onEvaluation: (n, v) => {
      if (terminal) process.stderr.write(`\r  evaluation ${n}: objective ${v.toFixed(3)}   `);
      else if (n % 10 === 0) process.stderr.write(`  evaluation ${n}: objective ${v.toFixed(3)}\n`);
    },
  });
  if (terminal) process.stderr.write('\n');
  // a fit that is not a number must not reach the file every scenario takes its defaults from
  if (!Number.isFinite(result.objectiveFitted) || Object.values(result.fitted).some((v) => !Number.isFinite(v))) {
    throw new InputError(`the fit failed (objective ${result.objectiveFitted}); nothing written to ${opts.out}`);
  }
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(provenance(result, seeds, scale), null, 2)}\n`);
  console.log(`wrote ${opts.out}: objective ${result.objectiveStart.toFixed(3)} → ${result.objectiveFitted.toFixed(3)} in ${result.evaluations} evaluations`);
  for (const p of FREE_PARAMETERS) console.log(`  ${p.id}: ${result.start[p.id]} → ${result.fitted[p.id]}`);
  for (const m of result.moments) console.log(`  ${m.id}: model ${m.model.toFixed(3)}, target ${m.target}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // "error: …" for bad input, like every command; "internal error" (a bug) otherwise
  main().catch((e: unknown) => process.exit(exitCode(e)));
}
