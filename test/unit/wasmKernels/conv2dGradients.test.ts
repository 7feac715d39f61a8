import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConvCase } from './convCases';
import {
  assertGradientsMatchCpu,
  assertTfGradsMatchCpu,
  checkGradients,
  TOLERANCE,
  type WorstSeen,
} from './gradientCheck';
import { initWasmAndCpu } from './harness';

const worst: WorstSeen = { filter: 0, input: 0, configs: 0 };

beforeAll(initWasmAndCpu);
afterAll(() => {
  console.info(
    `Conv2D backprop, wasm vs cpu over ${worst.configs} configs: max relative error filter ${worst.filter.toExponential(2)}, input ${worst.input.toExponential(2)}`,
  );
});

const base: Omit<ConvCase, 'height' | 'width' | 'kernel' | 'pad'> = {
  batch: 2,
  inChannels: 3,
  outChannels: 4,
  strides: [1, 1],
  dilations: [1, 1],
  seed: 7,
};
/** The geometry each branch of the kernels exists for, named, so a failure says which. */
const edgeCases: [string, ConvCase][] = [
  [
    'every tap reads padding (zero filter gradient)',
    {
      ...base,
      height: 1,
      width: 3,
      kernel: [1, 1],
      strides: [3, 1],
      pad: [
        [0, 0],
        [2, 0],
        [0, 0],
        [0, 0],
      ],
    },
  ],
  [
    "'same', stride 2, even size (padding only at the bottom/right)",
    { ...base, height: 8, width: 6, kernel: [3, 3], strides: [2, 2], pad: 'same' },
  ],
  [
    "'valid', (in − k) not a multiple of the stride (rows cropped)",
    { ...base, height: 8, width: 9, kernel: [3, 3], strides: [3, 3], pad: 'valid' },
  ],
  [
    '1×1 stride 1, more inputs than outputs (matrix product)',
    { ...base, inChannels: 6, outChannels: 2, height: 5, width: 4, kernel: [1, 1], pad: 'valid' },
  ],
  [
    '1×1 stride 1, fewer inputs than outputs (matrix product)',
    { ...base, inChannels: 2, outChannels: 6, height: 5, width: 4, kernel: [1, 1], pad: 'same' },
  ],
  [
    '1×1 with explicit padding (convolution path)',
    {
      ...base,
      height: 3,
      width: 3,
      kernel: [1, 1],
      pad: [
        [0, 0],
        [1, 2],
        [0, 1],
        [0, 0],
      ],
    },
  ],
  ["kernel larger than the input, 'same'", { ...base, height: 2, width: 3, kernel: [5, 5], pad: 'same' }],
  [
    'batch 1, one channel in and out',
    {
      ...base,
      batch: 1,
      inChannels: 1,
      outChannels: 1,
      height: 6,
      width: 6,
      kernel: [3, 3],
      strides: [2, 2],
      pad: 'same',
    },
  ],
];

describe('Conv2D backprop kernels on wasm', () => {
  it.each(edgeCases)('equal the cpu backend: %s', async (_, c) => {
    const check = await checkGradients(c, false);
    expect(check).not.toBeNull();
    expect(check!.filterError).toBeLessThan(TOLERANCE);
    expect(check!.inputError).toBeLessThan(TOLERANCE);
    expect([check!.leakedTensors, check!.leakedData]).toEqual([0, 0]);
  });

  it('equal the cpu backend over random shapes, strides, dilations and paddings, without leaks', () =>
    assertGradientsMatchCpu(false, 300, 20260406, worst));

  it("go through tf.grads of conv2d ('same', stride 2, odd sizes) like the cpu backend", () =>
    assertTfGradsMatchCpu((x, f) => tf.conv2d(x, f, 2, 'same'), [2, 7, 9, 3], [3, 3, 3, 4], 1));
});
