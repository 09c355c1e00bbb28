/**
 * The researcher's command line: runs one scenario file and writes its results as CSV files.
 *
 *   npm run sim -- scenarios/baseline.json [--seed N] [--out DIR]
 *
 * Reads and resolves the scenario (every default filled in), runs it (a progress bar on stderr
 * when that is a terminal and the run takes more than a second), writes timeseries.csv,
 * flows.csv, merchants.csv and manifest.json (see writers.ts), and prints a short summary.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { parseScenarioText, resolveScenario, runScenario, DEFAULT_SCALE, type RunResult } from '../sim/index.ts';
import { writeRunOutputs, ensureDir, refuseOtherResults, RESULT_KINDS, type Provenance } from './writers.ts';
import { summaryText } from './summary.ts';
import { fileKind, inputText, experimentMark } from './presets.ts';
import { InputError, describeFsError, exitCode } from './errors.ts';
import { gitState, versionText, VERSION_FLAGS, VERSION_HELP } from './version.ts';

const MAX_SEED = 2 ** 31 - 1;
/** Scenario files are a few kB; the core refuses more than 1 MB of text anyway. */
const MAX_FILE_BYTES = 4_000_000;

const OUTPUT_HELP = `
Output files (in DIR, default out/<scenario-name>-<seed>/, created if missing):
  timeseries.csv  month,metric,region,channel,stage,category,mode,value
                  one row per metric series per month (long format); a breakdown
                  column is empty where it does not apply; money and counts at Yiwu scale
  flows.csv       month,region,channel,category,mode,value_usd,quantity,shipments
                  exports from the hub by destination, channel, category and mode
  merchants.csv   one row per merchant ever alive (weight = booths each stands for)
  manifest.json   model version, git commit, seed, the scenario as given (scenarioInput:
                  save it as a file to repeat the run) and fully resolved, agent
                  counts, run time, accounting check, the files written (rows,
                  bytes, SHA-256) and the metric catalogue

The scenario name is the file's "name" key, or else the file name without .json.
The same scenario file and seed always give byte-identical CSV files.

Examples:
  npm run sim -- scenarios/baseline.json
  npm run sim -- my-policy.json --seed 7 --out results/policy-7`;

function parseSeed(value: string): number {
  const n = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n <= MAX_SEED)) throw new InvalidArgumentError(`--seed must be a whole number from 0 to ${MAX_SEED}; got "${value}".`);
  return n;
}

function parseScale(value: string): number {
  const n = value.trim() === '' ? Number.NaN : Number(value);
  if (!(n >= 0.001 && n <= 1)) throw new InvalidArgumentError(`--scale must be a number from 0.001 to 1 (1 = Yiwu's 75,000 booths); got "${value}".`);
  return n;
}

/** The scenario file's text; file problems become InputErrors. */
function readScenarioFile(file: string): string {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new InputError(`cannot read scenario file "${file}": it is a directory`);
    if (stat.size > MAX_FILE_BYTES) throw new InputError(`scenario file "${file}" is ${stat.size} bytes; a scenario is a small JSON file (at most 1 MB)`);
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(describeFsError(e, 'cannot read scenario file') ?? `cannot read scenario file "${file}"`);
  }
}

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** A progress bar on stderr, started lazily once the run has taken a second, only on a terminal. */
function lazyProgress(started: number) {
  let bar: SingleBar | undefined;
  const enabled = process.stderr.isTTY === true;
  return {
    onMonth(t: number, total: number, month: string) {
      if (!enabled) return;
      if (!bar) {
        if (performance.now() - started < 1000) return;
        bar = new SingleBar({ format: 'Simulating |{bar}| {value}/{total} months ({month}) | ETA {eta_formatted}', clearOnComplete: true, linewrap: null, stream: process.stderr }, Presets.shades_classic);
        bar.start(total, t + 1, { month });
      } else bar.update(t + 1, { month });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/** The scenario; an experiment file given instead is named as one, not listed as a scenario's unknown keys. */
function resolveWithKindHint(text: string, file: string, name: string) {
  try {
    return resolveScenario(text, { origin: file, name });
  } catch (e) {
    if (fileKind(text, file) === 'experiment') {
      const raw = parseScenarioText(text, file) as Record<string, unknown>;
      // (a sensitivity analysis varies one scenario: one comparing scenarios is for sweep only)
      const alsoSensitivity = Array.isArray(raw.scenarios) ? '' : ` (or npm run sensitivity -- ${file})`;
      throw new InputError(`${file} is an experiment file (${experimentMark(raw)}), not a scenario: run it with npm run sweep -- ${file}${alsoSensitivity}`);
    }
    throw e;
  }
}

function main(file: string, opts: { seed?: number; scale?: number; out?: string }): void {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const text = inputText(readScenarioFile(file), file, 'sim');
  const name = path.basename(file).replace(/\.json$/i, '');
  const fileScenario = resolveWithKindHint(text, file, name);
  // the file's content (it resolved, so it reads), named; --scale puts the scenario at another
  // size, checked as the file's own scale would be
  const input = { ...(parseScenarioText(text, file) as object), name: fileScenario.name };
  const scaleGiven = opts.scale !== undefined ? { scale: opts.scale } : {};
  const resolved = opts.scale === undefined ? fileScenario : resolveScenario({ ...input, ...scaleGiven }, { origin: '--scale' });
  const seed = opts.seed ?? resolved.seed;
  // The manifest's scenario carries the seed actually used, so it alone repeats the run.
  const scenario = { ...resolved, seed };
  const dir = path.resolve(opts.out ?? path.join('out', `${scenario.name}-${seed}`));
  refuseOtherResults(dir, RESULT_KINDS.run);
  try {
    ensureDir(dir);
  } catch (e) {
    throw new InputError(describeFsError(e, 'cannot create the output directory') ?? `cannot create the output directory "${dir}"`);
  }

  const progress = lazyProgress(started);
  let result: RunResult;
  try {
    result = runScenario(scenario, { seed, onMonth: (t, sim) => progress.onMonth(t, sim.months.length, sim.months[t]) });
  } finally {
    progress.stop();
  }

  const provenance: Provenance = {
    scenarioFile: path.resolve(file),
    scenarioSha256: createHash('sha256').update(text).digest('hex'),
    scenarioInput: { ...input, seed, ...scaleGiven },
    commandLine: ['npm', 'run', 'sim', '--', ...process.argv.slice(2)].map(shellQuote).join(' '),
    cwd: process.cwd(),
    nodeVersion: process.version,
    startedAt,
    ...gitState(),
  };
  let files;
  try {
    files = writeRunOutputs(result, dir, provenance);
  } catch (e) {
    const message = describeFsError(e, 'cannot write');
    throw message ? new InputError(message) : e;
  }
  process.stdout.write(summaryText(result, dir, files, performance.now() - started));
}

const program = new Command()
  .name('npm run sim --')
  .usage('<scenario.json> [--seed N] [--scale S] [--out DIR]')
  .description('Run one scenario of the Yiwu digital trade sandbox and write its results as CSV files.')
  .argument('<scenario.json>', 'scenario file (JSON); names only what differs from the defaults')
  .option('--seed <N>', `seed of all random streams, 0 to ${MAX_SEED} (default: the scenario's seed)`, parseSeed)
  .option('--scale <s>', `share of Yiwu's 75,000 booths simulated, 0.001 to 1, in place of the scenario's (default: the scenario's scale, ${DEFAULT_SCALE} if it has none)`, parseScale)
  .option('--out <DIR>', 'output directory (default: out/<scenario-name>-<seed>/)')
  .version(versionText(), VERSION_FLAGS, VERSION_HELP)
  .addHelpText('after', OUTPUT_HELP)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .action((file: string, opts: { seed?: number; scale?: number; out?: string }) => main(file, opts));

try {
  program.parse();
} catch (e) {
  // (a usage error: commander has already printed the message, or the help)
  process.exitCode = exitCode(e);
}
