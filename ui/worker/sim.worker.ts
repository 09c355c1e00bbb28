/**
 * The simulation in a Web Worker. A run streams its months in small batches (compact
 * Float64Arrays, transferred, not copied), or sends them all at the end when asked not to
 * stream, and yields to the worker's event loop every ~30 ms either way, so a cancel message
 * is seen within one batch (~40 ms).
 *
 * Each run leaves a checkpoint where a slider's target starts its ramp (POLICY_START, the month
 * after the record); a later run that agrees with
 * one up to it — the same seed, scale and structure, and the same levers before it, as when a
 * slider sets a target — continues from there (sim/world/checkpoint.ts: the same numbers as a
 * run from the start, in about half the time).
 */
import * as Comlink from 'comlink';
import '../zod-setup.ts';
import {
  resolveScenario, createSimulation, ScenarioError, csvText, timeseriesRows, TIMESERIES_HEADER, sharedMonths, leversOf, parseMonth, POLICY_START, targetStartMonths,
  type Simulation, type Checkpoint, type ResolvedScenario,
} from '../../sim/index.ts';
import type { World } from '../../sim/world/world.ts';
import { scenarioObject } from '../../sim/batch/plan.ts';
import type { SimWorkerApi, RunRequest, Batch, RunOutcome, SweepRunRequest, SweepRunOutcome } from './protocol.ts';
import { cardFigureOfRun } from '../results.ts';

const cancelled = new Set<number>();
/** Background runs a change now needs (`adopt`): they leave checkpoints, and those here stream. */
const adopted = new Set<number>();
const streamAsked = new Set<number>();

/** Resolves on the next turn of the event loop (faster than setTimeout, which clamps to 4 ms). */
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();
const nextTurn = () => new Promise<void>((resolve) => { waiting.push(resolve); channel.port2.postMessage(0); });

const FIRST_BATCH_MONTHS = 3;

/** Where runs leave checkpoints: the months a lever set simply starts its ramp at (the policy start). */
const CHECKPOINT_MONTHS = targetStartMonths(POLICY_START);
/**
 * Checkpoints of recent runs, least recently used first, within a memory budget. Each holds a copy
 * of a world: ~3.3 MB at the default scale, so the budget keeps 16 (the scenario's and the
 * baseline's five band seeds, and a few more); ~25 MB at Yiwu scale, so it keeps three of those.
 */
const CHECKPOINTS_KEPT = 16;
const CHECKPOINT_BUDGET_BYTES = 96 * 1024 * 1024;
const checkpoints: Checkpoint[] = [];

/**
 * Worlds no longer used — a finished or cancelled run's, an evicted checkpoint's — whose memory
 * the next checkpoint or continued run fills instead of taking new memory (copyWorld's `into`).
 */
const spareWorlds: World[] = [];
const SPARE_WORLDS = 2;
const retire = (w: World) => { if (spareWorlds.length < SPARE_WORLDS) spareWorlds.push(w); };

/** The stored checkpoint a run can continue from that saves the most months, or none. */
function bestCheckpoint(scenario: ResolvedScenario, seed: number): { checkpoint: Checkpoint; months: number } | undefined {
  const levers = leversOf(scenario);
  let best: { checkpoint: Checkpoint; months: number } | undefined;
  for (const checkpoint of checkpoints) {
    const months = sharedMonths(checkpoint, scenario, seed, levers);
    if (months > (best?.months ?? 0)) best = { checkpoint, months };
  }
  if (best) checkpoints.push(...checkpoints.splice(checkpoints.indexOf(best.checkpoint), 1));
  return best;
}

/** Keeps the run's checkpoint of the months done, unless one already stands for the same months. */
function keepCheckpoint(sim: Simulation, scenario: ResolvedScenario, seed: number): void {
  if (checkpoints.some((c) => c.month === sim.done && sharedMonths(c, scenario, seed) === sim.done)) return;
  checkpoints.push(sim.checkpoint(spareWorlds.pop()));
  let bytes = checkpoints.reduce((sum, c) => sum + c.bytes, 0);
  while (checkpoints.length > 1 && (checkpoints.length > CHECKPOINTS_KEPT || bytes > CHECKPOINT_BUDGET_BYTES)) {
    const old = checkpoints.shift()!;
    bytes -= old.bytes;
    retire(old.world);
  }
}
const BATCH_MS = 30;

const api: SimWorkerApi = {
  async run(req: RunRequest, onBatch: (b: Batch) => void): Promise<RunOutcome> {
    const started = performance.now();
    let sim: Simulation;
    let scenario: ResolvedScenario;
    try {
      const input = req.scale !== undefined ? { ...(req.input as object), scale: req.scale } : req.input;
      scenario = resolveScenario(input as object);
      const resume = bestCheckpoint(scenario, req.seed);
      sim = createSimulation(scenario, { seed: req.seed, flows: false, resumeFrom: resume?.checkpoint, recycle: resume ? spareWorlds.pop() : undefined });
    } catch (e) {
      if (e instanceof ScenarioError) return { ok: false, problems: e.problems };
      return { ok: false, problems: [{ path: '', message: String((e as Error).message ?? e) }] };
    }
    // the months a slider's target starts at, in this run (none at or before its start)
    const checkpointMonths = new Set(CHECKPOINT_MONTHS.map((m) => parseMonth(m) - parseMonth(scenario.time.start)).filter((t) => t > 0));
    const rows = req.keys.map((k) => {
      const [metric, region, channel, stage, category, mode] = k.split('|');
      const dims: Record<string, string> = {};
      if (region) dims.region = region;
      if (channel) dims.channel = channel;
      if (stage) dims.stage = stage;
      if (category) dims.category = category;
      if (mode) dims.mode = mode;
      return sim.series.get(metric, dims) ?? new Float64Array(sim.months.length).fill(Number.NaN);
    });
    let sent = 0;
    let first = true;
    const streaming = () => req.stream !== false || streamAsked.has(req.runId);
    const keepCheckpoints = () => req.checkpoints !== false || adopted.has(req.runId);
    const post = () => {
      const from = sent;
      const to = sim.done;
      const n = to - from;
      const values = new Float64Array(rows.length * n);
      for (let s = 0; s < rows.length; s++) values.set(rows[s].subarray(from, to), s * n);
      const batch: Batch = { runId: req.runId, from, to, values };
      if (first) batch.months = sim.months;
      first = false;
      sent = to;
      onBatch(Comlink.transfer(batch, [values.buffer]));
    };
    let batchStart = performance.now();
    while (!sim.finished) {
      if (cancelled.has(req.runId)) {
        cancelled.delete(req.runId);
        adopted.delete(req.runId);
        streamAsked.delete(req.runId);
        retire(sim.world);
        return { ok: true, cancelled: true, ms: performance.now() - started, months: sim.done, resumedAt: sim.resumedAt };
      }
      sim.step();
      if (keepCheckpoints() && checkpointMonths.has(sim.done) && sim.resumedAt < sim.done) keepCheckpoint(sim, scenario, req.seed);
      const now = performance.now();
      if ((streaming() && first && sim.done >= FIRST_BATCH_MONTHS) || now - batchStart >= BATCH_MS || sim.finished) {
        // (a run that does not stream still yields here, so a cancel or stream message is seen)
        if (streaming() || sim.finished) post();
        await nextTurn();
        batchStart = performance.now();
      }
    }
    if (sent < sim.done) post();
    adopted.delete(req.runId);
    streamAsked.delete(req.runId);
    retire(sim.world);
    return { ok: true, cancelled: false, ms: performance.now() - started, months: sim.done, resumedAt: sim.resumedAt };
  },
  cancel(runId: number) {
    cancelled.add(runId);
  },
  adopt(runId: number, stream: boolean) {
    adopted.add(runId);
    if (stream) streamAsked.add(runId);
  },
  csv(input: unknown, seed: number) {
    const sim = createSimulation(resolveScenario(input as object), { seed, flows: false });
    while (sim.step());
    return csvText(TIMESERIES_HEADER, timeseriesRows(sim));
  },
  sweepRun(req: SweepRunRequest): SweepRunOutcome {
    const started = performance.now();
    let sim: Simulation;
    try {
      const input = { ...scenarioObject(req.base as Record<string, unknown>, [req.path], [req.value]), scale: req.scale };
      sim = createSimulation(resolveScenario(input), { seed: req.seed, flows: false });
    } catch (e) {
      if (e instanceof ScenarioError) return { ok: false, problems: e.problems };
      return { ok: false, problems: [{ path: '', message: String((e as Error).message ?? e) }] };
    }
    while (sim.step());
    const value = cardFigureOfRun(sim.months, (metric, dims) => sim.series.get(metric, dims ?? {}), req.figure, req.year);
    return { ok: true, value, ms: performance.now() - started };
  },
};

Comlink.expose(api);
