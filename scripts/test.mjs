#!/usr/bin/env node
/**
 * `npm test`: type-check, run every vitest test, then print one plain line
 *
 *   N passed, N failed[, N skipped]
 *
 * counted from vitest's JSON report. Exits non-zero if the type check fails, any test fails,
 * a test file fails to load, or no test ran. The README and CI (.ci/run) both run exactly this.
 * Extra arguments go to vitest, e.g. `npm test -- test/scenario-errors.test.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

console.log('== typecheck');
const typecheckOk = run('npm', ['run', '--silent', 'typecheck']) === 0;
if (!typecheckOk) console.log('typecheck failed');

console.log('== vitest');
const dir = mkdtempSync(join(tmpdir(), 'vitest-report-'));
const reportFile = join(dir, 'report.json');
const vitestStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)]);

let report;
try {
  if (existsSync(reportFile)) report = JSON.parse(readFileSync(reportFile, 'utf8'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (!report) {
  console.log('vitest wrote no report');
  console.log('0 passed, 0 failed');
  process.exit(1);
}

// A test file that fails to load has no failed tests of its own; count it as one failure.
const brokenFiles = (report.testResults ?? []).filter(
  (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
);
for (const f of brokenFiles) console.log(`test file failed to run: ${relative(root, f.name)}`);

const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + brokenFiles.length;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);

if (passed + failed === 0) console.log('no tests ran');
const ok = typecheckOk && vitestStatus === 0 && report.success !== false && failed === 0 && passed + failed > 0;
process.exit(ok ? 0 : 1);
