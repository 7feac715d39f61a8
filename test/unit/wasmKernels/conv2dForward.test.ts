import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ConvCase, convCases, outputShape } from './convCases';
import { initWasmAndCpu, liveCounts, randomValues, relativeError, size } from './harness';

beforeAll(initWasmAndCpu);

/** Float sums in another order: max |Δ| relative to the output's scale. */
const TOLERANCE = 1e-5;

/** linear, relu and relu6 end in our kernel; the others run wasm's own activation kernel on its result. */
const activations = ['linear', 'relu', 'relu6', 'elu', 'sigmoid', 'leakyrelu'] as const;
type Activation = (typeof activations)[number];

interface ForwardCase {
  conv: ConvCase;
  kernel: 'Conv2D' | 'FusedConv2D';
  bias: boolean;
  activation: Activation;
}

/** Output channels 1–13: our kernel's tiles of 8, 4 and single columns. */
const forwardCases: fc.Arbitrary<ForwardCase> = fc.record({
  conv: fc.tuple(convCases(false), fc.integer({ min: 1, max: 13 })).map(([c, co]) => ({ ...c, outChannels: co })),
  kernel: fc.constantFrom('Conv2D' as const, 'FusedConv2D' as const),
  bias: fc.boolean(),
  activation: fc.constantFrom(...activations),
});

async function forwardOn(backend: 'wasm' | 'cpu', f: ForwardCase): Promise<Float32Array> {
  const c = f.conv;
  await tf.setBackend(backend);
  const before = liveCounts();
  const x = tf.tensor(randomValues(c.batch * c.height * c.width * c.inChannels, c.seed), [
    c.batch,
    c.height,
    c.width,
    c.inChannels,
  ]);
  const filterShape = [...c.kernel, c.inChannels, c.outChannels];
  const filter = tf.tensor(randomValues(size(filterShape), c.seed ^ 0x2545f491), filterShape);
  const bias = tf.tensor(randomValues(c.outChannels, c.seed ^ 0x68e31da4), [c.outChannels]);
  const attrs = {
    strides: c.strides,
    pad: c.pad,
    dilations: c.dilations,
    ...(c.dimRoundingMode ? { dimRoundingMode: c.dimRoundingMode } : {}),
  } as unknown as tf.NamedAttrMap;
  const y =
    f.kernel === 'Conv2D'
      ? (tf.engine().runKernel('Conv2D', { x, filter }, { ...attrs, dataFormat: 'NHWC' }) as tf.Tensor)
      : (tf.engine().runKernel('FusedConv2D', f.bias ? { x, filter, bias } : { x, filter }, {
          ...attrs,
          dataFormat: 'NHWC',
          activation: f.activation,
          leakyreluAlpha: 0.3,
        } as unknown as tf.NamedAttrMap) as tf.Tensor);
  const values = y.dataSync() as Float32Array;
  tf.dispose([x, filter, bias, y]);
  expect(liveCounts()).toEqual(before);
  return values;
}

async function expectSameAsCpu(f: ForwardCase) {
  const wasm = await forwardOn('wasm', f);
  const cpu = await forwardOn('cpu', f);
  expect(relativeError(wasm, cpu)).toBeLessThan(TOLERANCE);
}

describe('Conv2D and FusedConv2D on wasm (our tap-product kernel)', () => {
  it('equal the cpu backend over random shapes, kernels, strides, dilations, paddings, biases and activations', async () => {
    await fc.assert(
      fc.asyncProperty(
        forwardCases.filter((f) => outputShape(f.conv, false) !== null),
        expectSameAsCpu,
      ),
      { numRuns: 300, seed: 20261128 },
    );
  });

  const layer: ConvCase = {
    batch: 2,
    height: 9,
    width: 8,
    inChannels: 9,
    outChannels: 20,
    kernel: [3, 3],
    strides: [1, 1],
    dilations: [1, 1],
    pad: 'same',
    seed: 5,
  };
  it.each([
    ["3×3 'same', 9 → 20 channels: tiles of 8, 8 and 4 output channels, bias, relu", layer, 'relu'],
    ['stride 2, 5×5, relu6 (values above 6 clipped)', { ...layer, kernel: [5, 5], strides: [2, 2] }, 'relu6'],
    ['1×7, valid, no activation', { ...layer, kernel: [1, 7], pad: 'valid' }, 'linear'],
    [
      '1×1 pointwise over 2·9·8 = 144 pixels: runs through the batch, cut at 128',
      { ...layer, kernel: [1, 1] },
      'linear',
    ],
    [
      'a filter past 16 KiB per tap (72 → 69 channels), read as column panels of 8, 4 and 1',
      { ...layer, inChannels: 72, outChannels: 69, height: 5, width: 7 },
      'linear',
    ],
    [
      "a 'same' kernel taller than a 1-row input (wasm's own kernel gets it wrong)",
      { ...layer, height: 1, kernel: [2, 1], strides: [1, 2], outChannels: 1 },
      'linear',
    ],
  ] as [string, ConvCase, Activation][])('equal the cpu backend: %s', async (_, conv, activation) => {
    await expectSameAsCpu({ conv, kernel: 'FusedConv2D', bias: true, activation });
  });
});
