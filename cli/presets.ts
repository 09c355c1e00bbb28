/**
 * The project's built-in scenarios (scenarios/<name>.json), read and resolved as the commands use
 * them; and which kind of input file a text is, so a command given the other kind can say so.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveScenario, parseScenarioText, type ResolvedScenario } from '../sim/schema/resolve.ts';

/** The repository's root folder. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A scenario file, resolved; problems name the file. */
export function readScenarioFile(file: string): ResolvedScenario {
  return resolveScenario(readFileSync(file, 'utf8'), { origin: file });
}

/** A preset by name: scenarios/<name>.json. */
export function readPreset(name: string): ResolvedScenario {
  return readScenarioFile(join(ROOT, 'scenarios', `${name}.json`));
}

/**
 * What a JSON file holds: an experiment (it has "base" and "parameters"), a scenario (it resolves
 * as one), or neither (unreadable, or with problems of its own kind).
 */
export function fileKind(text: string, origin: string): 'experiment' | 'scenario' | undefined {
  let raw: unknown;
  try {
    raw = parseScenarioText(text, origin);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  if ('parameters' in raw && 'base' in raw) return 'experiment';
  try {
    resolveScenario(raw);
    return 'scenario';
  } catch {
    return undefined;
  }
}
