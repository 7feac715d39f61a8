/**
 * Characters that never go raw into generated text, whatever its format: control and
 * format characters (NUL, ESC, bidi overrides that make code read differently from
 * what it does), unpaired surrogates (not valid UTF-8), unassigned and private code
 * points, and every separator but the plain space. That covers each character that
 * Python's str.splitlines, editors or spreadsheets treat as a line break
 * (\r, \v, \f, \x1c-\x1e, \x85, U+2028, U+2029), so escaped text is always one line.
 */
const UNSAFE = /[\p{C}\p{Z}]/gu;
const UNSAFE_CHAR = /^[\p{C}\p{Z}]$/u;

/** Python's escape for one code point, also used for display: \xNN, \uNNNN or \UNNNNNNNN. */
export function escapeCodePoint(codePoint: number): string {
  const hex = codePoint.toString(16);
  if (codePoint < 0x100) return `\\x${hex.padStart(2, '0')}`;
  if (codePoint < 0x10000) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** Whether a character (one code point) must be escaped; the plain space is safe. */
export const isUnsafe = (ch: string): boolean => ch !== ' ' && UNSAFE_CHAR.test(ch);

/**
 * The text with every unsafe character written as its escape (a tab as \x09), so a
 * name shows on one line and nothing hidden in it reaches a file. The base of every
 * format's escaping; backslashes stay as they are (callers whose format reads them add
 * their own rule).
 */
export function visibleText(text: string): string {
  return text.replace(UNSAFE, (ch) => (ch === ' ' ? ch : escapeCodePoint(ch.codePointAt(0)!)));
}

/** The first unsafe character in text that should hold none (line breaks `\n` aside), with its 1-based line. */
export function firstHiddenCharacter(text: string): { line: number; codePoint: number } | null {
  const match = /[^\P{C}\n]|[\p{Zl}\p{Zp}]|[^\P{Zs} ]/u.exec(text);
  if (!match) return null;
  return { line: text.slice(0, match.index).split('\n').length, codePoint: match[0].codePointAt(0)! };
}
