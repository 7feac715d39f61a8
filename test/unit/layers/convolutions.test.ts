import { describe, expect, it } from 'vitest';
import { getLayerSpec } from '../../../shared/layers';
import { evaluate, params, shapeError } from './evaluate';

describe('Conv2D', () => {
  it('3×3 same: 3·3·3·16 + 16 params, 3·3·3·16·32·32 MACs', () => {
    expect(evaluate('Conv2D', { filters: 16, kernelSize: 3 }, [[32, 32, 3]])).toEqual({
      shape: [32, 32, 16],
      params: { trainable: 448, nonTrainable: 0 },
      macs: 442_368,
    });
  });

  it('without bias drops exactly `filters` params', () => {
    expect(evaluate('Conv2D', { filters: 16, kernelSize: 3, useBias: false }, [[32, 32, 3]]).params.trainable).toBe(
      432,
    );
  });

  it('InceptionV3 stem: 3×3 /2 valid on 299×299×3 without bias', () => {
    const stem = { filters: 32, kernelSize: 3, strides: 2, padding: 'valid', useBias: false };
    expect(evaluate('Conv2D', stem, [[299, 299, 3]])).toEqual({
      shape: [149, 149, 32],
      params: { trainable: 864, nonTrainable: 0 },
      macs: 864 * 149 * 149,
    });
  });

  it('1×7 and 7×1 kernels (Inception factorization)', () => {
    const oneBySeven = evaluate('Conv2D', { filters: 192, kernelSize: [1, 7] }, [[17, 17, 192]]);
    expect(oneBySeven.shape).toEqual([17, 17, 192]);
    expect(oneBySeven.params.trainable).toBe(7 * 192 * 192 + 192);
    expect(oneBySeven.macs).toBe(7 * 192 * 192 * 17 * 17);
    expect(evaluate('Conv2D', { filters: 4, kernelSize: [7, 1], padding: 'valid' }, [[17, 17, 8]]).shape).toEqual([
      11, 17, 4,
    ]);
  });

  it('dilation widens the window without adding weights', () => {
    const dilated = evaluate('Conv2D', { filters: 2, kernelSize: 3, dilation: 2, padding: 'valid' }, [[9, 9, 4]]);
    expect(dilated.shape).toEqual([5, 5, 2]);
    expect(dilated.params.trainable).toBe(3 * 3 * 4 * 2 + 2);
  });

  it('groups divide the weights and MACs: kh·kw·(Cin/groups)·filters', () => {
    expect(evaluate('Conv2D', { filters: 32, kernelSize: 3, groups: 4 }, [[8, 8, 16]])).toEqual({
      shape: [8, 8, 32],
      params: { trainable: 3 * 3 * 4 * 32 + 32, nonTrainable: 0 },
      macs: 3 * 3 * 4 * 32 * 8 * 8,
    });
  });

  it('groups must divide input channels and filters; the error names both', () => {
    const channels = shapeError('Conv2D', { filters: 32, kernelSize: 3, groups: 3 }, [[8, 8, 64]]);
    expect(channels).toContain('groups 3');
    expect(channels).toContain('input channels (64)');
    expect(channels).toContain('filters (32)');
    expect(shapeError('Conv2D', { filters: 4, kernelSize: 3, groups: 3 }, [[8, 8, 6]])).toContain('filters (4)');
  });

  it('explains a kernel larger than a valid input', () => {
    expect(shapeError('Conv2D', { filters: 8, kernelSize: 7, padding: 'valid' }, [[5, 5, 3]])).toBe(
      "A 7×7 kernel does not fit a 5×5 input with padding 'valid' — use padding 'same', a smaller kernel, or a larger input",
    );
  });

  it('needs an image input', () => {
    expect(shapeError('Conv2D', { filters: 8, kernelSize: 3 }, [[784]])).toBe(
      'Conv2D needs an image input [height, width, channels], but got [784] — add a Reshape before it',
    );
    expect(shapeError('Conv2D', { filters: 8, kernelSize: 3 }, [])).toContain('exactly one input, but got 0');
  });

  it('has a window receptive-field step and a short summary', () => {
    const spec = getLayerSpec('Conv2D')!;
    const p = params('Conv2D', { filters: 64, kernelSize: 3, strides: 2 });
    expect(spec.rfStep(p)).toEqual({ type: 'window', kernel: [3, 3], stride: [2, 2], dilation: [1, 1] });
    expect(spec.summary(p)).toBe('3×3 /2, 64');
    expect(spec.summary(params('Conv2D', { filters: 8, kernelSize: [1, 7], activation: 'relu' }))).toBe('1×7, 8, relu');
    expect(spec.summary(params('Conv2D', { filters: 8, kernelSize: 3, dilation: 2, groups: 2 }))).toBe('3×3 d2, 8, g2');
  });
});

describe('DepthwiseConv2D', () => {
  it('one 3×3 filter per channel: 3·3·C + C params', () => {
    expect(evaluate('DepthwiseConv2D', { kernelSize: 3 }, [[14, 14, 32]])).toEqual({
      shape: [14, 14, 32],
      params: { trainable: 320, nonTrainable: 0 },
      macs: 3 * 3 * 32 * 14 * 14,
    });
  });

  it('depthMultiplier multiplies the output channels', () => {
    const raw = { kernelSize: [3, 1], strides: [2, 3], padding: 'valid', depthMultiplier: 2, useBias: false };
    expect(evaluate('DepthwiseConv2D', raw, [[9, 8, 3]])).toEqual({
      shape: [4, 3, 6],
      params: { trainable: 3 * 1 * 3 * 2, nonTrainable: 0 },
      macs: 3 * 1 * 6 * 4 * 3,
    });
  });

  it('applies dilation like Keras (tfjs-layers 4.22 ignores it, see tfjs-parity.test.ts)', () => {
    expect(evaluate('DepthwiseConv2D', { kernelSize: 3, dilation: 2, padding: 'valid' }, [[9, 9, 3]]).shape).toEqual([
      5, 5, 3,
    ]);
  });
});

describe('SeparableConv2D', () => {
  it('depthwise kh·kw·Cin·dm + pointwise Cin·dm·filters + bias filters', () => {
    expect(evaluate('SeparableConv2D', { filters: 16, kernelSize: 3 }, [[16, 16, 8]])).toEqual({
      shape: [16, 16, 16],
      params: { trainable: 72 + 128 + 16, nonTrainable: 0 },
      macs: (72 + 128) * 16 * 16,
    });
  });

  it('counts the depth multiplier in both parts', () => {
    const raw = { filters: 3, kernelSize: [1, 3], padding: 'valid', depthMultiplier: 2, useBias: false };
    expect(evaluate('SeparableConv2D', raw, [[5, 7, 4]])).toEqual({
      shape: [5, 5, 3],
      params: { trainable: 1 * 3 * 4 * 2 + 8 * 3, nonTrainable: 0 },
      macs: (24 + 24) * 5 * 5,
    });
  });

  it('rejects a kernel that overhangs', () => {
    expect(shapeError('SeparableConv2D', { filters: 3, kernelSize: [1, 9], padding: 'valid' }, [[5, 7, 4]])).toContain(
      'A 1×9 kernel does not fit a 5×7 input',
    );
  });
});

describe('the conv family (Conv2D, DepthwiseConv2D, SeparableConv2D)', () => {
  const kinds = ['Conv2D', 'DepthwiseConv2D', 'SeparableConv2D'] as const;
  const own = { Conv2D: { filters: 6 }, DepthwiseConv2D: {}, SeparableConv2D: { filters: 6 } };

  it.each(kinds)('%s takes the shared window settings, defaults and arithmetic', (kind) => {
    const window = { kernelSize: [3, 5], strides: [2, 1], padding: 'valid' };
    const p = params(kind, { ...own[kind], ...window });
    expect(p).toMatchObject({ kernelSize: [3, 5], strides: [2, 1], padding: 'valid', dilation: [1, 1], useBias: true });
    const { shape } = evaluate(kind, { ...own[kind], ...window }, [[11, 11, 2]]);
    expect(shape.slice(0, 2)).toEqual([5, 7]);
    expect(getLayerSpec(kind)!.rfStep(p)).toEqual({ type: 'window', kernel: [3, 5], stride: [2, 1], dilation: [1, 1] });
  });

  it.each(kinds)('%s counts one multiply-add per weight (bias excluded) per output position', (kind) => {
    const withBias = evaluate(kind, { ...own[kind], kernelSize: 3 }, [[8, 8, 4]]);
    const without = evaluate(kind, { ...own[kind], kernelSize: 3, useBias: false }, [[8, 8, 4]]);
    const [h = 0, w = 0, channels = 0] = withBias.shape;
    expect(withBias.params.trainable - without.params.trainable).toBe(channels);
    expect(withBias.macs).toBe(without.params.trainable * h * w);
  });

  it.each(kinds)('%s refuses strides with dilation on the dilation field', (kind) => {
    expect(() => params(kind, { ...own[kind], kernelSize: 3, strides: 2, dilation: 2 })).toThrow(
      /dilation: strides 2×2 together with dilation 2×2 is not supported/,
    );
  });
});
