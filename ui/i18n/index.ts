/** The two languages of the app; every visible string lives in en.ts or zh.ts. */
import { en, type Strings } from './en.ts';
import { zh } from './zh.ts';
import type { Text } from '../../sim/index.ts';

export type Lang = 'en' | 'zh';
export const STRINGS: Record<Lang, Strings> = { en, zh };
export type { Strings };

/** The user's language from the browser: Chinese if any preferred language is Chinese and comes before English. */
export function browserLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const lower = l.toLowerCase();
    if (lower.startsWith('zh')) return 'zh';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export const tx = (t: Text | undefined, lang: Lang): string => (t ? t[lang] : '');
