/**
 * Calendar months as used everywhere in the model: strings "YYYY-MM" in files, and integer
 * month numbers (year * 12 + month - 1) inside, so a month difference is a subtraction.
 */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(text: string): number {
  const m = MONTH_PATTERN.exec(text);
  if (!m) throw new Error(`"${text}" is not a month; use YYYY-MM, e.g. 2021-06`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function formatMonth(monthNumber: number): string {
  const year = Math.floor(monthNumber / 12);
  const month = (monthNumber % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

export function isMonth(text: string): boolean {
  return MONTH_PATTERN.test(text);
}
