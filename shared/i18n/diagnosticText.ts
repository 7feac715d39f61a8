import type { Catalogue, KeyOf } from './catalogue';
import type { Language } from './language';
import { formatInteger, localizeDecimal } from './numbers';
import { translator } from './translator';

export type DiagnosticKey = KeyOf<Catalogue['diagnostics']>;

/**
 * A value put into a problem text. Strings (labels, shapes, names) read the same in every
 * language; a number is written as JavaScript writes it in English and with German
 * separators in German; `int` is grouped in every language ("2,147,483,648"); `decimal` is a
 * decimal JavaScript wrote ("1.23e+16"); a nested text is rendered in the same language.
 */
export type TextValue = string | number | { int: number } | { decimal: string } | DiagnosticText;

/** A problem text without its language: a catalogue key and the values it fills in. */
export interface DiagnosticText {
  key: DiagnosticKey;
  values: Readonly<Record<string, TextValue>>;
  /** Picks the plural form (`key_one` / `key_other`). */
  count?: number;
}

export const said = (key: DiagnosticKey, values: Record<string, TextValue> = {}, count?: number): DiagnosticText =>
  count === undefined ? { key, values } : { key, values, count };

function valueText(value: TextValue, language: Language): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (language === 'en') return String(value);
    return Number.isInteger(value) ? formatInteger(value, language) : localizeDecimal(String(value), language);
  }
  if ('int' in value) return formatInteger(value.int, language);
  if ('decimal' in value) return localizeDecimal(value.decimal, language);
  return renderText(value, language);
}

/** One problem text in a language. */
export function renderText(text: DiagnosticText, language: Language): string {
  const values: Record<string, string | number> = {};
  for (const name in text.values) values[name] = valueText(text.values[name]!, language);
  if (text.count !== undefined) values.count = text.count;
  return translator('diagnostics', language).t(text.key, values);
}

/** The English text, which is also a Diagnostic's `message`. */
export const english = (text: DiagnosticText): string => renderText(text, 'en');

/**
 * What a problem says in a language. Problems from elsewhere (import notes, design hints)
 * may carry no text; they show their English message.
 */
export function diagnosticText(problem: { message: string; text?: DiagnosticText }, language: Language): string {
  return problem.text ? renderText(problem.text, language) : problem.message;
}

/** Texts joined as a list: "a and b and c" (one nested text per "and"), or the single text. */
export function andList(items: readonly TextValue[]): TextValue {
  return items.slice(1).reduce<TextValue>((first, second) => said('and', { first, second }), items[0]!);
}
