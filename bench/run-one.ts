/**
 * One benchmark measurement in a fresh process (so peak memory belongs to this run alone):
 *   node --expose-gc --import tsx bench/run-one.ts <scale> <repeats> [new-seeds]
 * Prints JSON: run times (the first includes JIT warm-up), agent counts, peak RSS, the heap
 * the run added, and the bytes held in the model's typed arrays (state that grows with scale).
 * By default every repeat runs the scenario's seed, whose policy-free reference world (sim/world/
 * init.ts referenceOf) is built once and cached; with `new-seeds` each repeat has a seed of its
 * own and builds its reference world too, as a page does when a user types a new seed.
 */
import { resolveScenario } from '../sim/schema/resolve.ts';
import { createSimulation, merchantTable } from '../sim/run.ts';

const scale = Number(process.argv[2]);
const repeats = Number(process.argv[3] ?? 3);
const newSeeds = process.argv[4] === 'new-seeds';
const scenario = resolveScenario({ scale });
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Bytes in every typed array reachable from `root` (stores, market, series, flows), counted once. */
function typedArrayBytes(root: unknown): number {
  const seen = new Set<unknown>();
  let bytes = 0;
  const visit = (x: unknown, depth: number) => {
    if (x === null || typeof x !== 'object' || seen.has(x) || depth > 6) return;
    seen.add(x);
    if (ArrayBuffer.isView(x)) { bytes += x.byteLength; return; }
    for (const v of Array.isArray(x) ? x : Object.values(x as object)) visit(v, depth + 1);
  };
  visit(root, 0);
  return bytes;
}

const times: number[] = [];
let heapAdded = 0;
let stateBytes = 0;
let counts = { merchants: 0, buyerAgents: 0, providers: 0 };
let months = 0;
for (let i = 0; i < repeats; i++) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const sim = createSimulation(scenario, newSeeds ? { seed: 1000 + i } : {});
  while (sim.step()) { /* run to the end */ }
  const table = merchantTable(sim.world);
  times.push(performance.now() - started);
  heapAdded = Math.max(heapAdded, process.memoryUsage().heapUsed - heapBefore);
  stateBytes = typedArrayBytes({ world: sim.world, series: sim.series, flows: sim.flows, table });
  let alive = 0;
  for (let j = 0; j < sim.world.merchants.capacity; j++) alive += sim.world.merchants.alive[j];
  counts = { merchants: alive, buyerAgents: sim.world.buyers.count, providers: sim.world.providers.count };
  months = sim.months.length;
}
process.stdout.write(JSON.stringify({
  scale, times, months, ...counts,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  heapAddedMb: heapAdded / 1024 / 1024,
  stateMb: stateBytes / 1024 / 1024,
}));
