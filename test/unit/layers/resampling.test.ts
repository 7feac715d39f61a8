import { describe, expect, it } from 'vitest';
import { getLayerSpec } from '../../../shared/layers';
import { evaluate, params, rejection, shapeError } from './evaluate';

const none = { trainable: 0, nonTrainable: 0 };

describe('Conv2DTranspose', () => {
  it('grows the image by the strides, as Keras deconv_output_length', () => {
    const same = evaluate('Conv2DTranspose', { filters: 16, kernelSize: 3, strides: 2 }, [[7, 7, 32]]);
    expect(same).toEqual({
      shape: [14, 14, 16],
      params: { trainable: 3 * 3 * 32 * 16 + 16, nonTrainable: 0 },
      // Every input pixel multiplies the whole kernel once.
      macs: 3 * 3 * 32 * 16 * 7 * 7,
    });
    expect(
      evaluate('Conv2DTranspose', { filters: 4, kernelSize: 3, strides: 2, padding: 'valid' }, [[7, 7, 2]]).shape,
    ).toEqual([15, 15, 4]);
    // A kernel smaller than the stride: 'valid' adds nothing, in·s.
    expect(
      evaluate('Conv2DTranspose', { filters: 4, kernelSize: 1, strides: 3, padding: 'valid' }, [[5, 4, 2]]).shape,
    ).toEqual([15, 12, 4]);
    expect(
      evaluate('Conv2DTranspose', { filters: 4, kernelSize: 3, dilation: 2, padding: 'valid' }, [[5, 5, 2]]).shape,
    ).toEqual([9, 9, 4]);
    expect(evaluate('Conv2DTranspose', { filters: 4, kernelSize: 2, useBias: false }, [[5, 5, 2]]).params).toEqual({
      trainable: 2 * 2 * 2 * 4,
      nonTrainable: 0,
    });
  });

  it('steps the receptive field by ⌈k / s⌉ input pixels', () => {
    const spec = getLayerSpec('Conv2DTranspose')!;
    expect(spec.rfStep(params('Conv2DTranspose', { filters: 1, kernelSize: [4, 3], strides: 2 }))).toEqual({
      type: 'window',
      kernel: [2, 2],
      stride: [1, 1],
      dilation: [1, 1],
    });
    expect(spec.summary(params('Conv2DTranspose', { filters: 8, kernelSize: 3, strides: 2, activation: 'relu' }))).toBe(
      '3×3 /2, 8, relu',
    );
  });

  it('rejects strides with dilation and a vector input', () => {
    expect(rejection('Conv2DTranspose', { filters: 1, kernelSize: 3, strides: 2, dilation: 2 })).toContain(
      'dilation: strides 2×2 together with dilation 2×2 is not supported',
    );
    expect(shapeError('Conv2DTranspose', { filters: 1, kernelSize: 3 }, [[10]])).toBe(
      'Conv2DTranspose needs an image input [height, width, channels], but got [10] — add a Reshape before it',
    );
  });
});

describe('Cropping2D and UpSampling2D', () => {
  it('crop each side, and refuse to crop everything', () => {
    expect(
      evaluate(
        'Cropping2D',
        {
          cropping: [
            [0, 1],
            [2, 3],
          ],
        },
        [[10, 10, 4]],
      ),
    ).toEqual({
      shape: [9, 5, 4],
      params: none,
      macs: 0,
    });
    expect(evaluate('Cropping2D', { cropping: 1 }, [[4, 4, 1]]).shape).toEqual([2, 2, 1]);
    expect(shapeError('Cropping2D', { cropping: [2, 0] }, [[4, 4, 1]])).toBe(
      'Cropping2D would cut 2+2 rows and 0+0 columns from [4, 4, 1], leaving nothing — crop less',
    );
    expect(
      getLayerSpec('Cropping2D')!.summary(
        params('Cropping2D', {
          cropping: [
            [0, 1],
            [0, 1],
          ],
        }),
      ),
    ).toBe('crop 0,1 / 0,1');
  });

  it('upsample by whole factors, nearest or bilinear', () => {
    expect(evaluate('UpSampling2D', {}, [[7, 5, 3]])).toEqual({ shape: [14, 10, 3], params: none, macs: 0 });
    expect(evaluate('UpSampling2D', { size: [3, 1], interpolation: 'bilinear' }, [[7, 5, 3]]).shape).toEqual([
      21, 5, 3,
    ]);
    expect(rejection('UpSampling2D', { interpolation: 'bicubic' })).toBe(
      "interpolation: expected 'nearest' or 'bilinear', got \"bicubic\"",
    );
    expect(getLayerSpec('UpSampling2D')!.summary(params('UpSampling2D', { interpolation: 'bilinear' }))).toBe(
      '×2×2, bilinear',
    );
  });
});

describe('LayerNormalization and Permute', () => {
  it('LayerNormalization learns gamma and beta per channel, no moving statistics', () => {
    expect(evaluate('LayerNormalization', {}, [[8, 8, 64]])).toEqual({
      shape: [8, 8, 64],
      params: { trainable: 128, nonTrainable: 0 },
      macs: 0,
    });
    expect(evaluate('LayerNormalization', { center: false }, [[10]]).params).toEqual({
      trainable: 10,
      nonTrainable: 0,
    });
    expect(rejection('LayerNormalization', { epsilon: 0 })).toBe('epsilon: expected a number > 0, got 0');
  });

  it('Permute reorders the axes, counted from 1 as in Keras', () => {
    expect(evaluate('Permute', { dims: [2, 1, 3] }, [[4, 6, 3]])).toEqual({ shape: [6, 4, 3], params: none, macs: 0 });
    expect(evaluate('Permute', { dims: [3, 1, 2] }, [[4, 6, 3]]).shape).toEqual([3, 4, 6]);
    expect(shapeError('Permute', { dims: [2, 1] }, [[4, 6, 3]])).toBe(
      'Permute reorders 2 axes, but its input [4, 6, 3] has 3 — give one entry per axis',
    );
    expect(rejection('Permute', { dims: [0, 1, 2] })).toBe(
      'dims: expected a reordering of the axes 1…n (the batch axis 0 stays first), e.g. [2, 1, 3], got [0, 1, 2]',
    );
    expect(rejection('Permute', { dims: [1, 1, 3] })).toContain('got [1, 1, 3]');
  });
});
