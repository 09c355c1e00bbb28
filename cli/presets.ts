/**
 * The project's built-in scenarios (scenarios/<name>.json), read and resolved as the commands use
 * them; and which kind of input file a text is, so a command given the other kind can say so.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveScenario, parseScenarioText, type ResolvedScenario } from '../sim/schema/resolve.ts';
import { isExperimentLike } from '../sim/batch/experiment.ts';
import { MODEL_VERSION } from '../sim/run.ts';
import { RESULT_KINDS } from './writers.ts';
import { InputError } from './errors.ts';

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
/** What marks an object as an experiment ("base" and "parameters", or a list of "scenarios" to compare), as said to the user; undefined for other objects. */
export function experimentMark(raw: Record<string, unknown>): string | undefined {
  if (!isExperimentLike(raw)) return undefined;
  return Array.isArray(raw.scenarios) ? 'it compares "scenarios"' : 'it has "base" and "parameters"';
}

export function fileKind(text: string, origin: string): 'experiment' | 'scenario' | undefined {
  let raw: unknown;
  try {
    raw = parseScenarioText(text, origin);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  if (isExperimentLike(raw as Record<string, unknown>)) return 'experiment';
  try {
    resolveScenario(raw);
    return 'scenario';
  } catch {
    return undefined;
  }
}

/** What re-runs each kind of results manifest, and the command that reads it. */
const MANIFEST_INPUTS: Record<string, { field: string; command: string; words: string }> = {
  [RESULT_KINDS.run]: { field: 'scenarioInput', command: 'sim', words: 'a single run' },
  [RESULT_KINDS.sweep]: { field: 'experiment', command: 'sweep', words: 'a sweep' },
  [RESULT_KINDS.sensitivity]: { field: 'experiment', command: 'sensitivity', words: 'a sensitivity analysis' },
};

/**
 * A results manifest (manifest.json of sim, sweep or sensitivity) given as input: the command that
 * re-runs it, the input it records (the scenario with its seed, or the experiment with its base
 * inlined) and the model version that made it. Undefined for any other text.
 */
export function manifestInput(text: string): { command: string; words: string; input: unknown; modelVersion: string } | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const { kind, modelVersion } = raw as { kind?: unknown; modelVersion?: unknown };
  const how = typeof kind === 'string' ? MANIFEST_INPUTS[kind] : undefined;
  const input = how ? (raw as Record<string, unknown>)[how.field] : undefined;
  if (!how || typeof input !== 'object' || input === null) return undefined;
  return { command: how.command, words: how.words, input, modelVersion: String(modelVersion ?? 'unknown') };
}

/**
 * The input a command runs: a file's own text, or, for a results manifest of the command's own
 * kind, the input it records (re-running it repeats the results exactly under the same model
 * version; a note on stderr says when the model has changed since). A manifest of another
 * command's results is refused with the command that re-runs it.
 */
export function inputText(text: string, file: string, command: 'sim' | 'sweep' | 'sensitivity', stderr: NodeJS.WritableStream = process.stderr): string {
  const manifest = manifestInput(text);
  if (!manifest) return text;
  if (manifest.command !== command) throw new InputError(`${file} is the manifest of ${manifest.words}; re-run it with npm run ${manifest.command} -- ${file}`);
  stderr.write(`Using the ${manifest.command === 'sim' ? 'scenario' : 'experiment'} recorded in ${file}${manifest.modelVersion === MODEL_VERSION ? '' : ` (made with model ${manifest.modelVersion}; this is model ${MODEL_VERSION}, so its numbers may differ)`}\n`);
  return JSON.stringify(manifest.input, null, 2);
}
