import { describe, expect, it } from 'vitest';
import { getLayerSpec } from '../../../shared/layers';
import { evaluate, params, rejection, shapeError } from './evaluate';

const none = { trainable: 0, nonTrainable: 0 };

describe('Input', () => {
  it('passes its shape on and takes no inputs', () => {
    expect(evaluate('Input', { shape: [224, 224, 3] }, [])).toEqual({ shape: [224, 224, 3], params: none, macs: 0 });
    expect(evaluate('Input', { shape: [784] }, []).shape).toEqual([784]);
    expect(getLayerSpec('Input')!.inputs).toEqual({ min: 0, max: 0 });
    expect(getLayerSpec('Input')!.summary(params('Input', { shape: [28, 28, 1] }))).toBe('28×28×1');
  });

  it('accepts only [H, W, C] or [N] of positive whole numbers', () => {
    expect(rejection('Input', { shape: [28, 28] })).toContain('got [28, 28]');
    expect(rejection('Input', { shape: [0, 28, 1] })).toContain('got [0, 28, 1]');
    expect(rejection('Input', {})).toContain('got nothing');
  });
});

describe('BatchNorm', () => {
  it('gamma and beta are trainable, moving mean and variance are not', () => {
    expect(evaluate('BatchNorm', {}, [[17, 17, 64]])).toEqual({
      shape: [17, 17, 64],
      params: { trainable: 128, nonTrainable: 128 },
      macs: 0,
    });
  });

  it('scale: false drops gamma, center: false drops beta; works on vectors', () => {
    expect(evaluate('BatchNorm', { scale: false }, [[3, 3, 32]]).params).toEqual({ trainable: 32, nonTrainable: 64 });
    expect(evaluate('BatchNorm', { scale: false, center: false }, [[10]]).params).toEqual({
      trainable: 0,
      nonTrainable: 20,
    });
  });

  it('defaults match Keras and bad values are named', () => {
    expect(params('BatchNorm', {})).toEqual({ center: true, scale: true, epsilon: 0.001, momentum: 0.99 });
    expect(rejection('BatchNorm', { epsilon: 0 })).toContain('got 0');
    expect(rejection('BatchNorm', { momentum: 1.2 })).toContain('got 1.2');
  });
});

describe('Activation and Dropout', () => {
  it('keep the shape and have no weights', () => {
    expect(evaluate('Activation', {}, [[4, 4, 8]])).toEqual({ shape: [4, 4, 8], params: none, macs: 0 });
    expect(evaluate('Dropout', { rate: 0 }, [[10]])).toEqual({ shape: [10], params: none, macs: 0 });
    expect(params('Activation', {})).toEqual({ activation: 'relu' });
  });

  it('name a bad activation or rate', () => {
    expect(rejection('Activation', { activation: 'leakyRelu' })).toContain('got "leakyRelu"');
    expect(rejection('Dropout', { rate: 1 })).toContain('got 1');
    expect(rejection('Dropout', { rate: -0.1 })).toContain('got -0.1');
  });
});

describe('ZeroPadding2D', () => {
  it('pads one pixel on every side by default', () => {
    expect(evaluate('ZeroPadding2D', {}, [[224, 224, 3]])).toEqual({ shape: [226, 226, 3], params: none, macs: 0 });
  });

  it('normalizes n, [h, w] and [[top, bottom], [left, right]]', () => {
    expect(params('ZeroPadding2D', { padding: 3 }).padding).toEqual([
      [3, 3],
      [3, 3],
    ]);
    expect(params('ZeroPadding2D', { padding: [1, 2] }).padding).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(
      evaluate(
        'ZeroPadding2D',
        {
          padding: [
            [0, 1],
            [0, 1],
          ],
        },
        [[224, 224, 3]],
      ).shape,
    ).toEqual([225, 225, 3]);
    expect(rejection('ZeroPadding2D', { padding: -1 })).toContain('got -1');
    expect(shapeError('ZeroPadding2D', {}, [[10]])).toContain('needs an image input');
  });
});

describe('Flatten and Reshape', () => {
  it('Flatten unrolls everything', () => {
    expect(evaluate('Flatten', {}, [[7, 7, 512]])).toEqual({ shape: [25088], params: none, macs: 0 });
  });

  it('Reshape fills one -1 and checks the count', () => {
    expect(evaluate('Reshape', { targetShape: [-1] }, [[1, 1, 1000]]).shape).toEqual([1000]);
    expect(evaluate('Reshape', { targetShape: [6, -1] }, [[3, 4, 5]]).shape).toEqual([6, 10]);
    expect(shapeError('Reshape', { targetShape: [6, 11] }, [[3, 4, 5]])).toBe(
      'Reshape cannot turn [3, 4, 5] (60 values) into [6, 11] (66 values) — the counts must match',
    );
    expect(shapeError('Reshape', { targetShape: [7, -1] }, [[3, 4, 5]])).toContain('60 values, not a multiple of 7');
  });

  it('Reshape allows at most one -1', () => {
    expect(rejection('Reshape', { targetShape: [-1, -1] })).toContain('got [-1, -1]');
    expect(rejection('Reshape', { targetShape: [] })).toContain('got []');
  });
});

describe('Dense', () => {
  it('classifier head: 2048·1000 + 1000 params, 2048·1000 MACs', () => {
    expect(evaluate('Dense', { units: 1000, activation: 'softmax' }, [[2048]])).toEqual({
      shape: [1000],
      params: { trainable: 2_049_000, nonTrainable: 0 },
      macs: 2_048_000,
    });
    expect(getLayerSpec('Dense')!.summary(params('Dense', { units: 1000, activation: 'softmax' }))).toBe(
      '1000, softmax',
    );
  });

  it('acts on the last axis of an image like Keras', () => {
    expect(evaluate('Dense', { units: 7 }, [[3, 4, 5]])).toEqual({
      shape: [3, 4, 7],
      params: { trainable: 5 * 7 + 7, nonTrainable: 0 },
      macs: 3 * 4 * 5 * 7,
    });
    expect(evaluate('Dense', { units: 7, useBias: false }, [[5]]).params.trainable).toBe(35);
  });

  it('needs units', () => {
    expect(rejection('Dense', {})).toContain('units: expected a positive whole number, got nothing');
  });
});
