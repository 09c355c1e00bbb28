/**
 * Strict JSON for files people write by hand (scenarios, experiments, lessons): no comments, no
 * trailing commas, no key twice in one object — JSON.parse would keep the last value and drop
 * the first without a word — no key "__proto__", and no nesting deeper than MAX_JSON_DEPTH. A
 * problem comes back as one message with its line and column.
 */
import { printParseErrorCode, visit, type ParseError } from 'jsonc-parser';

/** What usually causes a JSON syntax error, for people who write files by hand. */
const JSON_HINTS: Record<string, string> = {
  'property name expected': ' (a comma after the last entry of an object?)',
  'value expected': ' (a comma after the last item of a list, or a missing value?)',
  'comma expected': ' (a missing comma between two entries?)',
  'invalid comment token': ' (comments are not allowed in JSON: remove the // or /* */ lines)',
  'invalid symbol': ' (text must be in double quotes "…"?)',
  'close brace expected': ' (a missing } ?)',
  'close bracket expected': ' (a missing ] ?)',
};

function lineAndColumn(source: string, offset: number): string {
  const before = source.slice(0, offset);
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * One pass of jsonc-parser over the text: its first syntax error, and the first key that appears
 * twice in one object or is "__proto__" (no file here has such a setting, and code that copies
 * objects by assignment would make its value a prototype, hiding what it holds from the checks),
 * said with where.
 */
function scan(source: string): { error?: ParseError; badKey?: string } {
  const open: Array<Set<string>> = [];
  let error: ParseError | undefined;
  let badKey: string | undefined;
  visit(source, {
    onError: (code, offset, length) => { error ??= { error: code, offset, length }; },
    onObjectBegin: () => { open.push(new Set()); },
    onObjectEnd: () => { open.pop(); },
    onObjectProperty: (key, offset, _length, _line, _column, pathSupplier) => {
      const keys = open[open.length - 1];
      if (badKey || !keys) return;
      const where = () => {
        const path = pathSupplier().map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
        return `${path ? ` in ${path}` : ''} at ${lineAndColumn(source, offset)}`;
      };
      if (key === '__proto__') badKey = `key "__proto__"${where()} is not allowed: no setting has that name`;
      else if (keys.has(key)) badKey = `duplicate key ${JSON.stringify(key)}${where()}; each key may appear once in an object (the second would silently replace the first)`;
      keys.add(key);
    },
  }, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return { error, badKey };
}

/** Deepest nesting of lists and objects a file may have (a scenario needs 5; the parser recurses). */
export const MAX_JSON_DEPTH = 64;

/** Where lists and objects first nest deeper than `limit`, or undefined (strings skipped). */
function tooDeep(source: string, limit: number): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // a backslash escapes the next character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      if (++depth > limit) return `lists and objects nested more than ${limit} deep at ${lineAndColumn(source, i)}; a scenario, experiment or lesson needs far fewer`;
    } else if (ch === 125 || ch === 93) depth--;
  }
  return undefined;
}

/** Parses `source`; returns the value, or a message saying what is wrong and where. */
export function parseStrictJson(source: string): { value: unknown } | { problem: string } {
  // before the parser, which recurses: a deep enough file would overflow the stack
  const deep = tooDeep(source, MAX_JSON_DEPTH);
  if (deep) return { problem: deep };
  const { error: e, badKey } = scan(source);
  if (e) {
    const what = printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    const hint = source.trim() === '' ? ' (the file is empty)' : JSON_HINTS[what] ?? '';
    return { problem: `malformed JSON at ${lineAndColumn(source, e.offset)}: ${what}${hint}` };
  }
  if (badKey) return { problem: badKey };
  // (JSON.parse, not jsonc-parser's value: for strict JSON the same, and it never assigns a prototype)
  return { value: JSON.parse(source) as unknown };
}
