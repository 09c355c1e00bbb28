/**
 * How the command line fails: bad input (a missing or unreadable file, an invalid scenario, an
 * output directory that cannot be written) prints one clear message and exits 1; anything else
 * is a bug in the program: a one-line message asking for a report (the stack only with DEBUG set).
 * Never a stack trace for the user's own mistakes.
 */
import { CommanderError } from 'commander';
import * as path from 'node:path';
import { ScenarioError } from '../sim/index.ts';

/** A problem with what the user gave us; its message is shown as is. */
export class InputError extends Error {
  override name = 'InputError';
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'exists and is not a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
};

/** A file-system error (errno code + path) as a readable sentence, or undefined for anything else. */
export function describeFsError(e: unknown, doing: string): string | undefined {
  const err = e as NodeJS.ErrnoException;
  if (!(e instanceof Error) || typeof err.code !== 'string' || !/^E[A-Z]+$/.test(err.code)) return undefined;
  // a relative path missing: say where it was looked for (npm run works from the project folder, not where the user stands)
  const resolved = err.code === 'ENOENT' && err.path && !path.isAbsolute(err.path) ? ` (looked for ${path.resolve(err.path)})` : '';
  const where = err.path ? ` ${JSON.stringify(err.path)}${resolved}` : '';
  return `${doing}${where}: ${REASONS[err.code] ?? err.message}`;
}

/** Prints the error on stderr and returns the exit code. */
export function report(e: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (e instanceof ScenarioError || e instanceof InputError) {
    stderr.write(`error: ${e.message}\n`);
    return 1;
  }
  const fsMessage = describeFsError(e, 'cannot access');
  if (fsMessage) {
    stderr.write(`error: ${fsMessage}\n`);
    return 1;
  }
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  stderr.write(`internal error: ${message} (a bug in the simulator: please report it with the scenario file and the command line${process.env.DEBUG ? '' : '; set DEBUG=1 for details'})\n`);
  if (process.env.DEBUG && e instanceof Error && e.stack) stderr.write(`${e.stack}\n`);
  return 1;
}

/**
 * The exit code of a command that ended with `e`: 2 for a usage error commander has already
 * printed (unknown option, bad option value), 0 for --help, else `report`'s (1, with the message).
 */
export function exitCode(e: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  return report(e, stderr);
}
