import { errorMessage } from '../issues';
/**
 * JSON reading with messages a user can act on. JSON.parse's own messages differ
 * between engines and often omit the position, so on failure a small iterative
 * scanner (no recursion: 10 MB of '[' must not overflow the stack) finds where the
 * text stops being JSON and why.
 */

import { LIMITS } from '../graph/limits';

export type JsonRead = { ok: true; value: unknown; nonStandard: boolean } | { ok: false; error: string };

/** Python's json module writes NaN and Infinity, which JSON.parse rejects. */
const PYTHON_SPECIALS = /"(?:[^"\\]|\\.)*"|-?\bInfinity\b|\bNaN\b/g;

/**
 * Parses `text` as JSON. The value is also checked against LIMITS.jsonDepth, so
 * whatever walks it afterwards (validation, JSON.stringify, structuredClone, all
 * recursive) stays far from the stack's end.
 */
export function readJson(text: string): JsonRead {
  const read = parseJson(text);
  if (!read.ok) return read;
  const deep = pathBeyondDepth(read.value, LIMITS.jsonDepth);
  return deep ? { ok: false, error: tooDeepMessage(deep) } : read;
}

function parseJson(text: string): JsonRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: 'The file is empty.' };
  const binary = binaryFormat(body);
  if (binary) return { ok: false, error: binary };
  try {
    return { ok: true, value: JSON.parse(body), nonStandard: false };
  } catch (error) {
    const located = locateJsonError(body);
    if (located && /NaN|Infinity/.test(body)) {
      // Retry with Python's NaN / Infinity read as null before reporting the first error.
      try {
        const cleaned = body.replace(PYTHON_SPECIALS, (m) => (m.startsWith('"') ? m : 'null'));
        return { ok: true, value: JSON.parse(cleaned), nonStandard: true };
      } catch {
        // fall through to the first error
      }
    }
    if (located) return { ok: false, error: describeJsonError(body, located) };
    const detail = errorMessage(error);
    if (error instanceof RangeError) return { ok: false, error: tooDeepMessage(null) };
    return { ok: false, error: `Not valid JSON (${oneLine(detail, 120)}).` };
  }
}

function tooDeepMessage(path: readonly (string | number)[] | null): string {
  const shown = path
    ?.slice(0, 6)
    .map((step, k) => (typeof step === 'number' ? `[${step}]` : k === 0 ? step : `.${step}`));
  const where = shown ? ` (at ${oneLine(shown.join(''), 60)}${path!.length > 6 ? '…' : ''})` : '';
  return `The JSON is nested more than ${LIMITS.jsonDepth} levels deep${where}; Netwright reads at most ${LIMITS.jsonDepth} (a Keras model needs about 15), so the file is damaged or is not a model.`;
}

const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;

/**
 * The keys leading to the first array or object nested deeper than `limit`, or
 * null. Iterative, each value visited once: the walk itself cannot run out of stack.
 */
export function pathBeyondDepth(value: unknown, limit: number): (string | number)[] | null {
  if (!isContainer(value)) return null;
  // One frame per open container: the container, its keys (null for an array), the next position.
  const containers: object[] = [value];
  const keys: (string[] | null)[] = [Array.isArray(value) ? null : Object.keys(value)];
  const next: number[] = [0];
  while (containers.length > 0) {
    const top = containers.length - 1;
    const container = containers[top]!;
    const names = keys[top]!;
    const at = next[top]!++;
    if (at >= (names ? names.length : (container as unknown[]).length)) {
      containers.pop();
      keys.pop();
      next.pop();
      continue;
    }
    const child = names ? (container as Record<string, unknown>)[names[at]!] : (container as unknown[])[at];
    if (!isContainer(child)) continue;
    if (containers.length >= limit) {
      return next.map((position, d) => (keys[d] ? keys[d]![position - 1]! : position - 1));
    }
    containers.push(child);
    keys.push(Array.isArray(child) ? null : Object.keys(child));
    next.push(0);
  }
  return null;
}

function binaryFormat(text: string): string | null {
  if (text.startsWith('PK\u0003\u0004'))
    return 'This is a zip archive (a .keras file?), not JSON: extract config.json from it and import that.';
  if (text.startsWith('\u0089HDF') || text.startsWith('\uFFFDHDF'))
    return 'This is a Keras HDF5 (.h5) file, not JSON: save the architecture with model.to_json() and import that.';
  return null;
}

interface JsonError {
  pos: number;
  reason: string;
}

function describeJsonError(text: string, { pos, reason }: JsonError): string {
  if (pos >= text.trimEnd().length) return `Not valid JSON at position ${pos} (the file may be truncated).`;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return `Not valid JSON at position ${pos} (line ${line}, column ${pos - lineStart + 1}): ${reason}.`;
}

export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

type Expect = 'value' | 'valueOrClose' | 'keyOrClose' | 'key' | 'colon' | 'commaOrClose' | 'end';

/** The first position where `text` stops being JSON, or null if it is valid. */
export function locateJsonError(text: string): JsonError | null {
  const stack: number[] = []; // char codes of '{' and '['
  let expect: Expect = 'value';
  let i = 0;
  const n = text.length;
  const fail = (reason: string): JsonError => ({ pos: i, reason });
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'commaOrClose');
  for (;;) {
    for (let k = text.charCodeAt(i); k === 32 || k === 10 || k === 13 || k === 9; k = text.charCodeAt(i)) i += 1;
    if (i >= n) return expect === 'end' ? null : fail('unexpected end of the text');
    const c = text[i]!;
    switch (expect) {
      case 'end':
        return fail(`unexpected ${show(c)} after the end of the JSON value`);
      case 'colon':
        if (c !== ':') return fail(`expected ':' after a property name, found ${show(c)}`);
        i += 1;
        expect = 'value';
        continue;
      case 'commaOrClose': {
        const top = stack.at(-1) === 123 ? '}' : ']';
        if (c === ',') {
          i += 1;
          expect = top === '}' ? 'key' : 'value';
        } else if (c === top) {
          i += 1;
          stack.pop();
          expect = afterValue();
        } else return fail(`expected ',' or '${top}', found ${show(c)}`);
        continue;
      }
      case 'keyOrClose':
      case 'key':
        if (c === '}' && expect === 'keyOrClose') {
          i += 1;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (c !== '"') return fail(`expected a property name in double quotes, found ${show(c)}`);
        {
          const err = scanString();
          if (err) return err;
        }
        expect = 'colon';
        continue;
      case 'valueOrClose':
        if (c === ']') {
          i += 1;
          stack.pop();
          expect = afterValue();
          continue;
        }
        break;
      case 'value':
        break;
    }
    // A value.
    if (c === '{' || c === '[') {
      stack.push(c.charCodeAt(0));
      i += 1;
      expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
      continue;
    }
    if (c === '"') {
      const err = scanString();
      if (err) return err;
      expect = afterValue();
      continue;
    }
    let matched = false;
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      NUMBER.lastIndex = i;
      if (NUMBER.exec(text) === null) return fail(`expected a value, found ${show(c)}`);
      i = NUMBER.lastIndex;
    }
    expect = afterValue();
  }

  function scanString(): JsonError | null {
    i += 1;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code === 34) {
        i += 1;
        return null;
      }
      if (code < 0x20) return fail('a line break or control character inside a string');
      if (code === 92) {
        const e = text[i + 1];
        if (e === undefined) break;
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('a bad \\u escape in a string');
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else return fail(`a bad escape \\${e} in a string`);
        continue;
      }
      i += 1;
    }
    i = n;
    return fail('unterminated string');
  }
}

function show(c: string): string {
  return JSON.stringify(c);
}
