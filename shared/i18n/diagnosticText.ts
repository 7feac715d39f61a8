import type { Catalogue, KeyOf } from './catalogue';
import type { Language } from './language';
import { formatInteger, localizeDecimal } from './numbers';
import { catalogues } from './translator';

/** Why an importer kept a layer as a placeholder: a key of the importReasons namespace. */
export type ImportReasonKey = `importReasons:${KeyOf<Catalogue['importReasons']>}`;

/** A key of the diagnostics namespace, or of another one named before a colon as i18next writes it. */
export type DiagnosticKey = KeyOf<Catalogue['diagnostics']> | ImportReasonKey;

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

/** The catalogue text of a key, its plural form picked by count as i18next would (one: 1). */
function template(key: DiagnosticKey, language: Language, count: number | undefined): string {
  const path = count === undefined ? key : `${key}_${count === 1 ? 'one' : 'other'}`;
  const known = templates[language];
  let found = known.get(path);
  if (found === undefined) {
    // A key without plural forms is its own form for every count, as in i18next.
    found = lookup(path, language) ?? lookup(key, language) ?? path;
    known.set(path, found);
  }
  return found;
}

function lookup(path: string, language: Language): string | undefined {
  const colon = path.indexOf(':');
  const namespace = colon < 0 ? 'diagnostics' : path.slice(0, colon);
  // Own keys only: a key may come from a file, and must not reach Object.prototype's names.
  const own = (node: unknown, part: string): unknown =>
    node !== null && typeof node === 'object' && Object.hasOwn(node, part)
      ? (node as Record<string, unknown>)[part]
      : undefined;
  let node = own(catalogues[language], namespace);
  for (const part of path.slice(colon + 1).split('.')) node = own(node, part);
  return typeof node === 'string' ? node : undefined;
}

/** Whether the key names a text of the catalogue (plural forms by their base), e.g. one read from a file. */
export const isTextKey = (key: string): key is DiagnosticKey =>
  lookup(key, 'en') !== undefined || lookup(`${key}_one`, 'en') !== undefined;

const templates: Record<Language, Map<string, string>> = { en: new Map(), de: new Map() };

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * One problem text in a language. Filled in here rather than by i18next (same syntax): the
 * analysis renders every diagnostic's English message, and this is a few hundred times faster.
 * A value is inserted as it is, never read for placeholders itself.
 */
export function renderText(text: DiagnosticText, language: Language): string {
  const done = rendered[language];
  let out = done.get(text);
  if (out === undefined) {
    out = template(text.key, language, text.count).replace(PLACEHOLDER, (whole, name: string) => {
      const value = text.values[name];
      return value === undefined ? whole : valueText(value, language);
    });
    done.set(text, out);
  }
  return out;
}

/**
 * Texts are never changed once made, and one is often part of many (a layer kind's
 * validation issue in the message of every layer with the same settings): each is
 * rendered once per language.
 */
const rendered: Record<Language, WeakMap<DiagnosticText, string>> = { en: new WeakMap(), de: new WeakMap() };

/** The English text, which is also a Diagnostic's `message`. */
export const english = (text: DiagnosticText): string => renderText(text, 'en');

/** A problem's two forms of one text: its English message and the text itself. */
export const withText = (text: DiagnosticText): { message: string; text: DiagnosticText } => ({
  message: english(text),
  text,
});

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
