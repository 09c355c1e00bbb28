/** The model-validity commands refuse bad options with a message naming the option and what is allowed, and write nothing. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noteOversubscription } from '../cli/options.ts';

const run = (script: string, args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });

describe('options of calibrate, validate and modelcheck', () => {
  it.each<[string, string[], RegExp]>([
    ['cli/calibrate.ts', ['--scale', '0'], /^--scale: "0" is not allowed; use a number from 0\.001 to 1/],
    ['cli/validate.ts', ['--scale', '0.001'], /^--scale: "0\.001" is not allowed; use a number from 0\.005 to 1 \(smaller runs have too few exporters for the size-distribution fit\)/],
    ['cli/calibrate.ts', ['--seeds', 'abc'], /^--seeds: "abc" is not allowed; use a whole number from 1 to 100/],
    ['cli/calibrate.ts', ['--rounds', '0'], /^--rounds: "0" is not allowed; use a whole number from 1 to 20/],
    ['cli/validate.ts', ['--seeds', '0'], /^--seeds: "0" is not allowed/],
    ['cli/modelcheck.ts', ['--random', 'abc'], /^--random: "abc" is not allowed; use a whole number from 0 to 10000/],
    ['cli/modelcheck.ts', ['--scale', '0.05', '--seeds', '2'], /^the reference was made at scale 0\.02 with 4 seeds; compare with the same settings/],
  ])('%s %s', (script, args, message) => {
    const out = join(mkdtempSync(join(tmpdir(), 'options-')), 'out.json');
    const r = run(script, [...args, ...(script.includes('modelcheck') ? [] : ['--out', out])]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
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
