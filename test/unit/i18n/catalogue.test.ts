import { describe, expect, it } from 'vitest';
import { catalogues, LANGUAGES, translator } from '../../../shared/i18n';

/** Every leaf of a catalogue as "namespace.path" -> text. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{?\s*([\w.]+)/g)].map((m) => m[1]).sort();

describe('the catalogues', () => {
  const english = leaves(catalogues.en);

  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    const other = leaves(catalogues[language]);

    it(`${language} has every English key, and no key English lacks`, () => {
      expect([...english.keys()].filter((k) => !other.has(k))).toEqual([]);
      expect([...other.keys()].filter((k) => !english.has(k))).toEqual([]);
    });

    it(`${language} texts fill the same placeholders as the English ones`, () => {
      for (const [key, text] of english) expect(placeholders(other.get(key) ?? ''), key).toEqual(placeholders(text));
    });
  }

  it('has no empty text', () => {
    for (const language of LANGUAGES)
      for (const [key, text] of leaves(catalogues[language])) expect(text.trim(), `${language} ${key}`).not.toBe('');
  });
});

describe('translator', () => {
  it('fills values and picks the plural form by count', () => {
    const de = translator('cli', 'de');
    expect(de.t('paths.mostOften', { length: 34, paths: '1', count: 1 })).toBe('am häufigsten 34 (1 Pfad)');
    expect(de.t('paths.mostOften', { length: 34, paths: '12.870', count: 12870 })).toBe(
      'am häufigsten 34 (12.870 Pfade)',
    );
    const en = translator('cli', 'en');
    expect(en.t('paths.mostOften', { length: 34, paths: '2', count: 2 })).toBe('most often 34 (2 paths)');
  });

  it('never escapes a value as if for HTML (the texts go to terminals and React)', () => {
    expect(translator('cli', 'en').t('problems.headingIn', { label: 'a<b>&"c"' })).toBe('Problems in a<b>&"c":');
  });

  it('formats numbers in the language', () => {
    expect(translator('cli', 'en').int(1234567)).toBe('1,234,567');
    expect(translator('cli', 'de').int(1234567)).toBe('1.234.567');
    expect(translator('cli', 'de').decimal('≈ 2^22.3')).toBe('≈ 2^22,3');
  });
});
