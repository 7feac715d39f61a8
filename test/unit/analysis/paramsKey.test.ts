import { describe, expect, it } from 'vitest';
import { validatedParams } from '../../../shared/analysis/paramsCache';
import { paramsKey } from '../../../shared/analysis/paramsKey';
import { getLayerSpec } from '../../../shared/layers';

describe('paramsKey: equal only where zod would see the same values', () => {
  it('gives equal keys for equal plain data', () => {
    const a = { filters: 64, kernelSize: [3, 3], padding: 'same', useBias: false, extra: null };
    expect(paramsKey(a)).toBe(paramsKey(structuredClone(a)));
  });

  it('tells apart values JSON would blur or types that print alike', () => {
    const keys = [
      { v: 1 },
      { v: '1' },
      { v: [1] },
      { v: true },
      { v: 'true' },
      { v: null },
      { v: 'null' },
      { v: { a: 1 } },
      { v: '{"a":1}' },
      { w: 1 },
      { v: 1, w: 1 },
    ].map(paramsKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses what JSON cannot say exactly, so it is validated on its own', () => {
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, -0, undefined, () => 1, new Date(0), 10n])
      expect(paramsKey({ v })).toBeNull();
    const holey: number[] = [];
    holey[0] = 1;
    holey[2] = 3;
    expect(paramsKey({ v: holey })).toBeNull();
    expect(paramsKey({ v: [[[[[1]]]]] })).toBeNull();
  });
});

describe('validatedParams shares one validation between equal params', () => {
  const conv = getLayerSpec('Conv2D')!;

  it('a fresh copy of the same settings reuses the validated entry', () => {
    const raw = { filters: 8, kernelSize: [3, 3] };
    const first = validatedParams(conv, raw);
    expect(first.result.ok).toBe(true);
    expect(validatedParams(conv, structuredClone(raw))).toBe(first);
  });

  it('settings that JSON would print alike are still validated apart', () => {
    const nan = validatedParams(conv, { filters: Number.NaN, kernelSize: [3, 3] });
    const nul = validatedParams(conv, { filters: null, kernelSize: [3, 3] });
    expect(nan.result.ok).toBe(false);
    expect(nul.result.ok).toBe(false);
    expect(nan).not.toBe(nul);
    const good = validatedParams(conv, { filters: 8, kernelSize: [3, 3], strides: [1, 1] });
    const other = validatedParams(conv, { filters: 8, kernelSize: [3, 3], strides: [2, 2] });
    expect(good.result.ok && other.result.ok).toBe(true);
    expect(good.result.ok && good.result.params.strides).toEqual([1, 1]);
    expect(other.result.ok && other.result.params.strides).toEqual([2, 2]);
  });
});
