/**
 * Strict JSON for files people write by hand (scenarios, experiments, lessons): no comments, no
 * trailing commas, and no key twice in one object — JSON.parse would keep the last value and
 * drop the first without a word. A problem comes back as one message with its line and column.
 */
import { parse as parseJsonc, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';

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

/** The first key that appears twice in one object, with where, or undefined. */
function duplicateKey(source: string): string | undefined {
  const open: Array<Set<string>> = [];
  let found: string | undefined;
  visit(source, {
    onObjectBegin: () => { open.push(new Set()); },
    onObjectEnd: () => { open.pop(); },
    onObjectProperty: (key, offset, _length, _line, _column, pathSupplier) => {
      const keys = open[open.length - 1];
      if (found || !keys) return;
      if (keys.has(key)) {
        const where = pathSupplier().map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
        found = `duplicate key ${JSON.stringify(key)}${where ? ` in ${where}` : ''} at ${lineAndColumn(source, offset)}; each key may appear once in an object (the second would silently replace the first)`;
      }
      keys.add(key);
    },
  });
  return found;
}

/** Parses `source`; returns the value, or a message saying what is wrong and where. */
export function parseStrictJson(source: string): { value: unknown } | { problem: string } {
  const errors: ParseError[] = [];
  const value = parseJsonc(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const e = errors[0];
    const what = printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    const hint = source.trim() === '' ? ' (the file is empty)' : JSON_HINTS[what] ?? '';
    return { problem: `malformed JSON at ${lineAndColumn(source, e.offset)}: ${what}${hint}` };
  }
  const duplicate = duplicateKey(source);
  return duplicate ? { problem: duplicate } : { value };
}
