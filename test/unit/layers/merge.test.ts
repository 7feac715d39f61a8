import { describe, expect, it } from 'vitest';
import { getLayerSpec } from '../../../shared/layers';
import { evaluate, rejection, shapeError } from './evaluate';

const none = { trainable: 0, nonTrainable: 0 };

describe('Concatenate', () => {
  it('joins Inception branches along the channels', () => {
    const branches = [
      [35, 35, 64],
      [35, 35, 64],
      [35, 35, 96],
      [35, 35, 32],
    ];
    expect(evaluate('Concatenate', {}, branches)).toEqual({ shape: [35, 35, 256], params: none, macs: 0 });
  });

  it('counts the axis as Keras does, batch axis included', () => {
    const inputs = [
      [2, 4, 8],
      [3, 4, 8],
    ];
    expect(evaluate('Concatenate', { axis: 1 }, inputs).shape).toEqual([5, 4, 8]);
    expect(evaluate('Concatenate', { axis: -3 }, inputs).shape).toEqual([5, 4, 8]);
    expect(
      evaluate('Concatenate', { axis: 3 }, [
        [4, 4, 8],
        [4, 4, 3],
      ]).shape,
    ).toEqual([4, 4, 11]);
    expect(evaluate('Concatenate', {}, [[10], [6]]).shape).toEqual([16]);
  });

  it('names the two disagreeing shapes and their order', () => {
    const message = shapeError('Concatenate', {}, [
      [35, 35, 64],
      [35, 35, 96],
      [17, 17, 64],
    ]);
    expect(message).toBe(
      'Concatenate inputs must match on every axis except axis -1, but input 1 is [35, 35, 64] and input 3 is [17, 17, 64] (inputs counted in connection order)',
    );
    expect(
      shapeError('Concatenate', {}, [
        [4, 4, 8],
        [4, 8],
      ]),
    ).toContain('input 2 is [4, 8]');
  });

  it('rejects the batch axis and axes the inputs lack', () => {
    expect(rejection('Concatenate', { axis: 0 })).toContain('got 0');
    expect(rejection('Concatenate', { axis: 1.5 })).toContain('got 1.5');
    expect(
      shapeError('Concatenate', { axis: 4 }, [
        [4, 4, 8],
        [4, 4, 8],
      ]),
    ).toContain('axis 4 does not exist');
    expect(
      shapeError('Concatenate', { axis: -4 }, [
        [4, 4, 8],
        [4, 4, 8],
      ]),
    ).toContain('axis -4 does not exist');
  });

  it('takes two or more inputs', () => {
    expect(getLayerSpec('Concatenate')!.inputs).toEqual({ min: 2, max: Number.POSITIVE_INFINITY });
  });
});

describe('Add', () => {
  it('keeps the common shape of any number of inputs', () => {
    expect(
      evaluate('Add', {}, [
        [8, 8, 64],
        [8, 8, 64],
        [8, 8, 64],
      ]),
    ).toEqual({ shape: [8, 8, 64], params: none, macs: 0 });
  });

  it('requires equal shapes, naming both (no Keras-style broadcasting)', () => {
    const message = shapeError('Add', {}, [
      [8, 8, 64],
      [8, 8, 64],
      [8, 8, 1],
    ]);
    expect(message).toContain('input 1 is [8, 8, 64] and input 3 is [8, 8, 1]');
    expect(shapeError('Add', {}, [[8, 8, 64], [64]])).toContain('input 2 is [64]');
    expect(getLayerSpec('Add')!.inputs).toEqual({ min: 2, max: Number.POSITIVE_INFINITY });
  });

  it('accepts no settings', () => {
    expect(rejection('Add', { axis: -1 })).toContain('axis');
  });
});

describe('element-wise merges (Multiply, Subtract, Average, Maximum, Minimum)', () => {
  it('squeeze-and-excitation: a [1, 1, C] gate stretches over the [H, W, C] map', () => {
    const inputs = [
      [14, 14, 96],
      [1, 1, 96],
    ];
    for (const kind of ['Multiply', 'Average', 'Maximum', 'Minimum', 'Subtract']) {
      expect(evaluate(kind, {}, inputs), kind).toEqual({ shape: [14, 14, 96], params: none, macs: 0 });
    }
    expect(
      evaluate('Multiply', {}, [
        [1, 8, 3],
        [5, 1, 3],
        [5, 8, 1],
      ]).shape,
    ).toEqual([5, 8, 3]);
  });

  it('refuses sizes that cannot stretch and ranks that differ, naming both inputs', () => {
    expect(
      shapeError('Multiply', {}, [
        [8, 8, 16],
        [8, 8, 8],
      ]),
    ).toBe(
      'Multiply needs inputs of the same shape (an axis of size 1 may stretch), but input 1 is [8, 8, 16] and input 2 is [8, 8, 8] (inputs counted in connection order) — a Reshape, a 1×1 Conv2D or a matching stride can make them agree',
    );
    expect(shapeError('Average', {}, [[8, 8, 16], [16]])).toContain('input 2 is [16]');
  });

  it('Subtract takes exactly two inputs; the others two or more', () => {
    expect(getLayerSpec('Subtract')!.inputs).toEqual({ min: 2, max: 2 });
    expect(shapeError('Subtract', {}, [[4], [4], [4]])).toBe('Subtract needs exactly two inputs, but got 3');
    expect(shapeError('Maximum', {}, [[4]])).toBe('Maximum needs at least two inputs, but got 1');
    expect(evaluate('Minimum', {}, [[4], [4], [4], [4]]).shape).toEqual([4]);
  });
});
