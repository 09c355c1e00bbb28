/**
 * `npm run bench`: speed and memory of the simulation core.
 *
 * For the default scenario (7,500 merchants) and for Yiwu scale (75,000 merchants, ~1 million
 * buyers in weight): full-run time, agent-steps per second, peak memory, and how run time and
 * memory grow from 1/4 to full scale. Each measurement runs in its own process; times are the
 * median of warm runs (the first run, with JIT warm-up, is shown separately).
 * Goals (issue 2): default run ≤ 300 ms, Yiwu scale ≤ 30 s on one core, memory linear in scale.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from 'simple-statistics';
import { DEFAULT_SCALE, sampleMerchants } from '../sim/index.ts';

interface Measurement {
  scale: number;
  times: number[];
  months: number;
  merchants: number;
  buyerAgents: number;
  providers: number;
  peakRssMb: number;
  heapAddedMb: number;
  stateMb: number;
}

const runOne = fileURLToPath(new URL('./run-one.ts', import.meta.url));
function measure(scale: number, repeats: number, newSeeds = false): Measurement {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', runOne, String(scale), String(repeats), ...(newSeeds ? ['new-seeds'] : [])], { encoding: 'utf8' });
  return JSON.parse(out) as Measurement;
}

const DEFAULT = DEFAULT_SCALE;
const YIWU = 1;
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function report(label: string, full: number, repeats: number, goalMs: number) {
  const rows = [0.25, 0.5, 1].map((f) => ({ f, m: measure(full * f, f === 1 ? repeats : Math.max(2, Math.ceil(repeats / 2))) }));
  console.log(`\n${label}`);
  console.log('  scale    merchants  buyer agents   first run   warm run (median)   agent-steps/s   peak RSS   heap added   model state');
  for (const { f, m } of rows) {
    const warm = median(m.times.length > 1 ? m.times.slice(1) : m.times);
    const agentSteps = (m.merchants + m.buyerAgents + m.providers) * m.months;
    console.log(`  ${`${f === 1 ? 'full' : `1/${1 / f}`}`.padEnd(7)}${fmt(m.merchants).padStart(11)}${fmt(m.buyerAgents).padStart(14)}${`${fmt(m.times[0])} ms`.padStart(12)}${`${fmt(warm)} ms`.padStart(20)}${fmt(agentSteps / (warm / 1000)).padStart(16)}${`${fmt(m.peakRssMb)} MB`.padStart(11)}${`${fmt(m.heapAddedMb, 1)} MB`.padStart(13)}${`${fmt(m.stateMb, 1)} MB`.padStart(14)}`);
  }
  const warm = (m: Measurement) => median(m.times.length > 1 ? m.times.slice(1) : m.times);
  const [quarter, , whole] = rows.map((r) => r.m);
  console.log(`  from 1/4 to full scale (linear: ×4.00): time ×${(warm(whole) / warm(quarter)).toFixed(2)}, model state ×${(whole.stateMb / quarter.stateMb).toFixed(2)}, heap added ×${(whole.heapAddedMb / quarter.heapAddedMb).toFixed(2)}, RSS ×${(whole.peakRssMb / quarter.peakRssMb).toFixed(2)} (RSS includes ~120 MB of Node and code)`);
  console.log(`  full run: ${fmt(warm(whole))} ms warm, goal ≤ ${fmt(goalMs)} ms → ${warm(whole) <= goalMs ? 'met' : `missed (×${(warm(whole) / goalMs).toFixed(2)})`}`);
}

console.log(`Simulation core benchmark — ${new Date().toISOString()}, Node ${process.version}, one core per run`);
report(`Default scenario (scale ${DEFAULT}, ${fmt(sampleMerchants(DEFAULT))} merchants, 2020-01 … 2030-12)`, DEFAULT, 5, 300);
{
  // the rows above repeat one seed, whose policy-free reference world is built once and cached;
  // a new seed (as typed in the page) builds it too
  const seeded = measure(DEFAULT, 5, true);
  const warm = median(seeded.times.slice(1));
  console.log(`  full run with a new seed each time (its reference world built too, as when a page's user types a seed): ${fmt(warm)} ms warm (${seeded.times.slice(1).map((t) => fmt(t)).join(', ')}), goal ≤ 300 ms → ${warm <= 300 ? 'met' : `missed (×${(warm / 300).toFixed(2)})`}`);
}
report('Yiwu scale (scale 1, 75,000 merchants, ~1 million buyers in weight)', YIWU, 2, 30_000);
