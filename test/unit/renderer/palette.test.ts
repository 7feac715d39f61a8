import { describe, expect, it } from 'vitest';
import { paletteGroups, paletteItems } from '../../../renderer/palette/paletteItems';
import { validateParams } from '../../../shared/layers';
import { getTemplate } from '../../../shared/templates';

describe('the palette', () => {
  it('has unique ids, a group each, and a one-sentence tooltip', () => {
    expect(new Set(paletteItems.map((i) => i.id)).size).toBe(paletteItems.length);
    for (const item of paletteItems) {
      expect(paletteGroups).toContain(item.group);
      expect(item.description.length).toBeGreaterThan(20);
    }
  });

  it('offers only layers whose defaults validate and templates that exist', () => {
    for (const item of paletteItems) {
      if ('template' in item) expect(getTemplate(item.template), item.id).toBeDefined();
      else expect(validateParams(item.kind, item.params), item.id).toMatchObject({ ok: true });
    }
  });

  it('has the entries users ask for by name', () => {
    const labels = paletteItems.map((i) => i.label);
    for (const label of ['1×1 compression', 'Strided reduction', 'Conv 1×n', 'Inception A', 'Concatenate', 'Softmax']) {
      expect(labels).toContain(label);
    }
  });
});
