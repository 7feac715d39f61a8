import { z } from 'zod';
import { diagnosticText, type Language } from '../../shared/i18n';
import { renderText, said, type TextValue } from '../../shared/i18n/diagnosticText';
import { issuesOf } from '../../shared/issues';
import { getLayerSpec } from '../../shared/layers';

/** 'numbers': one number, or a list of them (Rescaling's per-channel scale). */
export type FieldKind = 'number' | 'integer' | 'boolean' | 'enum' | 'list' | 'numbers';

export interface FieldModel {
  key: string;
  kind: FieldKind;
  options?: string[];
  required: boolean;
}

const cache = new Map<string, FieldModel[]>();

/** The inspector's form, generated from the kind's zod schema (via JSON Schema), so it cannot drift. */
export function fieldsFor(kind: string): FieldModel[] {
  const cached = cache.get(kind);
  if (cached) return cached;
  const spec = getLayerSpec(kind);
  if (!spec) return [];
  const json = z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { type?: string | string[]; enum?: string[]; anyOf?: { type?: string }[] }>;
    required?: string[];
  };
  const fields = Object.entries(json.properties ?? {}).map(([key, prop]): FieldModel => {
    const type = Array.isArray(prop.type) ? prop.type.find((t) => t !== 'null') : prop.type;
    const kindOf: FieldKind = prop.enum
      ? 'enum'
      : prop.anyOf?.some((branch) => branch.type === 'number')
        ? 'numbers'
        : type === 'boolean'
          ? 'boolean'
          : type === 'integer'
            ? 'integer'
            : type === 'number'
              ? 'number'
              : 'list';
    const field: FieldModel = {
      key,
      kind: kindOf,
      required: json.required?.includes(key) ?? false,
    };
    if (prop.enum) field.options = prop.enum;
    return field;
  });
  cache.set(kind, fields);
  return fields;
}

/** Lists are typed the way designers write them: "3×3", "3x3", "3, 3", "[[1,1],[0,1]]", or empty for none. */
export function parseListText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return trimmed;
    }
  }
  const parts = trimmed.split(/\s*[×x*,]\s*|\s+/i).filter(Boolean);
  const numbers = parts.map(Number);
  if (numbers.some((n) => Number.isNaN(n))) return trimmed;
  return numbers.length === 1 ? numbers[0] : numbers;
}

export function formatListValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return value.join('×');
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/**
 * A number as people type it: "0.1", ".1", "0,1" (decimal comma), "-3", "1e3".
 * undefined for an empty field; NaN for anything else, including half-typed "-" or "1e".
 */
export function parseNumberText(text: string): number | undefined {
  const trimmed = text.trim().replace(/^([+-]?\d*),(\d+)$/, '$1.$2');
  if (trimmed === '') return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return Number.NaN;
  return Number(trimmed);
}

/** What the typed text means, or the reason it means nothing yet. */
export function parseTyped(
  field: FieldModel,
  raw: string,
  language: Language,
): { value: unknown } | { problem: string } {
  const problem = (key: 'notNumbers' | 'notSize' | 'notNumber', example?: TextValue) => ({
    problem: renderText(
      said(`issue.${key}`, { raw: raw.trim(), ...(example === undefined ? {} : { example }) }),
      language,
    ),
  });
  if (field.kind === 'numbers') {
    // One number first, so a decimal comma ("0,5") stays one number; else a list "0.5, 0.25, 2".
    const one = parseNumberText(raw);
    if (one === undefined || !Number.isNaN(one)) return { value: one };
    const value = parseListText(raw);
    return typeof value === 'string' ? problem('notNumbers') : { value };
  }
  if (field.kind === 'list') {
    const value = parseListText(raw);
    return typeof value === 'string' ? problem('notSize') : { value };
  }
  const value = parseNumberText(raw);
  if (value !== undefined && Number.isNaN(value))
    return problem('notNumber', field.kind === 'integer' ? 64 : { decimal: '0.5' });
  return { value };
}

/**
 * The schema's message for one field when `value` replaces it in `params`, or undefined when the
 * layer accepts it. Lets the inspector hold an invalid entry in its field instead of writing it
 * into the model.
 */
export function checkFieldValue(
  kind: string,
  params: Record<string, unknown>,
  key: string,
  value: unknown,
  language: Language = 'en',
): string | undefined {
  const spec = getLayerSpec(kind);
  if (!spec) return undefined;
  const next = { ...params };
  if (value === undefined) delete next[key];
  else next[key] = value;
  const result = spec.schema.safeParse(next);
  if (result.success) return undefined;
  const issue = issuesOf(result.error).find((i) => i.field.split('.')[0] === key);
  return issue && diagnosticText(issue, language);
}

/** Settings that a layer reads only in one mode: showing them in the other would promise an effect they do not have. */
const modeOnly: Record<string, Record<string, { key: string; value: string }>> = {
  Compress1x1: { ratio: { key: 'mode', value: 'ratio' }, filters: { key: 'mode', value: 'count' } },
};

/** Whether the field matters for these settings (Compress1x1 reads Filters only when mode is count). */
export function fieldApplies(kind: string, key: string, values: Record<string, unknown>): boolean {
  const only = modeOnly[kind]?.[key];
  return !only || values[only.key] === only.value;
}
