import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { type ConvCase, convCases, outputShape } from './convCases';
import { denseFromDilated, dilatedFromDense, liveCounts, randomValues, relativeError, size, valuesOn } from './harness';

const kernelNames = {
  dense: { filter: 'Conv2DBackpropFilter', input: 'Conv2DBackpropInput' },
  depthwise: { filter: 'DepthwiseConv2dNativeBackpropFilter', input: 'DepthwiseConv2dNativeBackpropInput' },
};

export interface GradientCheck {
  filterError: number;
  inputError: number;
  /** Tensors and wasm data buffers left behind by the two wasm kernel calls. */
  leakedTensors: number;
  leakedData: number;
}

const run = (name: string, inputs: tf.NamedTensorMap, attrs: object) =>
  tf.engine().runKernel(name, inputs, attrs as tf.NamedAttrMap) as tf.Tensor;

/**
 * Both backprop kernels of one configuration on wasm (ours) against cpu. The cpu
 * kernels ignore dilations, so cpu gets the dilated filter written out densely
 * (see denseFromDilated). Null when the configuration has no output.
 */
export async function checkGradients(c: ConvCase, depthwise: boolean): Promise<GradientCheck | null> {
  const yShape = outputShape(c, depthwise);
  if (!yShape) return null;
  const names = kernelNames[depthwise ? 'depthwise' : 'dense'];
  const xShape = [c.batch, c.height, c.width, c.inChannels];
  const filterShape = [...c.kernel, c.inChannels, c.outChannels];
  const x = randomValues(size(xShape), c.seed);
  const dy = randomValues(size(yShape), c.seed ^ 0x5bd1e995);
  const filter = randomValues(size(filterShape), c.seed ^ 0x27d4eb2f);
  const [dh, dw] = c.dilations;
  const dense = denseFromDilated(filter, filterShape, dh, dw);
  const geometry = { strides: c.strides, pad: c.pad, dimRoundingMode: c.dimRoundingMode, dataFormat: 'NHWC' };

  await tf.setBackend('wasm');
  const before = liveCounts();
  const wasmFilterGrad = await valuesOn('wasm', () =>
    run(
      names.filter,
      { x: tf.tensor(x, xShape), dy: tf.tensor(dy, yShape) },
      { ...geometry, dilations: c.dilations, filterShape },
    ),
  );
  const wasmInputGrad = await valuesOn('wasm', () =>
    run(
      names.input,
      { dy: tf.tensor(dy, yShape), filter: tf.tensor(filter, filterShape) },
      { ...geometry, dilations: c.dilations, inputShape: xShape },
    ),
  );
  const after = liveCounts();

  const cpuDenseFilterGrad = await valuesOn('cpu', () =>
    run(
      names.filter,
      { x: tf.tensor(x, xShape), dy: tf.tensor(dy, yShape) },
      { ...geometry, dilations: 1, filterShape: dense.shape },
    ),
  );
  const cpuInputGrad = await valuesOn('cpu', () =>
    run(
      names.input,
      { dy: tf.tensor(dy, yShape), filter: tf.tensor(dense.values, dense.shape) },
      { ...geometry, dilations: 1, inputShape: xShape },
    ),
  );
  return {
    filterError: relativeError(wasmFilterGrad, dilatedFromDense(cpuDenseFilterGrad, filterShape, dh, dw)),
    inputError: relativeError(wasmInputGrad, cpuInputGrad),
    leakedTensors: after.tensors - before.tensors,
    leakedData: after.data - before.data,
  };
}

export const TOLERANCE = 1e-4;

export interface WorstSeen {
  filter: number;
  input: number;
  configs: number;
}

/** The property both kernel families must hold: random geometry, wasm equals cpu, nothing leaks. */
export async function assertGradientsMatchCpu(depthwise: boolean, numRuns: number, seed: number, worst: WorstSeen) {
  await fc.assert(
    fc.asyncProperty(convCases(depthwise), async (c) => {
      const check = await checkGradients(c, depthwise);
      fc.pre(check !== null);
      worst.filter = Math.max(worst.filter, check.filterError);
      worst.input = Math.max(worst.input, check.inputError);
      worst.configs += 1;
      expect(check.filterError).toBeLessThan(TOLERANCE);
      expect(check.inputError).toBeLessThan(TOLERANCE);
      expect([check.leakedTensors, check.leakedData]).toEqual([0, 0]);
    }),
    { numRuns, seed },
  );
  expect(worst.configs).toBeGreaterThanOrEqual(100);
}

/** Gradients through tf.grads of `op` ('same', stride 2) on wasm equal cpu's, for the input and the filter. */
export async function assertTfGradsMatchCpu(
  op: (x: tf.Tensor4D, f: tf.Tensor4D) => tf.Tensor,
  xShape: [number, number, number, number],
  filterShape: [number, number, number, number],
  seed: number,
) {
  const x = randomValues(size(xShape), seed);
  const filter = randomValues(size(filterShape), seed + 1);
  const gradients = (backend: 'wasm' | 'cpu') =>
    Promise.all(
      [0, 1].map((which) =>
        valuesOn(backend, () => {
          const grads = tf.grads((a: tf.Tensor, f: tf.Tensor) =>
            op(a as tf.Tensor4D, f as tf.Tensor4D)
              .square()
              .sum(),
          );
          return grads([tf.tensor4d(x, xShape), tf.tensor4d(filter, filterShape)])[which]!;
        }),
      ),
    );
  const [wasm, cpu] = [await gradients('wasm'), await gradients('cpu')];
  expect(relativeError(wasm[0]!, cpu[0]!)).toBeLessThan(TOLERANCE);
  expect(relativeError(wasm[1]!, cpu[1]!)).toBeLessThan(TOLERANCE);
}
