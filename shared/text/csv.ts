import { visibleText } from './visible';

/** What a spreadsheet would run as a formula at the start of a cell. */
const FORMULA_START = /^[=+\-@]/;

/**
 * One CSV field (RFC 4180). Numbers are written as they are; text is one line (unsafe
 * characters as escapes), prefixed with `'` where a spreadsheet would read it as a
 * formula, and quoted where it holds a comma or a quote.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = visibleText(value);
  const inert = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
