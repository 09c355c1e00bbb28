import * as z from 'zod';
import { scenarioFileSchema } from '../sim/schema/scenario.ts';
for (const target of ['draft-07', 'draft-2020-12'] as const) {
const js = z.toJSONSchema(scenarioFileSchema, { io: 'input', target });
const keys = new Map<string, Set<string>>();
function walk(n: any) {
  if (!n || typeof n !== 'object') return;
  for (const [k, v] of Object.entries(n)) {
    if (!keys.has(k)) keys.set(k, new Set());
    keys.get(k)!.add(Array.isArray(v) ? 'array' : typeof v);
  }
  for (const k of ['items', 'not', 'additionalProperties']) walk(n[k]);
  for (const k of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) (n[k] ?? []).forEach(walk);
  for (const k of ['properties', '$defs', 'definitions']) Object.values(n[k] ?? {}).forEach(walk);
}
walk(js);
console.log(target, [...keys].map(([k, v]) => `${k}:${[...v]}`).join('  '));
console.log(JSON.stringify(js).includes('$ref'));
}
