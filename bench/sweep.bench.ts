/**
 * `npm run bench` (second part): throughput of batch sweeps. A 100-run sweep of the default
 * scenario (7,500 merchants, 2020-01 … 2030-12; 20 levels of SME credit supply × 5 replications,
 * default metrics, every 12th month) with 1 and with 2 worker threads: runs per minute and the
 * speedup (goal ≥ 1.8× on 2 cores). Each sweep runs as its own `npm run sweep` process; the time
 * is the sweep's own (pool start-up included, process start-up not). Also checks that both
 * worker counts wrote byte-identical files. Options: BENCH_RUNS (default 100), BENCH_END (last month),
 * BENCH_REPEATS (default 1; with more, 1- and 2-worker sweeps alternate and the fastest of each
 * counts, which tames a machine shared with other work).
 */
import { DEFAULT_SCALE } from '../sim/schema/scenario.ts';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const END = process.env.BENCH_END ?? '2030-12';
const REPS = 5;
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 1));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sweep-bench-'));
const file = path.join(tmp, 'bench.json');
fs.writeFileSync(file, JSON.stringify({
  name: 'bench',
  base: { time: { start: '2020-01', end: END } },
  parameters: [{ path: 'rules.smeCreditSupply', range: { from: 0.5, to: 2, steps: RUNS / REPS } }],
  replications: REPS,
  months: { every: 12 },
}));

function sweep(workers: number): number {
  // (the sweep's progress lines on stderr are kept out of the benchmark's report; a failing
  // sweep's stderr is in the error execFileSync throws)
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'cli/sweep.ts', file, '--workers', String(workers), '--out', path.join(tmp, `w${workers}`)], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const m = /(\d+) runs in ([\d.]+) s/.exec(out);
  if (!m) throw new Error(`unexpected output: ${out}`);
  return Number(m[2]);
}

try {
  console.log(`\nBatch sweep benchmark — ${new Date().toISOString()}, Node ${process.version}, ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`  ${RUNS} runs of the default scenario (scale ${DEFAULT_SCALE}, 2020-01 … ${END}), ${RUNS / REPS} points × ${REPS} replications`);
  let t1 = Infinity;
  let t2 = Infinity;
  for (let i = 0; i < REPEATS; i++) {
    fs.rmSync(path.join(tmp, 'w1'), { recursive: true, force: true });
    fs.rmSync(path.join(tmp, 'w2'), { recursive: true, force: true });
    t1 = Math.min(t1, sweep(1));
    t2 = Math.min(t2, sweep(2));
    if (REPEATS > 1) console.log(`  round ${i + 1}: load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  }
  const rate = (t: number) => RUNS / (t / 60);
  console.log(`  1 worker : ${t1.toFixed(1)} s, ${rate(t1).toFixed(1)} runs/min`);
  console.log(`  2 workers: ${t2.toFixed(1)} s, ${rate(t2).toFixed(1)} runs/min`);
  const speedup = t1 / t2;
  console.log(`  speedup ×${speedup.toFixed(3)} (goal ≥ 1.8 on 2 cores → ${speedup >= 1.8 ? 'met' : 'missed'}); load average after ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const same = ['runs.csv', 'runs.arrow', 'summary.csv', 'manifest.json'].every((f) => fs.readFileSync(path.join(tmp, 'w1', f)).equals(fs.readFileSync(path.join(tmp, 'w2', f))));
  console.log(`  files identical for 1 and 2 workers: ${same ? 'yes' : 'NO'}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
