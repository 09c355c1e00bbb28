/**
 * scenarios/scenario.schema.json is generated from the scenario schema declaration
 * (`npm run schema`); this fails when the committed file no longer matches it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText, SCHEMA_PATH, SCHEMA_ID } from '../cli/schema-json.ts';

type Node = Record<string, unknown>;

/** Every schema node (not data such as defaults), with its JSON pointer. */
function* schemaNodes(node: unknown, at = '#'): Generator<[string, Node]> {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
  const n = node as Node;
  yield [at, n];
  for (const k of ['items', 'not', 'additionalProperties']) yield* schemaNodes(n[k], `${at}/${k}`);
  for (const k of ['anyOf', 'oneOf', 'allOf']) {
    if (Array.isArray(n[k])) for (const [i, s] of (n[k] as unknown[]).entries()) yield* schemaNodes(s, `${at}/${k}/${i}`);
  }
  for (const k of ['properties', 'definitions', '$defs']) {
    for (const [name, s] of Object.entries((n[k] as Node | undefined) ?? {})) yield* schemaNodes(s, `${at}/${k}/${name}`);
  }
}

describe('scenarios/scenario.schema.json', () => {
  it('matches the scenario schema declaration', () => {
    if (!existsSync(SCHEMA_PATH)) throw new Error('scenarios/scenario.schema.json is missing: run npm run schema');
    const onDisk = readFileSync(SCHEMA_PATH, 'utf8');
    // A plain comparison, so a stale file gives one clear line instead of a 100 kB diff.
    if (onDisk !== scenarioJsonSchemaText()) {
      throw new Error('scenarios/scenario.schema.json is out of date with sim/schema: run npm run schema');
    }
  });

  it('is generated deterministically', () => {
    expect(scenarioJsonSchemaText()).toBe(scenarioJsonSchemaText());
  });

  it('has an id, a title and editor-readable titles and descriptions', () => {
    const schema = scenarioJsonSchema();
    expect(schema.$id).toBe(SCHEMA_ID);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(String(schema.title)).toContain('义乌');
    for (const [at, node] of schemaNodes(schema)) {
      if ('description' in node) expect(typeof node.description, `${at}/description`).toBe('string');
      if ('title' in node) expect(typeof node.title, `${at}/title`).toBe('string');
      for (const key of ['label', 'unit', 'group', 'source', 'schedule', 'integer']) expect(node, `${at} keeps ${key} only as x-${key}`).not.toHaveProperty(key);
      if ('x-label' in node) expect(node.title, `${at}/title`).toBe((node['x-label'] as { en: string }).en);
    }
  });

  it('carries each parameter\'s bilingual declaration', () => {
    const model = (scenarioJsonSchema().properties as Record<string, Node>).model;
    const p = (model.properties as Record<string, Node>).priceSensitivity;
    expect(p).toMatchObject({
      title: 'Price sensitivity of buyers',
      type: 'number',
      minimum: 1.2,
      maximum: 10,
      default: 3,
      'x-label': { en: 'Price sensitivity of buyers', zh: '买家价格敏感度' },
      'x-group': 'model',
    });
    expect(p.description).toMatch(/^Logit coefficient .* — 到岸成本.*\(Broda & Weinstein 2006/);
    expect(p['x-description']).toMatchObject({ en: expect.any(String), zh: expect.any(String) });

    const regions = (scenarioJsonSchema().properties as Record<string, Node>).regions;
    const tariff = ((regions.items as Node).properties as Record<string, Node>).tariff;
    expect(tariff).toMatchObject({ title: 'Tariff', minimum: 0, maximum: 2, 'x-schedule': true, 'x-unit': { en: 'share of value', zh: '占货值比例' } });
    expect(tariff.description).toContain('(share of value / 占货值比例; WTO World Tariff Profiles 2020)');
  });
});
