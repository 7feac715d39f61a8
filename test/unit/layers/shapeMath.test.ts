import { describe, expect, it } from 'vitest';
import {
  dilatedSize,
  formatPair,
  formatShape,
  LayerError,
  windowOutput,
  windowOutputLength,
} from '../../../shared/layers';

describe('windowOutputLength (Keras conv_output_length)', () => {
  it.each([
    // [input, kernel, stride, dilation, padding, expected]
    [7, 3, 2, 1, 'valid', 3],
    [8, 3, 2, 1, 'valid', 3],
    [299, 3, 2, 1, 'valid', 149],
    [147, 3, 1, 1, 'valid', 145],
    [5, 3, 1, 2, 'valid', 1],
    [5, 5, 1, 1, 'valid', 1],
    [7, 3, 2, 1, 'same', 4],
    [8, 3, 2, 1, 'same', 4],
    [1, 7, 3, 1, 'same', 1],
    [35, 3, 1, 4, 'same', 35],
  ] as const)('in %i, k %i, s %i, d %i, %s -> %i', (input, kernel, stride, dilation, padding, out) => {
    expect(windowOutputLength(input, kernel, stride, dilation, padding)).toBe(out);
  });

  it('goes to zero or below when a valid window overhangs, which windowOutput reports', () => {
    expect(windowOutputLength(5, 6, 1, 1, 'valid')).toBe(0);
    expect(windowOutputLength(5, 7, 1, 1, 'valid')).toBe(-1);
  });

  it('dilation spreads a k-tap kernel over (k-1)·d+1 pixels', () => {
    expect(dilatedSize(3, 1)).toBe(3);
    expect(dilatedSize(3, 2)).toBe(5);
    expect(dilatedSize(1, 5)).toBe(1);
  });
});

describe('windowOutput', () => {
  it('handles asymmetric kernels and strides per axis', () => {
    expect(windowOutput([17, 17], { kernel: [1, 7], strides: [1, 1], padding: 'valid', noun: 'kernel' })).toEqual([
      17, 11,
    ]);
    expect(windowOutput([9, 8], { kernel: [3, 1], strides: [2, 3], padding: 'valid', noun: 'kernel' })).toEqual([4, 3]);
  });

  it('explains a kernel that does not fit, naming both sizes and the fixes', () => {
    const fit = () => windowOutput([5, 5], { kernel: [7, 7], strides: [1, 1], padding: 'valid', noun: 'kernel' });
    expect(fit).toThrow(LayerError);
    expect(fit).toThrow(
      "A 7×7 kernel does not fit a 5×5 input with padding 'valid' — use padding 'same', a smaller kernel, or a larger input",
    );
  });

  it('mentions the dilated span when dilation is what makes it overhang', () => {
    const fit = () =>
      windowOutput([5, 5], { kernel: [3, 3], strides: [1, 1], dilation: [3, 3], padding: 'valid', noun: 'kernel' });
    expect(fit).toThrow(/3×3 kernel with dilation 3×3 spans 7×7 and does not fit a 5×5 input/);
  });

  it('fails when only one axis overhangs', () => {
    expect(() =>
      windowOutput([9, 2], { kernel: [1, 3], strides: [1, 1], padding: 'valid', noun: 'pool window' }),
    ).toThrow(/1×3 pool window does not fit a 9×2 input/);
  });
});

describe('formatting', () => {
  it('writes shapes and sizes the way messages show them', () => {
    expect(formatShape([28, 28, 1])).toBe('[28, 28, 1]');
    expect(formatShape([])).toBe('[]');
    expect(formatPair([1, 7])).toBe('1×7');
  });
});
