import { describe, expect, it } from 'vitest';
import { paletteItemsIn, searchPalette } from '../../../renderer/palette/paletteItems';
import { catalogues, layerText } from '../../../shared/i18n';
import { layerKinds } from '../../../shared/layers';
import { UNSUPPORTED_KIND } from '../../../shared/layers/placeholder';

describe('layer kinds in both languages', () => {
  it('every kind has an English and a German name and description', () => {
    for (const kind of layerKinds) {
      const en = layerText(kind, 'en');
      const de = layerText(kind, 'de');
      expect(en.description, kind).toMatch(/\.$/);
      expect(de.description, kind).toMatch(/\.$/);
      expect(de.description, kind).not.toBe(en.description);
      expect(de.label.length, kind).toBeGreaterThan(0);
    }
  });

  it('keeps the English texts people know', () => {
    expect(layerText('MaxPool2D', 'en')).toEqual({
      label: 'Max pooling',
      description: 'Keeps the largest value in each window: shrinks the image and keeps the strongest responses.',
    });
    expect(layerText(UNSUPPORTED_KIND, 'en').label).toBe('Unsupported layer');
  });

  it('reads German with umlauts and keeps Keras class names', () => {
    expect(layerText('BatchNorm', 'de').label).toBe('Batch-Normalisierung');
    expect(layerText('Conv2D', 'de').label).toBe('Conv2D');
    expect(layerText('Dropout', 'de').description).toContain('Überanpassung');
    expect(layerText(UNSUPPORTED_KIND, 'de').label).toBe('Nicht unterstützte Schicht');
  });

  it('the palette offers the same entries in German, every prose label translated', () => {
    const en = paletteItemsIn('en');
    const de = paletteItemsIn('de');
    expect(de.map((i) => i.id)).toEqual(en.map((i) => i.id));
    expect(de.find((i) => i.id === 'conv-1xn')?.label).toBe('Faltung 1×n');
    expect(de.find((i) => i.id === 'Modules:inception-c')?.label).toBe('Inception C (Filterbank)');
    expect(de.find((i) => i.id === 'Modules:inception-a')?.description).toMatch(/Wählen Sie vor dem Einfügen/);
    for (const [i, item] of de.entries()) expect(item.description, item.id).not.toBe(en[i]!.description);
  });

  it('the German offers have exactly the English keys', () => {
    expect(Object.keys(catalogues.de.layers.offers)).toEqual(Object.keys(catalogues.en.layers.offers));
  });

  it('a German palette search finds layers by their German and their English names', () => {
    const ids = (query: string) => searchPalette(query, 'de').map((i) => i.id);
    expect(ids('Batch-Normalisierung')).toContain('batchnorm');
    expect(ids('batch norm')).toContain('batchnorm');
    expect(ids('Faltung 1×n')).toEqual(['conv-1xn']);
    expect(searchPalette('', 'de')).toHaveLength(paletteItemsIn('de').length);
    expect(searchPalette('Batch-Normalisierung', 'en').map((i) => i.id)).toEqual([]);
  });
});
