import { visibleText } from './visible';

/**
 * A user-supplied name or id as it may appear inside a one-line message: hidden and
 * line-breaking characters become visible escapes (visibleText), so a name cannot split
 * or forge a message, and a very long name is cut with an ellipsis.
 */
export function inMessage(text: string, max = 80): string {
  const escaped = visibleText(text);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}
