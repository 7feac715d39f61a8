import { describe, expect, expectTypeOf, it } from 'vitest';
import { paletteOffers } from '../../../renderer/palette/paletteItems';
import { kerasClassOf } from '../../../shared/export';
import type { PlainKind } from '../../../shared/export/plainLayer';
import {
  type Conv2DParams,
  getLayerSpec,
  isLayerKind,
  type LayerKind,
  layerKinds,
  type ParamsOf,
  type Pool2DParams,
} from '../../../shared/layers';
import { builders } from '../../../trainer/compile/builders';

/**
 * Layer kinds are a closed set: the registry's table defines LayerKind, and every per-kind
 * table elsewhere is keyed by it, so a kind added to the registry and missed in a table
 * fails `tsc -p test` (the expectTypeOf lines below are checked by the compiler, not at run time).
 */
describe('the closed set of layer kinds', () => {
  it('keys every per-kind table by exactly the catalog kinds', () => {
    expectTypeOf<keyof typeof builders>().toEqualTypeOf<Exclude<LayerKind, 'Input'>>();
    expectTypeOf<keyof typeof kerasClassOf>().toEqualTypeOf<PlainKind>();
    expectTypeOf<keyof typeof paletteOffers>().toEqualTypeOf<LayerKind>();
    expectTypeOf<PlainKind>().toEqualTypeOf<Exclude<LayerKind, 'Compress1x1' | 'StridedReduction'>>();

    const kinds = [...layerKinds].sort();
    expect(Object.keys(builders).sort()).toEqual(kinds.filter((k) => k !== 'Input'));
    expect(Object.keys(kerasClassOf).sort()).toEqual(
      kinds.filter((k) => k !== 'Compress1x1' && k !== 'StridedReduction'),
    );
    expect(Object.keys(paletteOffers).sort()).toEqual(kinds);
  });

  it('gives each kind its own params type', () => {
    expectTypeOf<ParamsOf<'Conv2D'>>().toEqualTypeOf<Conv2DParams>();
    expectTypeOf<ParamsOf<'MaxPool2D'>>().toEqualTypeOf<Pool2DParams>();
    expectTypeOf(builders.Dropout).parameter(0).toHaveProperty('params').toEqualTypeOf<{ rate: number }>();
  });

  it('refuses a table that misses a kind', () => {
    // @ts-expect-error: Dense, Reshape and the rest are missing, which is the point.
    const partial: Record<LayerKind, string> = { Input: 'input', Conv2D: 'conv' };
    expect(Object.keys(partial)).toHaveLength(2);
  });

  it('tells catalog kinds from other strings, and files each spec under its own kind', () => {
    expect(isLayerKind('Conv2D')).toBe(true);
    expect(isLayerKind('Conv3D')).toBe(false);
    expect(isLayerKind('toString')).toBe(false);
    for (const kind of layerKinds) expect(getLayerSpec(kind)?.kind).toBe(kind);
  });

  it('names new nodes after the kind, short and lower case', () => {
    for (const kind of layerKinds) expect(getLayerSpec(kind)?.nodeName, kind).toMatch(/^[a-z][a-z0-9]*$/);
  });
});
