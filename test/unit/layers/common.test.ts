import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, describeValue } from '../../../shared/layers';
import { params, rejection } from './evaluate';

describe('shared schema pieces', () => {
  it('accepts a single number or a pair for kernel sizes and normalizes to [h, w]', () => {
    expect(params('Conv2D', { filters: 8, kernelSize: 3 }).kernelSize).toEqual([3, 3]);
    expect(params('Conv2D', { filters: 8, kernelSize: [1, 7] }).kernelSize).toEqual([1, 7]);
    expect(params('Conv2D', { filters: 8, kernelSize: [7, 1], strides: 2 }).strides).toEqual([2, 2]);
  });

  it.each([
    [{ filters: 8, kernelSize: [3, 0] }, 'kernelSize: expected a positive whole number or a pair', 'got [3, 0]'],
    [{ filters: 8, kernelSize: [3, 3, 3] }, 'kernelSize:', 'got [3, 3, 3]'],
    [{ filters: 8, kernelSize: '3' }, 'kernelSize:', 'got "3"'],
    [{ filters: 8, kernelSize: 2.5 }, 'kernelSize:', 'got 2.5'],
    // A whole number, but beyond exact integers: its parameter count would overflow to Infinity.
    [{ filters: 8, kernelSize: 1e154 }, 'kernelSize:', 'got 1e+154'],
    [{ filters: 8 }, 'kernelSize:', 'got nothing'],
    [{ filters: 0, kernelSize: 3 }, 'filters: expected a positive whole number', 'got 0'],
    [{ filters: 1.5, kernelSize: 3 }, 'filters:', 'got 1.5'],
    [{ filters: Number.NaN, kernelSize: 3 }, 'filters:', 'got NaN'],
    [{ filters: 8, kernelSize: 3, padding: 'full' }, "padding: expected one of 'same', 'valid'", 'got "full"'],
    [{ filters: 8, kernelSize: 3, activation: 'elu' }, 'activation: expected one of', 'got "elu"'],
    [{ filters: 8, kernelSize: 3, useBias: 'yes' }, 'useBias: expected true or false', 'got "yes"'],
    [{ filters: 8, kernelSize: 3, strides: -1 }, 'strides:', 'got -1'],
  ])('rejects %j naming the bad value', (raw, where, value) => {
    const message = rejection('Conv2D', raw);
    expect(message).toContain(where);
    expect(message).toContain(value);
  });

  it('rejects unknown keys, so a Keras-style typo is not silently ignored', () => {
    expect(rejection('Conv2D', { filters: 8, kernelSize: 3, kernel_size: 5 })).toContain('kernel_size');
  });

  it('rejects strides > 1 together with dilation > 1, naming both', () => {
    for (const kind of ['Conv2D', 'DepthwiseConv2D', 'SeparableConv2D']) {
      const message = rejection(kind, { filters: 8, kernelSize: 3, strides: [1, 2], dilation: [2, 1] });
      expect(message).toContain('dilation: strides 1×2 together with dilation 2×1 is not supported');
    }
    expect(params('Conv2D', { filters: 8, kernelSize: 3, strides: 1, dilation: 2 }).dilation).toEqual([2, 2]);
  });

  it('lists the activations the catalog understands', () => {
    expect([...ACTIVATIONS].sort()).toEqual([
      'gelu',
      'hard_sigmoid',
      'hard_swish',
      'linear',
      'relu',
      'relu6',
      'sigmoid',
      'softmax',
      'swish',
      'tanh',
    ]);
  });

  it('prints values as they were typed', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(describeValue([[1, 2], [3]])).toBe('[[1, 2], [3]]');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue(null)).toBe('null');
  });
});
