/**
 * Time per monthly phase for the default scenario (a profiling aid):
 *   npx tsx bench/phases.ts [scale] [runs]
 * Prints the median and the minimum over warm runs (the first run, with JIT warm-up, is left
 * out) of each phase's time per run, of initialisation (createWorld) and of the total. On a
 * shared machine the minimum is the steadier figure.
 */
import { resolveScenario } from '../sim/schema/resolve.ts';
import { createWorld } from '../sim/world/init.ts';
import { createStepper, totalCash } from '../sim/step.ts';
import { DEFAULT_SCALE } from '../sim/schema/scenario.ts';

const scale = Number(process.argv[2] ?? DEFAULT_SCALE);
const runs = Math.max(2, Number(process.argv[3] ?? 6));
const times = new Map<string, number[]>();
const add = (name: string, run: number, ms: number) => {
  if (!times.has(name)) times.set(name, []);
  const list = times.get(name)!;
  list[run] = (list[run] ?? 0) + ms;
};
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const w = createWorld(resolveScenario({ scale }));
  add('init', run, performance.now() - started);
  const stepper = createStepper(w);
  for (let t = 0; t < w.months; t++) {
    w.t = t;
    w.accounts.reset();
    let t0 = performance.now();
    w.accounts.cashAtStart = totalCash(w);
    for (const phase of stepper.phases) {
      phase.run(w);
      const t1 = performance.now();
      add(phase.name, run, t1 - t0);
      t0 = t1;
    }
    w.creditDemandLastMonth = w.accounts.creditApplied;
  }
  add('total', run, performance.now() - started);
}
const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
let sum = 0;
console.log(`${'phase'.padEnd(26)} ${'median'.padStart(10)} ${'min'.padStart(10)}   (${runs - 1} warm runs, scale ${scale.toFixed(4)})`);
for (const [name, list] of times) {
  const warm = list.slice(1);
  const ms = median(warm);
  if (name !== 'total' && name !== 'init') sum += ms;
  console.log(`${name.padEnd(26)} ${ms.toFixed(1).padStart(7)} ms ${Math.min(...warm).toFixed(1).padStart(7)} ms`);
}
console.log(`${'sum of phase medians'.padEnd(26)} ${sum.toFixed(1).padStart(7)} ms`);
