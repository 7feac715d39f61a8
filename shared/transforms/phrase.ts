import type { ReceptiveField } from '../analysis/types';
import { type Language, receptiveFieldText, translator } from '../i18n';

/**
 * A text of the rewrites made in any language later: a key of the catalogue's rewrites
 * namespace ("report.stack", "refusal.grouped") and its values. A plain string is the same in every language (names, shapes).
 */
export interface Phrase {
  key: string;
  values?: Record<string, PhraseValue>;
}

/** A value of a phrase: as it is, another phrase, a small count as a word ("two"), or a receptive field. */
export type PhraseValue = string | number | Phrase | { countWord: number } | { field: ReceptiveField };

export type Text = string | Phrase;

export const phrase = (key: string, values?: Record<string, PhraseValue>): Phrase =>
  values ? { key, values } : { key };

/** The phrase in `language`. */
export function phraseText(text: Text, language: Language): string {
  if (typeof text === 'string') return text;
  const { t } = translator('rewrites', language);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.values ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    else if ('field' in value) values[name] = receptiveFieldText(value.field, language);
    else if ('countWord' in value)
      values[name] = t('report.countWords').split('|')[value.countWord] || String(value.countWord);
    else values[name] = phraseText(value, language);
  }
  // The key is checked by the test that renders every rule's report in every language.
  return t(text.key as never, values);
}
