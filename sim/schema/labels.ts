/** Bilingual text: every label and description in the model exists in English and Chinese. */
import * as z from 'zod';

export interface Text {
  en: string;
  zh: string;
}

export const textSchema = z
  .strictObject({
    en: z.string().min(1).max(2000),
    zh: z.string().min(1).max(2000),
  })
  .meta({ description: 'Text in English (en) and Chinese (zh)' });

export function text(en: string, zh: string): Text {
  return { en, zh };
}
