/** Command-line option parsers and checks shared by the commands. */
import { InvalidArgumentError, Option } from 'commander';
import { parseShard, type Shard } from '../sim/batch/index.ts';
import { InputError } from './errors.ts';

export function parseWorkers(value: string): number {
  const n = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= 256)) throw new InvalidArgumentError(`--workers must be a whole number from 1 to 256; got "${value}".`);
  return n;
}

/** --shard i/n: this job's share of a batch (runs whose index ≡ i − 1 mod n). */
export function parseShardOption(value: string): Shard {
  const s = parseShard(value);
  if (!s) throw new InvalidArgumentError(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/3; got "${value}".`);
  return s;
}

/** A whole number from `min` to `max` given to option `name`, or an error saying what is allowed. */
export function wholeNumber(name: string, value: string, min: number, max: number): number {
  const n = /^\d{1,9}$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max)) throw new InputError(`${name}: "${value}" is not allowed; use a whole number from ${min} to ${max}`);
  return n;
}

/** A scale (1 = Yiwu's 75,000 booths) given to option `name`: from `min` (the scenario schema's 0.001 unless a command needs more, `why`) to 1. */
export function scaleOption(name: string, value: string, min = 0.001, why = ''): number {
  const s = Number(value);
  if (!(value.trim() !== '' && s >= min && s <= 1)) throw new InputError(`${name}: "${value}" is not allowed; use a number from ${min} to 1${why ? ` (${why})` : ''}`);
  return s;
}

/** "1 run", "2 runs"; a noun ending in a consonant and y takes -ies ("2 directories"). */
export const plural = (n: number, noun: string): string => `${n} ${n === 1 ? noun : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`}`;

/**
 * An option with a default that the help shows as written, e.g. "(default: 3)" or
 * "(default: 2/15 ≈ 0.1333)" (commander would show a string default in quotes, with all its digits).
 */
export function optionWithDefault(flags: string, description: string, value: string, shown = value): Option {
  return new Option(flags, description).default(value, shown);
}

/**
 * A note on stderr when more worker threads are asked for than the machine has cores: runs then
 * share cores and the batch is slower, not faster (64 workers on 2 cores took 38 s, 2 took 6 s).
 */
export function noteOversubscription(workers: number, cores: number, stderr: NodeJS.WritableStream = process.stderr): void {
  if (workers > cores) stderr.write(`note: ${workers} workers on ${plural(cores, 'core')}: the runs share the cores and the batch is slower than with --workers ${cores}\n`);
}
