/**
 * A user-supplied name or id as it may appear inside a one-line message: line breaks and other
 * control or separator characters become visible escapes (`\n`, `\u2028`) so a name cannot split
 * or forge a message, and a very long name is cut with an ellipsis.
 */
export function inMessage(text: string, max = 80): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this escapes
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\r'
        ? '\\r'
        : c === '\t'
          ? '\\t'
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}
