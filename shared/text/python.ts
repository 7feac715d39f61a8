import { escapeCodePoint, isUnsafe, visibleText } from './visible';

/**
 * A Python string literal holding exactly `value`, in black's preferred quotes (double,
 * unless single quotes need fewer escapes). Every unsafe character is an escape, so the
 * literal is one line of valid UTF-8 whatever the name holds.
 */
export function pythonString(value: string): string {
  const count = (ch: string) => value.split(ch).length - 1;
  const quote = count('"') > count("'") ? "'" : '"';
  let out = '';
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (isUnsafe(ch)) out += escapeCodePoint(ch.codePointAt(0)!);
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

/**
 * Text for one comment line (after `# `). Comments read no escapes, so unsafe
 * characters are shown as escapes and nothing can end the line early. Show a user's
 * name as pythonString(name) inside it, so a quote or backslash in the name reads
 * unambiguously.
 */
export function pythonComment(text: string): string {
  return visibleText(text);
}

/**
 * Text for inside a `"""` docstring whose value is `text`: backslashes doubled, unsafe
 * characters as escapes, and a double quote escaped where it could close the docstring
 * (next to another quote, or last). Names go in as pythonString(name), never raw.
 */
export function pythonDocstring(text: string): string {
  const escaped = visibleText(text.replace(/\\/g, '\\\\'));
  return escaped.replace(/"(?="|$)/g, '\\"');
}

/** ASCII letters, digits and underscores: what Python reads the same in every version and encoding. */
const IDENTIFIER_CHAR = /[^A-Za-z0-9_]/g;

/** Long enough to stay recognisable, short enough to read in a line of code. */
export const MAX_IDENTIFIER_LENGTH = 64;

/**
 * A Python identifier derived from a name, never the name itself: ASCII letters, digits
 * and underscores only (so no name can inject syntax, nor two names look alike), never
 * a leading digit or underscore (a leading underscore could hit nn.Module's private
 * attributes such as `_modules`), at most MAX_IDENTIFIER_LENGTH characters. Keywords
 * and clashes are the caller's (IdentifierPool).
 */
export function pythonIdentifier(name: string): string {
  const id = name.replace(IDENTIFIER_CHAR, '_');
  if (id !== '' && !/^[0-9_]/.test(id)) return id.slice(0, MAX_IDENTIFIER_LENGTH);
  const rest = id.replace(/^_+/, '');
  return (rest ? `layer_${rest}` : 'layer').slice(0, MAX_IDENTIFIER_LENGTH);
}
