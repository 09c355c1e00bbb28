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

/** A scenario file's own text as given: a string, or { en, zh } with one or both. */
export type OwnText = string | { en?: string; zh?: string };

/**
 * The bilingual text of a scenario's own title or description: one language stands for both
 * when only one is given ("我的试验" or { "zh": "我的试验" } reads the same in English).
 */
export function bilingual(t: OwnText): Text {
  if (typeof t === 'string') return { en: t, zh: t };
  return { en: t.en ?? t.zh ?? '', zh: t.zh ?? t.en ?? '' };
}

/**
 * A scenario file's own title or description: in English, Chinese or both — a user writing in
 * one language is not asked for the other — resolved to both (the one given standing for the
 * other).
 */
export const ownTextSchema = z
  .union([
    z.string().min(1).max(2000),
    z.strictObject({ en: z.string().min(1).max(2000).optional(), zh: z.string().min(1).max(2000).optional() })
      .refine((t) => t.en !== undefined || t.zh !== undefined, { message: 'gives no text; give "en", "zh" or both' }),
  ])
  .transform(bilingual)
  .meta({ description: 'Text: a string, or { "en": English, "zh": Chinese } with one or both' });
