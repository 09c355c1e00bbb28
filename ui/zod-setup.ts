/**
 * zod 4 compiles fast parsers with `new Function` unless told not to. The page's
 * Content-Security-Policy forbids eval, so parse without it (no CSP violation, same results).
 * Imported first by every entry point that validates scenarios.
 */
import * as z from 'zod';

z.config({ jitless: true });
