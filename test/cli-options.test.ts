/** The model-validity commands refuse bad options with a message naming the option and what is allowed, and write nothing. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { noteOversubscription } from '../cli/options.ts';
import { claimOutputDir } from '../cli/batch.ts';
import { MODEL_VERSION } from '../sim/index.ts';

const run = (script: string, args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });

describe('options of calibrate, validate and modelcheck', () => {
  it.each<[string, string[], RegExp]>([
    ['cli/calibrate.ts', ['--scale', '0'], /^error: --scale: "0" is not allowed; use a number from 0\.001 to 1/],
    ['cli/validate.ts', ['--scale', '0.001'], /^error: --scale: "0\.001" is not allowed; use a number from 0\.005 to 1 \(smaller runs have too few exporters for the size-distribution fit\)/],
    ['cli/calibrate.ts', ['--seeds', 'abc'], /^error: --seeds: "abc" is not allowed; use a whole number from 1 to 100/],
    ['cli/calibrate.ts', ['--rounds', '0'], /^error: --rounds: "0" is not allowed; use a whole number from 1 to 20/],
    ['cli/validate.ts', ['--seeds', '0'], /^error: --seeds: "0" is not allowed/],
    ['cli/modelcheck.ts', ['--random', 'abc'], /^error: --random: "abc" is not allowed; use a whole number from 0 to 10000/],
    ['cli/modelcheck.ts', ['--scale', '0.05', '--seeds', '2'], /^error: the reference was made at scale 0\.02 with 4 seeds; compare with the same settings/],
  ])('%s %s', (script, args, message) => {
    const out = join(mkdtempSync(join(tmpdir(), 'options-')), 'out.json');
    const r = run(script, [...args, ...(script.includes('modelcheck') ? [] : ['--out', out])]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
  });
});

describe('calibrate keeps the model\'s defaults', () => {
  it('refuses a quick fit into the file every scenario takes its defaults from, and leaves the file as it was', () => {
    const fit = join(import.meta.dirname, '..', 'scenarios', 'calibration', 'baseline-fit.json');
    const before = readFileSync(fit, 'utf8');
    const r = run('cli/calibrate.ts', ['--seeds', '1', '--scale', '0.03', '--rounds', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: a fit with --seeds 1 --scale 0\.03 --rounds 1 is quicker than the reference \(--seeds 3 --scale 2\/15 --rounds 3 or more\) and would replace the defaults every scenario takes \(.*baseline-fit\.json\); write it elsewhere with --out FILE\n$/);
    expect(readFileSync(fit, 'utf8')).toBe(before);
  });
});

describe('usage errors, alike in every command', () => {
  it.each(['cli/sim.ts', 'cli/sweep.ts', 'cli/merge.ts', 'cli/sensitivity.ts', 'cli/validate.ts', 'cli/modelcheck.ts', 'cli/calibrate.ts'])('%s: an unknown option exits 2 with commander\'s message and the pointer to --help; --help exits 0', (script) => {
    const r = run(script, ['--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown option '--bogus'\n(\(Did you mean .*\)\n)?\(run with --help for usage\)\n$/);
    expect(run(script, ['--help']).status).toBe(0);
  });
  it.each(['cli/sim.ts', 'cli/sweep.ts', 'cli/merge.ts', 'cli/sensitivity.ts', 'cli/validate.ts', 'cli/modelcheck.ts', 'cli/calibrate.ts'])('%s --version prints the model version and the commit, exits 0, and runs nothing', (script) => {
    const r = run(script, ['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^model ${MODEL_VERSION.replace(/\./g, '\\.')} · yiwu-digital-trade-sandbox \\S+ · (git [0-9a-f]{7}( \\(with uncommitted changes\\))?|not a git checkout) · Node v\\d+`));
    expect(r.stderr).toBe('');
  });
  it('merge names a misspelt --out as unknown, and a missing --out or shard directory in words', () => {
    const misspelt = run('cli/merge.ts', ['some-dir', '--outt', 'x']);
    expect(misspelt.status).toBe(2);
    expect(misspelt.stderr).toMatch(/^error: unknown option '--outt'\n\(Did you mean --out\?\)/);
    const missing = run('cli/merge.ts', ['some-dir']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('error: --out DIR is required: the directory to write the merged files to (e.g. --out out/my-sweep)\n');
    const noDir = run('cli/merge.ts', [join(tmpdir(), 'no-such-shard-dir'), '--out', join(tmpdir(), 'x')]);
    expect(noDir.stderr).toBe(`error: ${join(tmpdir(), 'no-such-shard-dir')} does not exist; give the output directories of the shards\n`);
  });
});

describe('worker count', () => {
  it('notes on stderr when there are more workers than cores (the batch is slower), and says nothing otherwise', () => {
    let said = '';
    const stderr = { write: (s: string) => { said += s; return true; } } as unknown as NodeJS.WritableStream;
    noteOversubscription(2, 2, stderr);
    expect(said).toBe('');
    noteOversubscription(64, 2, stderr);
    expect(said).toBe('note: 64 workers on 2 cores: the runs share the cores and the batch is slower than with --workers 2\n');
  });
});

describe('an output directory in use', () => {
  const quiet = () => { let said = ''; return { stream: { write: (s: string) => { said += s; return true; } } as unknown as NodeJS.WritableStream, said: () => said }; };
  it('is refused while another live process on this machine writes to it; a dead one\'s mark is taken over; another host\'s is noted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claim-'));
    const mark = join(dir, '.running');
    // a live process here (this test's parent: alive, not us)
    writeFileSync(mark, JSON.stringify({ host: hostname(), pid: process.ppid, started: '2026-12-03T10:00:00Z' }));
    expect(() => claimOutputDir(dir, 'sweep')).toThrow(new RegExp(`is being written by another sweep \\(process ${process.ppid}, started 2026-12-03T10:00:00Z\\); wait for it`));
    // a process that has died (a killed job): taken over, silently
    writeFileSync(mark, JSON.stringify({ host: hostname(), pid: 2 ** 22 + 12345, started: 'x' }));
    const a = quiet();
    claimOutputDir(dir, 'sweep', a.stream);
    expect(a.said()).toBe('');
    expect(JSON.parse(readFileSync(mark, 'utf8')).pid).toBe(process.pid);
    // another host (shared file system): cannot be checked, so noted and taken over (a retried array task resumes)
    writeFileSync(mark, JSON.stringify({ host: 'node-17', pid: 4242, started: 'y' }));
    const b = quiet();
    claimOutputDir(dir, 'sweep', b.stream);
    expect(b.said()).toMatch(/^note: .* was last written by process 4242 on node-17/);
  });
});
