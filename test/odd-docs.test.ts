/**
 * docs/ODD.md stays true to the code: its generated parameter section matches the schema
 * (`npm run docs` rewrites it), every mechanism module is linked from it, and every phase of
 * the monthly schedule is named in it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { parameterTableMarkdown, generatedSection, BEGIN_MARKER, END_MARKER } from '../cli/param-table.ts';
import { monthlyPhases } from '../sim/step.ts';
import { resolveScenario } from '../sim/schema/resolve.ts';
import { createWorld } from '../sim/world/init.ts';

const root = join(import.meta.dirname, '..');
const odd = readFileSync(join(root, 'docs', 'ODD.md'), 'utf8');

describe('docs/ODD.md', () => {
  it('has an up-to-date generated parameter section', () => {
    const section = generatedSection(odd);
    if (section === undefined) throw new Error(`docs/ODD.md lacks the markers ${BEGIN_MARKER} … ${END_MARKER}: add them and run npm run docs`);
    // A plain comparison, so a stale section gives one clear line instead of a long diff.
    if (section.trim() !== parameterTableMarkdown().trim()) throw new Error('docs/ODD.md parameter table is stale: run npm run docs');
  });

  it('generates the same Markdown every time', () => {
    expect(parameterTableMarkdown()).toBe(parameterTableMarkdown());
  });

  it('links every mechanism module', () => {
    const files = readdirSync(join(root, 'sim', 'mechanisms')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(0);
    const missing = files.filter((f) => !odd.includes(`](../sim/mechanisms/${f})`));
    expect(missing, `mechanism files not linked from docs/ODD.md as (../sim/mechanisms/<file>)`).toEqual([]);
  });

  it('names every phase of the monthly schedule', () => {
    // a tiny real world: the phase list is built from it exactly as in a run
    const world = createWorld(resolveScenario({ scale: 0.001, time: { start: '2020-01', end: '2020-01' } }), 1);
    const names = monthlyPhases(world).map((p) => p.name);
    expect(names.length).toBeGreaterThan(0);
    // named as code (`buyer choice`), as in the schedule table, so a phrase in running text does not count
    const missing = names.filter((n) => !odd.includes(`\`${n}\``));
    expect(missing, 'phase names of sim/step.ts missing from docs/ODD.md (write each as `name` in section 3)').toEqual([]);
  });
});
