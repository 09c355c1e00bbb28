/**
 * Output files of one run: timeseries.csv, flows.csv, merchants.csv and manifest.json.
 *
 * Each CSV is produced by a row generator that depends only on a RunResult (so a batch engine can
 * reuse them, e.g. to prepend a run id), and is written through a small buffered writer that
 * flushes every ~64 kB, so big runs never build one giant string. Output is deterministic: the
 * same RunResult gives byte-identical CSV files (numbers use JavaScript's String(number)).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { CHANNELS, STAGES, MODES, DIGITAL_LEVELS, EXIT_REASONS, METRICS, FlowCube, formatMonth, horizonNotes, type RunResult } from '../sim/index.ts';
import { TIMESERIES_HEADER, csvCell, timeseriesRows, type Cell } from '../sim/export/csv.ts';
import { InputError } from './errors.ts';

// The timeseries.csv rows live in sim/export/csv.ts so the browser app builds the same file.
export { TIMESERIES_HEADER, csvCell, timeseriesRows };

/** The `kind` in each command's manifest.json: what a results directory holds. */
export const RESULT_KINDS = { run: 'yiwu-sandbox run', sweep: 'yiwu-sandbox sweep', sensitivity: 'yiwu-sandbox sensitivity' } as const;
export type ResultKind = (typeof RESULT_KINDS)[keyof typeof RESULT_KINDS];
const KIND_WORDS: Record<ResultKind, string> = { 'yiwu-sandbox run': 'single run (npm run sim)', 'yiwu-sandbox sweep': 'sweep (npm run sweep or merge)', 'yiwu-sandbox sensitivity': 'sensitivity analysis (npm run sensitivity)' };

/**
 * What a directory holds, by its manifest.json (a run's manifest before `kind` existed has
 * `accounting`) or its runs' lock, experiment.json; 'foreign' for a manifest.json no command of
 * this project wrote (another tool's record, which writing here would replace).
 */
function heldKind(dir: string): ResultKind | 'foreign' | undefined {
  const manifestFile = path.join(dir, 'manifest.json');
  let manifest: { kind?: unknown; accounting?: unknown } | undefined;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as typeof manifest;
  } catch {
    /* missing, or unreadable (torn while one of ours wrote it): the lock decides, or nothing */
  }
  if (typeof manifest?.kind === 'string' && manifest.kind in KIND_WORDS) return manifest.kind as ResultKind;
  if (manifest?.accounting !== undefined) return RESULT_KINDS.run;
  // runs in progress: the lock says what they are for (a sweep's lock has no kind)
  const lock = path.join(dir, 'experiment.json');
  if (!fs.existsSync(lock)) return manifest === undefined ? undefined : 'foreign';
  try {
    const kind = (JSON.parse(fs.readFileSync(lock, 'utf8')) as { kind?: unknown }).kind;
    return typeof kind === 'string' && kind in KIND_WORDS ? (kind as ResultKind) : RESULT_KINDS.sweep;
  } catch {
    return RESULT_KINDS.sweep;
  }
}

/**
 * Refuses to write one command's results where another's are: each writes its own manifest.json,
 * so a sensitivity analysis or a single run sent to a sweep's directory would replace the sweep's
 * record (its checksums, points and seeds) and leave its files without one.
 */
export function refuseOtherResults(dir: string, kind: ResultKind): void {
  const held = heldKind(dir);
  if (held === 'foreign') throw new InputError(`${dir} has a manifest.json that no command of this project wrote; writing a ${KIND_WORDS[kind]} there would replace it. Use another --out directory`);
  if (held && held !== kind) {
    throw new InputError(`${dir} holds the results of a ${KIND_WORDS[held]}; writing a ${KIND_WORDS[kind]} there would replace its manifest.json. Use another --out directory, or delete that one first`);
  }
}

/** What each metric a manifest's files hold measures (all of them by default): id, unit, period, bilingual label and meaning, breakdowns. */
export function metricCatalogue(ids?: ReadonlySet<string>) {
  return METRICS.filter((m) => !ids || ids.has(m.id)).map(({ id, unit, period, label, description, breakdowns }) => ({ id, unit, period, label, description, breakdowns }));
}

export const FLOWS_HEADER = ['month', 'region', 'channel', 'category', 'mode', 'value_usd', 'quantity', 'shipments'] as const;
export const MERCHANTS_HEADER = [
  'id', 'category', 'stage', 'productivity', 'digital_level', 'alive', 'age_months', 'sales_usd', 'export_sales_usd',
  'destinations', 'credit_used_usd', 'exit_reason', 'exit_month', 'weight',
] as const;

/** Rows of flows.csv: one per month × region × channel × category × mode with value_usd > 0. */
export function* flowRows(result: RunResult): Generator<Cell[]> {
  const cube = result.flows;
  if (!cube) return;
  const regions = result.scenario.regions.map((r) => r.id);
  const categories = result.scenario.categories.map((c) => c.id);
  const d = cube.data;
  for (let t = 0; t < cube.months; t++) {
    for (let r = 0; r < cube.R; r++) {
      for (let c = 0; c < cube.C; c++) {
        for (let k = 0; k < cube.K; k++) {
          for (let m = 0; m < cube.M; m++) {
            const o = cube.offset(t, r, c, k, m);
            if (!(d[o + FlowCube.VALUE] > 0)) continue;
            yield [result.months[t], regions[r], CHANNELS[c], categories[k], MODES[m], d[o + FlowCube.VALUE], d[o + FlowCube.QUANTITY], d[o + FlowCube.SHIPMENTS]];
          }
        }
      }
    }
  }
}

/** Rows of merchants.csv: one per merchant ever alive during the run, in order of id. */
export function* merchantRows(result: RunResult): Generator<Cell[]> {
  const m = result.merchants;
  const categories = result.scenario.categories.map((c) => c.id);
  for (let i = 0; i < m.id.length; i++) {
    yield [
      m.id[i], categories[m.category[i]], STAGES[m.stage[i]], m.productivity[i], DIGITAL_LEVELS[m.digitalLevel[i]],
      m.alive[i], m.ageMonths[i], m.salesUsd[i], m.exportSalesUsd[i], m.destinations[i], m.creditUsedUsd[i],
      EXIT_REASONS[m.alive[i] ? 0 : m.exitReason[i]], m.exitMonth[i] >= 0 ? formatMonth(m.exitMonth[i]) : '', m.weight,
    ];
  }
}

export interface FileInfo {
  file: string;
  rows?: number;
  bytes?: number;
  /** Hex SHA-256 of the file's bytes, so a copy can be checked against the manifest. */
  sha256?: string;
}

const FLUSH_AT = 1 << 16;

/** Writes a CSV file from a header and rows, in chunks of ~64 kB. Returns rows, bytes written and the file's SHA-256. */
export function writeCsv(file: string, header: readonly string[], rows: Iterable<Cell[]>): FileInfo {
  const fd = fs.openSync(file, 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  let count = 0;
  const flush = (chunk: string) => {
    const data = Buffer.from(chunk, 'utf8');
    hash.update(data);
    bytes += fs.writeSync(fd, data);
  };
  try {
    let chunk = header.join(',') + '\n';
    for (const row of rows) {
      let line = csvCell(row[0]);
      for (let i = 1; i < row.length; i++) line += ',' + csvCell(row[i]);
      chunk += line + '\n';
      count++;
      if (chunk.length >= FLUSH_AT) {
        flush(chunk);
        chunk = '';
      }
    }
    if (chunk) flush(chunk);
  } finally {
    fs.closeSync(fd);
  }
  return { file: path.basename(file), rows: count, bytes, sha256: hash.digest('hex') };
}

/** Where and how a run was made: what the manifest records besides the RunResult. */
export interface Provenance {
  scenarioFile: string;
  scenarioSha256: string;
  /** The scenario file's content with the seed used: a scenario file that repeats the run. */
  scenarioInput: unknown;
  commandLine: string;
  cwd: string;
  nodeVersion: string;
  startedAt: string;
  gitCommit: string | null;
  gitDirty: boolean | null;
}

/** A manifest's `notes`, only when there are any (manifests without notes keep their bytes). */
export const notesOf = (notes: string[]) => (notes.length > 0 ? { notes } : {});

/** The manifest: everything needed to know what a run was and to repeat it. */
export function manifestOf(result: RunResult, provenance: Provenance, files: FileInfo[]) {
  return {
    kind: RESULT_KINDS.run,
    modelVersion: result.modelVersion,
    gitCommit: provenance.gitCommit,
    gitDirty: provenance.gitDirty,
    seed: result.seed,
    scenarioName: result.scenario.name,
    scenarioFile: provenance.scenarioFile,
    scenarioSha256: provenance.scenarioSha256,
    commandLine: provenance.commandLine,
    cwd: provenance.cwd,
    nodeVersion: provenance.nodeVersion,
    startedAt: provenance.startedAt,
    runTimeMs: result.runTimeMs,
    cancelled: result.cancelled,
    months: { start: result.months[0], end: result.months[result.months.length - 1], count: result.months.length },
    // how to read a time window other than the model's (sim/schema/horizon.ts); absent when none
    ...notesOf(horizonNotes(result.scenario.time).map((n) => n.en)),
    agentCounts: result.agentCounts,
    accounting: result.accounting,
    files,
    metrics: metricCatalogue(),
    // runnable: saved as a file, `npm run sim -- that-file.json` repeats the run
    scenarioInput: provenance.scenarioInput,
    // every default filled in, in the model's own shape (for reading, not for running)
    scenario: result.scenario,
  };
}

/**
 * Creates a directory and its missing parents. (Node 20's mkdirSync(…, { recursive: true })
 * can loop forever on some paths, e.g. under /proc, so the parents are made one by one.)
 */
export function ensureDir(dir: string): void {
  try {
    fs.mkdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && fs.statSync(dir).isDirectory()) return;
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw e;
    ensureDir(parent);
    fs.mkdirSync(dir);
  }
}

/**
 * Writes the four output files into `dir` (created if missing); returns what was written,
 * manifest.json last (it lists the others).
 */
export function writeRunOutputs(result: RunResult, dir: string, provenance: Provenance): FileInfo[] {
  ensureDir(dir);
  const files = [
    writeCsv(path.join(dir, 'timeseries.csv'), TIMESERIES_HEADER, timeseriesRows(result)),
    writeCsv(path.join(dir, 'flows.csv'), FLOWS_HEADER, flowRows(result)),
    writeCsv(path.join(dir, 'merchants.csv'), MERCHANTS_HEADER, merchantRows(result)),
  ];
  const all: FileInfo[] = [...files, { file: 'manifest.json' }];
  const manifest = JSON.stringify(manifestOf(result, provenance, all), null, 2) + '\n';
  fs.writeFileSync(path.join(dir, 'manifest.json'), manifest);
  // (the manifest lists itself by name only; the summary printed afterwards gives its size too)
  return [...files, { file: 'manifest.json', bytes: Buffer.byteLength(manifest) }];
}
