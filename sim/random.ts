/**
 * Seeded random streams, all derived from the scenario seed, so the same scenario and seed give
 * identical numbers in any environment. Two kinds:
 * - `stream(seed, purpose, index)`: a stream named by its purpose (initialisation of merchants,
 *   buyers, providers, …), so one purpose's draws never shift another's;
 * - `AgentStreams`: one stream per agent (merchant, booth, buyer agent), from which that agent's
 *   monthly decisions draw in a fixed order. One agent's decisions do not shift another agent's
 *   draws (a mechanism that draws more often does shift the same agent's later draws; credit,
 *   first come, first served, refuses later applicants without a draw once the month's supply is
 *   lent). Incumbents and booths get their streams in order of creation; an entrant gets the
 *   stream named by its booth and month of entry (`assignAt`), so an entrant more or fewer in
 *   one run does not give every later entrant another stream.
 *
 * Generator: seedrandom's Alea (Baagøe), fast and identical across JavaScript engines.
 */
import seedrandom from 'seedrandom';
import { cosTwoPi, log, pow } from './portableMath.ts';

export interface Stream {
  /** Uniform on [0, 1). */
  (): number;
}

export function stream(seed: number, purpose: string, index = 0): Stream {
  return seedrandom.alea(streamName(seed, purpose, index)) as unknown as Stream;
}

const streamName = (seed: number, purpose: string, index: number) => `yiwu:${seed}:${purpose}:${index}`;

/** Standard normal draw (Box–Muller, one value per call: simple and allocation-free). */
export function normal(rng: Stream): number {
  let u = rng();
  while (u <= 1e-300) u = rng();
  return Math.sqrt(-2 * log(u)) * cosTwoPi(rng());
}

/**
 * Productivity φ from a Pareto draw (quantile u, tail exponent `shape`) as a merchant of a
 * sample of `sample` standing for a population of `population` merchants represents it, when
 * what matters is φ^`power` (sales, attraction).
 *
 * Sales ∝ φ^power have tail exponent a = shape ÷ power, near or below 1: their mean is dominated
 * by the largest draws, so a sample of n merchants each standing for population ÷ n booths
 * misses the top of the population's distribution (top 1 ÷ n of quantiles) and totals, shares
 * of the largest merchants and the margin of the smallest would change with the sample size.
 * So:
 * - the population has no merchant above its typical largest, x_max = population^(1/a) (the
 *   quantile 1 − 1/population): larger draws are capped there;
 * - a draw in the top 1/sample of quantiles, which one sampled merchant cannot resolve, stands
 *   for that whole slice: φ^power is the slice's mean, E[min(X, x_max) | X > sample^(1/a)].
 * Below the top slice the draw is the plain Pareto. The expected total of φ^power per merchant
 * is then the same at any sample size, and at sample = population the rule is only the cap.
 */
export function representativePareto(u: number, shape: number, power: number, sample: number, population: number): number {
  const tail = 1 - u;
  const a = shape / power;
  if (tail * sample >= 1) return pow(tail, -1 / shape);
  const top = pow(sample, 1 / a); // X at the lower edge of the top slice
  const cap = pow(Math.max(population, sample), 1 / a);
  // ∫ from top to cap of x · a x^(−a−1) dx, plus the capped mass cap · cap^(−a); divided by the slice's probability 1/sample
  const body = Math.abs(a - 1) < 1e-9 ? log(cap / top) : (a / (1 - a)) * (pow(cap, 1 - a) - pow(top, 1 - a));
  const mean = sample * (body + pow(cap, 1 - a));
  return pow(mean, 1 / power);
}

/** Pareto draw with minimum 1 and tail exponent `shape`: P(X > x) = x^-shape. */
export function pareto(rng: Stream, shape: number): number {
  return paretoFrom(rng(), shape);
}

/** The same, from a uniform u on [0, 1). */
export function paretoFrom(u: number, shape: number): number {
  return pow(1 - u, -1 / shape);
}

/**
 * Poisson draw by inversion of the CDF from one uniform `u`, with e^-mean precomputed by the
 * caller (so a month's draws at the same mean share one exp). Fine for small means (< 30).
 */
export function poissonFromUniform(u: number, mean: number, expMinusMean: number): number {
  let k = 0;
  let p = expMinusMean;
  let cdf = p;
  while (u > cdf && k < 200) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/**
 * Binomial(n, p) draw by inversion of the CDF from one uniform `u` (n small). A caller that
 * draws often at the same p may pass (1 − p)^n, computed as pow(1 - p, n), to save the power.
 */
export function binomialFromUniform(u: number, n: number, p: number, qPowN = -1): number {
  if (p <= 0 || n <= 0) return 0;
  if (p >= 1) return n;
  const q = 1 - p;
  let k = 0;
  let prob = qPowN >= 0 ? qPowN : pow(q, n);
  let cdf = prob;
  while (u >= cdf && k < n) {
    prob *= ((n - k) / (k + 1)) * (p / q);
    k++;
    cdf += prob;
  }
  return k;
}

/**
 * One random stream per agent, kept as a struct of typed arrays. Each stream is Alea — the
 * generator seedrandom uses (random.ts `stream`) — with its state (s0, s1, s2, c) held in
 * Float64Arrays and stepped inline, so a draw allocates nothing and costs a few nanoseconds.
 *
 * Why per agent: a merchant's decisions draw only from its own stream, so in a policy scenario
 * and its baseline the same merchant sees the same luck for as long as it lives in both
 * (common random numbers: an incumbent has the same stream in both; so has an entrant that takes
 * the same booth in the same month in both, its stream being named by booth and month).
 * Differences between runs then come from the policy, not from a reshuffle of everyone's draws —
 * a small policy effect is not drowned in noise.
 *
 * Agent number n gets the n-th state drawn from a seedrandom stream named by the stream's
 * purpose (`assign`), or a state named by its slot and a month (`assignAt`), so agent streams
 * are reproducible and independent of the scenario.
 */
export class AgentStreams {
  /** State (s0, s1, s2, c) of slot i at [4i … 4i+3]: one cache line holds two agents. */
  private readonly state4: Float64Array;
  /** Alea with its state readable (seedrandom's `state` option: the same numbers), for copies. */
  private readonly master: seedrandom.StatefulPRNG<seedrandom.State.Alea>;
  /** Four 32-bit keys from the seed and purpose, for streams and numbers named by place and time (`assignAt`, `uniformAt`). */
  private readonly salt: Uint32Array;

  constructor(capacity: number, seed: number, purpose: string) {
    this.state4 = new Float64Array(capacity * 4);
    this.master = seedrandom.alea(streamName(seed, `agents:${purpose}`, 0), { state: true });
    const keys = seedrandom.alea(streamName(seed, `agents:${purpose}:at`, 0));
    this.salt = Uint32Array.from({ length: 4 }, () => keys.int32() >>> 0);
  }

  /** Agents the streams have room for. */
  get capacity(): number {
    return this.state4.length / 4;
  }

  /** An independent copy: the same streams, and the same streams for agents assigned later (a checkpoint). */
  copy(): AgentStreams {
    // made by the constructor, so copies and originals share one shape (the engine's hidden class)
    return new AgentStreams(this.capacity, 0, '').copyFrom(this);
  }

  /** Makes these streams another's (of the same capacity): the same draws from here on. */
  copyFrom(other: AgentStreams): this {
    if (other.capacity !== this.capacity) throw new Error(`streams for ${other.capacity} agents copied into streams for ${this.capacity}`);
    this.state4.set(other.state4);
    this.salt.set(other.salt);
    (this as unknown as { master: AgentStreams['master'] }).master = seedrandom.alea('', { state: other.master.state() });
    return this;
  }

  /** Gives slot i the next agent's stream (call once per new agent, in order of agent number). */
  assign(i: number): void {
    const o = i * 4;
    this.state4[o] = this.master();
    this.state4[o + 1] = this.master();
    this.state4[o + 2] = this.master();
    this.state4[o + 3] = 1;
  }

  /**
   * Gives slot i the stream named by the slot and `key` (a month), not by order: an agent that
   * takes slot i in month `key` has the same stream in any run with this seed, however many
   * agents were assigned before it (common random numbers for entrants). The state (s0, s1, s2)
   * is three 32-bit hashes of (salt, i, key), with c = 1, as Alea seeds itself (seedrandom's
   * Mash gives s0, s1, s2 in 2^-32 steps and c = 1). Allocates nothing.
   */
  assignAt(i: number, key: number): void {
    const o = i * 4;
    const salt = this.salt;
    this.state4[o] = hashAt(salt[0], i, key) * 2.3283064365386963e-10;
    this.state4[o + 1] = hashAt(salt[1], i, key) * 2.3283064365386963e-10;
    this.state4[o + 2] = hashAt(salt[2], i, key) * 2.3283064365386963e-10;
    this.state4[o + 3] = 1;
  }

  /** A uniform on [0, 1) named by slot i and `key` (a month), as `assignAt`'s streams are: no stream is drawn from. */
  uniformAt(i: number, key: number): number {
    return hashAt(this.salt[3], i, key) * 2.3283064365386963e-10;
  }

  /** Uniform on [0, 1) from slot i's stream (Alea's step, as in seedrandom's lib/alea.js). */
  next(i: number): number {
    const st = this.state4;
    const o = i * 4;
    const t = 2091639 * st[o] + st[o + 3] * 2.3283064365386963e-10;
    st[o] = st[o + 1];
    st[o + 1] = st[o + 2];
    // Alea's `t | 0`: t is never negative and stays far below 2^31, so Math.floor is the same
    // number, and a cheaper instruction than a checked truncation to int32
    const c = Math.floor(t);
    st[o + 3] = c;
    return (st[o + 2] = t - c);
  }

  /** Slot i's state, for tests that compare with seedrandom's own Alea. */
  state(i: number): { s0: number; s1: number; s2: number; c: number } {
    const o = i * 4;
    return { s0: this.state4[o], s1: this.state4[o + 1], s2: this.state4[o + 2], c: this.state4[o + 3] };
  }
}

/** MurmurHash3's finaliser: a bijection of 32-bit words in which every input bit flips each output bit with chance about 1/2. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 32-bit hash of (i, key) under `salt` (i and key taken as 32-bit integers). */
function hashAt(salt: number, i: number, key: number): number {
  return fmix32(fmix32(salt ^ i) ^ Math.imul(key, 0x9e3779b9));
}
