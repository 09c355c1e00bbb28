/**
 * Writes scenarios/scenario.schema.json from the scenario schema declaration (`npm run schema`).
 * Scenario files point at it with `"$schema": "./scenario.schema.json"` for editor completion.
 */
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { scenarioJsonSchemaText, SCHEMA_PATH } from './schema-json.ts';

const text = scenarioJsonSchemaText();
let previous: string | undefined;
try {
  previous = readFileSync(SCHEMA_PATH, 'utf8');
} catch {
  previous = undefined;
}
const shown = relative(process.cwd(), SCHEMA_PATH) || SCHEMA_PATH;
if (previous === text) {
  console.log(`${shown} is up to date`);
} else {
  mkdirSync(dirname(SCHEMA_PATH), { recursive: true });
  writeFileSync(SCHEMA_PATH, text);
  console.log(`wrote ${shown} (${text.length} characters)`);
}
