/**
 * The JSON Schema of scenario files, derived from `scenarioFileSchema` (sim/schema/scenario.ts).
 * `npm run schema` writes it to scenarios/scenario.schema.json; test/schema-file.test.ts checks
 * that the committed file matches.
 *
 * zod's `toJSONSchema` copies each parameter's `.meta()` into the node as it is: a bilingual
 * `label`, `description` and `unit` ({ en, zh } objects), `group`, `source`, `schedule`, `integer`.
 * An object `description` is not valid JSON Schema, and editors show `title` and `description`,
 * so each node is rewritten:
 *   title        the English label
 *   description  "English description — 中文说明 (unit; source)"
 *   x-label, x-description, x-unit, x-group, x-source, x-schedule, x-integer   the declarations as given
 * Keywords come in a fixed order so the output is stable; `properties` keep declaration order.
 */
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { scenarioFileSchema } from '../sim/schema/scenario.ts';

/** Where the schema file lives. */
export const SCHEMA_PATH = fileURLToPath(new URL('../scenarios/scenario.schema.json', import.meta.url));
export const SCHEMA_ID = 'urn:yiwu-digital-trade-sandbox:scenario.schema.json';
export const SCHEMA_TITLE = 'Yiwu digital trade sandbox scenario · 义乌数字贸易政策沙盘情景';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { [key: string]: Json };

interface Text {
  en: string;
  zh: string;
}
const isText = (v: unknown): v is Text =>
  typeof v === 'object' && v !== null && typeof (v as Text).en === 'string' && typeof (v as Text).zh === 'string';

/** JSON Schema keywords, in the order they are written. Any other key is a declaration (x-…). */
const KEYWORD_ORDER = [
  '$schema', '$id', 'title', 'description', 'type', 'const', 'enum', 'pattern', 'minLength', 'maxLength',
  'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems',
  'default', 'examples', 'properties', 'required', 'additionalProperties', 'items', 'prefixItems',
  'anyOf', 'oneOf', 'allOf', 'not', '$ref', '$defs', 'definitions',
];
const KEYWORDS = new Set(KEYWORD_ORDER);
const DECLARATION_ORDER = ['x-label', 'x-description', 'x-unit', 'x-group', 'x-source', 'x-schedule', 'x-integer'];

/** Keywords whose value is a schema, a list of schemas, or a map of schemas. */
const SUBSCHEMA = new Set(['items', 'not', 'additionalProperties']);
const SUBSCHEMA_LIST = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
const SUBSCHEMA_MAP = new Set(['properties', '$defs', 'definitions']);

function describe(desc: Text, unit: unknown, source: unknown): string {
  const notes: string[] = [];
  if (isText(unit) && unit.en !== '—') notes.push(unit.en === unit.zh ? unit.en : `${unit.en} / ${unit.zh}`);
  if (typeof source === 'string' && source) notes.push(source);
  return `${desc.en} — ${desc.zh}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/** Rewrites one schema node (and the schemas inside it); data such as `default` is left alone. */
function rewrite(node: Json): Json {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) {
    if (SUBSCHEMA.has(key)) out[key] = rewrite(value);
    else if (SUBSCHEMA_LIST.has(key) && Array.isArray(value)) out[key] = value.map(rewrite);
    else if (SUBSCHEMA_MAP.has(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    } else if (key === 'description' && isText(value)) out['x-description'] = value as unknown as Json;
    else if (KEYWORDS.has(key)) out[key] = value;
    else out[`x-${key}`] = value;
  }
  const label = out['x-label'];
  const desc = out['x-description'];
  if (isText(label) && out.title === undefined) out.title = label.en;
  if (isText(desc)) out.description = describe(desc, out['x-unit'], out['x-source']);
  else if (isText(label) && out.description === undefined) out.description = `${label.en} — ${label.zh}`;
  return ordered(out);
}

function ordered(node: Node): Node {
  const rank = (k: string) => {
    const i = KEYWORD_ORDER.indexOf(k);
    if (i >= 0) return i;
    const j = DECLARATION_ORDER.indexOf(k);
    return j >= 0 ? KEYWORD_ORDER.length + j : KEYWORD_ORDER.length + DECLARATION_ORDER.length;
  };
  const keys = Object.keys(node).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, node[k]]));
}

/** The JSON Schema of a scenario file, as a plain object. */
export function scenarioJsonSchema(): Node {
  // draft-07: the draft every common editor (VS Code, JetBrains, yaml/json language servers) supports fully.
  const generated = z.toJSONSchema(scenarioFileSchema, { io: 'input', target: 'draft-07', unrepresentable: 'throw' });
  const root = rewrite(JSON.parse(JSON.stringify(generated)) as Json) as Node;
  return ordered({ ...root, $id: SCHEMA_ID, title: SCHEMA_TITLE });
}

/** The file's exact text: two-space indentation and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
