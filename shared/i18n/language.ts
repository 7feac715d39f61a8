/** The languages Netwright speaks; English is the fallback for every other locale. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The language of a locale name as systems spell it: "de_DE.UTF-8", "de-AT", "en_US",
 * "de". Null for one Netwright does not speak and for "C" / "POSIX" (no preference).
 */
export function languageOf(locale: string | null | undefined): Language | null {
  const code = locale
    ?.trim()
    .split(/[-_.@]/)[0]
    ?.toLowerCase();
  return LANGUAGES.find((l) => l === code) ?? null;
}

/**
 * The language POSIX's precedence picks from an environment: LC_ALL, then LC_MESSAGES,
 * then LANG, the first one set; English when it names a language Netwright lacks.
 */
export function languageFromEnvironment(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return languageOf(locale) ?? 'en';
}
