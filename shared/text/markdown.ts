import { visibleText } from './visible';

/**
 * What changes the meaning of inline Markdown (CommonMark and GitHub's tables): escapes,
 * code, emphasis, links, raw HTML and entities, table cells, heading closers,
 * strikethrough. Each is written with a backslash, which CommonMark allows before any
 * ASCII punctuation.
 */
const SPECIAL = /[\\`*_[\]<>&|#~]/g;

/** Plain text as inline Markdown, safe in a paragraph, a heading or a table cell. */
export function markdownText(text: string): string {
  return visibleText(text).replace(SPECIAL, (ch) => `\\${ch}`);
}

/**
 * Text as an inline code span. Backslashes do not escape inside code, so the fence is
 * one backtick longer than the longest run in the text, padded where the text starts or
 * ends with one. In a table a pipe still ends the cell unless written `\|` (GitHub's
 * tables undo that escape first, even inside code).
 */
export function markdownCode(text: string, { inTable = false } = {}): string {
  const shown = visibleText(text);
  const longestRun = Math.max(0, ...[...shown.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = /^[` ]|[` ]$/.test(shown) && shown.trim() !== '' ? ' ' : '';
  const body = inTable ? shown.replace(/\|/g, '\\|') : shown;
  return `${fence}${pad}${body}${pad}${fence}`;
}
