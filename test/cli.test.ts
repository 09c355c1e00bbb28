/**
 * The researcher command line (cli/sim.ts), run as a real process on a small, short scenario:
 * output files and their headers, determinism across runs, and clear errors without stack traces.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SMALL = { scale: 0.01, time: { start: '2020-01', end: '2021-12' } };
const CHANNELS = ['market_hall', 'b2b_platform', 'cross_border_ecommerce'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sim(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'cli/sim.ts', ...args], { cwd: ROOT, env: { ...process.env, DEBUG: '' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let tmp: string;
const read = (dir: string, file: string) => fs.readFileSync(path.join(tmp, dir, file), 'utf8');
const lines = (text: string) => text.trimEnd().split('\n');
const write = (file: string, text: string) => {
  fs.writeFileSync(path.join(tmp, file), text);
  return path.join(tmp, file);
};

describe('npm run sim', () => {
  let first: Run;
  let again: Run;
  let other: Run;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-cli-'));
    const scenario = write('small.json', JSON.stringify(SMALL));
    // two at a time (2-core machines)
    [first, again] = await Promise.all([
      sim(scenario, '--seed', '3', '--out', path.join(tmp, 'a')),
      sim(scenario, '--seed', '3', '--out', path.join(tmp, 'b')),
    ]);
    other = await sim(scenario, '--seed', '4', '--out', path.join(tmp, 'c'));
  });

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('runs and writes the four files', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    for (const f of ['timeseries.csv', 'flows.csv', 'merchants.csv', 'manifest.json']) expect(fs.existsSync(path.join(tmp, 'a', f))).toBe(true);
    expect(first.stdout).toContain('Exports 2020');
    expect(first.stdout).toContain('timeseries.csv');
    // the simulated merchants and the Yiwu-scale count they stand for are told apart (scale 0.01: 100 booths each)
    expect(first.stdout).toMatch(/Agents: [\d,]+ simulated merchants alive at the end, each standing for 100 booths/);
  });

  it('writes timeseries.csv in long format', () => {
    const rows = lines(read('a', 'timeseries.csv'));
    expect(rows[0]).toBe('month,metric,region,channel,stage,category,mode,value');
    const cells = rows.slice(1).map((r) => r.split(','));
    expect(cells.every((c) => c.length === 8 && /^\d{4}-\d{2}$/.test(c[0]) && c[7] !== 'NaN' && Number.isFinite(Number(c[7])))).toBe(true);
    const hall = cells.filter((c) => c[1] === 'trade_value_usd' && c[3] === 'market_hall');
    expect(hall.length).toBe(24);
    expect(hall[0][0]).toBe('2020-01');
    expect(hall[23][0]).toBe('2021-12');
  });

  it('writes flows.csv with the three channels only', () => {
    const rows = lines(read('a', 'flows.csv'));
    expect(rows[0]).toBe('month,region,channel,category,mode,value_usd,quantity,shipments');
    const cells = rows.slice(1).map((r) => r.split(','));
    expect(cells.length).toBeGreaterThan(0);
    expect(new Set(cells.map((c) => c[2]))).toEqual(new Set(CHANNELS));
    expect(cells.every((c) => Number(c[5]) > 0)).toBe(true);
  });

  it('the manifest holds a scenario file that repeats the run byte for byte', async () => {
    const manifest = JSON.parse(read('a', 'manifest.json'));
    expect(manifest.scenarioInput.seed).toBe(3);
    const again = write('from-manifest.json', JSON.stringify(manifest.scenarioInput));
    const r = await sim(again, '--out', path.join(tmp, 'm'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const f of ['timeseries.csv', 'flows.csv', 'merchants.csv']) expect(read('m', f)).toBe(read('a', f));
    // each CSV's checksum in the manifest is the file's
    for (const f of ['timeseries.csv', 'flows.csv', 'merchants.csv']) {
      const listed = manifest.files.find((x: { file: string }) => x.file === f);
      expect(listed.sha256).toBe(createHash('sha256').update(fs.readFileSync(path.join(tmp, 'a', f))).digest('hex'));
      expect(listed.bytes).toBe(fs.statSync(path.join(tmp, 'a', f)).size);
    }
  });

  it('--scale runs the scenario at another size, recorded in the manifest so it repeats; a scale out of range is refused', async () => {
    const r = await sim(path.join(tmp, 'small.json'), '--seed', '3', '--scale', '0.004', '--out', path.join(tmp, 'scaled'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scale 0.004');
    const manifest = JSON.parse(read('scaled', 'manifest.json'));
    expect(manifest.scenarioInput.scale).toBe(0.004);
    expect(read('scaled', 'timeseries.csv')).not.toBe(read('a', 'timeseries.csv'));
    await sim(path.join(tmp, 'scaled', 'manifest.json'), '--out', path.join(tmp, 'scaled-again'));
    expect(read('scaled-again', 'timeseries.csv')).toBe(read('scaled', 'timeseries.csv'));
    const bad = await sim(path.join(tmp, 'small.json'), '--scale', '2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--scale must be a number from 0\.001 to 1 \(1 = Yiwu's 75,000 booths\); got "2"\./);
  });

  it('says when the time window is not the one the model is built for, and not otherwise', async () => {
    expect(first.stdout).not.toMatch(/Note:/);
    const shifted = write('shifted.json', JSON.stringify({ ...SMALL, time: { start: '2029-07', end: '2031-02' } }));
    const r = await sim(shifted, '--out', path.join(tmp, 'shifted'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nNote: the run starts in 2029-07, after the month the model is calibrated for \(2020-01\): its first month is still Yiwu as of late 2019 .*\.\n/);
    expect(r.stdout).toMatch(/\nNote: the run goes past 2030-12, where the default lever paths end: .*not as a forecast\.\n/);
    // the manifest keeps them (and a run without any has no notes key: its bytes as before)
    expect(JSON.parse(read('shifted', 'manifest.json')).notes).toEqual([expect.stringMatching(/^the run starts in 2029-07/), expect.stringMatching(/^the run goes past 2030-12/)]);
    expect(JSON.parse(read('a', 'manifest.json'))).not.toHaveProperty('notes');
  });

  it('refuses to write over a manifest.json this project did not write', async () => {
    fs.mkdirSync(path.join(tmp, 'foreign'));
    fs.writeFileSync(path.join(tmp, 'foreign', 'manifest.json'), '{"kind":"something else"}');
    const r = await sim(path.join(tmp, 'small.json'), '--out', path.join(tmp, 'foreign'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: ${path.join(tmp, 'foreign')} has a manifest.json that no command of this project wrote; writing a single run (npm run sim) there would replace it. Use another --out directory\n`);
    expect(read('foreign', 'manifest.json')).toBe('{"kind":"something else"}');
    // a manifest torn mid-write beside a sweep's lock: the lock says whose the directory is
    fs.mkdirSync(path.join(tmp, 'torn'));
    fs.writeFileSync(path.join(tmp, 'torn', 'manifest.json'), '{"kind":"yiwu-sand');
    fs.writeFileSync(path.join(tmp, 'torn', 'experiment.json'), '{"key":"x","shard":null,"experiment":{}}');
    const torn = await sim(path.join(tmp, 'small.json'), '--out', path.join(tmp, 'torn'));
    expect(torn.stderr).toMatch(/^error: .*torn holds the results of a sweep \(npm run sweep or merge\)/);
  });

  it('re-runs a run from its manifest.json given as the scenario', async () => {
    const r = await sim(path.join(tmp, 'a', 'manifest.json'), '--out', path.join(tmp, 'from-manifest'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`Using the scenario recorded in ${path.join(tmp, 'a', 'manifest.json')}\n`);
    for (const f of ['timeseries.csv', 'flows.csv', 'merchants.csv']) expect(read('from-manifest', f)).toBe(read('a', f));
    // a manifest of an older model is re-run, and said to be
    const old = { ...JSON.parse(read('a', 'manifest.json')), modelVersion: '0.1.0' };
    const older = await sim(write('old-manifest.json', JSON.stringify(old)), '--out', path.join(tmp, 'from-old'));
    expect(older.stderr).toMatch(/\(made with model 0\.1\.0; this is model \d+\.\d+\.\d+, so its numbers may differ\)\n$/);
    // another command's manifest names that command
    const sweepManifest = write('sweep-manifest.json', JSON.stringify({ kind: 'yiwu-sandbox sweep', modelVersion: '0.8.0', experiment: { base: {} } }));
    const wrong = await sim(sweepManifest);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(`error: ${sweepManifest} is the manifest of a sweep; re-run it with npm run sweep -- ${sweepManifest}\n`);
  });

  it('writes one merchants.csv row per merchant ever alive, and a manifest', () => {
    const manifest = JSON.parse(read('a', 'manifest.json'));
    const rows = lines(read('a', 'merchants.csv'));
    expect(rows[0].startsWith('id,category,stage,productivity,digital_level,alive,age_months,sales_usd,export_sales_usd,destinations,credit_used_usd')).toBe(true);
    expect(rows[0].split(',').slice(-3)).toEqual(['exit_reason', 'exit_month', 'weight']);
    expect(rows.length - 1).toBe(manifest.agentCounts.merchantsEverAlive);
    expect(manifest.seed).toBe(3);
    expect(manifest.modelVersion).toEqual(expect.any(String));
    expect(manifest.scenario.name).toBe('small');
    expect(manifest.scenario.scale).toBe(0.01);
    expect(manifest.scenario.model.priceSensitivity).toEqual(expect.any(Number));
    expect(manifest.runTimeMs).toBeGreaterThan(0);
    expect(manifest.files.map((f: { file: string }) => f.file)).toEqual(['timeseries.csv', 'flows.csv', 'merchants.csv', 'manifest.json']);
    expect(manifest.metrics.find((m: { id: string }) => m.id === 'trade_value_usd').breakdowns).toContain('channel');
    // the unit "US$" is a flow in one metric and a stock in another: each says which
    const period = (id: string) => manifest.metrics.find((m: { id: string }) => m.id === id).period;
    expect(period('trade_value_usd')).toBe('total over the month');
    expect(period('loans_outstanding_usd')).toBe('level, not summed');
    expect(period('merchants_alive')).toBe('level, not summed');
    expect(period('credit_rejection_rate')).toBe('rate or average in the month');
  });

  it('is deterministic: the same seed gives byte-identical CSV files, another seed does not', () => {
    expect(again.code).toBe(0);
    for (const f of ['timeseries.csv', 'flows.csv', 'merchants.csv']) expect(read('b', f) === read('a', f)).toBe(true);
    expect(other.code).toBe(0);
    expect(read('c', 'timeseries.csv') === read('a', 'timeseries.csv')).toBe(false);
  });

  it('explains bad input clearly, without stack traces', async () => {
    const malformed = write('malformed.json', '{"scale": 0.01,\n  "time": {"start": "2020-01"\n');
    const outOfRange = write('range.json', '{"scale": 5}');
    const small = path.join(tmp, 'small.json');
    const [missing, bad, range, seed, unknown] = await Promise.all([
      sim(path.join(tmp, 'no-such-file.json')),
      sim(malformed),
      sim(outOfRange),
      sim(small, '--seed', 'abc'),
      sim(small, '--frobnicate'),
    ]);
    for (const r of [missing, bad, range, seed, unknown]) {
      expect(r.code).not.toBe(0);
      expect(r.stderr).not.toContain('    at ');
      expect(r.stdout).toBe('');
    }
    expect(missing.stderr).toMatch(/no-such-file\.json.*no such file/);
    expect(bad.stderr).toContain('line');
    expect(bad.stderr).toContain('column');
    expect(range.stderr).toContain('scale');
    expect(range.stderr).toContain('5');
    expect(seed.stderr).toContain('--seed');
    expect(seed.stderr).toContain('abc');
    expect(seed.stderr).toContain('2147483647');
    expect(unknown.stderr).toContain('--frobnicate');
  });
});
