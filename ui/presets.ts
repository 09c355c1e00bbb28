/** The scenario presets of scenarios/*.json, bundled with the app. */
import type { Text } from '../sim/index.ts';
import { tx, type Lang } from './i18n/index.ts';

export interface Preset {
  name: string;
  title: Text;
  description: Text;
  /** The file's content without `$schema`. */
  scenario: Record<string, unknown>;
}

const files = import.meta.glob<Record<string, unknown>>(['../scenarios/*.json', '!../scenarios/scenario.schema.json'], { eager: true, import: 'default' });

export const PRESETS: Preset[] = Object.entries(files)
  .map(([path, json]) => {
    const name = (json.name as string | undefined) ?? path.replace(/^.*\/|\.json$/g, '');
    const { $schema: _ignored, ...scenario } = json;
    void _ignored;
    return { name, title: json.title as Text, description: json.description as Text, scenario };
  })
  .sort((a, b) => (a.name === 'baseline' ? -1 : b.name === 'baseline' ? 1 : 0));

export const presetByName = (name: string | undefined) => PRESETS.find((p) => p.name === name);

/** A preset's title in the language, or `otherwise` when the name is none (a custom scenario). */
export function presetTitle(name: string | undefined, lang: Lang, otherwise: string): string {
  const preset = presetByName(name);
  return preset ? tx(preset.title, lang) : otherwise;
}
