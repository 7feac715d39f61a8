import i18next, { type i18n } from 'i18next';
import type { Catalogue, KeyOf, Namespace } from './catalogue';
import { de } from './de';
import { en } from './en';
import type { Language } from './language';
import { formatInteger, localizeDecimal } from './numbers';

export const catalogues: Record<Language, Catalogue> = { en, de };

/** Values put into a text; `count` also picks the plural form. */
export type TextValues = Record<string, string | number> & { count?: number };

/** The texts of one namespace in one language, and its number formatting. */
export interface Translator<N extends Namespace> {
  readonly language: Language;
  t(key: KeyOf<Catalogue[N]>, values?: TextValues): string;
  /** "1,234,567" / "1.234.567". */
  int(value: number | bigint): string;
  /** A decimal JavaScript wrote ("5.71 G") in this language's notation ("5,71 G"). */
  decimal(text: string): string;
}

const instances = new Map<Language, i18n>();

/** One initialised i18next instance per language, made on first use (synchronously: the texts are bundled). */
function instanceFor(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: 'en',
      // Only the texts this instance can show: English is every language's fallback, and
      // leaving the other catalogue out lets the CLI build load it only when it is asked for.
      resources: language === 'en' ? { en } : { en, [language]: catalogues[language] },
      initAsync: false,
      // Texts go to terminals and React, never into HTML strings.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instances.set(language, instance);
  }
  return instance;
}

const translators = new Map<string, Translator<Namespace>>();

/** The translator of one namespace in one language, made once: callers ask per table row. */
export function translator<N extends Namespace>(namespace: N, language: Language): Translator<N> {
  const cacheKey = `${namespace}:${language}`;
  let made = translators.get(cacheKey);
  if (!made) {
    const fixed = instanceFor(language).getFixedT(language, namespace);
    made = {
      language,
      t: (key, values) => fixed(key, values ?? {}) as string,
      int: (value) => formatInteger(value, language),
      decimal: (text) => localizeDecimal(text, language),
    };
    translators.set(cacheKey, made);
  }
  return made as Translator<N>;
}
