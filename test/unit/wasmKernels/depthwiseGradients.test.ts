import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convCases } from './convCases';
import { checkGradients } from './gradientCheck';
import { initWasmAndCpu, randomValues, relativeError, valuesOn } from './harness';

const TOLERANCE = 1e-4;
let worst = { filter: 0, input: 0, configs: 0 };

beforeAll(initWasmAndCpu);
afterAll(() => {
  console.info(
    `Depthwise backprop, wasm vs cpu over ${worst.configs} configs: max relative error filter ${worst.filter.toExponential(2)}, input ${worst.input.toExponential(2)}`,
  );
});

describe('DepthwiseConv2dNative backprop kernels on wasm', () => {
  it('equal the cpu backend over random shapes, channel multipliers, strides, dilations and paddings, without leaks', async () => {
    await fc.assert(
      fc.asyncProperty(convCases(true), async (c) => {
        const check = await checkGradients(c, true);
        fc.pre(check !== null);
        worst = {
          filter: Math.max(worst.filter, check.filterError),
          input: Math.max(worst.input, check.inputError),
          configs: worst.configs + 1,
        };
        expect(check.filterError).toBeLessThan(TOLERANCE);
        expect(check.inputError).toBeLessThan(TOLERANCE);
        expect([check.leakedTensors, check.leakedData]).toEqual([0, 0]);
      }),
      { numRuns: 200, seed: 20260407 },
    );
    expect(worst.configs).toBeGreaterThanOrEqual(100);
  });

  it("go through tf.grads of depthwiseConv2d ('same', stride 2, multiplier 2) like the cpu backend", async () => {
    const x = randomValues(3 * 9 * 6 * 4, 3);
    const filter = randomValues(3 * 3 * 4 * 2, 4);
    const gradients = (backend: 'wasm' | 'cpu') =>
      Promise.all(
        [0, 1].map((which) =>
          valuesOn(backend, () => {
            const grads = tf.grads((a: tf.Tensor, f: tf.Tensor) =>
              tf
                .depthwiseConv2d(a as tf.Tensor4D, f as tf.Tensor4D, 2, 'same')
                .square()
                .sum(),
            );
            return grads([tf.tensor4d(x, [3, 9, 6, 4]), tf.tensor4d(filter, [3, 3, 4, 2])])[which]!;
          }),
        ),
      );
    const [wasm, cpu] = [await gradients('wasm'), await gradients('cpu')];
    expect(relativeError(wasm[0]!, cpu[0]!)).toBeLessThan(TOLERANCE);
    expect(relativeError(wasm[1]!, cpu[1]!)).toBeLessThan(TOLERANCE);
  });
});
