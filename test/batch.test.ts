/**
 * Batch experiments end to end (cli/sweep.ts, cli/merge.ts, cli/sensitivity.ts as real processes,
 * on a tiny world): byte-identical files for 1 and 2 workers, for 3 shards merged, and after an
 * interrupted run is resumed; summary statistics against values computed by hand from runs.csv;
 * clear errors without stack traces.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { firstDifference, readExperiment } from '../cli/batch.ts';
import { resolveScenario, runScenario } from '../sim/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FINAL = ['runs.csv', 'runs.arrow', 'summary.csv', 'manifest.json'];
const EXPERIMENT = {
  name: 'tiny',
  seed: 3,
  base: { scale: 0.005, time: { start: '2020-01', end: '2020-12' } },
  parameters: [
    { path: 'rules.smeCreditSupply', values: [0.5, 2] },
    { path: 'regions[eu].tariff', range: { from: 0, to: 0.2, steps: 2 } },
  ],
  replications: 3,
  metrics: ['trade_value_usd', 'merchants_alive'],
  months: { every: 3 },
};

interface Run { code: number; stdout: string; stderr: string; progress?: string[] }

/** Resolves once a sweep process has logged two finished runs (or has ended). */
function afterTwoRuns(child: ReturnType<typeof spawn>, log: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      const n = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
      if (n >= 2 || child.exitCode !== null) {
        clearInterval(poll);
        resolve();
      }
    }, 10);
  });
}
function cli(script: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', `cli/${script}.ts`, ...args], { cwd: ROOT, env: { ...process.env, DEBUG: '' } }, (error, stdout, stderr) => {
      // the progress lines a job's log gets (stderr is not a terminal here) kept apart from other messages
      const progress = /^(Sweep|Sensitivity|Shard \d+\/\d+): \d+\/\d+ runs done, .*\n/gm;
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr: stderr.replace(progress, ''), progress: stderr.match(progress) ?? [] });
    });
  });
}

let tmp: string;
let file: string;
const dir = (name: string) => path.join(tmp, name);
const read = (d: string, f: string) => fs.readFileSync(path.join(dir(d), f));
const write = (name: string, value: unknown) => {
  fs.writeFileSync(path.join(tmp, name), typeof value === 'string' ? value : JSON.stringify(value));
  return path.join(tmp, name);
};
function expectSameFiles(a: string, b: string) {
  for (const f of FINAL) expect(read(b, f).equals(read(a, f)), `${f} differs between ${a} and ${b}`).toBe(true);
}

describe('npm run sweep / merge', () => {
  let one: Run;
  let two: Run;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sweep-'));
    file = write('tiny.json', EXPERIMENT);
    one = await cli('sweep', file, '--workers', '1', '--out', dir('w1'));
    two = await cli('sweep', file, '--workers', '2', '--out', dir('w2'));
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('logs progress in plain lines when stderr is not a terminal (a cluster job\'s log): at each tenth of the runs, the last with 100 %', () => {
    const lines = one.progress!;
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines[0]).toMatch(/^Sweep: \d+\/12 runs done, \d+ % \(rate [\d.]+ runs\/min\), about \d+ (s|min) left\n$/);
    expect(lines[lines.length - 1]).toMatch(/^Sweep: (\d+)\/\1 runs done, 100 %\n$/);
  });

  it('runs every point × replicate and writes the final files', () => {
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('4 points × 3 replications = 12 runs');
    for (const f of [...FINAL, 'completed.log', 'experiment.json', 'provenance.json']) expect(fs.existsSync(path.join(dir('w1'), f)), f).toBe(true);
    const rows = read('w1', 'runs.csv').toString().trimEnd().split('\n');
    expect(rows[0]).toBe('point,replicate,seed,rules.smeCreditSupply,regions[eu].tariff,month,metric,region,channel,stage,category,mode,value');
    const cells = rows.slice(1).map((r) => r.split(','));
    expect(new Set(cells.map((c) => `${c[0]}/${c[1]}`)).size).toBe(12);
    expect(new Set(cells.map((c) => c[5]))).toEqual(new Set(['2020-03', '2020-06', '2020-09', '2020-12']));
    expect(new Set(cells.map((c) => c[6]))).toEqual(new Set(['trade_value_usd', 'merchants_alive']));
    // sorted by point, then replicate
    const order = cells.map((c) => Number(c[0]) * 10 + Number(c[1]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const p3 = cells.find((c) => c[0] === '3')!;
    expect([p3[3], p3[4]]).toEqual(['2', '0.2']);
  });

  it('writes the same table as Arrow IPC', () => {
    const table = tableFromIPC(read('w1', 'runs.arrow'));
    const csv = read('w1', 'runs.csv').toString().trimEnd().split('\n');
    expect(table.numRows).toBe(csv.length - 1);
    expect(table.schema.fields.map((f) => f.name).join(',')).toBe(csv[0]);
    const last = table.get(table.numRows - 1)!.toJSON();
    expect(Object.values(last).map(String).join(',')).toBe(csv[csv.length - 1]);
  });

  it('gives byte-identical files with 1 and 2 workers', () => {
    expect(two.code).toBe(0);
    expectSameFiles('w1', 'w2');
  });

  it('summarises each point, series and month as computed by hand', () => {
    const runs = read('w1', 'runs.csv').toString().trimEnd().split('\n').slice(1).map((r) => r.split(','));
    const xs = runs.filter((c) => c[0] === '2' && c[5] === '2020-12' && c[6] === 'trade_value_usd' && c[7] === 'eu').map((c) => Number(c[12]));
    expect(xs).toHaveLength(3);
    const mean = (xs[0] + xs[1] + xs[2]) / 3;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
    const half = (4.302652730 * sd) / Math.sqrt(3);
    const sorted = [...xs].sort((a, b) => a - b);
    const summary = read('w1', 'summary.csv').toString().trimEnd().split('\n');
    expect(summary[0]).toBe('point,rules.smeCreditSupply,regions[eu].tariff,month,metric,region,channel,stage,category,mode,n,mean,sd,ci95_low,ci95_high,p10,p50,p90');
    const row = summary.map((r) => r.split(',')).find((c) => c[0] === '2' && c[3] === '2020-12' && c[4] === 'trade_value_usd' && c[5] === 'eu')!;
    const [n, m, s, lo, hi, p10, p50, p90] = row.slice(10).map(Number);
    expect(n).toBe(3);
    expect(m).toBeCloseTo(mean, 3);
    expect(s / sd).toBeCloseTo(1, 10);
    expect((hi - lo) / 2 / half).toBeCloseTo(1, 8);
    expect(p10).toBeCloseTo(sorted[0] + 0.2 * (sorted[1] - sorted[0]), 3);
    expect(p50).toBe(sorted[1]);
    expect(p90).toBeCloseTo(sorted[1] + 0.8 * (sorted[2] - sorted[1]), 3);
  });

  it('writes contrasts.csv only with common random numbers: each point against point 0, replicate by replicate, as computed by hand from runs.csv', async () => {
    expect(fs.existsSync(path.join(dir('w1'), 'contrasts.csv'))).toBe(false); // replicates with their own seeds: not paired
    const crn = write('tiny-crn.json', { ...EXPERIMENT, name: 'tiny-crn', commonRandomNumbers: true });
    const r = await cli('sweep', crn, '--workers', '2', '--out', dir('crn'));
    expect(r.code).toBe(0);
    const runs = read('crn', 'runs.csv').toString().trimEnd().split('\n').slice(1).map((l) => l.split(','));
    const value = (point: string, replicate: string) => Number(runs.find((c) => c[0] === point && c[1] === replicate && c[5] === '2020-12' && c[6] === 'trade_value_usd' && c[7] === 'eu')![12]);
    const d = ['0', '1', '2'].map((rep) => value('3', rep) - value('0', rep));
    const rel = ['0', '1', '2'].map((rep) => value('3', rep) / value('0', rep) - 1);
    const mean = (xs: number[]) => (xs[0] + xs[1] + xs[2]) / 3;
    const sd = Math.sqrt(d.reduce((sum, x) => sum + (x - mean(d)) ** 2, 0) / 2);
    const table = read('crn', 'contrasts.csv').toString().trimEnd().split('\n').map((l) => l.split(','));
    expect(table[0].join(',')).toBe('point,rules.smeCreditSupply,regions[eu].tariff,month,metric,region,channel,stage,category,mode,n,mean_difference,sd_difference,ci95_low,ci95_high,mean_relative,relative_ci95_low,relative_ci95_high');
    expect(new Set(table.slice(1).map((c) => c[0]))).toEqual(new Set(['1', '2', '3'])); // not the reference itself
    const row = table.find((c) => c[0] === '3' && c[3] === '2020-12' && c[4] === 'trade_value_usd' && c[5] === 'eu')!;
    const [n, m, s, lo, hi, mr, rlo, rhi] = row.slice(10).map(Number);
    expect(n).toBe(3);
    expect(m / mean(d)).toBeCloseTo(1, 10);
    expect(s / sd).toBeCloseTo(1, 8);
    expect((hi - lo) / 2 / ((4.302652730 * sd) / Math.sqrt(3))).toBeCloseTo(1, 8);
    expect(mr).toBeCloseTo(mean(rel), 12);
    expect(rlo).toBeLessThan(mr);
    expect(rhi).toBeGreaterThan(mr);
    const manifest = JSON.parse(read('crn', 'manifest.json').toString());
    expect(manifest.files.map((f: { file: string }) => f.file)).toContain('contrasts.csv');
    // two shards merged give the same file
    for (const k of [1, 2]) expect((await cli('sweep', crn, '--workers', '1', '--shard', `${k}/2`, '--out', dir(`crn-s${k}`))).code).toBe(0);
    expect((await cli('merge', dir('crn-s1'), dir('crn-s2'), '--out', dir('crn-merged'))).code).toBe(0);
    expect(read('crn-merged', 'contrasts.csv').equals(read('crn', 'contrasts.csv'))).toBe(true);
  }, 60_000);

  it('compares scenarios: each design point runs on each scenario file, the files name the scenario, contrasts pair it with the first; shards merge to the same files', async () => {
    const small = { scale: 0.005, time: { start: '2020-01', end: '2020-12' } };
    write('tight.json', { ...small, rules: { smeCreditSupply: 0.5 } });
    // a file's own seed is not used (each run's comes from the experiment), and does not stop a merge
    write('loose.json', { ...small, seed: 9, rules: { smeCreditSupply: 3 } });
    const exp = write('compare.json', {
      name: 'compare', seed: 4, scenarios: ['tight.json', 'loose.json'],
      parameters: [{ path: 'regions[eu].tariff', values: [0, 0.1] }],
      // (comparing scenarios, common random numbers are the default)
      replications: 2, metrics: ['trade_value_usd', 'loans_outstanding_usd'], months: 'last',
    });
    const r = await cli('sweep', exp, '--workers', '2', '--out', dir('compare'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^compare: 4 points \(2 scenarios × 2 design points\) × 2 replications = 8 runs;/);
    const runs = read('compare', 'runs.csv').toString().trimEnd().split('\n').map((l) => l.split(','));
    expect(runs[0].join(',')).toBe('point,replicate,seed,scenario,regions[eu].tariff,month,metric,region,channel,stage,category,mode,value');
    const points = new Set(runs.slice(1).map((c) => `${c[0]} ${c[3]} ${c[4]}`));
    expect([...points]).toEqual(['0 tight 0', '1 tight 0.1', '2 loose 0', '3 loose 0.1']);
    // a row is the scenario file's own run at that seed and tariff
    const one = runs.find((c) => c[0] === '3' && c[1] === '1' && c[6] === 'loans_outstanding_usd' && c[7] === '')!;
    const own = runScenario(resolveScenario({ ...small, rules: { smeCreditSupply: 3 }, regions: [{ id: 'eu', tariff: 0.1 }] }), { seed: Number(one[2]), flows: false });
    expect(Number(one[12])).toBe(own.series.get('loans_outstanding_usd')!.at(-1));
    const summary = read('compare', 'summary.csv').toString().split('\n');
    expect(summary[0]).toMatch(/^point,scenario,regions\[eu\]\.tariff,month,metric,/);
    expect(summary[1]).toMatch(/^0,tight,0,2020-12,/);
    // each scenario against the first at the same tariff, replicate by replicate (so the effect is the
    // scenario's, not mixed with the tariff's); within the first, each tariff against point 0
    const contrasts = read('compare', 'contrasts.csv').toString().trimEnd().split('\n').map((l) => l.split(','));
    expect(contrasts[0].slice(0, 5).join(',')).toBe('point,reference_point,scenario,regions[eu].tariff,month');
    const value = (point: string, replicate: string) => Number(runs.find((c) => c[0] === point && c[1] === replicate && c[6] === 'loans_outstanding_usd' && c[7] === '')![12]);
    const row = (point: string) => contrasts.find((c) => c[0] === point && c[5] === 'loans_outstanding_usd' && c[6] === '')!;
    expect(['1', '2', '3'].map((p) => row(p).slice(0, 4).join(' '))).toEqual(['1 0 tight 0.1', '2 0 loose 0', '3 1 loose 0.1']);
    const pairedMean = (point: string, against: string) => ((value(point, '0') - value(against, '0')) + (value(point, '1') - value(against, '1'))) / 2;
    expect(Number(row('3')[12]) / pairedMean('3', '1')).toBeCloseTo(1, 9);
    expect(Number(row('2')[12]) / pairedMean('2', '0')).toBeCloseTo(1, 9);
    expect(Number(row('3')[12])).toBeGreaterThan(0); // more credit supplied, more lent
    const table = tableFromIPC(read('compare', 'runs.arrow'));
    expect(table.getChild('scenario')!.get(0)).toBe('tight');
    const manifest = JSON.parse(read('compare', 'manifest.json').toString());
    expect(manifest.points.map((p: { scenario: string }) => p.scenario)).toEqual(['tight', 'tight', 'loose', 'loose']);
    expect(manifest.scenarios.map((s: { name: string; rules: { smeCreditSupply: { base: number } } }) => `${s.name} ${s.rules.smeCreditSupply.base}`)).toEqual(['tight 0.5', 'loose 3']);
    expect(manifest.baseScenario).toBeUndefined();
    for (const k of [1, 2]) expect((await cli('sweep', exp, '--workers', '1', '--shard', `${k}/2`, '--out', dir(`compare-s${k}`))).code).toBe(0);
    const merged = await cli('merge', dir('compare-s1'), dir('compare-s2'), '--out', dir('compare-merged'));
    expect(merged.stderr).toBe('');
    for (const f of [...FINAL, 'contrasts.csv']) expect(read('compare-merged', f).equals(read('compare', f)), f).toBe(true);
    // and from its manifest, with the scenario files gone
    fs.rmSync(path.join(tmp, 'loose.json'));
    expect((await cli('sweep', path.join(dir('compare'), 'manifest.json'), '--workers', '2', '--out', dir('compare-again'))).code).toBe(0);
    for (const f of [...FINAL, 'contrasts.csv']) expect(read('compare-again', f).equals(read('compare', f)), f).toBe(true);
  }, 90_000);

  it('re-runs a sweep from its manifest.json given as the experiment', async () => {
    const again = await cli('sweep', path.join(dir('w1'), 'manifest.json'), '--workers', '2', '--out', dir('from-manifest'));
    expect(again.stderr).toMatch(/^Using the experiment recorded in .*w1\/manifest\.json\n/);
    expectSameFiles('w1', 'from-manifest');
    const wrong = await cli('sensitivity', path.join(dir('w1'), 'manifest.json'));
    expect(wrong.stderr).toMatch(/^error: .*w1\/manifest\.json is the manifest of a sweep; re-run it with npm run sweep -- /);
  });

  it('records seeds, points and the resolved base scenario in the manifest', () => {
    const m = JSON.parse(read('w1', 'manifest.json').toString());
    expect(m.modelVersion).toBeTruthy();
    expect(m.points).toHaveLength(4);
    expect(m.points[1].values).toEqual({ 'rules.smeCreditSupply': 0.5, 'regions[eu].tariff': 0.2 });
    expect(m.points[1].seeds).toHaveLength(3);
    expect(m.baseScenario.scale).toBe(0.005);
    expect(m.files.map((f: { file: string }) => f.file)).toEqual(['runs.csv', 'runs.arrow', 'summary.csv']);
    // the recorded metrics with their units: the files say what their numbers are
    expect(m.metrics.map((x: { id: string; unit: { en: string }; period: string }) => `${x.id} ${x.unit.en} ${x.period}`)).toEqual(['trade_value_usd US$ total over the month', 'merchants_alive count level, not summed']);
  });

  it('three shards merged equal the unsharded sweep', async () => {
    const shards = await Promise.all([1, 2, 3].map((i) => cli('sweep', file, '--shard', `${i}/3`, '--workers', '1', '--out', dir(`s${i}`))));
    for (const s of shards) expect(s.code, s.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir('s1'), 'runs.csv'))).toBe(false);
    const partial = await cli('merge', dir('s1'), dir('s3'), '--out', dir('merged'));
    expect(partial.code).toBe(1);
    expect(partial.stderr).toMatch(/^error: 4 of 12 runs are missing .*finish shard 2\/3/);
    const merged = await cli('merge', dir('s1'), dir('s2'), dir('s3'), '--out', dir('merged'));
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expectSameFiles('w1', 'merged');
  });

  it('resumes after an interruption (torn completion log, missing parts) to the same files', async () => {
    fs.cpSync(dir('w1'), dir('resume'), { recursive: true });
    for (const f of FINAL) fs.rmSync(path.join(dir('resume'), f));
    const log = path.join(dir('resume'), 'completed.log');
    const lines = fs.readFileSync(log, 'utf8').trimEnd().split('\n');
    // the last two runs never logged, the one before torn mid-line; one more part lost
    fs.writeFileSync(log, lines.slice(0, -3).join('\n') + '\n' + lines[lines.length - 3].slice(0, 20));
    const lost = JSON.parse(lines[0]).index as number;
    fs.rmSync(path.join(dir('resume'), 'parts', `run-${String(lost).padStart(6, '0')}.csv`));
    const again = await cli('sweep', file, '--workers', '2', '--out', dir('resume'));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('8 already done, 4 to run on 2 workers');
    expectSameFiles('w1', 'resume');
    // every run is logged again, none glued to the torn line (a merge reads the log)
    const logged = new Set(fs.readFileSync(log, 'utf8').split('\n').flatMap((l) => { try { return [JSON.parse(l).index as number]; } catch { return []; } }));
    expect(logged.size).toBe(12);
  });

  it('resumes after the process is killed mid-sweep', async () => {
    const big = write('big.json', { ...EXPERIMENT, name: 'big', replications: 5 });
    const out = dir('killed');
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/sweep.ts', big, '--workers', '1', '--out', out], { cwd: ROOT, stdio: 'ignore' });
    const log = path.join(out, 'completed.log');
    await afterTwoRuns(child, log);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const done = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length;
    expect(done).toBeLessThan(20);
    expect(fs.existsSync(path.join(out, 'runs.csv'))).toBe(false);
    const [resumed, fresh] = await Promise.all([cli('sweep', big, '--workers', '1', '--out', out), cli('sweep', big, '--workers', '1', '--out', dir('fresh'))]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/\d+ already done/);
    expectSameFiles('fresh', 'killed');
    // the killed job's record is kept: it made the runs the resumed one found done
    const provenance = JSON.parse(fs.readFileSync(path.join(out, 'provenance.json'), 'utf8'));
    expect(provenance).toMatchObject({ command: 'sweep', finished: true, interrupted: false, skipped: done });
    expect(provenance.earlierInvocations).toHaveLength(1);
    expect(provenance.earlierInvocations[0]).toMatchObject({ command: 'sweep', finished: false, pid: child.pid });
    expect(provenance.earlierInvocations[0].invocation).not.toBe(provenance.invocation);
    expect(provenance.earlierInvocations[0].earlierInvocations).toBeUndefined();
    // a record torn by a kill is kept aside, not lost, and the next one starts afresh
    fs.writeFileSync(path.join(out, 'provenance.json'), '{"command": "sweep", "invoc');
    expect((await cli('sweep', big, '--workers', '1', '--out', out)).code).toBe(0);
    expect(fs.readdirSync(out).filter((f) => f.startsWith('provenance.json.unreadable-'))).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'provenance.json'), 'utf8')).earlierInvocations).toEqual([]);
  });

  /** Starts a 20-run sweep, signals it after two runs (`twice`: again 5 ms later), and resolves with its exit code and stderr. */
  async function interruptedSweep(name: string, signal: NodeJS.Signals, twice = false) {
    const big = write(`${name}.json`, { ...EXPERIMENT, name, replications: 5 });
    const out = dir(name);
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/sweep.ts', big, '--workers', '1', '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => { stderr += String(d); });
    await afterTwoRuns(child, path.join(out, 'completed.log'));
    child.kill(signal);
    if (twice) setTimeout(() => child.kill(signal), 5);
    const code = await new Promise((r) => child.once('exit', (c) => r(c)));
    return { code, stderr, out };
  }

  it('stops cleanly on Ctrl-C even when the signal comes twice (terminal group and wrapper), keeping the runs made', async () => {
    const { code, stderr, out } = await interruptedSweep('ctrlc', 'SIGINT', true);
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted: \d+ of 20 runs are done and kept in .*; run the same command again to finish the other \d+/);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'provenance.json'), 'utf8'))).toMatchObject({ interrupted: true });
  });

  it('stops on SIGTERM (a cluster\'s time limit) as on Ctrl-C, exiting 143 as a terminated command does', async () => {
    const { code, stderr } = await interruptedSweep('term', 'SIGTERM');
    expect(code).toBe(143);
    expect(stderr).toMatch(/interrupted: \d+ of 20 runs are done and kept in /);
  });

  it('names the first place a changed experiment differs from the one a directory holds', () => {
    expect(firstDifference({ seed: 3, parameters: [{ path: 'x', values: [1, 2] }] }, { seed: 3, parameters: [{ path: 'x', values: [1, 3] }] })).toEqual({ path: 'parameters[0].values[1]', was: 2, now: 3 });
    expect(firstDifference({ a: 1 }, { a: 1, months: 'last' })).toEqual({ path: 'months', was: undefined, now: 'last' });
    expect(firstDifference({ v: [1, 2] }, { v: [1, 2, 3] })).toEqual({ path: 'v', was: [1, 2], now: [1, 2, 3] });
    expect(firstDifference({ a: [1] }, { a: [1] })).toBeUndefined();
  });

  it('refuses to mix experiments in one directory', async () => {
    const other = write('other.json', { ...EXPERIMENT, seed: 4 });
    const r = await cli('sweep', other, '--out', dir('w1'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*holds runs of a different experiment: seed was 3, now 4; use another --out directory/);
    const m = await cli('merge', dir('w1'), dir('killed'), '--out', dir('mixed'));
    expect(m.stderr).toMatch(/^error: .*holds a different experiment/);
    // nor merge one experiment's shards into a directory holding another's progress
    expect((await cli('sweep', other, '--out', dir('other'))).code).toBe(0);
    const before = fs.readFileSync(path.join(dir('other'), 'runs.csv'));
    const into = await cli('merge', dir('s1'), dir('s2'), dir('s3'), '--out', dir('other'));
    expect(into.code).toBe(1);
    expect(into.stderr).toMatch(/^error: .*holds another experiment/);
    expect(fs.readFileSync(path.join(dir('other'), 'runs.csv')).equals(before)).toBe(true);
    // a shard given twice is named as such (it read as other shards missing)
    const twice = await cli('merge', dir('s1'), dir('s2'), dir('s1'), '--out', dir('twice'));
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/^error: .*s1 is given twice; give each shard's directory once\n$/);
    fs.cpSync(dir('s2'), dir('s2-copy'), { recursive: true });
    const copied = await cli('merge', dir('s1'), dir('s2'), dir('s2-copy'), dir('s3'), '--out', dir('twice'));
    expect(copied.stderr).toMatch(/^error: .*s2 and .*s2-copy both hold shard 2\/3; give each shard once\n$/);
    // shards of two splits (1/3 beside 2/2) are named as such, not as runs missing
    fs.cpSync(dir('s2'), dir('s2of2'), { recursive: true });
    const lockFile = path.join(dir('s2of2'), 'experiment.json');
    fs.writeFileSync(lockFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(lockFile, 'utf8')), shard: '2/2' }));
    const splits = await cli('merge', dir('s1'), dir('s2of2'), '--out', dir('splits'));
    expect(splits.stderr).toMatch(/^error: .*s1 holds shard 1\/3 and .*s2of2 shard 2\/2: shards of different splits; merge the shards of one split \(all i\/n with the same n\)\n$/);
  });

  it.each<[string, string[], RegExp, number]>([
    ['a missing file', ['sweep', 'nope.json'], /^error: cannot read experiment file "nope.json" \(looked for \/.*\/nope\.json\): no such file or directory/, 1],
    ['a bad experiment', ['sweep', 'BAD'], /^error: .*bad\.json: 2 problems in the experiment\n {2}- parameters\[0\]\.values\[0\]: rules\.smeCreditSupply = 9 is refused by the scenario: 9 is out of range; allowed 0 to 5[^\n]*\n {2}- months\[0\]: "2031-01" is outside the simulated months; allowed 2020-01 to 2020-12\n$/, 1],
    ['bad --workers', ['sweep', 'GOOD', '--workers', '0'], /--workers must be a whole number from 1 to 256; got "0"/, 2],
    ['bad --shard', ['sweep', 'GOOD', '--shard', '4/3'], /--shard must be i\/n with 1 ≤ i ≤ n, e\.g\. 2\/3; got "4\/3"/, 2],
    ['merge of a non-sweep directory', ['merge', 'TMP', '--out', 'TMP/x'], /^error: .* is not a sweep output directory/, 1],
    ['sensitivity without parameters', ['sensitivity', 'NOPARAMS'], /^error: .*noparams\.json: a problem in the experiment\n {2}- parameters: sensitivity analysis needs at least one parameter to vary\n$/, 1],
    ['a scenario given to sweep', ['sweep', 'SCENARIO'], /^error: .*scenario\.json is a scenario file, not an experiment: run it with npm run sim -- /, 1],
    ['a scenario of the list missing', ['sweep', 'MISSING'], /^error: .*missing\.json: a problem in the experiment\n {2}- scenarios\[1\]: in scenario file "gone\.json": \/.*\/gone\.json cannot be read: no such file or directory\n$/, 1],
    ['an experiment comparing scenarios given to sim', ['sim', 'COMPARE'], /^error: .*compare-two\.json is an experiment file \(it compares "scenarios"\), not a scenario: run it with npm run sweep -- /, 1],
    ['an experiment given to sim', ['sim', 'GOOD'], /^error: .*tiny\.json is an experiment file \(it has "base" and "parameters"\), not a scenario: run it with npm run sweep -- /, 1],
  ])('%s: a clear error, no stack trace', async (_name, [script, ...args], expected, code) => {
    const bad = write('bad.json', { ...EXPERIMENT, months: ['2031-01'], parameters: [{ path: 'rules.smeCreditSupply', values: [9] }] });
    const noParams = write('noparams.json', { ...EXPERIMENT, parameters: [] });
    const scenario = write('scenario.json', EXPERIMENT.base);
    const missing = write('missing.json', { scenarios: ['scenario.json', 'gone.json'] });
    const compare = write('compare-two.json', { scenarios: ['scenario.json', 'scenario.json'] });
    const named: Record<string, string> = { BAD: bad, GOOD: file, NOPARAMS: noParams, SCENARIO: scenario, MISSING: missing, COMPARE: compare };
    const mapped = args.map((a) => named[a] ?? a.replace('TMP', tmp));
    const r = await cli(script, ...mapped);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('sensitivity: ranks levers by Morris mu* and draws a chart', async () => {
    const exp = write('morris.json', {
      ...EXPERIMENT, name: 'morris', replications: 1, design: { type: 'lhs', samples: 4 },
      parameters: [...EXPERIMENT.parameters, { path: 'model.priceSensitivity', distribution: { type: 'uniform', min: 2, max: 5 } }],
      sensitivity: { trajectories: 3, levels: 4, outcomes: [{ metric: 'trade_value_usd', statistic: 'mean' }, { metric: 'merchants_alive', statistic: 'last' }] },
    });
    const r = await cli('sensitivity', exp, '--out', dir('sens'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 trajectories × 4 points × 1 replication = 12 runs');
    const table = read('sens', 'sensitivity.csv').toString().trimEnd().split('\n');
    expect(table[0]).toBe('outcome,rank,parameter,mu_star,mu_star_ci95,mu,sigma,mu_star_relative,effects,metric,region,channel,stage,category,mode,statistic,from,to');
    expect(table).toHaveLength(1 + 2 * 3);
    expect(table[1]).toMatch(/^trade_value_usd \(mean\),1,.*,trade_value_usd,,,,,,mean,,$/);
    // long form: one row per run and outcome, the same values as the points' table (one replicate)
    const long = read('sens', 'sensitivity-outcomes.csv').toString().trimEnd().split('\n');
    expect(long[0]).toBe('point,replicate,seed,metric,region,channel,stage,category,mode,statistic,value,from,to');
    expect(long).toHaveLength(1 + 12 * 2);
    const wide = read('sens', 'sensitivity-runs.csv').toString().trimEnd().split('\n');
    const column = wide[0].split(',').indexOf('merchants_alive (last)');
    const row = long.find((l) => l.startsWith('5,0,') && l.includes(',merchants_alive,'))!.split(',');
    expect(row.slice(3, 10)).toEqual(['merchants_alive', '', '', '', '', '', 'last']);
    expect(Number(row[10])).toBe(Number(wide[1 + 5].split(',')[column]));
    // where each point stands: its trajectory, and the lever its step changed (none at a start)
    expect(wide[0].split(',').slice(-2)).toEqual(['trajectory', 'changed']);
    const layout = wide.slice(1).map((l) => l.split(',').slice(-2));
    expect(layout.map((c) => c[0])).toEqual(['0', '0', '0', '0', '1', '1', '1', '1', '2', '2', '2', '2']);
    for (const t of [0, 1, 2]) {
      expect(layout[t * 4][1]).toBe('');
      expect(layout.slice(t * 4 + 1, t * 4 + 4).map((c) => c[1]).sort()).toEqual(['model.priceSensitivity', 'regions[eu].tariff', 'rules.smeCreditSupply']);
    }
    const first = table.slice(1, 4).map((l) => l.split(','));
    expect(first.map((c) => c[1])).toEqual(['1', '2', '3']);
    expect(Number(first[0][3])).toBeGreaterThanOrEqual(Number(first[1][3]));
    const svg = read('sens', 'sensitivity.svg').toString();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('model.priceSensitivity');
    // the manifest lists each file with its checksum, and what the outcomes' metrics measure, as a sweep's does
    const manifest = JSON.parse(read('sens', 'manifest.json').toString()) as { files: Array<{ file: string; sha256: string }>; metrics: Array<{ id: string; unit: { en: string } }> };
    expect(manifest.files.map((f) => f.file)).toEqual(['sensitivity.csv', 'sensitivity-runs.csv', 'sensitivity-outcomes.csv', 'sensitivity.svg']);
    for (const f of manifest.files) expect(f.sha256).toBe(createHash('sha256').update(read('sens', f.file)).digest('hex'));
    expect(manifest.metrics.map((m) => m.id).sort()).toEqual(['merchants_alive', 'trade_value_usd']);
  });

  it('sensitivity: an interrupted analysis resumes, and shards merged give the same files as one machine', async () => {
    const exp = path.join(tmp, 'morris.json');
    const FILES = ['sensitivity.csv', 'sensitivity-runs.csv', 'sensitivity-outcomes.csv', 'sensitivity.svg', 'manifest.json'];
    const same = (a: string, b: string) => { for (const f of FILES) expect(read(b, f).equals(read(a, f)), `${f} differs between ${a} and ${b}`).toBe(true); };
    // resumed: half the log kept, and a line torn mid-write
    fs.mkdirSync(dir('sens-resumed'));
    fs.copyFileSync(path.join(dir('sens'), 'experiment.json'), path.join(dir('sens-resumed'), 'experiment.json'));
    const log = read('sens', 'outcomes.log').toString().trimEnd().split('\n');
    expect(log).toHaveLength(12);
    fs.writeFileSync(path.join(dir('sens-resumed'), 'outcomes.log'), `${log.slice(0, 6).join('\n')}\n{"index":7,"outco`);
    const resumed = await cli('sensitivity', exp, '--out', dir('sens-resumed'));
    expect(resumed.stderr).toBe('');
    expect(resumed.stdout).toContain('6 already done, 6 to run');
    same('sens', 'sens-resumed');
    // two shards, then merged
    for (const i of [1, 2]) expect((await cli('sensitivity', exp, '--shard', `${i}/2`, '--out', dir(`sens-s${i}`))).code).toBe(0);
    expect(read('sens-s1', 'outcomes.log').toString().trimEnd().split('\n')).toHaveLength(6);
    const early = await cli('sensitivity', exp, '--merge', dir('sens-s1'), '--out', dir('sens-merged'));
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/^error: 6 of 12 runs are missing \(first: run 1\); finish shard 2\/2/);
    const merged = await cli('sensitivity', exp, '--merge', dir('sens-s1'), dir('sens-s2'), '--out', dir('sens-merged'));
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toContain('merged from 2 directories');
    same('sens', 'sens-merged');
    // the merged provenance says which code computed each shard's runs, not only which merged them
    const provenance = JSON.parse(read('sens-merged', 'provenance.json').toString()) as { gitCommit: string | null; shards: Array<{ dir: string; gitCommits: unknown[]; invocations: number }> };
    expect(provenance.shards.map((x) => path.basename(x.dir))).toEqual(['sens-s1', 'sens-s2']);
    for (const x of provenance.shards) {
      expect(x.invocations).toBe(1);
      expect(x.gitCommits).toEqual([provenance.gitCommit]);
    }
    const twice = await cli('sensitivity', exp, '--merge', dir('sens-s1'), dir('sens-s1'), '--out', dir('sens-twice'));
    expect(twice.stderr).toMatch(/^error: .*sens-s1 is given twice; give each shard's directory once\n$/);
    // the sweep's merge names the right command for an analysis's shards
    const asSweep = await cli('merge', dir('sens-s1'), dir('sens-s2'), '--out', dir('sens-as-sweep'));
    expect(asSweep.code).toBe(1);
    expect(asSweep.stderr).toMatch(/^error: .*sens-s1 holds shards of a sensitivity analysis, not of a sweep; join them with npm run sensitivity -- <experiment> --merge/);
    // a shard of another analysis is refused
    const other = write('morris-other.json', { ...JSON.parse(fs.readFileSync(exp, 'utf8')), seed: 9 });
    const wrong = await cli('sensitivity', other, '--merge', dir('sens-s1'), dir('sens-s2'), '--out', dir('sens-wrong'));
    expect(wrong.stderr).toMatch(/holds runs of another sensitivity analysis/);
    // the manifest's experiment runs again as it stands (it held Sobol's "samples" default, which a Morris file refuses)
    const recorded = JSON.parse(read('sens', 'manifest.json').toString()).experiment;
    expect(Object.keys(recorded.sensitivity)).toEqual(['method', 'trajectories', 'levels', 'outcomes']);
    const again = await cli('sensitivity', write('morris-again.json', recorded), '--out', dir('sens-again'));
    expect(again.stderr).toBe('');
    same('sens', 'sens-again');
    // and the manifest itself, given as the experiment
    const fromManifest = await cli('sensitivity', path.join(dir('sens'), 'manifest.json'), '--out', dir('sens-from-manifest'));
    expect(fromManifest.stderr).toMatch(/^Using the experiment recorded in .*manifest\.json\n$/);
    same('sens', 'sens-from-manifest');
  });

  it('refuses to write a sensitivity analysis or a single run over a sweep\'s results (each would replace its manifest)', async () => {
    const before = read('w1', 'manifest.json');
    const sens = await cli('sensitivity', path.join(tmp, 'morris.json'), '--out', dir('w1'));
    expect(sens.code).toBe(1);
    expect(sens.stderr).toMatch(/^error: .*w1 holds the results of a sweep \(npm run sweep or merge\); writing a sensitivity analysis \(npm run sensitivity\) there would replace its manifest\.json/);
    const scenario = write('one.json', EXPERIMENT.base);
    const run = await cli('sim', scenario, '--out', dir('w1'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/holds the results of a sweep/);
    expect(read('w1', 'manifest.json').equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir('w1'), 'timeseries.csv'))).toBe(false);
    // and a sweep over a sensitivity analysis's results
    const sweep = await cli('sweep', file, '--out', dir('sens'));
    expect(sweep.code).toBe(1);
    expect(sweep.stderr).toMatch(/sens holds the results of a sensitivity analysis/);
  });

  it('sensitivity: Sobol indices with bootstrap intervals', async () => {
    const exp = write('sobol.json', {
      ...EXPERIMENT, name: 'sobol', replications: 1,
      sensitivity: { method: 'sobol', samples: 8, outcomes: [{ metric: 'trade_value_usd', region: 'eu', statistic: 'last' }] },
    });
    const r = await cli('sensitivity', exp, '--out', dir('sobol'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sobol indices of 2 parameters, 8 × (2 + 2) points × 1 replication = 32 runs');
    // N = 8 is far too few: said, with any index outside [0, 1] named as noise
    expect(r.stdout).toMatch(/\nnote: Sobol indices from N = 8 base samples are rough(: here (\d+ ind(ex lies|ices lie) outside \[0, 1\] \([-\d., …]+\)(, and )?)?(\S+ has|\d+ levers have)? ?(a first-order S1 above the total ST \([\d., >…-]+\))?, which is sampling noise)?\. Use N of 500 or more for stable indices, and read the bootstrap intervals\.\n$/);
    const table = read('sobol', 'sensitivity.csv').toString().trimEnd().split('\n');
    expect(table[0]).toBe('outcome,rank,parameter,st,st_ci95_low,st_ci95_high,s1,s1_ci95_low,s1_ci95_high,metric,region,channel,stage,category,mode,statistic,from,to');
    expect(table.slice(1).map((l) => l.split(',')[0])).toEqual(['trade_value_usd[region=eu] (last)', 'trade_value_usd[region=eu] (last)']);
    expect(read('sobol', 'sensitivity.svg').toString()).toContain('regions[eu].tariff');
    // each point's Saltelli block: A, B, then A with one lever's column from B
    const runs = read('sobol', 'sensitivity-runs.csv').toString().trimEnd().split('\n');
    expect(runs[0].split(',').at(-1)).toBe('block');
    expect(runs.slice(1).map((l) => l.split(',').at(-1))).toEqual([...Array(8).fill('A'), ...Array(8).fill('B'), ...Array(8).fill('AB:rules.smeCreditSupply'), ...Array(8).fill('AB:regions[eu].tariff')]);
  });

  it('sensitivity: an outcome with no value in the runs is said, and has no ranks', async () => {
    const exp = write('morris-nan.json', {
      ...EXPERIMENT, name: 'morris-nan', replications: 1, base: { ...EXPERIMENT.base, time: { start: '2020-01', end: '2020-01' } }, months: 'all',
      sensitivity: { trajectories: 2, levels: 4, outcomes: [{ metric: 'trade_value_usd', statistic: 'last' }, { metric: 'credit_rejection_rate', statistic: 'last' }, { metric: 'trade_value_usd', statistic: 'sum', from: '2020-01', to: '2020-01' }] },
    });
    const r = await cli('sensitivity', exp, '--out', dir('sens-nan'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nnote: credit_rejection_rate \(last\) has no value in 6 of 6 runs \(a ratio over nothing, e\.g\. no credit applications in the months it covers\): it has no indices; choose another outcome or statistic, or a longer run\n$/);
    const table = read('sens-nan', 'sensitivity.csv').toString().trimEnd().split('\n').map((l) => l.split(','));
    const rejection = table.filter((c) => c[0] === 'credit_rejection_rate (last)');
    expect(rejection.map((c) => [c[1], c[3]])).toEqual([['', ''], ['', '']]);
    expect(table.filter((c) => c[0] === 'trade_value_usd (last)').map((c) => c[1])).toEqual(['1', '2']);
    expect(JSON.parse(read('sens-nan', 'manifest.json').toString()).notes).toEqual([expect.stringMatching(/^credit_rejection_rate \(last\) has no value in 6 of 6 runs/)]);
    // an outcome over given months: here the run's one month, so its sum is the last value; its months in the last columns
    const long = read('sens-nan', 'sensitivity-outcomes.csv').toString().trimEnd().split('\n').map((l) => l.split(','));
    const last = long.filter((c) => c[3] === 'trade_value_usd' && c[9] === 'last');
    const window = long.filter((c) => c[3] === 'trade_value_usd' && c[9] === 'sum');
    expect(window.map((c) => c[10])).toEqual(last.map((c) => c[10]));
    expect(window.map((c) => c.slice(11))).toEqual(last.map(() => ['2020-01', '2020-01']));
    expect(table.filter((c) => c[0] === 'trade_value_usd (sum 2020-01…2020-01)').map((c) => c.slice(-2))).toEqual([['2020-01', '2020-01'], ['2020-01', '2020-01']]);
  });
});

describe('the experiment files shipped in scenarios/experiments', () => {
  const folder = path.join(ROOT, 'scenarios', 'experiments');
  it.each(fs.readdirSync(folder).filter((f) => f.endsWith('.json')))('%s is read without a problem by the command it is for', (f) => {
    const purpose = f.startsWith('levers-') ? 'sensitivity' : 'sweep';
    const exp = readExperiment(path.join(folder, f), purpose);
    expect(exp.name).toBe(f.replace(/\.json$/, ''));
  });
  it('presets-vs-baseline compares every preset, the baseline first (the reference of contrasts.csv)', () => {
    const exp = readExperiment(path.join(folder, 'presets-vs-baseline.json'));
    const presets = fs.readdirSync(path.join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json').map((f) => f.replace(/\.json$/, ''));
    expect(exp.scenarios!.map((s) => s.name).sort()).toEqual(presets.sort());
    expect(exp.scenarios![0].name).toBe('baseline');
    expect(exp.commonRandomNumbers).toBe(true);
  });
});
