/** Command-line option parsers shared by the batch commands. */
import { InvalidArgumentError } from 'commander';

export function parseWorkers(value: string): number {
  const n = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= 256)) throw new InvalidArgumentError(`--workers must be a whole number from 1 to 256; got "${value}".`);
  return n;
}
