/**
 * Walking zod 4 schemas: the few internals the error messages, the browser's lever panel and the
 * docs' parameter tables need, in one place.
 */
import type * as z from 'zod';
import { paramMeta, type ParamMeta } from './param.ts';

export interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
  entries?: Record<string, unknown>;
  defaultValue?: unknown;
}

export const defOf = (s: z.ZodType): ZodDef => (s as unknown as { _zod: { def: ZodDef } })._zod.def;

/** Strips optional / default / prefault / nullable / pipe wrappers. */
export function unwrap(s: z.ZodType): z.ZodType {
  for (;;) {
    const d = defOf(s);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'prefault' || d.type === 'nullable') && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else return s;
  }
}

/** A parameter declaration (not a group's label: it has a unit) on a node or on what it wraps. */
export function declaration(s: z.ZodType): ParamMeta | undefined {
  for (const node of [s, unwrap(s)]) {
    const m = paramMeta(node);
    if (m && m.unit) return m;
  }
  return undefined;
}
