import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, type Language, languageOf } from '../../shared/i18n';

/**
 * The window's i18next instance, ready before the first render (the catalogues are bundled)
 * in English; the language store switches it once the settings are read.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: catalogues,
  ns: ['ui'],
  defaultNS: 'ui',
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});

/** The browser's (in Electron: the OS's) preferred languages, most preferred first. */
export const preferredLanguages = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);

/** The system's language: the first of the preferred languages Netwright speaks. */
export function systemLanguage(preferred: readonly string[] = preferredLanguages()): Language {
  for (const tag of preferred) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return 'en';
}

/** The language the window speaks now. */
export const uiLanguage = (): Language => (i18n.resolvedLanguage ?? 'en') as Language;
