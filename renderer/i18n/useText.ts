import { useTranslation } from 'react-i18next';
import {
  type Catalogue,
  formatInteger,
  type KeyOf,
  type Language,
  localizeDecimal,
  type TextValues,
} from '../../shared/i18n';

export type UiKey = KeyOf<Catalogue['ui']>;

export type Text = ReturnType<typeof useText>;

/** The interface's texts and numbers in the current language; the component re-renders when it changes. */
export function useText() {
  const { t, i18n } = useTranslation('ui');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  return {
    language,
    t: (key: UiKey, values?: TextValues): string => t(key, values ?? {}) as string,
    int: (value: number | bigint) => formatInteger(value, language),
    decimal: (text: string) => localizeDecimal(text, language),
  };
}
