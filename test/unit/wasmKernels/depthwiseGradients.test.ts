import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { assertGradientsMatchCpu, assertTfGradsMatchCpu, type WorstSeen } from './gradientCheck';
import { initWasmAndCpu } from './harness';

const worst: WorstSeen = { filter: 0, input: 0, configs: 0 };

beforeAll(initWasmAndCpu);
afterAll(() => {
  console.info(
    `Depthwise backprop, wasm vs cpu over ${worst.configs} configs: max relative error filter ${worst.filter.toExponential(2)}, input ${worst.input.toExponential(2)}`,
  );
});

describe('DepthwiseConv2dNative backprop kernels on wasm', () => {
  it('equal the cpu backend over random shapes, channel multipliers, strides, dilations and paddings, without leaks', () =>
    assertGradientsMatchCpu(true, 200, 20260407, worst));

  it("go through tf.grads of depthwiseConv2d ('same', stride 2, multiplier 2) like the cpu backend", () =>
    assertTfGradsMatchCpu((x, f) => tf.depthwiseConv2d(x, f, 2, 'same'), [3, 9, 6, 4], [3, 3, 4, 2], 3));
});
