import { describe, expect, it } from 'vitest';
import { getLayerSpec } from '../../../shared/layers';
import { evaluate, params, shapeError } from './evaluate';

const none = { trainable: 0, nonTrainable: 0 };

describe.each(['MaxPool2D', 'AvgPool2D'])('%s', (kind) => {
  it('defaults to 2×2 /2 valid and halves the image', () => {
    expect(evaluate(kind, {}, [[32, 32, 16]])).toEqual({ shape: [16, 16, 16], params: none, macs: 0 });
    expect(evaluate(kind, {}, [[7, 7, 16]]).shape).toEqual([3, 3, 16]);
  });

  it('3×3 /2 valid on 35×35 gives 17×17 (Inception reduction); same gives ceil(35/2)', () => {
    expect(evaluate(kind, { poolSize: 3, strides: 2 }, [[35, 35, 288]]).shape).toEqual([17, 17, 288]);
    expect(evaluate(kind, { poolSize: 3, strides: 2, padding: 'same' }, [[35, 35, 8]]).shape).toEqual([18, 18, 8]);
    expect(evaluate(kind, { poolSize: [1, 3], strides: [1, 2] }, [[6, 7, 1]]).shape).toEqual([6, 3, 1]);
  });

  it('explains a pool window larger than the input', () => {
    expect(shapeError(kind, { poolSize: 3 }, [[2, 2, 1]])).toBe(
      "A 3×3 pool window does not fit a 2×2 input with padding 'valid' — use padding 'same', a smaller pool window, or a larger input",
    );
  });

  it('has an undilated window step', () => {
    const p = params(kind, { poolSize: 3, strides: 2 });
    expect(getLayerSpec(kind)!.rfStep(p)).toEqual({ type: 'window', kernel: [3, 3], stride: [2, 2], dilation: [1, 1] });
  });
});

describe.each(['GlobalAvgPool2D', 'GlobalMaxPool2D'])('%s', (kind) => {
  it('reduces an image to one value per channel, [C] or [1, 1, C]', () => {
    expect(evaluate(kind, {}, [[8, 8, 2048]])).toEqual({ shape: [2048], params: none, macs: 0 });
    expect(evaluate(kind, { keepDims: true }, [[7, 7, 1024]]).shape).toEqual([1, 1, 1024]);
  });

  it('needs an image and sees the whole of it', () => {
    expect(shapeError(kind, {}, [[2048]])).toContain(`${kind} needs an image input`);
    expect(getLayerSpec(kind)!.rfStep(params(kind, {}))).toEqual({ type: 'global' });
  });
});

it('pool summaries name the operation and window', () => {
  expect(getLayerSpec('MaxPool2D')!.summary(params('MaxPool2D', { poolSize: 3, strides: 2 }))).toBe('max 3×3 /2');
  expect(getLayerSpec('AvgPool2D')!.summary(params('AvgPool2D', { poolSize: 3, strides: 1 }))).toBe('avg 3×3');
  expect(getLayerSpec('GlobalAvgPool2D')!.summary(params('GlobalAvgPool2D', {}))).toBe('global avg');
});
