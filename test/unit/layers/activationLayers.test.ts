import { describe, expect, it } from 'vitest';
import { getLayerSpec } from '../../../shared/layers';
import { evaluate, params, rejection, shapeError } from './evaluate';

const none = { trainable: 0, nonTrainable: 0 };

describe('ReLU, LeakyReLU and ELU layers', () => {
  it('keep the shape and have no weights', () => {
    for (const kind of ['ReLU', 'LeakyReLU', 'ELU']) {
      expect(evaluate(kind, {}, [[7, 7, 32]]), kind).toEqual({ shape: [7, 7, 32], params: none, macs: 0 });
      expect(getLayerSpec(kind)!.rfStep(params(kind, {})), kind).toEqual({ type: 'identity' });
    }
  });

  it('show their options on the node face', () => {
    const relu = getLayerSpec('ReLU')!;
    expect(relu.summary(params('ReLU', {}))).toBe('relu');
    expect(relu.summary(params('ReLU', { maxValue: 6, negativeSlope: 0.1, threshold: 0.5 }))).toBe(
      'relu ≤6, slope 0.1, from 0.5',
    );
    expect(getLayerSpec('LeakyReLU')!.summary(params('LeakyReLU', {}))).toBe('leaky 0.3');
    expect(getLayerSpec('ELU')!.summary(params('ELU', { alpha: 0.5 }))).toBe('elu α0.5');
  });

  it('name the bad value', () => {
    expect(rejection('ReLU', { maxValue: -1 })).toBe('maxValue: expected a number ≥ 0, got -1');
    expect(rejection('LeakyReLU', { negativeSlope: 'x' })).toBe('negativeSlope: expected a number ≥ 0, got "x"');
    expect(rejection('ELU', { alpha: Number.NaN })).toBe('alpha: expected a number ≥ 0, got NaN');
  });
});

describe('PReLU', () => {
  it('learns one slope per value, as Keras counts them', () => {
    expect(evaluate('PReLU', {}, [[8, 8, 16]])).toEqual({
      shape: [8, 8, 16],
      params: { trainable: 8 * 8 * 16, nonTrainable: 0 },
      macs: 0,
    });
  });

  it('shares slopes along the given axes (batch is axis 0)', () => {
    expect(evaluate('PReLU', { sharedAxes: [1, 2] }, [[8, 8, 16]]).params.trainable).toBe(16);
    expect(evaluate('PReLU', { sharedAxes: [3] }, [[8, 8, 16]]).params.trainable).toBe(64);
    expect(evaluate('PReLU', { sharedAxes: [1] }, [[10]]).params.trainable).toBe(1);
    // One axis as the inspector reads "3".
    expect(params('PReLU', { sharedAxes: 3 })).toEqual({ sharedAxes: [3] });
  });

  it('refuses an axis the input does not have, and malformed axes', () => {
    expect(shapeError('PReLU', { sharedAxes: [1, 4] }, [[8, 8, 16]])).toBe(
      'PReLU shares axis 4, but its input [8,8,16] has axes 1 to 3 (0 is the batch)',
    );
    expect(rejection('PReLU', { sharedAxes: [0] })).toBe(
      'sharedAxes: expected null or a list of distinct axes ≥ 1 (the batch axis is 0, as in Keras), got [0]',
    );
    expect(rejection('PReLU', { sharedAxes: [1, 1] })).toContain('got [1, 1]');
  });
});

describe('Rescaling', () => {
  it('keeps the shape, has no weights, and shows scale and offset', () => {
    expect(evaluate('Rescaling', { scale: 2, offset: -1 }, [[224, 224, 3]])).toEqual({
      shape: [224, 224, 3],
      params: none,
      macs: 0,
    });
    const spec = getLayerSpec('Rescaling')!;
    expect(spec.summary(params('Rescaling', {}))).toBe('×0.00392');
    expect(spec.summary(params('Rescaling', { scale: 1 / 127.5, offset: -1 }))).toBe('×0.00784 − 1');
  });

  it('names a bad scale', () => {
    expect(rejection('Rescaling', { scale: Number.POSITIVE_INFINITY })).toBe(
      'scale: expected a number, or a list of numbers (one per channel), got Infinity',
    );
    expect(rejection('Rescaling', { offset: [] })).toBe(
      'offset: expected a number, or a list of numbers (one per channel), got []',
    );
    expect(rejection('Rescaling', { scale: [1, 'a'] })).toContain('got [1, "a"]');
  });

  it('takes one scale and offset per channel (Keras ≥ 2.10 EfficientNet), still no weights', () => {
    const perChannel = { scale: [2, 0.5, 1], offset: [0, -1, 0.25] };
    expect(evaluate('Rescaling', perChannel, [[224, 224, 3]])).toEqual({ shape: [224, 224, 3], params: none, macs: 0 });
    expect(evaluate('Rescaling', { scale: [2] }, [[4, 4, 3]])).toEqual({ shape: [4, 4, 3], params: none, macs: 0 });
    expect(getLayerSpec('Rescaling')!.summary(params('Rescaling', perChannel))).toBe('×[2, 0.5, 1] + [0, -1, 0.25]');
    expect(getLayerSpec('Rescaling')!.summary(params('Rescaling', { scale: [0.5], offset: [-1] }))).toBe('×0.5 − 1');
    expect(shapeError('Rescaling', { scale: [1, 2] }, [[4, 4, 3]])).toBe(
      'Rescaling has 2 scale values for 3 channels — give one value, or one per channel',
    );
    expect(shapeError('Rescaling', { offset: [1, 2, 3, 4] }, [[3]])).toBe(
      'Rescaling has 4 offset values for 3 channels — give one value, or one per channel',
    );
  });
});

describe('Normalization', () => {
  it('counts adapted mean, variance and count as non-trainable: 2·C + 1, as Keras does', () => {
    expect(evaluate('Normalization', {}, [[224, 224, 3]])).toEqual({
      shape: [224, 224, 3],
      params: { trainable: 0, nonTrainable: 7 },
      macs: 0,
    });
    expect(evaluate('Normalization', {}, [[10]]).params).toEqual({ trainable: 0, nonTrainable: 21 });
  });

  it('creates no weights when mean and variance are given (constants)', () => {
    const given = { mean: [0.485, 0.456, 0.406], variance: [0.052, 0.05, 0.051] };
    expect(evaluate('Normalization', given, [[32, 32, 3]]).params).toEqual(none);
    expect(evaluate('Normalization', { mean: [0.5], variance: [0.25] }, [[32, 32, 3]]).params).toEqual(none);
    expect(params('Normalization', { mean: 0.5, variance: 0.25 })).toEqual({ mean: [0.5], variance: [0.25] });
  });

  it('refuses statistics that do not fit the channels, or come alone', () => {
    expect(shapeError('Normalization', { mean: [0, 0], variance: [1, 1] }, [[8, 8, 3]])).toBe(
      'Normalization has 2 mean values for 3 channels — give one value, or one per channel',
    );
    expect(rejection('Normalization', { mean: [0] })).toBe(
      'variance: expected mean and variance to be given together (or both null, learned by adapt()), got only one',
    );
    expect(rejection('Normalization', { mean: [0], variance: [-1] })).toBe('variance: expected variances ≥ 0, got -1');
  });
});
