/**
 * `npm run docs`: rewrites the generated parameter section of docs/ODD.md (between
 * `<!-- BEGIN GENERATED PARAMETERS -->` and `<!-- END GENERATED PARAMETERS -->`) from the
 * scenario schema, the world tables and the metric catalogue (cli/param-table.ts).
 * test/odd-docs.test.ts fails when the committed section is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { parameterTableMarkdown, replaceGeneratedSection } from './param-table.ts';

export const ODD_PATH = fileURLToPath(new URL('../docs/ODD.md', import.meta.url));

const shown = relative(process.cwd(), ODD_PATH) || ODD_PATH;
let doc: string;
try {
  doc = readFileSync(ODD_PATH, 'utf8');
} catch {
  console.error(`error: cannot read ${shown}; it must exist and contain the generated-section markers`);
  process.exit(1);
}
let next: string;
try {
  next = replaceGeneratedSection(doc, parameterTableMarkdown());
} catch (e) {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
}
if (next === doc) {
  console.log(`${shown}: parameter section is up to date`);
} else {
  writeFileSync(ODD_PATH, next);
  console.log(`${shown}: parameter section rewritten`);
}
