import type { Language } from './language';

/**
 * Separators per language, written out rather than taken from Intl so the output does
 * not depend on the ICU data of the machine (the CLI's output is compared in tests).
 */
const SEPARATORS: Record<Language, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  de: { group: '.', decimal: ',' },
};

/** An integer with the language's thousands separators: 1234567 -> "1,234,567" / "1.234.567". */
export function formatInteger(value: number | bigint, language: Language): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const whole = typeof value === 'bigint' ? value : BigInt(Math.round(value));
  const digits = (whole < 0n ? -whole : whole).toString();
  const group = SEPARATORS[language].group;
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += group;
    out += digits[i];
  }
  return whole < 0n ? `-${out}` : out;
}

/** A decimal written by JavaScript ("5.71", "≈ 2^16.5") in the language's notation. */
export function localizeDecimal(text: string, language: Language): string {
  const decimal = SEPARATORS[language].decimal;
  return decimal === '.' ? text : text.replace(/(\d)\.(\d)/g, `$1${decimal}$2`);
}
