import { describe, expect, it } from 'vitest';
import { formatPathCount } from '../../../shared/analysis';
import { formatInteger, languageFromEnvironment, languageOf, localizeDecimal } from '../../../shared/i18n';

describe('languageOf', () => {
  it('reads the language of locale names as systems spell them', () => {
    for (const locale of ['de_DE.UTF-8', 'de-AT', 'de', 'DE_ch', 'de_DE@euro']) expect(languageOf(locale)).toBe('de');
    for (const locale of ['en_US.UTF-8', 'en-GB', 'en']) expect(languageOf(locale)).toBe('en');
  });

  it('gives null where Netwright has no such language or there is no preference', () => {
    for (const locale of ['fr_FR.UTF-8', 'C', 'POSIX', 'C.UTF-8', '', undefined, null])
      expect(languageOf(locale)).toBeNull();
  });
});

describe('languageFromEnvironment', () => {
  it('follows POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(languageFromEnvironment({ LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(languageFromEnvironment({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'en_US.UTF-8' })).toBe('en');
    expect(languageFromEnvironment({ LANG: 'en_US', LC_MESSAGES: 'en_US', LC_ALL: 'de_DE' })).toBe('de');
    expect(languageFromEnvironment({ LANG: 'de_DE', LC_ALL: '' })).toBe('de');
  });

  it('falls back to English', () => {
    expect(languageFromEnvironment({})).toBe('en');
    expect(languageFromEnvironment({ LANG: 'fr_FR.UTF-8' })).toBe('en');
  });
});

describe('numbers', () => {
  it('groups thousands per language, negative and BigInt included', () => {
    expect(formatInteger(0, 'de')).toBe('0');
    expect(formatInteger(999, 'de')).toBe('999');
    expect(formatInteger(-1234567.4, 'de')).toBe('-1.234.567');
    expect(formatInteger(2n ** 64n, 'en')).toBe('18,446,744,073,709,551,616');
    expect(formatInteger(Number.NaN, 'de')).toBe('NaN');
  });

  it('writes path counts in the language, in full below a million, as a power of two above', () => {
    expect(formatPathCount(4096n, 'de')).toBe('4.096');
    expect(formatPathCount(4096n)).toBe('4,096');
    expect(formatPathCount(2n ** 64n, 'de')).toBe('2^64');
    expect(formatPathCount(3n * 2n ** 70n, 'de')).toBe('≈ 2^71,6');
    expect(formatPathCount(3n * 2n ** 70n)).toBe('≈ 2^71.6');
  });

  it('writes decimals with the language’s mark, leaving other dots alone', () => {
    expect(localizeDecimal('5.71 G', 'de')).toBe('5,71 G');
    expect(localizeDecimal('5.71 G', 'en')).toBe('5.71 G');
    expect(localizeDecimal('file.json v2.', 'de')).toBe('file.json v2.');
  });
});
