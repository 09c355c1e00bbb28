/** The project's built-in scenarios (scenarios/<name>.json), read and resolved as the commands use them. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveScenario, type ResolvedScenario } from '../sim/schema/resolve.ts';

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
