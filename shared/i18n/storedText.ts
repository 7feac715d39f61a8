import { inMessage } from '../text/inMessage';
import { type DiagnosticText, isTextKey, type TextValue } from './diagnosticText';

/** Nesting deeper than this is not a text an importer wrote. */
const MAX_DEPTH = 4;

/**
 * A text kept in a file (an imported placeholder's `reasonText`), read back only if it is one:
 * its key a catalogue key in `namespace`, its values strings, finite numbers, `{int}`,
 * `{decimal}` or texts (of `namespace` or of the diagnostics, such as a validation issue).
 * Strings are made visible and cut as names in messages are, since a file may hold anything.
 * Undefined for anything else.
 */
export function storedText(value: unknown, namespace: string, depth = 0): DiagnosticText | undefined {
  if (depth > MAX_DEPTH || !isRecord(value)) return undefined;
  const { key, values } = value;
  if (typeof key !== 'string' || !isTextKey(key) || !isRecord(values)) return undefined;
  const ownNamespace = key.startsWith(`${namespace}:`);
  if (!ownNamespace && (depth === 0 || key.includes(':'))) return undefined;
  const read: Record<string, TextValue> = {};
  for (const [name, raw] of Object.entries(values)) {
    const one = storedValue(raw, namespace, depth);
    if (one === undefined) return undefined;
    read[name] = one;
  }
  const { count } = value;
  if (count === undefined) return { key, values: read };
  return typeof count === 'number' && Number.isFinite(count) ? { key, values: read, count } : undefined;
}

function storedValue(raw: unknown, namespace: string, depth: number): TextValue | undefined {
  if (typeof raw === 'string') return inMessage(raw, 400);
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (!isRecord(raw)) return undefined;
  if ('int' in raw) return typeof raw.int === 'number' && Number.isFinite(raw.int) ? { int: raw.int } : undefined;
  if ('decimal' in raw) return typeof raw.decimal === 'string' ? { decimal: inMessage(raw.decimal, 400) } : undefined;
  return storedText(raw, namespace, depth + 1);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
