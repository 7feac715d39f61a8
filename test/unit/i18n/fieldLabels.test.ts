import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { catalogues } from '../../../shared/i18n';
import { getLayerSpec, layerKinds } from '../../../shared/layers';

/** Every setting key the inspector can show: the properties of every kind's schema. */
function settingKeys(): Set<string> {
  const keys = new Set<string>();
  for (const kind of layerKinds) {
    const json = z.toJSONSchema(getLayerSpec(kind)!.schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, unknown>;
    };
    for (const key of Object.keys(json.properties ?? {})) keys.add(key);
  }
  return keys;
}

describe('layer setting labels', () => {
  it('every setting of every layer kind has a label in the catalogue', () => {
    const labelled = new Set(Object.keys(catalogues.en.ui.fields));
    expect([...settingKeys()].filter((k) => !labelled.has(k))).toEqual([]);
  });

  it('the catalogue labels no setting that no kind has', () => {
    const keys = settingKeys();
    expect(Object.keys(catalogues.en.ui.fields).filter((k) => !keys.has(k))).toEqual([]);
  });
});
