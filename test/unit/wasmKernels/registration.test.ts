import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../../../electron/services/wasmKernels';
import { initWasmAndCpu } from './harness';

const ours = [
  'Conv2DBackpropFilter',
  'Conv2DBackpropInput',
  'DepthwiseConv2dNativeBackpropFilter',
  'DepthwiseConv2dNativeBackpropInput',
  'Tile',
  'MaxPoolGrad',
  'AvgPoolGrad',
  'Slice',
  'SplitV',
  'Concat',
  'Identity',
  'Conv2D',
  'FusedConv2D',
];

beforeAll(initWasmAndCpu);

describe('registerWasmTrainingKernels', () => {
  it('is done by the wasm candidate in tfjs.ts and registers the backprop, pool-gradient and copy kernels for wasm', () => {
    const registered = tf.getKernelsForBackend('wasm').map((k) => k.kernelName);
    expect(registered).toEqual(expect.arrayContaining(ours));
  });

  it('is idempotent: a second call keeps the registered kernels', () => {
    const before = ours.map((name) => tf.getKernel(name, 'wasm')!.kernelFunc);
    expect(registerWasmTrainingKernels(tf)).toEqual(ours);
    expect(ours.map((name) => tf.getKernel(name, 'wasm')!.kernelFunc)).toEqual(before);
  });

  it('leaves the other backends alone', () => {
    for (const name of ours) expect(tf.getKernel(name, 'cpu')).toBeDefined();
  });
});
