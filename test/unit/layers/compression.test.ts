import { describe, expect, it } from 'vitest';
import {
  type Compress1x1Params,
  compress1x1AsConv2D,
  getLayerSpec,
  type StridedReductionParams,
  stridedReductionEquivalent,
} from '../../../shared/layers';
import { evaluate, params, rejection, shapeError } from './evaluate';

describe('Compress1x1', () => {
  it('halves 288 channels by default: 288·144 + 144 params', () => {
    expect(evaluate('Compress1x1', {}, [[35, 35, 288]])).toEqual({
      shape: [35, 35, 144],
      params: { trainable: 288 * 144 + 144, nonTrainable: 0 },
      macs: 288 * 144 * 35 * 35,
    });
  });

  it('rounds ratio·Cin half up and keeps at least one channel', () => {
    expect(evaluate('Compress1x1', { ratio: 0.25 }, [[8, 8, 45]]).shape).toEqual([8, 8, 11]);
    expect(evaluate('Compress1x1', { ratio: 0.5 }, [[8, 8, 45]]).shape).toEqual([8, 8, 23]);
    expect(evaluate('Compress1x1', { ratio: 0.01 }, [[4, 4, 10]]).shape).toEqual([4, 4, 1]);
    expect(evaluate('Compress1x1', { ratio: 1 }, [[4, 4, 10]]).shape).toEqual([4, 4, 10]);
  });

  it('count mode uses `filters`; useBias off drops the bias', () => {
    expect(evaluate('Compress1x1', { mode: 'count', filters: 64, useBias: false }, [[8, 8, 256]])).toEqual({
      shape: [8, 8, 64],
      params: { trainable: 256 * 64, nonTrainable: 0 },
      macs: 256 * 64 * 8 * 8,
    });
  });

  it('stands for a 1×1 stride-1 Conv2D', () => {
    const p = params('Compress1x1', { ratio: 0.25 }) as Compress1x1Params;
    expect(compress1x1AsConv2D([9, 9, 64], p)).toEqual({
      filters: 16,
      kernelSize: [1, 1],
      strides: [1, 1],
      padding: 'same',
      dilation: [1, 1],
      groups: 1,
      useBias: true,
      activation: 'relu',
    });
  });

  it('validates ratio and mode, naming the value', () => {
    expect(rejection('Compress1x1', { ratio: 0 })).toContain('got 0');
    expect(rejection('Compress1x1', { ratio: 1.5 })).toContain('got 1.5');
    expect(rejection('Compress1x1', { mode: 'percent' })).toContain('got "percent"');
    expect(shapeError('Compress1x1', {}, [[64]])).toContain('Compress1x1 needs an image input');
  });

  it('summary shows the ratio or count', () => {
    const spec = getLayerSpec('Compress1x1')!;
    expect(spec.summary(params('Compress1x1', {}))).toBe('1×1, ×0.5, relu');
    expect(spec.summary(params('Compress1x1', { mode: 'count', filters: 32, activation: 'linear' }))).toBe('1×1, 32');
  });
});

describe('StridedReduction', () => {
  it('defaults to a 3×3 /2 valid conv keeping the channels', () => {
    expect(evaluate('StridedReduction', {}, [[35, 35, 288]])).toEqual({
      shape: [17, 17, 288],
      params: { trainable: 3 * 3 * 288 * 288 + 288, nonTrainable: 0 },
      macs: 3 * 3 * 288 * 288 * 17 * 17,
    });
  });

  it('conv with explicit filters', () => {
    expect(evaluate('StridedReduction', { filters: 384 }, [[35, 35, 288]]).params.trainable).toBe(
      3 * 3 * 288 * 384 + 384,
    );
  });

  it('pool methods have no weights and no MACs', () => {
    const none = { trainable: 0, nonTrainable: 0 };
    expect(evaluate('StridedReduction', { method: 'maxpool' }, [[35, 35, 288]])).toEqual({
      shape: [17, 17, 288],
      params: none,
      macs: 0,
    });
    expect(evaluate('StridedReduction', { method: 'avgpool', padding: 'same' }, [[35, 35, 8]])).toEqual({
      shape: [18, 18, 8],
      params: none,
      macs: 0,
    });
  });

  it('maps to its equivalent plain layer', () => {
    const conv = params('StridedReduction', {}) as StridedReductionParams;
    expect(stridedReductionEquivalent([35, 35, 288], conv)).toEqual({
      kind: 'Conv2D',
      params: {
        filters: 288,
        kernelSize: [3, 3],
        strides: [2, 2],
        padding: 'valid',
        dilation: [1, 1],
        groups: 1,
        useBias: true,
        activation: 'relu',
      },
    });
    const pool = params('StridedReduction', { method: 'avgpool' }) as StridedReductionParams;
    expect(stridedReductionEquivalent([35, 35, 288], pool)).toEqual({
      kind: 'AvgPool2D',
      params: { poolSize: [3, 3], strides: [2, 2], padding: 'valid' },
    });
  });

  it('reports a window that does not fit as a LayerError', () => {
    expect(shapeError('StridedReduction', {}, [[2, 2, 8]])).toContain('A 3×3 kernel does not fit a 2×2 input');
    expect(shapeError('StridedReduction', { method: 'maxpool' }, [[2, 2, 8]])).toContain('3×3 pool window');
    expect(rejection('StridedReduction', { filters: 0 })).toContain('got 0');
    expect(rejection('StridedReduction', { method: 'conv1x1' })).toContain('got "conv1x1"');
  });

  it('summary and receptive-field step', () => {
    const spec = getLayerSpec('StridedReduction')!;
    expect(spec.summary(params('StridedReduction', {}))).toBe('conv 3×3 /2, relu');
    expect(spec.summary(params('StridedReduction', { method: 'maxpool' }))).toBe('max 3×3 /2');
    expect(spec.rfStep(params('StridedReduction', {}))).toEqual({
      type: 'window',
      kernel: [3, 3],
      stride: [2, 2],
      dilation: [1, 1],
    });
  });
});
