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
  // The filter gradient's SIMD kernel sums register tiles of 4 input × 8, 4 or 1 output channels, then single input channels.
  [
    'filter-gradient tiles: 9 in, 13 out (4×8, 4×4, 4×1, then 1×8 and 1×1 for the ninth input channel)',
    { ...base, inChannels: 9, outChannels: 13, height: 6, width: 7, kernel: [3, 3], pad: 'same' },
  ],
  [
    'filter-gradient tiles at stride 2, dilation 2, with uneven explicit padding (taps partly outside)',
    {
      ...base,
      inChannels: 8,
      outChannels: 16,
      height: 9,
      width: 8,
      kernel: [3, 2],
      strides: [2, 2],
      dilations: [2, 2],
      pad: [
        [0, 0],
        [3, 0],
        [0, 2],
        [0, 0],
      ],
    },
  ],
  // Taps past 16 KiB are packed into column panels (packTaps in assembly/tapProducts.ts).
  [
    'a filter past 16 KiB per tap (69 → 72 channels): the input gradient reads column panels of 8, 4 and 1',
    { ...base, inChannels: 69, outChannels: 72, height: 5, width: 6, kernel: [3, 3], strides: [2, 2], pad: 'same' },
  ],
  // A 1×1 stride-1 unpadded convolution runs through the whole batch in runs of 128 pixels (RUN in assembly/conv2d.ts).
  [
    '1×1 pointwise over 3·9·7 = 189 pixels: one run of 128 and one of 61',
    { ...base, batch: 3, inChannels: 9, outChannels: 12, height: 9, width: 7, kernel: [1, 1], pad: 'valid' },
  ],
  [
    '1×1 with explicit padding',
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
  // Strided input gradients: input rows and columns that get taps from several, one or no output positions.
  [
    'stride > 1: kernel smaller than the stride (2×2 taps, stride 3: a third of the rows and columns get zero)',
    { ...base, height: 9, width: 8, kernel: [2, 2], strides: [3, 3], pad: 'valid' },
  ],
  [
    "stride > 1: 1×1 kernel, stride 2, 'same' (three of four input positions get no gradient)",
    { ...base, height: 7, width: 6, kernel: [1, 1], strides: [2, 2], pad: 'same' },
  ],
  [
    "stride > 1: stride 3, 'same', sizes not multiples of 3 (windows cut at the edge)",
    { ...base, height: 10, width: 11, kernel: [3, 3], strides: [3, 3], pad: 'same' },
  ],
  [
    "stride > 1: uneven sizes, 'same' stride 2 with odd total padding (extra row at the bottom)",
    { ...base, height: 9, width: 6, kernel: [4, 5], strides: [2, 2], pad: 'same' },
  ],
  [
    "stride > 1: 'valid', stride 2, rows past the last window (they get zero)",
    { ...base, height: 10, width: 9, kernel: [3, 2], strides: [2, 2], pad: 'valid' },
  ],
  [
    'stride > 1: explicit uneven padding, stride 2 by 3',
    {
      ...base,
      height: 8,
      width: 10,
      kernel: [3, 4],
      strides: [2, 3],
      pad: [
        [0, 0],
        [2, 0],
        [1, 3],
        [0, 0],
      ],
    },
  ],
  [
    'stride > 1: stride in one axis only (1×3 kernel, stride 1 by 2)',
    { ...base, height: 5, width: 9, kernel: [1, 3], strides: [1, 2], pad: 'same' },
  ],
  [
    'stride > 1: 20 input channels (vector tiles of 8, 8 and 4 input channels)',
    { ...base, inChannels: 20, height: 7, width: 8, kernel: [3, 3], strides: [2, 2], pad: 'same' },
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
