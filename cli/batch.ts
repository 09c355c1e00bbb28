/**
 * What the batch commands (sweep, merge, sensitivity) share: reading an experiment file, the
 * output directory's state (experiment.json lock, parts/, completed.log), the worker pool with
 * its progress bar, and assembling the final files from the parts.
 *
 * Output directory (manifest.json is deterministic; git commit, Node version, times and worker
 * count go to provenance.json):
 *   experiment.json   the experiment (base scenario inlined) and its key; a directory holds one experiment
 *   parts/run-N.csv   rows of run N (no header), written by the worker that ran it
 *   completed.log     one JSON line per finished run, appended after its part is on disk
 *   runs.csv, runs.arrow, summary.csv, manifest.json   the final files (unsharded sweep, or merge),
 *   contrasts.csv     and, with common random numbers, each point against point 0 (sim/batch/contrasts.ts)
 *   provenance.json   when, how and with how many workers the files were made (not deterministic); earlier invocations kept
 * A run is done when its log line parses and its part file has the logged size; anything else
 * (a run in flight at a crash, a torn last log line) is simply run again.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { Piscina } from 'piscina';
import { SingleBar, Presets } from 'cli-progress';
import { tableToIPC, Table, vectorFromArray, Dictionary, Utf8, Int32, type Vector } from 'apache-arrow';
import { parseScenarioText, ScenarioError, MODEL_VERSION } from '../sim/index.ts';
import { fileKind, inputText } from './presets.ts';
import {
  resolveExperiment, experimentPoints, planRuns, pointColumns, pointCells, pointBase, referencePoint, runsHeader, summaryHeader, PointSummary, Contrasts, contrastHeader, SERIES_COLUMNS,
  type Experiment, type Point, type Run, type Shard,
} from '../sim/batch/index.ts';
import { InputError, describeFsError } from './errors.ts';
import { gitState } from './version.ts';
import { ensureDir, csvCell, refuseOtherResults, metricCatalogue, notesOf, RESULT_KINDS, type FileInfo, type ResultKind } from './writers.ts';
import type { RowsTask, OutcomesTask, RowsResult } from './batch-worker.ts';

const MAX_FILE_BYTES = 4_000_000;

/** Output piped into `head` and closed early is not an error of ours. */
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

function readText(file: string, what: string): string {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new InputError(`cannot read ${what} "${file}": it is a directory`);
    if (stat.size > MAX_FILE_BYTES) throw new InputError(`${what} "${file}" is ${stat.size} bytes; at most ${MAX_FILE_BYTES} allowed`);
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(describeFsError(e, `cannot read ${what}`) ?? `cannot read ${what} "${file}"`);
  }
}

/** Reads and checks an experiment file; a string `base` is a scenario file relative to it. */
export function readExperiment(file: string, purpose: 'sweep' | 'sensitivity' = 'sweep'): Experiment {
  const text = inputText(readText(file, 'experiment file'), file, purpose);
  const name = path.basename(file).replace(/\.json$/i, '');
  try {
    return resolveExperiment(text, {
      origin: file,
      name,
      loadBase: (ref) => {
        // a file that cannot be read is one more problem of the experiment, named where it is listed
        let text: string;
        try {
          text = readText(path.resolve(path.dirname(file), ref), 'scenario file');
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          throw new ScenarioError([{ path: '', message: e.message.replace(/^cannot read scenario file "([^"]*)": /, '$1 cannot be read: ') }], ref);
        }
        return parseScenarioText(text, ref);
      },
      purpose,
    });
  } catch (e) {
    // a scenario file given instead is named as one, not listed as an experiment's unknown keys
    if (fileKind(text, file) === 'scenario') {
      throw new InputError(`${file} is a scenario file, not an experiment: run it with npm run sim -- ${file}, or name it as an experiment's "base" (see scenarios/experiments/)`);
    }
    throw e;
  }
}

/** The experiment as a self-contained object (base inlined): what experiment.json stores. */
export function experimentObject(exp: Experiment) {
  const { name, description, seed, base, scenarios, parameters, design, replications, commonRandomNumbers, metrics, months, sensitivity } = exp;
  return {
    name, description, seed,
    ...(scenarios ? { scenarios: scenarios.map((s) => s.base) } : { base }),
    parameters, design, replications, commonRandomNumbers, metrics, months,
    ...(sensitivity ? { sensitivity: methodSettings(sensitivity) } : {}),
  };
}

/**
 * The sensitivity settings its method uses. The other method's defaults are left out: the
 * experiment file refuses them ("samples" is for Sobol), so a manifest's experiment written with
 * them could not be run again as it stands.
 */
function methodSettings(s: NonNullable<Experiment['sensitivity']>) {
  const { method, trajectories, samples, levels, outcomes } = s;
  return method === 'morris' ? { method, trajectories, levels, outcomes } : { method, samples, outcomes };
}

/** A fingerprint of everything that decides the results: the experiment, the model version and defaults. */
export function experimentKey(exp: Experiment): string {
  const { name: _n, description: _d, sensitivity: _s, ...rest } = experimentObject(exp);
  // the resolved base scenario carries the model's defaults, so a change of defaults changes the
  // key; compared scenarios' names are written in the files, so theirs count
  const resolved = exp.scenarios ? { resolvedScenarios: exp.scenarios.map((s) => s.scenario) } : { resolvedBase: { ...exp.baseScenario, name: '' } };
  return createHash('sha256').update(JSON.stringify({ modelVersion: MODEL_VERSION, ...rest, ...resolved })).digest('hex').slice(0, 16);
}

/** The first place two JSON values differ ("parameters[0].values[2]"), or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, at = ''): { path: string; was: unknown; now: unknown } | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) { const d = firstDifference(a[i], b[i], `${at}[${i}]`); if (d) return d; }
  } else if (isObj(a) && isObj(b) && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
      const d = firstDifference(a[key], b[key], at ? `${at}.${key}` : key);
      if (d) return d;
    }
  }
  return { path: at || '(the whole experiment)', was: a, now: b };
}

/** An experiment without its name and description (text that changes no run). */
function withoutTexts(experiment: object): object {
  const { name: _n, description: _d, ...rest } = experiment as Record<string, unknown>;
  void _n; void _d;
  return rest;
}

const shortJson = (x: unknown) => {
  const text = x === undefined ? 'not given' : JSON.stringify(x);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

interface Lock {
  key: string;
  shard: string | null;
  experiment: ReturnType<typeof experimentObject>;
  /** What the runs are for (absent: a sweep). */
  kind?: ResultKind;
}

/**
 * Refuses shard directories given twice, or two directories holding the same shard: their runs
 * would be counted once and the merge would say other shards are missing, not why; so are shards
 * of different splits (1/3 beside 2/2).
 */
export function refuseRepeatedShards(shards: ReadonlyArray<{ dir: string; lock: Pick<Lock, 'shard'> }>): void {
  // shards of different splits (1/3 beside 2/2) cover the runs unevenly: said as such, not as runs missing
  const split = shards.filter((s) => s.lock.shard !== null);
  const other = split.find((s) => s.lock.shard!.split('/')[1] !== split[0].lock.shard!.split('/')[1]);
  if (other) throw new InputError(`${split[0].dir} holds shard ${split[0].lock.shard} and ${other.dir} shard ${other.lock.shard}: shards of different splits; merge the shards of one split (all i/n with the same n)`);
  shards.forEach((s, i) => {
    const earlier = shards.slice(0, i).find((e) => e.dir === s.dir || (s.lock.shard !== null && e.lock.shard === s.lock.shard));
    if (!earlier) return;
    throw new InputError(earlier.dir === s.dir
      ? `${s.dir} is given twice; give each shard's directory once`
      : `${earlier.dir} and ${s.dir} both hold shard ${s.lock.shard}; give each shard once`);
  });
}

const fsWrap = <T>(doing: string, f: () => T): T => {
  try {
    return f();
  } catch (e) {
    const message = describeFsError(e, doing);
    throw message ? new InputError(message) : e;
  }
};

/**
 * Prepares an output directory for an experiment's runs (a sweep's, or with `kind` and `key` a
 * sensitivity analysis's); refuses one that holds another experiment or another shard.
 */
export function openOutputDir(dir: string, exp: Experiment, shard: Shard | undefined, kind: ResultKind = RESULT_KINDS.sweep, key = experimentKey(exp)): void {
  refuseOtherResults(dir, kind);
  fsWrap('cannot create the output directory', () => ensureDir(kind === RESULT_KINDS.sweep ? path.join(dir, 'parts') : dir));
  const lockFile = path.join(dir, 'experiment.json');
  const shardText = shard && shard.count > 1 ? `${shard.index}/${shard.count}` : null;
  if (fs.existsSync(lockFile)) {
    let lock: Lock | undefined;
    try {
      lock = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as Lock;
    } catch {
      lock = undefined;
    }
    if (lock && lock.key !== key) {
      // say what differs, so a changed value is found without comparing files by hand
      const diff = firstDifference(withoutTexts(lock.experiment ?? {}), withoutTexts(experimentObject(exp)));
      const what = diff ? `: ${diff.path} was ${shortJson(diff.was)}, now ${shortJson(diff.now)}` : ` (the same experiment file, but another model version or other model defaults; this model is ${MODEL_VERSION})`;
      throw new InputError(`${dir} holds runs of a different experiment${what}; use another --out directory, or delete it to start again`);
    }
    if (lock && lock.shard !== shardText) throw new InputError(`${dir} holds runs of ${lock.shard ? `shard ${lock.shard}` : 'the unsharded sweep'}, not ${shardText ? `shard ${shardText}` : 'the unsharded sweep'}; give each shard its own --out directory`);
    if (lock) return;
  }
  const lock: Lock = { key, shard: shardText, experiment: experimentObject(exp), ...(kind !== RESULT_KINDS.sweep ? { kind } : {}) };
  fsWrap('cannot write', () => fs.writeFileSync(lockFile, JSON.stringify(lock, null, 2) + '\n'));
}

/**
 * Marks `dir` as being written by this process (dir/.running: host, pid, start) until it exits,
 * and refuses a directory another live process on this machine is writing to: two identical
 * sweeps into one directory both ran every run (twice the compute). A mark left by a process
 * that died (a killed job) is taken over; one from another host (a shared file system) cannot
 * be checked, so it is only noted — a retried array task must be able to resume its shard.
 */
export function claimOutputDir(dir: string, what: string, stderr: NodeJS.WritableStream = process.stderr): void {
  const file = path.join(dir, '.running');
  const me = { host: os.hostname(), pid: process.pid, started: new Date().toISOString() };
  let other: { host?: string; pid?: number; started?: string } | undefined;
  try {
    other = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof other;
  } catch {
    other = undefined; // none, or torn: nobody to wait for
  }
  if (other && other.pid !== process.pid) {
    if (other.host === me.host && typeof other.pid === 'number' && alive(other.pid)) {
      throw new InputError(`${dir} is being written by another ${what} (process ${other.pid}, started ${other.started ?? '?'}); wait for it to finish (then run this again to use its results), or use another --out directory`);
    }
    if (other.host !== me.host) stderr.write(`note: ${dir} was last written by process ${other.pid} on ${other.host} (started ${other.started ?? '?'}); if that job still runs, both will do the same runs\n`);
  }
  fsWrap('cannot write', () => fs.writeFileSync(file, JSON.stringify(me) + '\n'));
  process.once('exit', () => {
    try {
      if ((JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number }).pid === process.pid) fs.rmSync(file);
    } catch {
      /* gone already */
    }
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * What to finish when runs are missing from a merge: "shards 2/3, 3/3" (run index i belongs to
 * shard i mod n + 1 of the shards' n), or `whole` when the directories were not sharded.
 */
export function shardsToFinish(missing: number[], locks: Lock[], whole: string): string {
  const shards = [...new Set(locks.map((l) => l.shard).filter(Boolean))];
  const count = shards.length ? Number(String(shards[0]).split('/')[1]) : 1;
  if (count <= 1) return whole;
  const which = [...new Set(missing.map((i) => (i % count) + 1))].sort((a, b) => a - b);
  return `shard${which.length > 1 ? 's' : ''} ${which.map((i) => `${i}/${count}`).join(', ')}`;
}

/** Reads a directory's lock (for merge). */
export function readLock(dir: string): Lock {
  const file = path.join(dir, 'experiment.json');
  if (!fs.existsSync(dir)) throw new InputError(`${dir} does not exist${path.isAbsolute(dir) ? '' : ` (looked for ${path.resolve(dir)})`}; give the output directories of the shards`);
  if (!fs.existsSync(file)) throw new InputError(`${dir} is not a sweep output directory (it has no experiment.json)`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Lock;
  } catch {
    throw new InputError(`${file} is not valid JSON; was it edited?`);
  }
}

export interface Completed {
  index: number;
  point: number;
  replicate: number;
  seed: number;
  rows: number;
  bytes: number;
}

export const partFile = (dir: string, index: number) => path.join(dir, 'parts', `run-${String(index).padStart(6, '0')}.csv`);

/**
 * Opens a log of finished runs for appending. A line torn by an interruption is ended first, so
 * the next entry starts a line of its own instead of being glued to the fragment and lost.
 */
function openLog(file: string): number {
  const log = fsWrap('cannot write', () => fs.openSync(file, 'a+'));
  const size = fs.fstatSync(log).size;
  if (size > 0) {
    const last = Buffer.alloc(1);
    fs.readSync(log, last, 0, 1, size - 1);
    if (last[0] !== 0x0a) fs.writeSync(log, '\n');
  }
  return log;
}

/** Runs logged as done whose part file is complete. Torn or foreign lines are ignored. */
export function readCompleted(dir: string): Map<number, Completed> {
  const done = new Map<number, Completed>();
  const log = path.join(dir, 'completed.log');
  if (!fs.existsSync(log)) return done;
  for (const line of fs.readFileSync(log, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let c: Completed;
    try {
      c = JSON.parse(line) as Completed;
    } catch {
      continue;
    }
    if (!Number.isInteger(c.index)) continue;
    try {
      if (fs.statSync(partFile(dir, c.index)).size === c.bytes) done.set(c.index, c);
    } catch {
      // part missing: the run is done again
    }
  }
  return done;
}

/** A pool of worker threads running batch tasks (piscina), one per core unless told otherwise. */
export function createPool(workers: number): Piscina {
  return new Piscina({
    filename: new URL('./batch-worker.mjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
  });
}

export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

/** A progress bar with rate and ETA on stderr (terminals only). */
export function progressBar(total: number, already: number, label: string, stderr: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr) {
  const enabled = stderr.isTTY === true && total > 0;
  const bar = enabled
    ? new SingleBar({ format: `${label} |{bar}| {value}/{total} runs | {rate} runs/min | {left} left`, linewrap: null, stream: stderr, etaBuffer: 20 }, Presets.shades_classic)
    : undefined;
  const started = performance.now();
  let done = already;
  // Not a terminal (a cluster job's log file): a plain line at each tenth of the runs, and at
  // least every LOG_EVERY_MS, so a long job's log shows it is alive and when it should end
  let lastLine = started;
  let lastTenth = Math.floor((10 * already) / Math.max(1, total));
  bar?.start(total, done, { rate: '–', left: '–' });
  return {
    tick() {
      done++;
      const now = performance.now();
      const min = (now - started) / 60_000;
      const rate = min > 0 ? (done - already) / min : 0;
      // (cli-progress's own ETA read 0 s before the first run had finished)
      const left = rate > 0 ? duration(((total - done) / rate) * 60_000) : undefined;
      bar?.update(done, { rate: min > 0 ? rate.toFixed(0) : '–', left: left ?? '–' });
      const tenth = Math.floor((10 * done) / total);
      if (!enabled && total > 0 && (tenth > lastTenth || now - lastLine >= LOG_EVERY_MS)) {
        const rest = left && done < total ? ` (rate ${rate.toFixed(1)} runs/min), about ${left} left` : '';
        stderr.write(`${label}: ${done}/${total} runs done, ${Math.floor((100 * done) / total)} %${rest}\n`);
        lastLine = now;
        lastTenth = tenth;
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

/** Longest time between two progress lines when stderr is not a terminal. */
const LOG_EVERY_MS = 5 * 60_000;

/** "45 s", "12 min", "3 h 05 min". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 90) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 90 ? `${m} min` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** A signal after the first interruption: the command is already stopping. */
const ignoreSignal = () => {};

export interface SweepProgress {
  ran: number;
  interrupted: boolean;
  /** The signal that interrupted the runs (the exit code is 128 + its number: 130 for SIGINT, 143 for SIGTERM). */
  signal?: NodeJS.Signals;
}

/** The conventional exit code of a command stopped by `signal`. */
export const signalExitCode = (signal: NodeJS.Signals | undefined) => (signal === 'SIGTERM' ? 143 : 130);

/**
 * Runs tasks on the pool, appending each one's log entry to `logFile` as it finishes (after any
 * file it writes is on disk). On SIGINT/SIGTERM, queued tasks are dropped and those in flight
 * abandoned: what is logged is kept, and the same command resumes from it.
 */
async function runLogged<R>(logFile: string, jobs: Array<{ task: RowsTask | OutcomesTask; entry: (result: R) => object }>, workers: number, onDone: () => void): Promise<SweepProgress> {
  if (jobs.length === 0) return { ran: 0, interrupted: false };
  const pool = createPool(Math.min(workers, jobs.length));
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  let interrupted = false;
  let signal: NodeJS.Signals | undefined;
  // Ctrl-C in a terminal signals the whole process group, and a wrapper (npm, tsx) passes it on
  // again: after the first, later signals are ignored for the moment the command needs to record
  // and say what it kept (with no handler left, a second SIGINT would kill it first)
  const stop = (received: NodeJS.Signals) => {
    if (!interrupted) {
      process.on('SIGINT', ignoreSignal);
      process.on('SIGTERM', ignoreSignal);
      signal = received;
    }
    interrupted = true;
    abort.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const log = openLog(logFile);
  let ran = 0;
  let failure: unknown;
  try {
    await Promise.all(jobs.map(async ({ task, entry }) => {
      try {
        const r = (await pool.run(task, { signal: abort.signal })) as R;
        fs.writeSync(log, JSON.stringify(entry(r)) + '\n');
        ran++;
        onDone();
      } catch (e) {
        if (abort.signal.aborted) return;
        failure ??= e;
        abort.abort();
      }
    }));
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    fs.closeSync(log);
    await pool.destroy();
  }
  if (failure) throw failure;
  return { ran, interrupted, signal };
}

/** Runs the given runs of a sweep, each writing its part file and then its line in completed.log. */
export function runRowsTasks(dir: string, exp: Experiment, points: Point[], todo: Run[], workers: number, onDone: () => void): Promise<SweepProgress> {
  const common = { name: exp.name, parameters: exp.parameters, metrics: exp.metrics, monthIndices: exp.monthIndices };
  return runLogged<RowsResult>(path.join(dir, 'completed.log'), todo.map((run) => ({
    task: { kind: 'rows', ...common, base: pointBase(exp, points[run.point]), values: points[run.point].values, cells: pointCells(exp, points[run.point]), seed: run.seed, index: run.index, point: run.point, replicate: run.replicate, partFile: partFile(dir, run.index) } satisfies RowsTask,
    entry: (r): Completed => ({ index: run.index, point: run.point, replicate: run.replicate, seed: run.seed, rows: r.rows, bytes: r.bytes }),
  })), workers, onDone);
}

/**
 * A sensitivity analysis's finished runs, from `outcomes.log` in `dir`: one JSON line per run,
 * { index, outcomes } (a missing value as null), appended as each run finishes. A torn or foreign
 * line is ignored, so that run is simply done again.
 */
export function readOutcomes(dir: string): Map<number, number[]> {
  const done = new Map<number, number[]>();
  const log = path.join(dir, 'outcomes.log');
  if (!fs.existsSync(log)) return done;
  for (const line of fs.readFileSync(log, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as { index?: unknown; outcomes?: unknown };
      if (Number.isInteger(entry.index) && Array.isArray(entry.outcomes) && entry.outcomes.every((v) => v === null || typeof v === 'number')) {
        done.set(entry.index as number, (entry.outcomes as Array<number | null>).map((v) => (v === null ? Number.NaN : v)));
      }
    } catch {
      // a torn last line (the process stopped mid-write): that run is done again
    }
  }
  return done;
}

/**
 * Runs a sensitivity analysis's tasks, appending each one's outcomes to `dir`/outcomes.log (JSON
 * numbers round-trip exactly, so resumed and sharded analyses give the same files).
 */
export function runOutcomeTasks(dir: string, todo: Array<{ index: number; task: OutcomesTask }>, workers: number, onDone: () => void): Promise<SweepProgress> {
  return runLogged<number[]>(path.join(dir, 'outcomes.log'), todo.map(({ index, task }) => ({ task, entry: (outcomes) => ({ index, outcomes }) })), workers, onDone);
}

const sha256File = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * Writes runs.csv, runs.arrow, summary.csv (and contrasts.csv, with common random numbers) and manifest.json into `out` from the parts of every
 * run (found in `sources`: run index → directory). Rows are in run-index order (point, then
 * replicate), each run's rows in single-run order, so the files depend only on the experiment.
 */
export function assemble(out: string, exp: Experiment, points: Point[], runs: Run[], sources: Map<number, string>): FileInfo[] {
  ensureDir(out);
  const paths = exp.parameters.map((p) => p.path);
  const nParams = paths.length;
  // the point's cells: the scenario's name (when scenarios are compared), then the parameter values
  const columns = pointColumns(exp);
  const lead = 3 + (exp.scenarios ? 1 : 0);
  const runsFile = path.join(out, 'runs.csv');
  const summaryFile = path.join(out, 'summary.csv');
  const contrastsFile = path.join(out, 'contrasts.csv');
  // each point against its reference (point 0; comparing scenarios, the first scenario at the same
  // parameter values), replicate by replicate: only paired when replicates share seeds
  const perScenario = points.length / (exp.scenarios?.length ?? 1);
  const referenceOf = (p: number) => referencePoint(points[p], perScenario);
  const paired = exp.commonRandomNumbers && points.length > 1 ? new Contrasts(referenceOf, new Set(points.map((p) => referenceOf(p.id)))) : undefined;
  // (comparing scenarios, a reference other than point 0 is named on each row)
  const contrastCells = (p: number) => (exp.scenarios ? [referenceOf(p), ...pointCells(exp, points[p])] : pointCells(exp, points[p]));
  const csv = fs.openSync(runsFile + '.tmp', 'w');
  const sum = fs.openSync(summaryFile + '.tmp', 'w');
  const con = paired ? fs.openSync(contrastsFile + '.tmp', 'w') : undefined;
  // columns of the Arrow table
  const ints = { point: [] as number[], replicate: [] as number[], seed: [] as number[] };
  const scenarioNames: string[] = [];
  const params: number[][] = paths.map(() => []);
  const strings: string[][] = SERIES_COLUMNS.slice(0, 7).map(() => []);
  const value: number[] = [];
  let rows = 0;
  let summaryRows = 0;
  let contrastRows = 0;
  try {
    fs.writeSync(csv, runsHeader(columns).map(csvCell).join(',') + '\n');
    fs.writeSync(sum, summaryHeader(columns).map(csvCell).join(',') + '\n');
    if (con !== undefined) fs.writeSync(con, contrastHeader(exp.scenarios ? ['reference_point', ...columns] : columns).map(csvCell).join(',') + '\n');
    let current: PointSummary | undefined;
    let contrastRowCells: Array<string | number> = [];
    const flushSummary = () => {
      if (!current) return;
      let chunk = '';
      for (const row of current.rows()) {
        chunk += row.map(csvCell).join(',') + '\n';
        summaryRows++;
      }
      fs.writeSync(sum, chunk);
      if (!paired || con === undefined) return;
      chunk = '';
      for (const row of paired.rows()) {
        chunk += row.map(csvCell).join(',') + '\n';
        contrastRows++;
      }
      fs.writeSync(con, chunk);
    };
    for (const run of runs) {
      if (!current || current.point !== run.point) {
        flushSummary();
        current = new PointSummary(run.point, pointCells(exp, points[run.point]));
        contrastRowCells = contrastCells(run.point);
      }
      const text = fs.readFileSync(partFile(sources.get(run.index)!, run.index), 'utf8');
      fs.writeSync(csv, text);
      for (const line of text.split('\n')) {
        if (!line) continue;
        const cells = line.split(',');
        ints.point.push(Number(cells[0]));
        ints.replicate.push(Number(cells[1]));
        ints.seed.push(Number(cells[2]));
        // (a scenario's name is a slug: never quoted, so its cell splits at commas as numbers do)
        if (exp.scenarios) scenarioNames.push(cells[3]);
        for (let j = 0; j < nParams; j++) params[j].push(Number(cells[lead + j]));
        const key = cells.slice(lead + nParams, lead + 7 + nParams);
        for (let j = 0; j < 7; j++) strings[j].push(key[j]);
        const v = Number(cells[lead + 7 + nParams]);
        value.push(v);
        current.add(key, v);
        paired?.add(run.point, contrastRowCells, run.replicate, key, v);
        rows++;
      }
    }
    flushSummary();
  } finally {
    fs.closeSync(csv);
    fs.closeSync(sum);
    if (con !== undefined) fs.closeSync(con);
  }
  fs.renameSync(runsFile + '.tmp', runsFile);
  fs.renameSync(summaryFile + '.tmp', summaryFile);
  if (con !== undefined) fs.renameSync(contrastsFile + '.tmp', contrastsFile);
  // (a contrasts.csv left by an earlier experiment into this directory would read as this one's)
  else fs.rmSync(contrastsFile, { force: true });

  const dict = () => new Dictionary(new Utf8(), new Int32());
  const vectors: Record<string, Vector> = {
    point: vectorFromArray(Int32Array.from(ints.point)),
    replicate: vectorFromArray(Int32Array.from(ints.replicate)),
    seed: vectorFromArray(Int32Array.from(ints.seed)),
  };
  if (exp.scenarios) vectors.scenario = vectorFromArray(scenarioNames, dict());
  paths.forEach((p, j) => (vectors[p] = vectorFromArray(Float64Array.from(params[j]))));
  SERIES_COLUMNS.slice(0, 7).forEach((c, j) => (vectors[c] = vectorFromArray(strings[j], dict())));
  vectors.value = vectorFromArray(Float64Array.from(value));
  const arrowFile = path.join(out, 'runs.arrow');
  fs.writeFileSync(arrowFile + '.tmp', tableToIPC(new Table(vectors), 'file'));
  fs.renameSync(arrowFile + '.tmp', arrowFile);

  const files: FileInfo[] = [
    { file: 'runs.csv', rows, bytes: fs.statSync(runsFile).size },
    { file: 'runs.arrow', rows, bytes: fs.statSync(arrowFile).size },
    { file: 'summary.csv', rows: summaryRows, bytes: fs.statSync(summaryFile).size },
    ...(con !== undefined ? [{ file: 'contrasts.csv', rows: contrastRows, bytes: fs.statSync(contrastsFile).size }] : []),
  ].map((f) => ({ ...f, sha256: sha256File(path.join(out, f.file)) }));
  const seeds = new Map<number, number[]>();
  for (const r of runs) (seeds.get(r.point) ?? seeds.set(r.point, []).get(r.point)!).push(r.seed);
  const manifest = {
    kind: RESULT_KINDS.sweep,
    modelVersion: MODEL_VERSION,
    experimentKey: experimentKey(exp),
    experiment: experimentObject(exp),
    runs: runs.length,
    recordedMonths: exp.monthIndices.length,
    files,
    seedDerivation: 'seed of run (point p, replicate r) = floor(2^31 × first draw of Alea("yiwu:<experiment seed>:batch:run:<p>:<r>")); with commonRandomNumbers, "batch:run:common" in place of "batch:run:<p>"',
    points: points.map((p) => ({ point: p.id, ...(exp.scenarios ? { scenario: exp.scenarios[p.scenario!].name } : {}), values: Object.fromEntries(paths.map((q, j) => [q, p.values[j]])), seeds: seeds.get(p.id) ?? [] })),
    ...(exp.scenarios ? { scenarios: exp.scenarios.map((s) => s.scenario) } : { baseScenario: exp.baseScenario }),
    // what runs.csv and summary.csv hold: each recorded metric's unit and meaning, as a run's manifest lists them
    metrics: metricCatalogue(new Set(exp.metrics)),
    // what the sweep said before its runs (a time window, a parameter replacing a scenario's setting)
    ...notesOf(exp.notes),
  };
  const text = JSON.stringify(manifest, null, 2) + '\n';
  fs.writeFileSync(path.join(out, 'manifest.json'), text);
  return [...files, { file: 'manifest.json', bytes: Buffer.byteLength(text) }];
}

/**
 * What each shard's runs were computed with, from its provenance.json: the git commit (every one,
 * when a shard was resumed with other code), host and Node of its invocations. A merge records
 * them, so the merged results still say which code computed them, not only which code merged.
 */
export function shardProvenance(dirs: string[]): Array<Record<string, unknown>> {
  return dirs.map((dir) => {
    try {
      const record = JSON.parse(fs.readFileSync(path.join(dir, 'provenance.json'), 'utf8')) as Record<string, unknown>;
      const invocations = [...(Array.isArray(record.earlierInvocations) ? record.earlierInvocations as Array<Record<string, unknown>> : []), record];
      const distinct = (key: string) => [...new Set(invocations.map((i) => i[key]).filter((v) => v !== undefined))];
      return { dir, gitCommits: distinct('gitCommit'), gitDirty: invocations.some((i) => i.gitDirty === true), hosts: distinct('host'), nodeVersions: distinct('nodeVersion'), invocations: invocations.length };
    } catch {
      return { dir, provenance: 'missing or unreadable' };
    }
  });
}

/**
 * Provenance of this invocation (times, workers, command line, commit, host): not part of the
 * deterministic output. Written when the work starts (`finished: false`) and again when it ends
 * (`finished: true`, with `error` if it failed), so a killed job leaves its record. The records
 * of earlier invocations into the same directory (the runs a resumed or retried job found done
 * were made by them) are kept, oldest first, in `earlierInvocations`; an invocation is known by
 * its `invocation` id (a retried job in a container may have the same host name and pid). The
 * file is replaced whole (written beside it, then renamed), and one that cannot be read is kept
 * as provenance.json.unreadable-<time> rather than lost.
 */
export function writeProvenance(dir: string, info: Record<string, unknown>, finished = true): void {
  const file = path.join(dir, 'provenance.json');
  let earlier: unknown[] = [];
  if (fs.existsSync(file)) {
    try {
      const { earlierInvocations, ...record } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      earlier = Array.isArray(earlierInvocations) ? earlierInvocations : [];
      // this invocation's own record from its start is replaced, any other one kept
      if (record.invocation !== INVOCATION) earlier = [...earlier, record];
    } catch {
      fs.renameSync(file, `${file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    }
  }
  const text = JSON.stringify({
    ...info,
    invocation: INVOCATION,
    finished,
    ...(finished ? { finishedAt: new Date().toISOString() } : {}),
    commandLine: process.argv.slice(2),
    cwd: process.cwd(),
    nodeVersion: process.version,
    ...gitState(),
    host: os.hostname(),
    pid: process.pid,
    cpus: os.availableParallelism(),
    earlierInvocations: earlier,
  }, null, 2) + '\n';
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}
/**
 * Runs an invocation's tasks with its provenance: the record at the start, then at the end the
 * runs made, the time taken and whether it was interrupted — or the error, which is rethrown.
 */
export async function runRecorded(dir: string, invocation: Record<string, unknown>, started: number, run: () => Promise<SweepProgress>): Promise<SweepProgress> {
  writeProvenance(dir, invocation, false);
  const wallSeconds = () => (performance.now() - started) / 1000;
  let progress: SweepProgress;
  try {
    progress = await run();
  } catch (e) {
    writeProvenance(dir, { ...invocation, wallSeconds: wallSeconds(), error: e instanceof Error ? e.message : String(e) });
    throw e;
  }
  writeProvenance(dir, { ...invocation, runsThisInvocation: progress.ran, wallSeconds: wallSeconds(), interrupted: progress.interrupted });
  return progress;
}

/** This process's invocation id in provenance records. */
const INVOCATION = randomUUID();

export { experimentPoints, planRuns };
