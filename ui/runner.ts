/**
 * Runs scenarios in Web Workers and keeps what the charts read. The latest input always wins: a
 * new request cancels every run the new one does not need. For each side (scenario, baseline)
 * it runs, in this order of priority:
 *   1. for large scales only (above PREVIEW_ABOVE_SCALE), a quick preview at PREVIEW_SCALE (the
 *      whole horizon on screen soon),
 *   2. the full run at the scenario's scale (streams month by month; replaces the preview),
 *   3. more seeds for the 10–90 % uncertainty band and the cards' seed noise: at the full run's
 *      own scale (the full run is one of the band's seeds), or at MAX_BAND_SCALE for larger runs.
 * Complete runs are cached by (scenario, seed, scale), so going back to a setting is instant.
 * When everything asked for is done and the page has been idle for PREFETCH_IDLE_MS, it computes
 * the runs the page says are likely next (`prefetch`: each preset's, so choosing one is instant);
 * any request cancels that background work at once, or adopts a background run it needs.
 */
import * as Comlink from 'comlink';
import type { SimWorkerApi, Batch, RunOutcome } from './worker/protocol.ts';
import { SERIES_KEYS } from './series.ts';

/** Scale of the quick preview that shows the whole horizon while a large full run computes. */
export const PREVIEW_SCALE = 0.03;
/**
 * Full runs above this scale are preceded by a quick preview at PREVIEW_SCALE, so the whole
 * horizon is on screen soon even when the full run takes seconds. Below it the full run
 * streams its first months about as soon as a preview would: measured on 2 cores (one worker,
 * `npm run bench:browser`, 2026-12-03) at scale 2/15 (then the default), dropping the preview brought
 * the full run's last month on screen ~200 ms sooner (571–786 ms vs 782–846 ms over 9 changes
 * each) with the first chart as soon (52–106 ms vs 50–118 ms); one long task (50 ms) in 9
 * changes vs none in 6. Initialisation and the first three months grow with scale (Node, warm:
 * 55–77 ms at 2/15, 82–108 ms at 0.25), so larger runs keep the preview to meet the 100 ms goal.
 */
export const PREVIEW_ABOVE_SCALE = 0.15;
/**
 * The band's seeds run at the full run's scale up to this one (the default 0.1 and a little above:
 * five runs take about a second and a half), so the band and the cards' seed noise are the main
 * run's own: smaller runs spread more (measured, 8 seeds,
 * model 0.6.0: the paired change in 2030 exports has sd 4.3 % at scale 0.03 against 2.8 % at
 * 2/15 for fast 5G, 4.4 against 2.5 % for trade facilitation), which made real effects read as
 * noise. Above it they run at this scale (a Yiwu-scale run takes seconds: five more would take
 * half a minute), and the page says the band is from smaller runs.
 */
export const MAX_BAND_SCALE = 2 / 15;
/** Seeds of the band and the noise, the full run's among them when it is at the band's scale. */
export const BAND_SEEDS = 5;

/** The scale the band's seeds of a side run at. */
export function bandScale(scale: number): number {
  return Math.min(scale, MAX_BAND_SCALE);
}
/** Least time between two redraws while runs stream. */
export const UPDATE_MS = 250;
/**
 * A streaming redraw due when the scenario's full run is expected to finish within this long is
 * put off until it does (its last month is drawn at once): on two cores the page's drawing slows
 * the worker, and measured in `npm run bench:browser` (2026-12-04) a redraw just before the end
 * delayed the last month on screen by ~70 ms (311–318 ms with it, 243–247 ms without).
 */
export const FINISH_SOON_MS = 150;

/**
 * Idle time before background runs (`prefetch`) start: a user moving sliders keeps the workers for
 * their own runs, and a background run started just before a change costs that change up to one
 * worker batch (~30 ms) while it is cancelled.
 */
export const PREFETCH_IDLE_MS = 1000;

export interface RunData {
  /** The run's seed and scale (band runs of the two sides are paired by them). */
  seed: number;
  scale: number;
  months: string[];
  /** Months computed so far. */
  done: number;
  complete: boolean;
  /** One array per SERIES entry, NaN where not computed yet. */
  values: Float64Array[];
  problems?: Array<{ path: string; message: string }>;
}

export type Side = 'scenario' | 'baseline';

export interface SideRequest {
  input: object;
  seed: number;
  /** The input's own scale (the full run); DEFAULT_SCALE when the input sets none. */
  scale: number;
}

interface Job {
  key: string;
  input: object;
  seed: number;
  scale: number;
  /** False for the band's extra seeds: their months arrive at the end, in one batch. */
  stream: boolean;
  /** A background run (`prefetch`): it leaves no checkpoints, which would crowd out the current runs'. */
  background?: boolean;
  runId?: number;
  worker?: number;
}

export interface SideView {
  main?: RunData;
  preview?: RunData;
  band: RunData[];
}

const jobKey = (input: object, seed: number, scale: number) => `${seed}|${scale}|${JSON.stringify(input)}`;

export class Runner {
  private workers: Array<Comlink.Remote<SimWorkerApi>> = [];
  private busy: Array<Job | null> = [];
  private queue: Job[] = [];
  private cache = new Map<string, RunData>();
  private wanted = new Set<string>();
  /** Background runs still to do, in order, and the keys of all the page asked for (kept in the cache). */
  private spare: Job[] = [];
  private spareKeys = new Set<string>();
  private spareTimer: ReturnType<typeof setTimeout> | undefined;
  private nextRunId = 1;
  private sides: Record<Side, { main: string; preview: string; band: string[] } | null> = { scenario: null, baseline: null };
  private listeners = new Set<() => void>();
  /** Pace of the scenario's full run while it streams: its first and latest batch (month index, time). */
  private pace: { key: string; firstTo: number; firstAt: number; lastTo: number; lastAt: number; months: number } | null = null;
  private scheduled = false;
  /** Time of the latest request, and of the first data for it (for the benchmark). */
  requestedAt = 0;
  firstDataAt = 0;
  completeAt = 0;
  /**
   * When the listeners were first given the request's data, and the scenario's finished full run
   * (the benchmark times the charts drawn after these, so a redraw of the previous run's lines
   * does not count as the change on screen); and the times of every listener call, last 200.
   */
  firstShownAt = 0;
  mainShownAt = 0;
  readonly shownTimes: number[] = [];
  /** True when every run of the latest request was already computed (returning to a setting). */
  fromCache = false;
  /** Worker time of the latest complete runs, by scale, and the months each took from a checkpoint (for the benchmark). */
  readonly runTimes: Array<{ scale: number; ms: number; resumedAt: number }> = [];

  constructor(workerCount = 2) {
    for (let i = 0; i < workerCount; i++) {
      const w = new Worker(new URL('./worker/sim.worker.ts', import.meta.url), { type: 'module', name: `sim-${i}` });
      this.workers.push(Comlink.wrap<SimWorkerApi>(w));
      this.busy.push(null);
    }
  }

  onUpdate(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Starts what the new scenario and baseline need; cancels runs no longer needed. */
  request(scenario: SideRequest, baseline: SideRequest): void {
    this.requestedAt = performance.now();
    this.firstDataAt = 0;
    this.completeAt = 0;
    this.firstShownAt = 0;
    this.mainShownAt = 0;
    // the band: the full run and more seeds at its scale, or seeds at MAX_BAND_SCALE for larger runs
    const bandSeeds = (r: SideRequest) => {
      const scale = bandScale(r.scale);
      const own = scale === r.scale;
      return Array.from({ length: BAND_SEEDS }, (_, i) => ({ seed: r.seed + (own ? i : i + 1), scale }));
    };
    const scBand = bandSeeds(scenario);
    const bsBand = bandSeeds(baseline);
    const plan = (r: SideRequest, seeds: Array<{ seed: number; scale: number }>) => ({
      main: jobKey(r.input, r.seed, r.scale),
      preview: jobKey(r.input, r.seed, PREVIEW_SCALE),
      band: seeds.map((b) => jobKey(r.input, b.seed, b.scale)),
    });
    this.sides = { scenario: plan(scenario, scBand), baseline: plan(baseline, bsBand) };
    const jobs: Job[] = [];
    const add = (r: SideRequest, key: string, seed: number, scale: number, stream = true) => {
      if (!jobs.some((j) => j.key === key)) jobs.push({ key, input: r.input, seed, scale, stream });
    };
    const s = this.sides.scenario!;
    const b = this.sides.baseline!;
    // (no preview when the full run is already whole)
    const previewFirst = (r: SideRequest) => r.scale > PREVIEW_ABOVE_SCALE && !this.cache.get(jobKey(r.input, r.seed, r.scale))?.complete;
    // priority order: what puts the whole horizon on screen, then the full runs, then the band
    if (previewFirst(scenario)) add(scenario, s.preview, scenario.seed, PREVIEW_SCALE);
    add(scenario, s.main, scenario.seed, scenario.scale);
    if (previewFirst(baseline)) add(baseline, b.preview, baseline.seed, PREVIEW_SCALE);
    add(baseline, b.main, baseline.seed, baseline.scale);
    // the two sides' band seeds alternate, so the seed pairs behind the cards' noise complete
    // one by one (the noise needs three pairs: the full runs' and two more)
    for (let i = 0; i < BAND_SEEDS; i++) {
      // (not streamed: a band needs whole runs, and each streamed batch would cost a redraw)
      add(scenario, s.band[i], scBand[i].seed, scBand[i].scale, false);
      add(baseline, b.band[i], bsBand[i].seed, bsBand[i].scale, false);
    }
    this.wanted = new Set(jobs.map((j) => j.key));
    // cancel what is no longer wanted; keep what still is (a background run the change needs is
    // adopted: it leaves checkpoints from now on, and streams if it is a full run)
    clearTimeout(this.spareTimer);
    this.busy.forEach((job, w) => {
      if (!job || job.runId === undefined) return;
      if (!this.wanted.has(job.key)) void this.workers[w].cancel(job.runId);
      else if (job.background) {
        job.background = false;
        this.adoptions++;
        job.stream = !!jobs.find((j) => j.key === job.key)?.stream;
        void this.workers[w].adopt(job.runId, job.stream);
      }
    });
    // drop partial results no one wants (they would be stale halves)
    for (const [key, data] of this.cache) if (!data.complete && !this.wanted.has(key)) this.cache.delete(key);
    const running = new Set(this.busy.filter((j): j is Job => j !== null).map((j) => j.key));
    this.queue = jobs.filter((j) => !running.has(j.key) && !this.cache.get(j.key)?.complete);
    this.trimCache();
    // everything wanted may already be cached (going back to a setting): up to date at once
    this.fromCache = this.queue.length === 0 && this.busy.every((j) => j === null || !this.wanted.has(j.key));
    if (this.fromCache) this.completeAt = performance.now();
    // the scenario's full run already whole (computed in the background, or earlier): drawn at once
    if (this.cache.get(s.main)?.complete) this.firstDataAt = performance.now();
    this.pump();
    this.emit();
  }

  /**
   * Runs to compute in the background, in order, once everything requested is done and the page
   * has been idle for PREFETCH_IDLE_MS (replaces the previous list). Whole runs, no streaming,
   * no checkpoints; a later `request` that needs one takes it from the cache or adopts it.
   */
  prefetch(requests: SideRequest[]): void {
    const jobs: Job[] = [];
    for (const r of requests) {
      const key = jobKey(r.input, r.seed, r.scale);
      if (!jobs.some((j) => j.key === key)) jobs.push({ key, input: r.input, seed: r.seed, scale: r.scale, stream: false, background: true });
    }
    this.spareKeys = new Set(jobs.map((j) => j.key));
    this.spare = jobs;
    this.pump();
  }

  /** Keys of the background runs under way, and how many a change has taken over (for tests). */
  backgroundKeys(): string[] {
    return this.busy.filter((j): j is Job => !!j?.background).map((j) => j.key);
  }
  adoptions = 0;

  /** Background runs not yet computed (for tests and the benchmark). */
  prefetchPending(): number {
    return this.spare.filter((j) => !this.cache.get(j.key)?.complete).length;
  }

  view(side: Side): SideView {
    const plan = this.sides[side];
    if (!plan) return { band: [] };
    const band = plan.band.map((k) => this.cache.get(k)).filter((d): d is RunData => !!d && d.done > 0);
    return { main: this.cache.get(plan.main), preview: this.cache.get(plan.preview), band };
  }

  /** True when the scenario and the baseline are one run (the same inputs, seed and scale). */
  sameRun(): boolean {
    return !!this.sides.scenario && this.sides.scenario.main === this.sides.baseline?.main;
  }

  /** Runs still to do or under way, of all wanted. */
  progress(): { total: number; complete: number; mainDone: number; mainMonths: number } {
    const total = this.wanted.size;
    let complete = 0;
    for (const k of this.wanted) if (this.cache.get(k)?.complete) complete++;
    const main = this.sides.scenario ? this.cache.get(this.sides.scenario.main) : undefined;
    return { total, complete, mainDone: main?.done ?? 0, mainMonths: main?.months.length ?? 0 };
  }

  /** timeseries.csv of the scenario's full run (computed again in a worker, the CLI's format). */
  async csv(input: object, seed: number): Promise<string> {
    return this.workers[this.workers.length - 1].csv(input, seed);
  }

  dispose(): void {
    clearTimeout(this.spareTimer);
    for (const w of this.workers) w[Comlink.releaseProxy]();
  }

  /**
   * Each seed has its worker (seed mod workers), which holds the checkpoints of that seed's runs
   * (worker/sim.worker.ts), so a changed future continues from one. A free worker takes its own
   * seeds' jobs and those whose worker is busy with a run still wanted, in order of priority; a
   * job whose worker is only finishing a cancelled run (within ~40 ms) waits for it.
   */
  private pump(): void {
    const n = this.workers.length;
    const home = (job: Job) => ((job.seed % n) + n) % n;
    for (let w = 0; w < n; w++) {
      if (this.busy[w] || this.queue.length === 0) continue;
      const i = this.queue.findIndex((job) => {
        const other = this.busy[home(job)];
        return home(job) === w || (!!other && this.wanted.has(other.key));
      });
      if (i < 0) continue;
      const [job] = this.queue.splice(i, 1);
      void this.start(w, job);
    }
    this.pumpBackground();
  }

  /** Starts background runs on free workers when nothing requested is left and the page has been idle long enough. */
  private pumpBackground(): void {
    if (this.queue.length > 0 || this.busy.some((j) => j && this.wanted.has(j.key)) || !this.completeAt) return;
    const wait = this.completeAt + PREFETCH_IDLE_MS - performance.now();
    if (wait > 0) {
      clearTimeout(this.spareTimer);
      this.spareTimer = setTimeout(() => this.pump(), wait);
      return;
    }
    for (let w = 0; w < this.workers.length; w++) {
      if (this.busy[w]) continue;
      const running = new Set(this.busy.map((j) => j?.key));
      const job = this.spare.find((j) => !running.has(j.key) && !this.cache.get(j.key)?.complete);
      if (!job) return;
      void this.start(w, { ...job });
    }
  }

  private async start(w: number, job: Job): Promise<void> {
    job.runId = this.nextRunId++;
    job.worker = w;
    this.busy[w] = job;
    const data: RunData = { seed: job.seed, scale: job.scale, months: [], done: 0, complete: false, values: [] };
    this.cache.set(job.key, data);
    const onBatch = (b: Batch) => {
      if (this.cache.get(job.key) !== data) return;
      if (b.months) {
        data.months = b.months;
        data.values = SERIES_KEYS.map(() => new Float64Array(b.months!.length).fill(Number.NaN));
      }
      const n = b.to - b.from;
      for (let s = 0; s < data.values.length; s++) data.values[s].set(b.values.subarray(s * n, (s + 1) * n), b.from);
      data.done = b.to;
      const now = performance.now();
      if (job.key === this.sides.scenario?.main) {
        if (this.pace?.key !== job.key) this.pace = { key: job.key, firstTo: b.to, firstAt: now, lastTo: b.to, lastAt: now, months: data.months.length };
        else { this.pace.lastTo = b.to; this.pace.lastAt = now; }
      }
      if (!this.firstDataAt && this.wanted.has(job.key)) this.firstDataAt = now;
      this.emit();
    };
    let outcome: RunOutcome;
    try {
      outcome = await this.workers[w].run({ runId: job.runId, input: job.input, seed: job.seed, scale: job.scale, keys: SERIES_KEYS, stream: job.stream, checkpoints: !job.background }, Comlink.proxy(onBatch));
    } catch (e) {
      outcome = { ok: false, problems: [{ path: '', message: String((e as Error).message ?? e) }] };
    }
    this.busy[w] = null;
    if (this.pace?.key === job.key) this.pace = null;
    if (outcome.ok && !outcome.cancelled) {
      data.complete = true;
      // (the benchmark's worker times are of the runs changes asked for)
      if (this.wanted.has(job.key)) this.runTimes.push({ scale: job.scale, ms: outcome.ms, resumedAt: outcome.resumedAt });
      if (this.runTimes.length > 50) this.runTimes.shift();
    }
    else if (!outcome.ok) { data.problems = outcome.problems; data.complete = true; }
    else if (this.cache.get(job.key) === data) this.cache.delete(job.key);
    if (this.wanted.size > 0 && [...this.wanted].every((k) => this.cache.get(k)?.complete) && !this.completeAt) this.completeAt = performance.now();
    this.pump();
    // a finished full run is drawn at once, not after the streaming throttle
    this.emit(data.complete && (job.key === this.sides.scenario?.main || job.key === this.sides.baseline?.main));
  }

  /** Expected time until the scenario's streaming full run ends, from its pace so far; undefined when unknown. */
  private fullRunLeftMs(): number | undefined {
    const p = this.pace;
    if (!p || p.lastTo <= p.firstTo) return undefined;
    const msPerMonth = (p.lastAt - p.firstAt) / (p.lastTo - p.firstTo);
    return Math.max(0, (p.months - p.lastTo) * msPerMonth - (performance.now() - p.lastAt));
  }

  private trimCache(): void {
    const MAX = 60;
    if (this.cache.size <= MAX) return;
    for (const key of this.cache.keys()) {
      if (this.cache.size <= MAX) break;
      if (!this.wanted.has(key) && !this.spareKeys.has(key)) this.cache.delete(key);
    }
  }

  private lastEmit = 0;
  private emitTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Listeners are called at most every UPDATE_MS (the first data of a request, and a finished
   * full run, at once), so redrawing never crowds the main thread while runs stream. The first
   * data goes ahead of a redraw already waiting for its turn: a change made within UPDATE_MS of
   * the last redraw (a slider dragged, a seed typed) otherwise showed the previous run until the
   * new one had finished.
   */
  private emit(now = false): void {
    const first = this.firstDataAt > 0 && this.firstDataAt > this.lastEmit;
    if (this.scheduled && !now && !first) return;
    clearTimeout(this.emitTimer);
    this.scheduled = true;
    const wait = first || now ? 0 : Math.max(0, this.lastEmit + UPDATE_MS - performance.now());
    const run = () => {
      this.scheduled = false;
      this.lastEmit = performance.now();
      if (this.firstDataAt && !this.firstShownAt) this.firstShownAt = this.lastEmit;
      const main = this.sides.scenario && this.cache.get(this.sides.scenario.main);
      if (main?.complete && !this.mainShownAt) this.mainShownAt = this.lastEmit;
      this.shownTimes.push(this.lastEmit);
      if (this.shownTimes.length > 200) this.shownTimes.splice(0, 100);
      for (const fn of this.listeners) fn();
    };
    // later updates of a stream wait for an animation frame, and for the full run's end when it is near
    const later = () => {
      const left = this.fullRunLeftMs();
      if (left !== undefined && left < FINISH_SOON_MS) this.emitTimer = setTimeout(() => requestAnimationFrame(run), left + 20);
      else requestAnimationFrame(run);
    };
    this.emitTimer = setTimeout(() => (first || now ? run() : later()), wait);
  }
}
